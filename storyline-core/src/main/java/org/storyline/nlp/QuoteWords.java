package org.storyline.nlp;

import static org.storyline.nlp.QuoteExtractor.*;
import static org.storyline.nlp.QuoteMarks.isQuoteChar;
import java.util.List;
import java.util.Locale;
import org.storyline.nlp.QuoteMarks.Marked;
import org.storyline.nlp.QuoteMarks.Span;


/**
 * The words of a text as quote finding reads them: its {@link QuoteMarks paragraphs and quoted spans}, its
 * {@link QuoteTokens tokens and sentences}, and what each token can be: usable as evidence (outside quotes and
 * headings), capitalised, name-like, a title or role word, a speech verb ("said", "says" after its subject, "Said
 * Ellis:" opening a sentence; "a band called", "Republican claims" are not). Built once per text, read only after;
 * not shared between threads.
 */
final class QuoteWords {
    final QuoteLexicon lex;
    final String text;
    final int n;
    final Marked marked;
    final int[] paraStart;
    final int[] paraEnd;
    final int[] charPara;
    final boolean[] heading;
    final List<Span> spans;
    final int[] qmask; // char -> span index or -1 (marks included)
    final int[] ts;
    final int[] te;
    final String[] tw;
    final int nt;
    final int[] tokSent;
    final int[] sentStart;
    final int[] tokQuote;

  QuoteWords(String text, QuoteLexicon lex) {
    this.lex = lex;
    this.text = text;
    this.n = text.length();
    marked = QuoteMarks.find(text);
    paraStart = marked.paraStart();
    paraEnd = marked.paraEnd();
    charPara = marked.charPara();
    heading = marked.heading();
    spans = marked.spans();
    qmask = marked.qmask();
    QuoteTokens.Tokens tokens = QuoteTokens.of(marked, lex);
    ts = tokens.ts();
    te = tokens.te();
    tw = tokens.tw();
    nt = tokens.nt();
    tokSent = tokens.tokSent();
    sentStart = tokens.sentStart();
    tokQuote = tokens.tokQuote();
  }

    boolean usable(int t) {
      return tokQuote[t] < 0 && !heading[charPara[ts[t]]];
    }

    boolean isCap(int t) {
      String w = tw[t];
      return Character.isUpperCase(w.charAt(0)) && Character.isLetter(w.charAt(0));
    }

    String bare(int t) {
      String w = tw[t];
      if (w.endsWith("’s") || w.endsWith("'s")) return w.substring(0, w.length() - 2);
      if (w.endsWith("’") || w.endsWith("'")) return w.substring(0, w.length() - 1);
      return w;
    }

    boolean possessive(int t) {
      String w = tw[t];
      return w.endsWith("’s") || w.endsWith("'s") || w.endsWith("s’") || w.endsWith("s'");
    }

    boolean nameLike(int t) {
      String b = bare(t);
      if (SUFFIXES.contains(b) && t > 0 && isCap(t - 1)) return true; // "Vann R. Newkirk II"
      String lower = b.toLowerCase(Locale.ROOT);
      String noDot = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
      if (lex.titles.contains(noDot) || lex.titles.contains(lower)) return false;
      if (lex.orgWords.contains(b) || lex.places.contains(b) || lex.functionWords.contains(b)) return false;
      if (b.length() > 1 && b.equals(b.toUpperCase(Locale.ROOT)) && !b.endsWith(".")) return false;
      return true;
    }


    /**
     * Where a known first name opens the last one or two words of a capitalised run [s, e) that the surname rule
     * would not read as a person name (ns: where that rule starts the name), or -1.
     */
    int firstNameStart(int s, int e, int ns) {
      for (int k = Math.max(s, e - 3); k < e - 1; k++) {
        if (!lex.firstNames.containsKey(tw[k]) || possessive(k) || tw[k].endsWith(".")) continue;
        if (k == ns) return -1; // the usual rule already starts the name here
        boolean capsOnly = true;
        for (int j = k + 1; j < e; j++) if (!Character.isLetter(tw[j].charAt(0))) capsOnly = false;
        if (!capsOnly || !(isTitle(k - 1 < s ? k : k - 1) || k > s && lex.orgWords.contains(bare(k - 1))
            || ns >= e || ns > k)) {
          return -1;
        }
        boolean nameEnd = e >= nt || !isCap(e) && (tw[e].equals(",") || tw[e].equals("(") || isVerb(e)
            || speechVerbAfter(e) || Character.isLowerCase(tw[e].charAt(0)) || tw[e].equals("."));
        return nameEnd ? k : -1;
      }
      return -1;
    }

