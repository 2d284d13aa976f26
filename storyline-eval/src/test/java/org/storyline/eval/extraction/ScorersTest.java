package org.storyline.eval.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorersTest {
  @Test
  void tokensFollowPythonUnicodeWordRule() {
    assertEquals(List.of("It", "s", "a_b", "2½", "Привет", "日本語"), Scorers.tokens("It's a_b 2½, Привет! 日本語"));
    // combining marks are not word characters in Python's re (they are in Java's Unicode \w)
    assertEquals(List.of("e", "x"), Scorers.tokens("e\u0301x"));
  }

  @Test
  void aebShinglesAndMacroAverages() {
    Scorers.Aeb s = new Scorers.Aeb();
    s.add("one two three four five", "one two three four five"); // exact: P = R = 1
    s.add("one two three four five", "");                         // empty: left out of P, R = 0
    s.add("a b", "a b c d e");                                    // short gold: one shingle (a, b), no match
    assertEquals((1.0 + 0.0) / 2, s.precision(), 1e-9);
    assertEquals((1.0 + 0.0 + 0.0) / 3, s.recall(), 1e-9);
    double p = 0.5;
    double r = 1.0 / 3;
    assertEquals(2 * p * r / (p + r), s.f1(), 1e-9);
    assertEquals(1.0 / 3, s.accuracy(), 1e-9);
  }

  @Test
  void aebCountsRepeatedShinglesAsAMultiset() {
    Scorers.Aeb s = new Scorers.Aeb();
    s.add("x y z w x y z w", "x y z w");
    // gold shingles: xyzw, yzwx, zwxy, wxyz, xyzw -> pred has one xyzw: tp 1, fp 0, fn 4
    assertEquals(1.0, s.precision(), 1e-9);
    assertEquals(0.2, s.recall(), 1e-9);
  }

  @Test
  void snippetsAreWhitespaceNormalisedAndCaseSensitive() {
    Scorers.Snippets s = new Scorers.Snippets();
    s.add("The  quick\nbrown fox", List.of("quick brown", "Quick"), List.of("fox", "dog"));
    assertEquals(1, s.tp);
    assertEquals(1, s.fn);
    assertEquals(1, s.fp);
    assertEquals(1, s.tn);
    Scorers.Snippets crash = new Scorers.Snippets();
    crash.add(null, List.of("a"), List.of("b"));
    assertEquals(1, crash.fn);
    assertEquals(1, crash.tn);
  }

  @Test
  void wcxbBagOfWordsPerPage() {
    Scorers.Wcxb w = new Scorers.Wcxb();
    w.add("A a b", "a c", List.of("A B"), List.of("c"));
    // pred {a, c}, gold {a, a, b}: overlap 1, P 1/2, R 1/3
    assertEquals(0.5, w.p, 1e-9);
    assertEquals(1.0 / 3, w.r, 1e-9);
    assertEquals(0.4, w.f, 1e-9);
    assertEquals(0.0, w.with, 1e-9);
    assertEquals(1.0, w.without, 1e-9);
    w.add("", "", List.of(), List.of());
    assertEquals(1.4, w.f, 1e-9);
  }

  @Test
  void datesCountEqualDifferentAndMissing() {
    Scorers.Dates d = new Scorers.Dates();
    d.add("2020-01-02", "2020-01-02T10:00:00Z");
    d.add("2020-01-02", "2020-01-03");
    d.add("2020-01-02", null);
    assertEquals(1, d.tp);
    assertEquals(1, d.fp);
    assertEquals(1, d.fn);
    assertEquals(1.0 / 3, d.accuracy(), 1e-9);
  }
}
