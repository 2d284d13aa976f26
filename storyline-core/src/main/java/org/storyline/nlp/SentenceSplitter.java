package org.storyline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits English news text into sentences with character offsets.
 *
 * <p>Rules: a blank line (paragraph break, {@code "\n\n"}) always ends a sentence; {@code . ! ? …} end one when the
 * next word starts a sentence (capital letter, digit, opening quote), closing quotes and brackets staying with the
 * sentence they close. Titles before names ("Gen.", "Sen.", "Mr.") and initials ("George W. Bush") never end a
 * sentence; other abbreviations ("U.S.", "Jan.", "Inc.") end one only before a typical sentence opener ("U.S. He
 * said"). Headlines and datelines ("MOSCOW (AP) —") carry no final period and stay attached to their paragraph.
 *
 * <p>Stateless and thread-safe. Every span is trimmed: it starts and ends on a non-space character, and
 * {@code text.substring(s.start(), s.end())} is the sentence.
 */
public final class SentenceSplitter {
  private static final Abbreviations ABBR = Abbreviations.INSTANCE;
  /** Capitalised words that usually open a sentence rather than continue a name after "U.S." or "Inc.". */
  private static final Set<String> OPENERS = Set.of("The", "He", "She", "It", "They", "We", "I", "You", "But",
      "And", "In", "A", "An", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "On",
      "At", "As", "If", "When", "While", "After", "Before", "Since", "So", "Yet", "Still", "However", "Meanwhile",
      "Asked", "Officials", "According", "Some", "Many", "Most", "Other", "For", "With", "What", "Why", "How",
      "Who", "Earlier", "Later", "Last", "Next", "Then", "Now", "Also", "Both", "No", "Not");
  private final Tokenizer tokenizer;

  public SentenceSplitter() {
    this(new Tokenizer());
  }

  public SentenceSplitter(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** Sentence spans of {@code text}, in order, non-overlapping. */
  public List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    for (Span p : paragraphs(text)) {
      List<Span> toks = tokenizer.tokenize(text, p.start(), p.end());
      for (List<Span> s : sentences(text, toks)) out.add(new Span(s.get(0).start(), s.get(s.size() - 1).end()));
    }
    return out;
  }

  /** Sentences of {@code text} as lists of token spans (non-empty lists, in order). */
  public List<List<Span>> splitTokens(String text) {
    List<List<Span>> out = new ArrayList<>();
    for (Span p : paragraphs(text)) out.addAll(sentences(text, tokenizer.tokenize(text, p.start(), p.end())));
    return out;
  }

  /** Paragraphs: maximal runs of text without a blank line, trimmed. */
  static List<Span> paragraphs(String t) {
    List<Span> out = new ArrayList<>();
    int n = t.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(t.charAt(i))) i++;
      if (i >= n) break;
      int start = i;
      int lastNonSpace = i;
      while (i < n) {
        char c = t.charAt(i);
        if (c == '\n') {
          int j = i + 1;
          while (j < n && t.charAt(j) != '\n' && Character.isWhitespace(t.charAt(j))) j++;
          if (j < n && t.charAt(j) == '\n') break;
        }
        if (!Character.isWhitespace(c)) lastNonSpace = i;
        i++;
      }
      out.add(new Span(start, lastNonSpace + 1));
    }
    return out;
  }

  private List<List<Span>> sentences(String t, List<Span> toks) {
    List<List<Span>> out = new ArrayList<>();
    int begin = 0;
    int n = toks.size();
    for (int i = 0; i < n; i++) {
      Span tok = toks.get(i);
      int kind = terminal(t, tok);
      if (kind == NONE) continue;
      // closing quotes and brackets go with this sentence
      int j = i + 1;
      while (j < n && isCloser(t, toks.get(j), toks.get(j - 1))) j++;
      if (j >= n) break;
      Span next = toks.get(j);
      if (next.start() == toks.get(j - 1).end()) continue; // no space after the terminator: not a boundary
      char c = t.charAt(next.start());
      boolean starts = Character.isUpperCase(c) || Character.isDigit(c) || isOpener(c);
      if (!starts) continue;
      if (kind == ABBREV) {
        String w = next.text(t);
        if (!OPENERS.contains(w)) continue;
      }
      out.add(new ArrayList<>(toks.subList(begin, j)));
      begin = j;
      i = j - 1;
    }
    if (begin < n) out.add(new ArrayList<>(toks.subList(begin, n)));
    return out;
  }

  private static final int NONE = 0;
  private static final int STRONG = 1;
  private static final int ABBREV = 2;

  private static int terminal(String t, Span tok) {
    int len = tok.length();
    char last = t.charAt(tok.end() - 1);
    if (len == 1) {
      return switch (last) {
        case '.', '!', '?', '\u2026' -> STRONG;
        default -> NONE;
      };
    }
    if (last == '.' && t.charAt(tok.start()) == '.') return STRONG; // "..."
    if (last != '.') return NONE;
    String w = t.substring(tok.start(), tok.end() - 1);
    if (ABBR.isTitle(w)) return NONE;
    if (w.length() == 1 && Character.isUpperCase(w.charAt(0))) return NONE; // initial
    return ABBREV;
  }

  private static boolean isCloser(String t, Span tok, Span prev) {
    if (tok.length() != 1) return false;
    char c = t.charAt(tok.start());
    return switch (c) {
      case '\u201d', '\u2019', ')', ']', '\u00bb' -> true;
      case '"', '\'' -> tok.start() == prev.end(); // straight quote glued to the terminator closes
      default -> false;
    };
  }

  private static boolean isOpener(char c) {
    return c == '"' || c == '\u201c' || c == '\'' || c == '\u2018' || c == '(' || c == '[' || c == '\u00ab';
  }
}