    boolean isTitle(int t) {
      String lower = bare(t).toLowerCase(Locale.ROOT);
      if (lower.endsWith(".")) lower = lower.substring(0, lower.length() - 1);
      return lex.titles.contains(lower) || lex.roleClasses.containsKey(lower);
    }

    boolean isRoleWord(int t) {
      if (!usable(t)) return false;
      String lower = tw[t].toLowerCase(Locale.ROOT);
      return Character.isLowerCase(tw[t].charAt(0)) && (lex.titles.contains(lower)
          || lex.roleClasses.containsKey(lower));
    }

    boolean speechVerbAfter(int t) {
      int k = t;
      while (k < nt && k < t + 4 && lex.adverbs.contains(tw[k].toLowerCase(Locale.ROOT))) k++;
      return k < nt && isVerb(k);
    }

    boolean isVerb(int t) {
      String w = tw[t];
      if (!usable(t)) return false;
      if (Character.isUpperCase(w.charAt(0))) {
        // "Said Ellis: “...”": an inverted cue opening its sentence
        return SENTENCE_VERBS.contains(w) && (t == 0 || tokSent[t - 1] != tokSent[t]) && t + 1 < nt && isCap(t + 1);
      }
      if (!lex.speechVerbs.containsKey(w)) return false;
      if (t == 0) return true;
      String prev = tw[t - 1].toLowerCase(Locale.ROOT);
      if (NOUN_MARKERS.contains(prev) || possessive(t - 1)) return false;
      if (NAMING.contains(w) && t + 1 < nt && isCap(t + 1) && Character.isLowerCase(tw[t - 1].charAt(0))
          && !lex.pronouns.containsKey(prev) && !lex.adverbs.contains(prev)) {
        return false; // "a band called Sophistafunk", "a PAC called Future 45"
      }
      boolean npBefore = false;
      for (int j = t - 2; j >= 0 && j >= t - 4 && Character.isLetter(tw[j].charAt(0)); j--) {
        if (lex.determiners.contains(tw[j].toLowerCase(Locale.ROOT))) npBefore = true; // "the letter reads"
      }
      if (Character.isUpperCase(tw[t - 1].charAt(0)) && DEMONYM.matcher(tw[t - 1]).matches()
          && (lex.places.contains(tw[t - 1]) || lex.orgWords.contains(tw[t - 1]))) {
        return false; // "Republican claims", "Russian reports": an adjective and a noun
      }
      if (w.equals(lex.speechVerbs.get(w)) && !w.equals("say")) {
        // base forms ("call", "retort", "state") are verbs after a subject, "to" or a modal, nouns otherwise
        return (npBefore && w.equals("read")) || lex.pronouns.containsKey(prev)
            || (lex.adverbs.contains(prev) && !PREPOSITIONS.contains(prev)) || MODALS.contains(prev)
            || lex.genericSources.contains(prev) || Character.isUpperCase(tw[t - 1].charAt(0));
      }
      if (w.endsWith("s") && !w.equals(lex.speechVerbs.get(w)) && !w.equals("says")) {
        // "says", "claims", "remarks": a verb only after its subject ("Putin says", "he also claims")
        return npBefore || Character.isUpperCase(tw[t - 1].charAt(0)) || lex.pronouns.containsKey(prev)
            || isQuoteChar(prev.charAt(0)) || prev.equals(",") || prev.equals("—")
            || lex.adverbs.contains(prev) || lex.genericSources.contains(prev) || lex.roleClasses.containsKey(prev);
      }
      return true;
    }

}
