package org.storyline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storyline.compare.WordDiff.Edit;
import org.storyline.compare.WordDiff.Kind;
import org.storyline.compare.WordDiff.Ties;

class WordDiffTest {
  private static List<String> w(String s) {
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
  }

  private static String script(List<Edit> edits, List<String> a, List<String> b) {
    StringBuilder sb = new StringBuilder();
    for (Edit e : edits) {
      sb.append(switch (e.kind()) {
        case SAME -> a.get(e.from());
        case ADDED -> "+" + b.get(e.to());
        case REMOVED -> "-" + a.get(e.from());
      }).append(' ');
    }
    return sb.toString().strip();
  }

  @Test
  void anInsertionAndARemoval() {
    List<String> a = w("we need them now");
    List<String> b = w("we need now please");
    assertEquals("we need -them now +please", script(WordDiff.diff(a, b, Ties.REMOVED_FIRST), a, b));
  }

  @Test
  void tiesDecideWhichEditComesFirst() {
    List<String> a = w("we need pumps now");
    List<String> b = w("we need boats now");
    assertEquals("we need -pumps +boats now", script(WordDiff.diff(a, b, Ties.REMOVED_FIRST), a, b));
    assertEquals("we need +boats -pumps now", script(WordDiff.diff(a, b, Ties.ADDED_FIRST), a, b));
  }

  @Test
  void emptySides() {
    assertEquals("+a +b", script(WordDiff.diff(List.of(), w("a b"), Ties.REMOVED_FIRST), List.of(), w("a b")));
    assertEquals("-a -b", script(WordDiff.diff(w("a b"), List.of(), Ties.ADDED_FIRST), w("a b"), List.of()));
    assertEquals(List.of(), WordDiff.diff(List.of(), List.of(), Ties.ADDED_FIRST));
  }

  /** On random word lists: every index once, in order; the kept words are a longest common subsequence. */
  @Test
  void randomListsGiveACompleteScriptWithALongestCommonSubsequence() {
    Random r = new Random(12);
    for (int round = 0; round < 300; round++) {
      List<String> a = random(r);
      List<String> b = random(r);
      for (Ties t : Ties.values()) {
        List<Edit> edits = WordDiff.diff(a, b, t);
        List<String> fromSide = new ArrayList<>();
        List<String> toSide = new ArrayList<>();
        int kept = 0;
        int i = 0;
        int j = 0;
        for (Edit e : edits) {
          if (e.kind() != Kind.ADDED) assertEquals(i++, e.from());
          if (e.kind() != Kind.REMOVED) assertEquals(j++, e.to());
          if (e.kind() == Kind.SAME) {
            assertEquals(a.get(e.from()), b.get(e.to()));
            kept++;
          }
          if (e.kind() != Kind.ADDED) fromSide.add(a.get(e.from()));
          if (e.kind() != Kind.REMOVED) toSide.add(b.get(e.to()));
        }
        assertEquals(a, fromSide);
        assertEquals(b, toSide);
        assertEquals(lcs(a, b), kept);
      }
    }
  }

  private static List<String> random(Random r) {
    List<String> out = new ArrayList<>();
    int n = r.nextInt(9);
    for (int k = 0; k < n; k++) out.add(String.valueOf((char) ('a' + r.nextInt(4))));
    return out;
  }

  private static int lcs(List<String> a, List<String> b) {
    int[][] l = new int[a.size() + 1][b.size() + 1];
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        l[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? l[i - 1][j - 1] + 1 : Math.max(l[i - 1][j], l[i][j - 1]);
      }
    }
    return l[a.size()][b.size()];
  }
}
