package org.storyline.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * The first step of quote finding: a text's paragraphs (and which are headings: headlines, captions, labels) and its
 * quoted spans. Quotation marks of every common style are paired (straight, curly, guillemets, low-high), a quote
 * running over several paragraphs is followed across them, an unclosed quote that opens its paragraph is kept to the
 * paragraph's end, and single quotes (only outside double ones) are told apart from apostrophes and elisions
 * ("rock 'n' roll", "'90s"). Stateless, thread-safe: {@link #find} returns a new {@link Marked} for each text.
 */
final class QuoteMarks {
  private QuoteMarks() {}

  /** A quoted span: opening mark at {@code open}, closing mark at {@code close} (or the paragraph end if none). */
  record Span(int open, int close, int para, boolean unclosed) {}

  /**
   * A text's paragraphs ({@code [paraStart[k], paraEnd[k])}, trimmed; {@code charPara}: each character's paragraph
   * or -1), which paragraphs are headings, the quoted spans in text order, and {@code qmask}: each character's span
   * index (marks included) or -1. The arrays are filled once by {@link #find} and never written after.
   */
  record Marked(String text, int[] paraStart, int[] paraEnd, int[] charPara, boolean[] heading, List<Span> spans,
      int[] qmask) {
    Marked {
      spans = List.copyOf(spans);
    }

    /** Whether paragraph {@code k} starts (after marks and brackets) with a lower-case letter. */
    boolean startsLowercase(int k) {
      return QuoteMarks.startsLowercase(text, paraStart[k], paraEnd[k]);
    }

    /** Whether the quoted words of {@code sp} end with a full stop, question or exclamation mark. */
    boolean endsWithTerminal(Span sp) {
      int j = sp.close() - 1;
      while (j > sp.open() && ws(text.charAt(j))) j--;
      char c = text.charAt(j);
      return c == '.' || c == '!' || c == '?';
    }
  }

  /** The paragraphs and quoted spans of {@code text}. */
  static Marked find(String text) {
    Work w = new Work(text);
    w.paragraphs();
    w.findQuotes();
    return new Marked(text, w.paraStart, w.paraEnd, w.charPara, w.heading, w.spans, w.qmask);
  }

  /** Whether {@code text[from, to)} starts (after quotation marks and brackets) with a lower-case letter. */
  static boolean startsLowercase(String text, int from, int to) {
    for (int c = from; c < to; c++) {
      char ch = text.charAt(c);
      if (isQuoteChar(ch) || ch == '(' || ch == '[') continue;
      return Character.isLowerCase(ch);
    }
    return false;
  }

  /** The working state of one {@link #find}. */
  private static final class Work {
    final String text;
    final int n;
    int[] paraStart;
    int[] paraEnd;
    int[] charPara;
    boolean[] heading;
    final List<Span> spans = new ArrayList<>();
    int[] qmask;

    Work(String text) {
      this.text = text;
      this.n = text.length();
    }

    void paragraphs() {
      List<int[]> ps = new ArrayList<>();
      int i = 0;
      while (i < n) {
        while (i < n && text.charAt(i) == '\n') i++;
        if (i >= n) break;
        int s = i;
        while (i < n && text.charAt(i) != '\n') i++;
        int e = i;
        while (e > s && ws(text.charAt(e - 1))) e--;
        int s2 = s;
        while (s2 < e && ws(text.charAt(s2))) s2++;
        if (s2 < e) ps.add(new int[] {s2, e});
      }
      int m = ps.size();
      paraStart = new int[m];
      paraEnd = new int[m];
      charPara = new int[n];
      java.util.Arrays.fill(charPara, -1);
      for (int k = 0; k < m; k++) {
        paraStart[k] = ps.get(k)[0];
        paraEnd[k] = ps.get(k)[1];
        for (int c = paraStart[k]; c < paraEnd[k]; c++) charPara[c] = k;
      }
      heading = new boolean[m];
      for (int k = 0; k < m; k++) heading[k] = isHeading(k);
    }

    /** A line with no closing punctuation that is not continued by the next line: a headline, caption, label. */
    boolean isHeading(int k) {
      int s = paraStart[k];
      int e = paraEnd[k];
      if (text.charAt(s) == '#') return true;
      int j = e - 1;
      while (j > s && isClosingPunct(text.charAt(j))) j--;
      char last = text.charAt(j);
      if (".!?…:;".indexOf(last) >= 0) return false;
      if (isQuoteChar(text.charAt(e - 1)) && ".!?,…".indexOf(last) >= 0) return false;
      if (k + 1 < paraStart.length && startsLowercase(k + 1)) return false;
      if (k + 1 < paraStart.length && isQuoteChar(text.charAt(paraStart[k + 1])) && !isQuoteChar(text.charAt(e - 1))
          && continuesQuote(k)) {
        return false;
      }
      int words = 0;
      for (int c = s; c < e; c++) if (c == s || ws(text.charAt(c - 1))) words++;
      return words <= 30;
    }

    /** Whether paragraph k ends inside an open double quote (a multi-paragraph quote). */
    boolean continuesQuote(int k) {
      int count = 0;
      for (int c = paraStart[k]; c < paraEnd[k]; c++) if (isDoubleMark(text.charAt(c))) count++;
      return count % 2 == 1;
    }

    boolean startsLowercase(int k) {
      return QuoteMarks.startsLowercase(text, paraStart[k], paraEnd[k]);
    }

    // ---- quotation marks -------------------------------------------------------------------------------------

    void findQuotes() {
      qmask = new int[n];
      java.util.Arrays.fill(qmask, -1);
      List<Span> doubles = new ArrayList<>();
      int open = -1;
      char openCh = 0;
      int openPara = -1;
      for (int k = 0; k < paraStart.length; k++) {
        int s = paraStart[k];
        int e = paraEnd[k];
        int from = s;
        if (open >= 0) {
          if (isDoubleMark(text.charAt(s)) && openerContext(s)) {
            from = s + 1; // a continued quote re-opens each paragraph
          } else {
            doubles.add(new Span(open, paraEnd[k - 1], openPara, true));
            open = -1;
          }
        }
        for (int i = from; i < e; i++) {
          char c = text.charAt(i);
          if (!isDoubleMark(c)) continue;
          if (open < 0) {
            if (openerContext(i) || (isNominalOpener(c) && !closerContext(i))) {
              open = i;
              openCh = c;
              openPara = k;
            }
          } else {
            if (closesDouble(openCh, c) && (closerContext(i) || !openerContext(i))) {
              doubles.add(new Span(open, i, openPara, false));
              open = -1;
            } else if (openerContext(i) && !closerContext(i)) {
              open = i; // the earlier mark was stray
              openCh = c;
              openPara = k;
            }
          }
        }
        if (open >= 0) {
          boolean nextContinues = k + 1 < paraStart.length && isDoubleMark(text.charAt(paraStart[k + 1]))
              && openerContext(paraStart[k + 1]);
          if (!nextContinues) {
            // An unclosed quote: keep it only when it opens its paragraph (a missing closing mark).
            if (open == paraStart[openPara]) doubles.add(new Span(open, e, openPara, true));
            open = -1;
          }
        }
      }
      for (Span d : doubles) mark(d, Integer.MAX_VALUE);
      // Single quotes, only outside double quotes.
      List<Span> singles = new ArrayList<>();
      for (int k = 0; k < paraStart.length; k++) {
        int sOpen = -1;
        for (int i = paraStart[k]; i < paraEnd[k]; i++) {
          char c = text.charAt(i);
          if (!isSingleMark(c) || qmask[i] >= 0) continue;
          if (sOpen < 0) {
            if (c != '›' && singleOpenerContext(i)) sOpen = i;
          } else if (c != '‹' && singleCloserContext(i)) {
            if (i - sOpen > 1) singles.add(new Span(sOpen, i, k, false));
            sOpen = -1;
          }
        }
      }
      spans.addAll(doubles);
      spans.addAll(singles);
      spans.sort((a, b) -> Integer.compare(a.open(), b.open()));
      java.util.Arrays.fill(qmask, -1);
      for (int i = 0; i < spans.size(); i++) mark(spans.get(i), i);
    }

    void mark(Span sp, int v) {
      int end = Math.min(n - 1, sp.unclosed() ? sp.close() - 1 : sp.close());
      for (int c = sp.open(); c <= end; c++) qmask[c] = v;
    }

    boolean openerContext(int i) {
      char prev = i > 0 ? text.charAt(i - 1) : '\n';
      char next = i + 1 < n ? text.charAt(i + 1) : '\n';
      boolean prevOk = ws(prev) || "([{—–-/:;".indexOf(prev) >= 0 || isQuoteChar(prev);
      return prevOk && !ws(next);
    }

    boolean closerContext(int i) {
      char prev = i > 0 ? text.charAt(i - 1) : '\n';
      char next = i + 1 < n ? text.charAt(i + 1) : '\n';
      boolean nextOk = ws(next) || ".,;:!?)]}—–-…/".indexOf(next) >= 0 || isQuoteChar(next);
      return !ws(prev) && nextOk;
    }

    boolean singleOpenerContext(int i) {
      char prev = i > 0 ? text.charAt(i - 1) : '\n';
      boolean prevOk = ws(prev) || "([{—–-/:".indexOf(prev) >= 0 || isDoubleMark(prev);
      if (!prevOk || i + 1 >= n) return false;
      char next = text.charAt(i + 1);
      if (!Character.isLetterOrDigit(next) && next != '…') return false;
      return !ELISION.matcher(text).region(i + 1, Math.min(n, i + 8)).lookingAt();
    }

    boolean singleCloserContext(int i) {
      char prev = text.charAt(i - 1);
      char next = i + 1 < n ? text.charAt(i + 1) : '\n';
      return !ws(prev) && !Character.isLetterOrDigit(next);
    }

    // ---- tokens and sentences --------------------------------------------------------------------------------
  }

  private static final java.util.regex.Pattern ELISION =
      java.util.regex.Pattern.compile("(?i)(n['’]|em\\b|tis\\b|twas\\b|til\\b|cause\\b|bout\\b|round\\b|\\d0s\\b|\\d\\d\\b)");

  static boolean ws(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static boolean isDoubleMark(char c) {
    return c == '"' || c == '“' || c == '”' || c == '„' || c == '‟' || c == '«' || c == '»';
  }

  static boolean isSingleMark(char c) {
    return c == '\'' || c == '‘' || c == '’' || c == '‚' || c == '‹' || c == '›';
  }

  static boolean isQuoteChar(char c) {
    return isDoubleMark(c) || isSingleMark(c);
  }

  static boolean isNominalOpener(char c) {
    return c == '“' || c == '„' || c == '«' || c == '‟';
  }

  static boolean closesDouble(char open, char c) {
    return switch (open) {
      case '“' -> c == '”' || c == '"' || c == '“';
      case '„' -> c == '“' || c == '”' || c == '"';
      case '«' -> c == '»';
      case '»' -> c == '«';
      case '"' -> c == '"' || c == '”' || c == '“';
      default -> c == '”' || c == '"';
    };
  }

  static boolean isClosingPunct(char c) {
    return isQuoteChar(c) || c == ')' || c == ']' || c == '*' || c == '_';
  }
}
