package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.compare.WordDiff.Edit;
import org.storyline.compare.WordDiff.Ties;

/**
 * The words of one wording of a quote against a reference wording: each word of {@code text} is kept or added, and
 * the reference's words missing here are given as removed at the place they would be. Words are compared without
 * case and punctuation, so "Now," and "now" are the same word. The alignment is the core's one word diff
 * ({@link org.storyline.compare.WordDiff}, additions first on ties, as this page always showed them).
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
    List<Token> out = new ArrayList<>();
    for (Edit e : org.storyline.compare.WordDiff.diff(keys(a), keys(b), Ties.ADDED_FIRST)) {
      out.add(switch (e.kind()) {
        case SAME -> new Token(b.get(e.to()), "same");
        case ADDED -> new Token(b.get(e.to()), "added");
        case REMOVED -> new Token(a.get(e.from()), "removed");
      });
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

  private static List<String> keys(List<String> words) {
    return words.stream().map(WordDiff::key).toList();
  }

  static String key(String w) {
    return w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
