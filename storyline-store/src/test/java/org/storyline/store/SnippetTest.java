package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnippetTest {
  @Test
  void shortSnippetsStayWhole() {
    assertEquals("a «hit» here", ArticleStore.clip("a «hit» here", 100));
  }

  @Test
  void longSnippetsKeepTheFirstHitAndNeverCutAHitInHalf() {
    String before = "word ".repeat(200);
    String s = before + "the «harbour» plan " + "more ".repeat(30) + "«second hit» " + "tail ".repeat(200);
    String c = ArticleStore.clip(s, 120);
    assertTrue(c.startsWith("… "), c);
    assertTrue(c.endsWith(" …"), c);
    assertTrue(c.contains("«harbour»"), c);
    assertEquals(c.chars().filter(ch -> ch == '«').count(), c.chars().filter(ch -> ch == '»').count(), c);
    assertTrue(c.length() <= 140, c.length() + ": " + c);
  }
}
