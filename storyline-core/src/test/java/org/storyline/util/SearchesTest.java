package org.storyline.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchesTest {
  private static List<String> found(Pattern p, String t) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(t);
    while (m.find()) out.add(m.start() + "-" + m.end() + ":" + m.group());
    return out;
  }

  private static List<String> foundAt(Pattern p, String t, String starts) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
    for (int at = 0; (at = Searches.findAt(m, t, at, starts)) >= 0; ) {
      out.add(m.start() + "-" + m.end() + ":" + m.group());
    }
    return out;
  }

  /** Look-behinds, word boundaries and {@code $} see the whole text, as a plain search's do. */
  @Test
  void findsWhatFindFinds() {
    Object[][] cases = {
        {"(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w])", "0123456789"},
        {"\\b(?:Mon|Fri)day\\b", "MF"},
        {"\\d+$", "0123456789"},
        {"(?<=a)b+", "b"},
        {"[,;]\\s+(?=but\\s)|\\s+(?=as\\s)", ",; \t\n"}};
    String alphabet = "ab9 .,;MonFriday\nbutas_";
    Random r = new Random(7);
    for (Object[] c : cases) {
      Pattern p = Pattern.compile((String) c[0]);
      for (String t : List.of("Monday 12 and 3.5 Fridays; aMonday, 7b", "x, but as 12", "abbb 99")) {
        assertEquals(found(p, t), foundAt(p, t, (String) c[1]), c[0] + " in " + t);
      }
      for (int k = 0; k < 2000; k++) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(25); i > 0; i--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        String t = b.toString();
        assertEquals(found(p, t), foundAt(p, t, (String) c[1]), c[0] + " in " + t);
      }
    }
  }
}
