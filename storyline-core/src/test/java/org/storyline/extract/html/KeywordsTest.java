package org.storyline.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordsTest {
  @Test
  void substringsTokensPrefixesAndSeparators() {
    Keywords k = new Keywords("share", "side~bar", "=ad", "^nav", "kommentär");
    assertTrue(k.matches("post-share-buttons"));
    assertTrue(k.matches("left sidebar") && k.matches("side-bar") && k.matches("side_bar"));
    assertFalse(k.matches("side bar"));
    assertTrue(k.matches("top ad") && k.matches("ad-slot"));
    assertFalse(k.matches("header"), "a token entry is not a substring");
    assertTrue(k.matches("navigation"));
    assertFalse(k.matches("main-nav"), "a prefix entry only at the start");
    assertTrue(k.matches("die kommentäre"));
  }

  @Test
  void automatonAgreesWithPlainSubstringSearch() {
    // overlapping entries exercise the failure links: "abcd" must be found in "ababcd" and "xabcabcd"
    List<String> words = List.of("abcd", "bca", "cab", "aab", "d-e", "b");
    Keywords k = new Keywords(words.toArray(String[]::new));
    Keywords noB = new Keywords("abcd", "bca", "cab", "aab", "d-e");
    Random r = new Random(7);
    String alphabet = "abcde-é";
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = r.nextInt(12); j > 0; j--) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String s = sb.toString();
      assertEquals(words.stream().anyMatch(s::contains), k.matches(s), s);
      assertEquals(words.stream().filter(w -> !w.equals("b")).anyMatch(s::contains), noB.matches(s), s);
    }
  }
}
