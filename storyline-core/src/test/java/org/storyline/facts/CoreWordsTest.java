package org.storyline.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class CoreWordsTest {
  private static List<String> byPattern(String t) {
    List<String> out = new ArrayList<>();
    Matcher m = Statements.CORE_WORD.matcher(t);
    while (m.find()) out.add(m.start() + "-" + m.end());
    return out;
  }

  private static List<String> read(String t) {
    List<int[]> w = new ArrayList<>();
    Statements.coreWords(t, w);
    return w.stream().map(x -> x[0] + "-" + x[1]).toList();
  }

  @Test
  void readsTheWordsItsPatternFinds() {
    for (String t : List.of("", "The U.S. said it'd act -- and didn’t.", "1,500 people (about 2.5%) on 2025-02-18:",
        "e.g. a-b- ’90s \"quoted\" “curly” — dash – dash", "𝐀𝐁c 𝐀.𝐁. x\uD800y \uDC00z", "٣ Ⅻ ½ ǅ ʰ", "'.-", "a'", "a''b",
        "-a-", "...", "a.b.c.")) {
      assertEquals(byPattern(t), read(t), t);
    }
    // and on random text of the characters that matter
    String alphabet = "aZ9 .,;:'’-\u2014\u2013()\"\u201c\u201d!?\t\n٣Ⅻ½ǅʰ_#";
    String[] extra = {"𝐀", "\uD800", "\uDC00", "é"};
    Random r = new Random(18);
    for (int k = 0; k < 3000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(30); i > 0; i--) {
        if (r.nextInt(10) == 0) b.append(extra[r.nextInt(extra.length)]);
        else b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String t = b.toString();
      assertEquals(byPattern(t), read(t), t);
    }
  }
}
