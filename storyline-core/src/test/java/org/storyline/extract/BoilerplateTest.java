package org.storyline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BoilerplateTest {
  private final Boilerplate rules = new Boilerplate(new WireList());

  /** Lines the rules with a "needs" column match: the needs let them through (whatever their case). */
  @Test
  void rulesWithNeedsStillMatchTheirLines() {
    assertEquals(Boilerplate.Kind.DROP, rules.classify("Enter your EMAIL address to get our briefing"));
    assertEquals(Boilerplate.Kind.DROP, rules.classify("Already have an account? Log in"));
    assertEquals(Boilerplate.Kind.DROP, rules.classify("window.dataLayer = window.dataLayer || [];"));
    assertEquals(Boilerplate.Kind.DROP, rules.classify("(function() { var s = 1; })();"));
    assertEquals(Boilerplate.Kind.DROP, rules.classify("Acme News Group. ALL RIGHTS RESERVED."));
    assertEquals(Boilerplate.Kind.CAPTION, rules.classify("Protesters gathered outside the court (Image source: X)"));
    assertEquals(Boilerplate.Kind.CAPTION, rules.classify("Protesters gathered outside | Photo Credit: Jane Doe"));
    assertEquals(Boilerplate.Kind.CAPTION, rules.classify("Protesters gathered outside the court. Getty Images"));
    assertEquals(Boilerplate.Kind.CAPTION, rules.classify("Protesters gathered outside the court (Jane Doe/Acme)"));
    assertEquals(Boilerplate.Kind.CAPTION, rules.classify("Protesters gathered outside [File: Jane Doe / Acme]"));
    assertEquals(Boilerplate.Kind.CAPTION, rules.classify("Protesters gathered outside [Photo: Jane Doe]"));
    assertNull(rules.classify("Protesters gathered outside the court on Monday, police said."));
  }
}
