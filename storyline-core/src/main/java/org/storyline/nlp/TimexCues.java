package org.storyline.nlp;

import static org.storyline.nlp.TimexText.nextWord;
import static org.storyline.nlp.TimexText.prevWord;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Tense cues around a time expression, which decide whether a date named without its year or week lies ahead or
 * behind the publish date: a future cue ("will", "scheduled", "plans to", a present-tense "begins", from
 * {@code futureCues} in the TIMEX tables) in the same clause before it, unless used as a noun or after a past
 * perfect; a possessive after it ("Tuesday's ruling": past). Immutable; thread-safe.
 */
final class TimexCues {
  private static final int CUE_WORDS = 8;
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "this",
      "that", "these", "those", "our", "my", "your", "bad", "poor", "high", "low", "strong", "weak", "heavy");

  final Set<String> futureCues;

  TimexCues(TimexTables t) {
    this.futureCues = Objects.requireNonNull(t.futureCues);
  }

  /**
   * True when a future cue ("will", "scheduled", "next", ...) stands in the same clause, at most
   * {@value #CUE_WORDS} words before {@code pos}.
   */
  boolean futureCue(String text, int pos) {
    int words = 0;
    int i = pos - 1;
    while (i >= 0 && words < CUE_WORDS) {
      char c = text.charAt(i);
      if (",;:!?\"\u201c\u201d`()".indexOf(c) >= 0 || (c == '\n' && i > 0 && text.charAt(i - 1) == '\n')) break;
      if (c == '.' && i >= 2 && Character.isLowerCase(text.charAt(i - 1)) && Character.isLowerCase(text.charAt(i - 2)))
        break;
      if (Character.isLetter(c) || c == '\'' || c == '\u2019') {
        int e = i + 1;
        while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '\u2019'))
          i--;
        String w = text.substring(i + 1, e).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (w.endsWith("'ll")) return true;
        if (futureCues.contains(w) && !nounUse(text, w, e) && !pastPerfect(text, i + 1)) return true;
        words++;
        continue;
      }
      i--;
    }
    return false;
  }

  /**
   * True when "had" stands among the four words before {@code pos} (the start of a future cue): "had been due to
   * expire Friday" looks back from a past time.
   */
  private static boolean pastPerfect(String text, int pos) {
    int p = pos;
    for (int k = 0; k < 4; k++) {
      int i = p - 1;
      while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
      if (i < 0 || !Character.isLetter(text.charAt(i))) return false;
      String w = prevWord(text, p);
      if (w.equals("had")) return true;
      p = i + 1 - w.length();
    }
    return false;
  }

  /**
   * True when a cue word that doubles as a noun or preposition is used as one: "plans" not followed by "to",
   * "set" not followed by "to"/"for", "due to the strike".
   */
  private static boolean nounUse(String text, String w, int end) {
    String n1 = nextWord(text, end);
    switch (w) {
      case "plans", "plan", "intends", "going" -> {
        return !n1.equals("to");
      }
      case "set" -> {
        return !n1.equals("to") && !n1.equals("for");
      }
      case "due" -> {
        if (!n1.equals("to")) return false;
        int i = text.indexOf("to", end);
        return i < 0 || DETERMINERS.contains(nextWord(text, i + 2));
      }
      default -> {
        return false;
      }
    }
  }

  /** True when the expression at [start, end) is a possessive ("Friday's ruling"): a past event as a rule. */
  static boolean possessive(String text, int end) {
    return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')
        && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S');
  }
}
