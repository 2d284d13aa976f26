package org.storyline.nlp;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Text helpers of the TIMEX rules: the tagger's word tokens, offset-preserving lower-casing, and small tests of the
 * words around an expression (the word before and after it, an amount before "a year", a capitalised name).
 */
final class TimexText {
  private TimexText() {}

  /** Words before "a year", "a month" that make it a rate ("$33 million a year"), not a duration. */
  private static final Set<String> RATE_WORDS = Set.of("million", "billion", "trillion", "thousand", "hundred",
      "percent", "cents", "dollars", "euros", "pounds", "yen", "times", "barrels", "tons", "units");

  /** The last token of each phrase, as {@link #tokens} keys it: the word that must occur in any match. */
  static Set<String> lastWords(Collection<String> phrases) {
    Set<String> out = new HashSet<>();
    for (String p : phrases) {
      Toks tk = tokens(lower(p));
      if (tk.n() > 0) out.add(tk.keys()[tk.n() - 1]);
    }
    return out;
  }
  /**
   * Word tokens of a (lower-cased) text: runs of letters or digits ("'90s" keeps its apostrophe); "#" keys numbers.
   */
  record Toks(int[] starts, int[] ends, String[] keys, int n) {}
  static Toks tokens(String s) {
    int cap = Math.max(8, s.length() / 4);
    int[] st = new int[cap], en = new int[cap];
    String[] ks = new String[cap];
    int n = 0;
    int len = s.length();
    int i = 0;
    while (i < len) {
      char c = s.charAt(i);
      boolean apostDigit = (c == '\'' || c == '\u2019') && i + 1 < len && Character.isDigit(s.charAt(i + 1))
          && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
      if (!Character.isLetterOrDigit(c) && !apostDigit) {
        i++;
        continue;
      }
      int b = i;
      if (apostDigit) i++;
      boolean digit = Character.isDigit(s.charAt(i));
      while (i < len) {
        char d = s.charAt(i);
        if (Character.isLetterOrDigit(d)) i++;
        else break;
      }
      if (n == st.length) {
        st = java.util.Arrays.copyOf(st, n * 2);
        en = java.util.Arrays.copyOf(en, n * 2);
        ks = java.util.Arrays.copyOf(ks, n * 2);
      }
      st[n] = b;
      en[n] = i;
      ks[n] = digit ? "#" : s.substring(b, i); // callers pass lower-cased text
      n++;
    }
    return new Toks(st, en, ks, n);
  }
  /** The original-case text of a group (patterns run on a lower-cased copy of the text). */
  static String orig(Matcher m, String text, String group) {
    return text.substring(m.start(group), m.end(group));
  }
  /** True when a time-zone group matched letters that are not an upper-case abbreviation ("at", "st"). */
  static boolean badZone(Matcher m, String text, String group) {
    return m.group(group) != null && !isUpper(orig(m, text, group));
  }
  static boolean isUpper(String s) {
    for (int i = 0; i < s.length(); i++) if (!Character.isUpperCase(s.charAt(i))) return false;
    return true;
  }
  /** The end of the text before a group, white space trimmed. */
  static int cut(Matcher m, String text, String group) {
    int e = m.start(group);
    while (e > m.start() && Character.isWhitespace(text.charAt(e - 1))) e--;
    return e;
  }
  /** Lower-cases char by char, so every offset stays valid. */
  static String lower(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
    return new String(c);
  }
  static boolean capitalised(String s) {
    return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
  }
  /** The lower-cased word right before {@code pos}, or "". */
  static String prevWord(String text, int pos) {
    int i = pos - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    int e = i + 1;
    while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'')) i--;
    return text.substring(i + 1, e).toLowerCase(Locale.ROOT);
  }
  static String nextWord(String text, int pos) {
    int i = pos;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
    int s = i;
    while (i < text.length() && Character.isLetter(text.charAt(i))) i++;
    return text.substring(s, i).toLowerCase(Locale.ROOT);
  }
  /** True when the word at {@code start} follows a word in the same sentence. */
  static boolean midSentence(String text, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    return i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == ',');
  }
  /** True when "a year" at {@code start} follows an amount: "$1.76 a year", "358,000 a month". */
  static boolean rate(String text, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    if (i < 0) return false;
    char c = text.charAt(i);
    if (Character.isDigit(c) || c == '%') return true;
    return RATE_WORDS.contains(prevWord(text, start));
  }
}
