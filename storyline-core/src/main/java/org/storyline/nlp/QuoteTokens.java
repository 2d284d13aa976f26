package org.storyline.nlp;

import static org.storyline.nlp.QuoteMarks.isQuoteChar;
import static org.storyline.nlp.QuoteMarks.ws;
import java.util.List;
import org.storyline.nlp.QuoteMarks.Marked;
import org.storyline.nlp.QuoteMarks.Span;

/**
 * The second step of quote finding: the tokens and sentences of a {@link Marked} text. Words keep inner
 * apostrophes, hyphens, periods and ampersands ("don't", "U.S.", "AT&T"; an apostrophe that is a quotation mark
 * splits), a plural possessive keeps its apostrophe ("Sanders’"), abbreviations ({@link QuoteLexicon}) their
 * period. A sentence ends at a full stop outside quotes (or a quote ending in one) before an upper-case word, a
 * digit or a mark, and at a paragraph break unless the next paragraph starts in lower case; a quote never splits.
 * Stateless, thread-safe: {@link #of} returns a new {@link Tokens} for each text.
 *
 * <p>Why not the annotated document's tokens and sentences ({@link org.storyline.document.Segmenter}): those follow
 * the entity tagger's CoNLL conventions ("Russia" "'s", "do" "n't") and end sentences inside quotations, where these
 * tokens depend on the paired quotation marks (an apostrophe that closes a quote splits, one inside a word does not)
 * and a sentence holds its quotes whole; attribution rules read both.
 */
final class QuoteTokens {
  private QuoteTokens() {}

  /**
   * The {@code nt} tokens: {@code [ts[t], te[t])} in the text, words {@code tw[t]}, sentence {@code tokSent[t]}
   * (sentence {@code s} starts at token {@code sentStart[s]}) and quoted span {@code tokQuote[t]} (or -1). The
   * arrays are filled once by {@link #of} and never written after.
   */
  record Tokens(int[] ts, int[] te, String[] tw, int nt, int[] tokSent, int[] sentStart, int[] tokQuote) {}

  static Tokens of(Marked marked, QuoteLexicon lex) {
    Work w = new Work(marked, lex);
    w.tokenize();
    w.sentences();
    return new Tokens(w.ts, w.te, w.tw, w.nt, w.tokSent, w.sentStart, w.tokQuote);
  }

  /** The working state of one {@link #of}. */
  private static final class Work {
    final Marked marked;
    final QuoteLexicon lex;
    final String text;
    final int n;
    final int[] qmask;
    final int[] charPara;
    final List<Span> spans;
    int[] ts;
    int[] te;
    String[] tw;
    int nt;
    int[] tokSent;
    int[] sentStart;
    int[] tokQuote;

    Work(Marked marked, QuoteLexicon lex) {
      this.marked = marked;
      this.lex = lex;
      this.text = marked.text();
      this.n = text.length();
      this.qmask = marked.qmask();
      this.charPara = marked.charPara();
      this.spans = marked.spans();
    }

    boolean startsLowercase(int k) {
      return marked.startsLowercase(k);
    }

    void tokenize() {
      int cap = Math.max(16, n / 4);
      ts = new int[cap];
      te = new int[cap];
      tw = new String[cap];
      nt = 0;
      int i = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (ws(c)) {
          i++;
          continue;
        }
        int s = i;
        if (Character.isLetterOrDigit(c)) {
          i++;
          while (i < n) {
            char d = text.charAt(i);
            if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
              i++;
            } else if ((d == '\'' || d == '’' || d == '-' || d == '.' || d == '&') && i + 1 < n
                && Character.isLetterOrDigit(text.charAt(i + 1)) && (d == '-' || d == '.' || qmask[i] < 0
                    || qmask[i] == qmask[s])) {
              i += 2;
            } else {
              break;
            }
          }
          if (i < n && (text.charAt(i) == '’' || text.charAt(i) == '\'') && qmask[i] < 0
              && (text.charAt(i - 1) == 's' || text.charAt(i - 1) == 'S')
              && (i + 1 >= n || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
            i++; // plural possessive: "Sanders’ campaign"
          } else if (i < n && text.charAt(i) == '.') {
            String w = text.substring(s, i);
            if (w.indexOf('.') >= 0 || (w.length() == 1 && Character.isUpperCase(w.charAt(0)))
                || lex.abbreviations.contains(w)) {
              i++;
            }
          }
        } else {
          i++;
        }
        add(s, i);
      }
      tokSent = new int[nt];
      tokQuote = new int[nt];
      for (int t = 0; t < nt; t++) tokQuote[t] = qmask[ts[t]];
    }

    void add(int s, int e) {
      if (nt == ts.length) {
        ts = java.util.Arrays.copyOf(ts, nt * 2);
        te = java.util.Arrays.copyOf(te, nt * 2);
        tw = java.util.Arrays.copyOf(tw, nt * 2);
      }
      ts[nt] = s;
      te[nt] = e;
      tw[nt] = text.substring(s, e);
      nt++;
    }

    void sentences() {
      sentStart = new int[nt + 1];
      int sent = 0;
      boolean pending = false;
      for (int t = 0; t < nt; t++) {
        if (t > 0) {
          boolean sameQuote = tokQuote[t] >= 0 && tokQuote[t] == tokQuote[t - 1];
          if (!sameQuote) {
            int pa = charPara[ts[t]];
            int pb = charPara[ts[t - 1]];
            if (pa != pb && !startsLowercase(pa)) {
              sent++;
            } else if (pending) {
              char c = text.charAt(ts[t]);
              if (Character.isUpperCase(c) || Character.isDigit(c) || isQuoteChar(c)) sent++;
            }
          }
        }
        pending = false;
        String w = tw[t];
        if (tokQuote[t] < 0) {
          if (w.equals(".") || w.equals("!") || w.equals("?") || w.equals("…")) pending = true;
        } else {
          Span sp = spans.get(tokQuote[t]);
          if (ts[t] == sp.close() && endsWithTerminal(sp)) pending = true;
        }
        tokSent[t] = sent;
        if (t == 0 || tokSent[t - 1] != sent) sentStart[sent] = t;
      }
    }

    boolean endsWithTerminal(Span sp) {
      int j = sp.close() - 1;
      while (j > sp.open() && ws(text.charAt(j))) j--;
      char c = text.charAt(j);
      return c == '.' || c == '!' || c == '?';
    }

    // ---- mentions ---------------------------------------------------------------------------------------------
  }

}
