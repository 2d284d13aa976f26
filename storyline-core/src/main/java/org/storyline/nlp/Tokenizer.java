package org.storyline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule-based word tokenizer for English news text, with character offsets. Tokens follow the CoNLL / Penn
 * Treebank conventions the entity tagger was trained on: punctuation split off, clitics split ("Russia" "'s",
 * "do" "n't"), hyphenated words, numbers ("1,200.5") and abbreviations ("U.S.", "Gen.", "a.m.") kept whole.
 *
 * <p>Stateless and thread-safe. {@code text.substring(s.start(), s.end())} is the token for every returned span.
 */
public final class Tokenizer {
  private static final Abbreviations ABBR = Abbreviations.INSTANCE;

  public Tokenizer() {}

  /** Tokens of the whole text. */
  public List<Span> tokenize(String text) {
    return tokenize(text, 0, text.length());
  }

  /** Tokens of {@code text[from, to)}, offsets into {@code text}. */
  public List<Span> tokenize(String text, int from, int to) {
    List<Span> out = new ArrayList<>(Math.max(8, (to - from) / 5));
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
        i++;
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        i = word(text, i, to, out);
        continue;
      }
      if (isApostrophe(c) && i > from && Character.isLetter(text.charAt(i - 1))) {
        int e = clitic(text, i, to);
        if (e > i) {
          out.add(new Span(i, e));
          i = e;
          continue;
        }
      }
      if (c == '.' && i + 2 < to && text.charAt(i + 1) == '.' && text.charAt(i + 2) == '.') {
        int e = i + 3;
        while (e < to && text.charAt(e) == '.') e++;
        out.add(new Span(i, e));
        i = e;
        continue;
      }
      if (c == '-' && i + 1 < to && text.charAt(i + 1) == '-') {
        int e = i + 2;
        while (e < to && text.charAt(e) == '-') e++;
        out.add(new Span(i, e));
        i = e;
        continue;
      }
      int cp = text.codePointAt(i);
      int e = Math.min(to, i + Character.charCount(cp));
      out.add(new Span(i, e));
      i = e;
    }
    return out;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  /** End of a clitic ('s 're 've 'll 'd 'm) starting at apostrophe {@code i}, or {@code i} when none. */
  private static int clitic(String t, int i, int to) {
    int j = i + 1;
    while (j < to && j - i <= 3 && Character.isLetter(t.charAt(j))) j++;
    if (j < to && Character.isLetterOrDigit(t.charAt(j))) return i;
    String s = t.substring(i + 1, j).toLowerCase(Locale.ROOT);
    return switch (s) {
      case "s", "re", "ve", "ll", "d", "m" -> j;
      default -> i;
    };
  }

  private int word(String t, int start, int to, List<Span> out) {
    int i = start + 1;
    boolean hasDot = false;
    while (i < to) {
      char c = t.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        i++;
        continue;
      }
      char prev = t.charAt(i - 1);
      if (c == '.' && hasDot && i + 2 < to && t.charAt(i + 1) == '-' && Character.isLetterOrDigit(t.charAt(i + 2))) {
        i += 2; // U.S.-led
        continue;
      }
      boolean nextAlnum = i + 1 < to && Character.isLetterOrDigit(t.charAt(i + 1));
      if (!nextAlnum) break;
      if (c == '-' || c == '\u2010' || c == '\u2011') {
        i++;
      } else if (c == '.' && Character.isLetterOrDigit(prev)) {
        hasDot = true;
        i++;
      } else if ((c == ',' || c == '/' || c == ':') && Character.isDigit(prev) && Character.isDigit(t.charAt(i + 1))) {
        i++;
      } else if (c == '&' && Character.isLetter(prev) && Character.isUpperCase(t.charAt(i + 1))) {
        i++;
      } else if (isApostrophe(c) && Character.isLetter(prev)) {
        if (clitic(t, i, to) > i) break; // Russia's -> Russia 's
        i++; // O'Neill
      } else {
        break;
      }
    }
    // a period belonging to the word: U.S. / Gen. / A. (initial)
    if (i < to && t.charAt(i) == '.' && !(i + 2 < to && t.charAt(i + 1) == '.' && t.charAt(i + 2) == '.')) {
      String w = t.substring(start, i);
      boolean single = w.length() == 1 && Character.isLetter(w.charAt(0));
      boolean numberSign = (w.equals("No") || w.equals("no") || w.equals("Nos")) && i + 2 < to
          && Character.isDigit(t.charAt(i + 1 < to && t.charAt(i + 1) == ' ' ? i + 2 : i + 1));
      if (hasDot && hasLetter(w) || single || numberSign || ABBR.isAbbreviation(w)) i++;
    }
    // n't
    int n = i - start;
    if (n > 3 && (t.charAt(i - 1) == 't' || t.charAt(i - 1) == 'T') && isApostrophe(t.charAt(i - 2))
        && (t.charAt(i - 3) == 'n' || t.charAt(i - 3) == 'N')) {
      out.add(new Span(start, i - 3));
      out.add(new Span(i - 3, i));
      return i;
    }
    out.add(new Span(start, i));
    return i;
  }

  private static boolean hasLetter(String w) {
    for (int k = 0; k < w.length(); k++) if (Character.isLetter(w.charAt(k))) return true;
    return false;
  }
}
