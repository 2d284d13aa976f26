package org.storyline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvalOptionsTest {
  @AfterEach
  void reset() {
    EvalOptions.init(List.of());
  }

  @Test
  void setPairsAreTakenOutOfTheArgumentsAndTyped() {
    List<String> rest = EvalOptions.init(List.of("eval", "clustering", "--set", "storyline.clustering.tune=true",
        "--data", "d", "--set", "ecbGap=30", "--set", "storyline.clustering.grid=0.2,0.3"));
    assertEquals(List.of("eval", "clustering", "--data", "d"), rest);
    assertTrue(EvalOptions.flag("storyline.clustering.tune"));
    assertFalse(EvalOptions.flag("storyline.clustering.train"));
    assertEquals(30, EvalOptions.integer("ecbGap", 120));
    assertEquals("0.2,0.3", EvalOptions.text("storyline.clustering.grid", "x"));
    assertNull(EvalOptions.text("storyline.clustering.sweep"));
  }

  @Test
  void unknownKeysAndBadValuesAreRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EvalOptions.init(List.of("--set", "storyline.clustering.tunee=true")));
    assertTrue(e.getMessage().contains("unknown eval option storyline.clustering.tunee")
        && e.getMessage().contains("storyline.clustering.tune "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EvalOptions.init(List.of("--set", "ecbGap=soon")));
    assertTrue(e.getMessage().contains("ecbGap") && e.getMessage().contains("whole number"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EvalOptions.init(List.of("--set", "follow=0.9")));
    assertTrue(e.getMessage().contains("two comma-separated numbers"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EvalOptions.init(List.of("--set", "storyline.quotes.dump=yes")));
    assertTrue(e.getMessage().contains("true or false"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EvalOptions.flag("no.such.option"), "a typo in code fails");
    assertThrows(IllegalArgumentException.class, () -> EvalOptions.flag("ecbGap"), "read with its own type");
  }
}
