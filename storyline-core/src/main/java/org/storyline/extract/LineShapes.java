package org.storyline.extract;

import java.util.regex.Pattern;

/**
 * What a line of scraped text looks like: its word count, its identity for repeats, whether it ends as a sentence,
 * reads as a headline or as a teaser of another article, or is a long paragraph. Pure functions of the line.
 */
final class LineShapes {
  private LineShapes() {}

  private static final Pattern ABBREV_END = Pattern.compile("(?:\\b(?:\\p{Lu}\\.){2,}|\\b(?:Co|Inc|Corp|Ltd|Jr|Sr|St|Bros)\\.)$");
  private static final Pattern SENTENCE_BREAK = Pattern.compile(
      "(?<![A-Z])(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|Sr|Inc|Co|vs|No))[.!?…][\"”’')]*\\s+[\"“‘]?\\p{Lu}");
  private static final Pattern QUOTE_END = Pattern.compile("[.,!?][\"”’']$");
  private static final Pattern CAMEL = Pattern.compile("\\p{Ll}+\\p{Lu}");
  private static final Pattern OPEN_END = Pattern.compile("\\s(?:the|a|an|of|to|and|or|with|by|from|that|for)$");
  static final Pattern TERMINAL = Pattern.compile(".*[.!?…\"”’'):;]$");
  private static final Pattern CLOSERS = Pattern.compile("[\"”’')\\]]+$");
  private static final String CLOSER_CHARS = "\"”’')]";
  static final Pattern STARTS_LOWER = Pattern.compile("^[\"“‘'(]?\\p{Ll}.*");

  /** Lower-case letters and digits with single spaces between runs: the identity of a line for repeats. */
  static String key(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (gap && b.length() > 0) b.append(' ');
        b.append(Character.toLowerCase(c));
        gap = false;
      } else {
        gap = true;
      }
    }
    return b.toString();
  }
  /**
   * A line ending as a sentence does: a full stop, question or exclamation mark, possibly inside closing quotes or
   * brackets ({@code rubble.”}); not an ellipsis or an abbreviation ("Inc.").
   */
  static boolean sentenceEnd(String s) {
    int n = s.length();
    if (n == 0 || !lineBreak(s.charAt(n - 1))) {
      // as below, read from the end: the patterns' searches tried every character of the line (a line of text is
      // a paragraph)
      int e = n;
      while (e > 0 && CLOSER_CHARS.indexOf(s.charAt(e - 1)) >= 0) e--;
      if (e == 0) return false;
      char last = s.charAt(e - 1);
      if (last == '!' || last == '?') return true;
      if (last != '.' || e >= 3 && s.startsWith("...", e - 3)) return false;
      // an abbreviation holds no white space: it lies in the last word
      int from = e - 1;
      while (from > 0 && !Character.isWhitespace(s.charAt(from - 1))) from--;
      return !ABBREV_END.matcher(s.substring(0, e)).region(from, e).useTransparentBounds(true)
          .useAnchoringBounds(false).find();
    }
    String core = CLOSERS.matcher(s).replaceFirst("");
    if (core.isEmpty() || core.endsWith("...") || core.endsWith("…") || ABBREV_END.matcher(core).find()) return false;
    char last = core.charAt(core.length() - 1);
    return last == '.' || last == '!' || last == '?';
  }
  /** A character before which a pattern's {@code $} also matches, when it ends the input. */
  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  static boolean headlineLike(String s) {
    if (s.length() < 8 || s.length() > 250) return false;
    int n = words(s);
    if (n < 2 || n > 30) return false;
    char last = s.charAt(s.length() - 1);
    boolean truncated = s.endsWith("...") || s.endsWith("…") || ABBREV_END.matcher(s).find();
    if (!truncated && (last == '.' || last == ',' || last == ';' || last == ':')) return false;
    String core = CLOSERS.matcher(s).replaceFirst("");
    if (!truncated && !core.isEmpty() && core.charAt(core.length() - 1) == '.') return false; // rubble.”
    if (OPEN_END.matcher(s).find()) return false;
    int cp = s.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
    boolean camel = CAMEL.matcher(s).lookingAt(); // iPhone, eBay
    return cp >= 0 && (!Character.isLowerCase(cp) || camel) && s.codePoints().anyMatch(Character::isLetter);
  }
  /** A headline of another article: headline-like, one sentence, at most 20 words, not a quotation. */
  static boolean teaserLike(String s) {
    return headlineLike(s) && words(s) <= 20 && !SENTENCE_BREAK.matcher(s).find() && !QUOTE_END.matcher(s).find();
  }
  static boolean titleCase(String s) {
    int big = 0;
    int upper = 0;
    for (String t : s.split("\\s+")) {
      String letters = t.replaceAll("[^\\p{L}]", "");
      if (letters.length() < 4) continue;
      big++;
      if (Character.isUpperCase(letters.codePointAt(0))) upper++;
    }
    return big > 0 && upper * 10 >= big * 6;
  }
  static boolean longParagraph(String s) {
    return words(s) >= 25 && TERMINAL.matcher(s).matches();
  }
  static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
    return false;
  }
  static boolean articleLike(String url) {
    String host = OutletTable.host(url);
    if (host == null) return false;
    String path = url.replaceFirst("^https?://[^/]+", "");
    return path.length() > 1;
  }
  static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) n++;
      in = !ws;
    }
    return n;
  }
}
