package org.storyline.nlp;

import java.util.Locale;
import org.storyline.nlp.QuoteExtractor.Attribution;
import org.storyline.nlp.QuoteExtractor.Mention;

/**
 * Where a speaker comes from when the quote's own sentence has no usable cue, and the speaker phrases the cue rules
 * miss: the subject of the quote's sentence, the speaker of reported speech in the paragraph before, a name before
 * appositives that hold commas of their own, and a name after lower-case descriptive words. Reads one document's
 * tokens and mentions ({@link QuoteExtractor}'s working state); holds nothing else.
 */
final class SpeakerFallbacks {
  private final QuoteExtractor.Doc d;
  private final QuoteLexicon lex;

  SpeakerFallbacks(QuoteExtractor.Doc d, QuoteLexicon lex) {
    this.d = d;
    this.lex = lex;
  }

  /**
   * A quote with no cue in a sentence whose main clause opens with a person, not passive: "Gorka similarly warned
   * that officers he has spoken with “...”", "Paul Ryan worried that the safety net was becoming “...”". The
   * subject is the speaker; there is no cue.
   */
  Attribution sentenceSubject(int openTok) {
    String[] tw = d.qw.tw;
    int sent = d.qw.tokSent[openTok];
    int start = d.qw.sentStart[sent];
    String opener = tw[start].toLowerCase(Locale.ROOT);
    if (QuoteExtractor.SUBORDINATORS.contains(opener) || QuoteExtractor.PREPOSITIONS.contains(opener)) {
      int c = -1;
      for (int t = start; t < openTok && c < 0; t++) if (tw[t].equals(",") && d.qw.tokQuote[t] < 0) c = t;
      if (c < 0) return null;
      start = c + 1;
    }
    for (int t = start; t < openTok && t < start + 4; t++) {
      if (d.qw.tokQuote[t] >= 0) return null;
      Mention m = d.men.mentionByStart.get(t);
      if (m == null) {
        if (!Character.isLetterOrDigit(tw[t].charAt(0)) && !tw[t].equals("-")) return null;
        continue;
      }
      if (m.kind() == QuoteExtractor.ORG && d.qw.possessive(m.tokEnd() - 1)) { // "The New Republic’s Jeet Heer"
        t = m.tokEnd() - 1;
        continue;
      }
      if (!personal(m)) return null;
      int k = m.tokEnd();
      if (k < openTok && tw[k].equals("(")) { // "Rep. Hakeem Jeffries (D-N.Y.) reacted"
        while (k < openTok && !tw[k].equals(")")) k++;
        k++;
      }
      if (k < openTok && tw[k].equals(",")) { // an appositive: "Filippo Grandi, the UN refugee chief, reacted"
        int j = k + 1;
        while (j < openTok && !tw[j].equals(",") && j - k < 20) j++;
        if (j >= openTok) return null;
        k = j + 1;
      }
      boolean be = false;
      while (k < openTok && (QuoteExtractor.BE.contains(tw[k]) || lex.adverbs.contains(tw[k].toLowerCase(Locale.ROOT))
          || tw[k].endsWith("self"))) {
        be |= QuoteExtractor.BE.contains(tw[k]);
        k++;
      }
      if (k >= openTok || !Character.isLowerCase(tw[k].charAt(0))
          || QuoteExtractor.STOP_SUBJECT.contains(tw[k].toLowerCase(Locale.ROOT))) {
        return null;
      }
      if (be && (tw[k].endsWith("ed") || tw[k].equals("told"))) return null; // "Rubio was asked by"
      return new Attribution(-1, -1, m);
    }
    return null;
  }

  /**
   * A quote opening a paragraph with no cue, after a paragraph whose last sentences report someone's speech outside
   * quotation marks: "Guardian said he understood why Clinton would come.\n\n“The Taj is having some difficult
   * times now.”" The reporting verb's subject (a name or a resolved he/she) is the speaker; the quote has no cue.
   */
  Attribution previousParagraphSpeaker(int openTok, int para) {
    if (para == 0 || d.qw.heading[para - 1] || openTok == 0) return null;
    int end = openTok - 1;
    if (d.qw.charPara[d.qw.ts[end]] != para - 1) return null;
    int sent = d.qw.tokSent[end];
    for (int k = 0; k < 2 && sent >= 0; k++, sent--) {
      int first = d.qw.sentStart[sent];
      if (d.qw.charPara[d.qw.ts[first]] != para - 1) return null;
      for (int v = first + 1; v < d.qw.nt && d.qw.tokSent[v] == sent; v++) {
        if (d.qw.tokQuote[v] >= 0) break;
        if (!d.qw.isVerb(v) || d.qw.tw[v].endsWith("ing")) continue;
        Mention m = d.speakers.subjectBefore(v, first);
        if (m != null && personal(m)) return new Attribution(-1, -1, m);
        break;
      }
    }
    return null;
  }

  /**
   * The person an appositive with commas of its own describes: "Dean Johnson, a salesman from Sumter, South
   * Carolina, says", "Rep. Tom Cole of Oklahoma, an ally of GOP leadership, said". {@code j} is the comma opening
   * the last appositive; looks back within the sentence, not across a verb, for a name before a comma or before
   * "of"/"from" and a place or organisation.
   */
  Mention personBeforeAppositives(int j, int first) {
    String[] tw = d.qw.tw;
    for (int c = j; c > first && j - c < 30; c--) {
      if (d.qw.tokQuote[c] >= 0 || d.qw.isVerb(c)) return null;
      if (!tw[c].equals(",") && c != j) continue;
      Mention m = d.men.mentionByEnd.get(c - 1);
      if (m == null) continue;
      if (named(m)) return m;
      int p = m.tokStart() - 1;
      if (p >= first && tw[p].equalsIgnoreCase("the")) p--;
      if (p - 1 >= first && (tw[p].equals("of") || tw[p].equals("from"))) {
        Mention n = d.men.mentionByEnd.get(p - 1);
        if (n != null && named(n)) return n;
      }
    }
    return null;
  }

  /**
   * '“...,” Republican party boss Reince Priebus said': up to eight words of any case (no punctuation) describing
   * the person, then a name and the cue verb.
   */
  Attribution namedAfterModifiers(int t) {
    for (int k = t; k < Math.min(d.qw.nt, t + 9); k++) {
      if (!d.qw.usable(k) || d.qw.charPara[d.qw.ts[k]] != d.qw.charPara[d.qw.ts[t]]) return null;
      Mention m = d.men.mentionByStart.get(k);
      if (m != null && named(m) && m.tokEnd() < d.qw.nt && d.qw.isVerb(m.tokEnd())) {
        return new Attribution(m.tokEnd(), d.cues.cueEnd(m.tokEnd()), m);
      }
      String w = d.qw.tw[k];
      if (!Character.isLetter(w.charAt(0)) && !w.equals("-")) return null;
      if (QuoteExtractor.STOP_SUBJECT.contains(w.toLowerCase(Locale.ROOT)) || d.qw.isVerb(k)) return null;
    }
    return null;
  }

  /** A person's name, not possessive. */
  private boolean named(Mention m) {
    return m.kind() == QuoteExtractor.NAME && m.person() >= 0 && !d.qw.possessive(m.tokEnd() - 1);
  }

  /** A person's name or a resolved he/she, not possessive. */
  private boolean personal(Mention m) {
    return m.person() >= 0 && !d.qw.possessive(m.tokEnd() - 1)
        && (m.kind() == QuoteExtractor.NAME || m.kind() == QuoteExtractor.PRON);
  }
}
