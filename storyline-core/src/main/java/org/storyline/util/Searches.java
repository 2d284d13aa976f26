package org.storyline.util;

import java.util.regex.Matcher;

/**
 * A pattern's search through a text, tried only at the characters a match can start with. {@code Matcher.find()}
 * runs the pattern engine at every character; when a pattern's matches all start with one of a few characters (a
 * digit, a month's capital, a comma or a space), skipping the others first is most of the work saved, and the
 * matches are the same. Stateless.
 */
public final class Searches {
  private Searches() {}

  /**
   * {@code m.find()} from {@code from}, trying only the positions whose character is in {@code starts}: where the
   * next search starts (after the match, whose groups {@code m} then holds), or -1 when there is no match left.
   * Every match of {@code m}'s pattern must start with a character of {@code starts} and be non-empty. {@code m}
   * must have transparent, non-anchoring bounds, so that each try sees the whole text as {@code find()} does
   * (look-behinds, word boundaries, {@code ^} and {@code $}).
   *
   * <pre>{@code
   * Matcher m = DIGITS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
   * for (int at = 0; (at = Searches.findAt(m, text, at, "0123456789")) >= 0; ) use(m.group());
   * }</pre>
   */
  public static int findAt(Matcher m, String text, int from, String starts) {
    for (int i = from, n = text.length(); i < n; i++) {
      if (starts.indexOf(text.charAt(i)) >= 0 && m.region(i, n).lookingAt()) return Math.max(m.end(), i + 1);
    }
    return -1;
  }
}
