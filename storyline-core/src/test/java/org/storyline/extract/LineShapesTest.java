package org.storyline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineShapesTest {
  /** The definition {@link LineShapes#sentenceEnd} reads from the end of the line: strip closers, then look. */
  private static boolean byPatterns(String s) {
    String core = Pattern.compile("[\"”’')\\]]+$").matcher(s).replaceFirst("");
    if (core.isEmpty() || core.endsWith("...") || core.endsWith("…") || Pattern.compile(
        "(?:\\b(?:\\p{Lu}\\.){2,}|\\b(?:Co|Inc|Corp|Ltd|Jr|Sr|St|Bros)\\.)$").matcher(core).find()) {
      return false;
    }
    char last = core.charAt(core.length() - 1);
    return last == '.' || last == '!' || last == '?';
  }

  @Test
  void sentenceEndReadsAsItsPatternsDo() {
    List<String> lines = List.of("", ".", "”", "\"')]", "reduced to rubble.”", "Acme Inc.", "Acme Inc.)", "shares in Acme"
        + " Inc. rose.", "He moved to the U.S.", "He moved to the U.S.”", "the U.S. said.", "See St.", "Ask Mr. Jones.",
        "Wait...", "Wait…", "Wait...”", "Really?", "Really?”)", "Stop!’", "no end", "Price: $5.", "A.", "A.B.",
        "x A.B.", "xA.B.", "x É.É.", "xÉ.É.É.É.É.É.É.", "Co.", "aCo.", "(Inc.)", "\tJr.", "Bros.]", "ends.\n",
        "Acme Inc.\n", "ends\n", "ends.\r\n", "”\n", "it ended.\u2028", "Sr.\u0085", "a b c d.", "1.2.", "U.S.A.",
        "said: “We will.”", "ellipsis ..", "two.. ");
    for (String s : lines) assertEquals(byPatterns(s), LineShapes.sentenceEnd(s), "\"" + s + "\"");
  }
}
