package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one wording of a quote against a reference wording: each word of {@code text} is kept or added, and
 * the reference's words missing here are given as removed at the place they would be. Words are compared without
 * case and punctuation (a longest common subsequence), so "Now," and "now" are the same word.
 */
public final class WordDiff {
  /** A word (with the spacing and punctuation around it) and whether it is the same, added or removed here. */
  public record Token(String text, String kind) {
    public boolean same() {
      return kind.equals("same");
    }
  }

  private static final Pattern WORD = Pattern.compile("\\S+\\s*");

  private WordDiff() {}

  public static List<Token> diff(String reference, String text) {
    List<String> a = words(reference);
    List<String> b = words(text);
    int n = a.size();
    int m = b.size();
    int[][] l = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        l[i][j] = key(a.get(i)).equals(key(b.get(j))) ? l[i + 1][j + 1] + 1 : Math.max(l[i + 1][j], l[i][j + 1]);
      }
    }
    List<Token> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && key(a.get(i)).equals(key(b.get(j)))) {
        out.add(new Token(b.get(j), "same"));
        i++;
        j++;
      } else if (j < m && (i == n || l[i][j + 1] >= l[i + 1][j])) {
        out.add(new Token(b.get(j), "added"));
        j++;
      } else {
        out.add(new Token(a.get(i), "removed"));
        i++;
      }
    }
    return out;
  }

  /** Whether the two wordings differ in any word. */
  public static boolean differs(List<Token> diff) {
    return diff.stream().anyMatch(t -> !t.same());
  }

  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    Matcher mt = WORD.matcher(s == null ? "" : s);
    while (mt.find()) out.add(mt.group());
    return out;
  }

  static String key(String w) {
    return w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
