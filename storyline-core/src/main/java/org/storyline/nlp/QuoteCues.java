package org.storyline.nlp;

import static org.storyline.nlp.QuoteExtractor.*;
import static org.storyline.nlp.QuoteMarks.isSingleMark;
import static org.storyline.nlp.QuoteMarks.ws;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storyline.nlp.QuoteExtractor.Attribution;
import org.storyline.nlp.QuoteExtractor.Mention;
import org.storyline.nlp.QuoteMarks.Span;

/**
 * The cue patterns of quote attribution, each answering where a quote's cue and speaker are: before the quote in its
 * sentence ("Putin said: “...”"), right after its closing mark ('“...,” Putin said', ', said Putin'), at the end of
 * its sentence, a person and a colon ("Kasich resisted: “...”"), the sentence before ("..., said in a statement.
 * “...”"), a dash and a name ('“...” ― Sonya Herridge'); the cue's own extent (a "told" object, "on" a platform); and
 * the shape tests they share (title case, words counted, a quote embedded in a sentence). The speaker phrase itself
 * is {@link QuoteSpeakers}'. Reads one document's working state; holds nothing else. Not shared between threads.
 */
final class QuoteCues {
  /** What is not a letter, digit, apostrophe or hyphen at a word's end (compiled once, not per word). */
  private static final java.util.regex.Pattern TRAILING = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}'’-]+$");
  private final QuoteLexicon lex;
  private final QuoteExtractor.Doc d;
  private final QuoteWords qw;
  private final QuoteMentions men;

  QuoteCues(QuoteExtractor.Doc d, QuoteLexicon lex) {
    this.lex = lex;
    this.d = d;
    this.qw = d.qw;
    this.men = d.men;
  }

  /** "Kasich resisted: “...”": a person opening the sentence, the word after it as the cue. */
  Attribution colonLead(int openTok) {
    if (openTok == 0 || !qw.tw[openTok - 1].equals(":") || qw.tokQuote[openTok - 1] >= 0) return null;
    int sent = qw.tokSent[openTok - 1];
    Mention named = openTok >= 2 ? men.mentionByEnd.get(openTok - 2) : null;
    if (named != null && named.kind() == NAME && named.person() >= 0 && !qw.possessive(named.tokEnd() - 1)
        && (named.tokStart() == qw.sentStart[sent] || qw.tokQuote[named.tokStart() - 1] >= 0
            || qw.tw[named.tokStart() - 1].equals("."))) {
      return new Attribution(-1, -1, named); // 'Clinton: "Our goal is to defeat ISIS." Bush: "..."'
    }
    for (int t = openTok - 2; t >= 0 && qw.tokSent[t] == sent; t--) {
      if (qw.tokQuote[t] >= 0) return null;
      Mention m = men.mentionByStart.get(t);
      if (m == null || m.kind() == ORG || m.kind() == UNNAMED || qw.possessive(m.tokEnd() - 1)) continue;
      if (t > 0 && qw.tokSent[t - 1] == sent && !qw.tw[t - 1].equals(",")) continue;
      int w = m.tokEnd();
      while (w < openTok - 1 && lex.adverbs.contains(qw.tw[w].toLowerCase(Locale.ROOT))) w++;
      if (w < openTok - 1 && Character.isLowerCase(qw.tw[w].charAt(0))
          && !STOP_SUBJECT.contains(qw.tw[w].toLowerCase(Locale.ROOT))) {
        return new Attribution(w, w + 1, m);
      }
    }
    return null;
  }
  /**
   * A quote opening a sentence right after one that ends in a cue with no quote of its own: "Sam Lau, the
   * party's spokesman, said in a statement. “There are no paper ballots to recount.”"
   */
  Attribution previousSentence(int openTok) {
    int sent = qw.tokSent[openTok];
    if (qw.sentStart[sent] != openTok || sent == 0) return null;
    int end = openTok - 1;
    int first = qw.sentStart[sent - 1];
    if (qw.charPara[qw.ts[openTok]] - qw.charPara[qw.ts[end]] > 1) return null;
    for (int t = end; t >= first; t--) {
      if (qw.tokQuote[t] >= 0) return null;
      if (end - t > 10) return null;
      if (qw.isVerb(t)) {
        Mention subj = d.speakers.subjectBefore(t, first);
        return subj == null ? null : new Attribution(t, cueEnd(t), subj);
      }
    }
    return null;
  }
  /** Whether the quote's sentence names someone before it (then it does not continue an earlier speaker). */
  boolean ownSubject(int openTok) {
    int sent = qw.tokSent[openTok];
    for (int t = openTok - 1; t >= 0 && qw.tokSent[t] == sent; t--) {
      if (qw.tokQuote[t] >= 0) continue;
      Mention m = men.mentionByStart.get(t);
      if (m != null && (m.kind() == NAME || m.kind() == PRON || m.kind() == DESC) && !qw.possessive(m.tokEnd() - 1)) {
        return true;
      }
    }
    return false;
  }
  /** Up to sixteen words, every one but minor words capitalised: the title of a show, book, film or article. */
  boolean titleCase(int s, int e) {
    int words = 0;
    int content = 0;
    int i = s;
    while (i < e) {
      while (i < e && !Character.isLetterOrDigit(qw.text.charAt(i))) i++;
      if (i >= e) break;
      int w = i;
      while (i < e && !ws(qw.text.charAt(i))) i++;
      words++;
      String word = TRAILING.matcher(qw.text.substring(w, i)).replaceAll("");
      if (MINOR.contains(word)) continue;
      content++;
      if (!Character.isUpperCase(word.charAt(0)) && !Character.isDigit(word.charAt(0))) return false;
    }
    return content > 0 && words <= 16;
  }
  boolean onlyHeadingsBetween(int a, int b) {
    if (b <= a) return false;
    for (int k = a + 1; k < b; k++) if (!qw.heading[k]) return false;
    return b - a <= 3;
  }
  boolean endsWithPeriod(Span sp) {
    if (sp.unclosed()) return true;
    int j = sp.close() - 1;
    while (j > sp.open() && ws(qw.text.charAt(j))) j--;
    return qw.text.charAt(j) == '.';
  }
  int countWords(int s, int e) {
    int w = 0;
    boolean in = false;
    for (int c = s; c < e; c++) {
      boolean l = Character.isLetterOrDigit(qw.text.charAt(c));
      if (l && !in) w++;
      in = l || (in && (qw.text.charAt(c) == '-' || qw.text.charAt(c) == '\'' || qw.text.charAt(c) == '’'));
    }
    return w;
  }
  /** Whether the quote opening at {@code open} sits inside a sentence (preceded by a word, not a lead-in). */
  boolean embedded(int open) {
    int j = open - 1;
    while (j >= 0 && qw.text.charAt(j) == ' ') j--;
    if (j < 0 || qw.text.charAt(j) == '\n') return false;
    char c = qw.text.charAt(j);
    return !(c == ',' || c == ':' || c == '.' || c == '!' || c == '?' || c == '—' || c == '–' || c == '(');
  }
  boolean adjacentCue(Attribution a, int openTok) {
    int k = a.cueEndTok();
    if (k < 0) return false;
    return k < qw.nt && (k == openTok || (k + 1 == openTok && (qw.tw[k].equals(",") || qw.tw[k].equals(":")))
        || (k + 1 == openTok && qw.tw[k].equals("—")));
  }
  /** A cue before the quote in its sentence, and its subject. */
  Attribution before(int openTok) {
    int sent = qw.tokSent[openTok];
    int first = openTok;
    while (first > 0 && qw.tokSent[first - 1] == sent) first--;
    int end = openTok;
    if (first == openTok && openTok > 0 && qw.tw[openTok - 1].equals(":") && qw.tokQuote[openTok - 1] < 0) {
      // the lead-in closes the previous paragraph: "In a 1963 speech, he declared:"
      end = openTok - 1;
      first = end;
      while (first > 0 && qw.tokSent[first - 1] == qw.tokSent[end]) first--;
    }
    int v = -1;
    for (int t = end - 1; t >= first; t--) {
      if (qw.tokQuote[t] >= 0) continue;
      if (qw.isVerb(t) || d.speakers.isAccordingTo(t)) {
        v = t;
        break;
      }
    }
    if (v < 0) return null;
    if (d.speakers.isAccordingTo(v)) {
      Mention m = d.speakers.mentionAt(v + 2, openTok);
      return m == null ? null : new Attribution(v, v + 2, m);
    }
    boolean participle = qw.tw[v].endsWith("ing");
    Mention subj = participle && v > first && qw.tw[v - 1].equals(",") ? null : d.speakers.subjectBefore(v, first);
    // "a statement saying", "on Facebook writing": the participle's subject is the clause's, not the noun before
    if (subj != null && participle && subj.person() < 0 && subj.kind() != PRON) subj = null;
    if (subj == null && v > first && qw.tokQuote[v - 1] >= 0 && !participle) {
      subj = d.speakers.mentionAt(v + 1, openTok); // '“...,” said Sherman, speaking of politicians, “...”'
    }
    if (subj == null && !participle && !"tell".equals(lex.speechVerbs.get(qw.tw[v])) && v + 1 < openTok
        && openTok - v <= 6 && (qw.tw[openTok - 1].equals(":") || qw.tw[openTok - 1].equals(","))) {
      Mention m = d.speakers.mentionAt(v + 1, openTok); // "explained CBS moderator Nancy Cordes: “...”"
      if (m != null && m.kind() == NAME && m.person() >= 0) subj = m;
    }
    if (subj == null) {
      // coordinated or participle cue: take the subject of an earlier cue, else the last mention that is
      // followed by a verb-like word
      for (int t = v - 1; t >= first && subj == null; t--) {
        if (qw.tokQuote[t] < 0 && qw.isVerb(t)) subj = d.speakers.subjectBefore(t, first);
      }
      if (subj == null && !participle && !(v > first && COORD.contains(qw.tw[v - 1].toLowerCase(Locale.ROOT)))) {
        return null;
      }
      if (subj == null) subj = d.speakers.lastSubjectLike(first, v);
      if (subj == null) return null;
    }
    return new Attribution(v, cueEnd(v), subj);
  }
  /** A speaker and cue right after a closing mark: ', Putin said', ', said Putin', ', he added'. */
  /** Whether the quote's words end in a comma, question or exclamation mark or a dash: '“...,” he said'. */
  boolean separated(Span sp) {
    int j = sp.close() - 1;
    while (j > sp.open() && (ws(qw.text.charAt(j)) || isSingleMark(qw.text.charAt(j)) || qw.text.charAt(j) == ')')) j--;
    return ",?!—–-…".indexOf(qw.text.charAt(j)) >= 0 || sp.unclosed();
  }
  boolean separatorAt(int t) {
    return t < qw.nt && (qw.tw[t].equals(",") || DASHES.contains(qw.tw[t]));
  }
  /** '“...” ― Sonya Herridge': a dash and a name closing the paragraph or sentence; no cue. */
  Attribution dashName(int t, int para) {
    if (t >= qw.nt || !DASHES.contains(qw.tw[t]) || qw.charPara[qw.ts[t]] != para) return null;
    Mention m = men.mentionByStart.get(t + 1);
    if (m == null || (m.kind() != NAME && m.kind() != ORG)) return null;
    int e = m.tokEnd();
    if (e < qw.nt && qw.charPara[qw.ts[e]] == para && !qw.tw[e].equals(".") && qw.tokQuote[e] < 0) return null;
    return new Attribution(-1, -1, m);
  }
  Attribution after(int t, int para) {
    while (t < qw.nt && (qw.tw[t].equals(",") || qw.tw[t].equals("—") || qw.tw[t].equals("–")
        || qw.tw[t].equals("-"))) {
      t++;
    }
    if (t >= qw.nt || !qw.usable(t) || qw.charPara[qw.ts[t]] != para) return null;
    if (qw.isVerb(t) && !"tell".equals(lex.speechVerbs.get(qw.tw[t]))) {
      Mention m = d.speakers.mentionAt(t + 1, qw.nt);
      if (m == null) {
        int c = cueEnd(t);
        m = d.speakers.mentionAt(c, qw.nt);
      }
      if (m == null) return null;
      return new Attribution(t, cueEnd(t), m);
    }
    if (d.speakers.isAccordingTo(t)) {
      Mention m = d.speakers.mentionAt(t + 2, qw.nt);
      return m == null ? null : new Attribution(t, t + 2, m);
    }
    String lw = qw.tw[t].toLowerCase(Locale.ROOT);
    if (STOP_SUBJECT.contains(lw)) return null;
    // subject phrase up to the verb: names, titles, determiners, adverbs, or an appositive between commas
    boolean apposition = false;
    int lastDet = -9;
    for (int k = t; k < Math.min(qw.nt, t + 28); k++) {
      if (apposition && qw.tokQuote[k] >= 0) continue; // 'Bill Eastland, wearing “Ted Cruz” pins, said'
      if (!qw.usable(k) || qw.tokQuote[k] >= 0) return null;
      String w = qw.tw[k];
      if (w.equals(",")) apposition = !apposition;
      else if (w.equals("(")) apposition = true;
      else if (w.equals(")")) apposition = false;
      if (lex.determiners.contains(w.toLowerCase(Locale.ROOT))) lastDet = k;
      if (!apposition && Character.isLowerCase(w.charAt(0)) && !qw.isVerb(k) && !d.speakers.subjectWord(w)
          && !(k + 1 < qw.nt && qw.isCap(k + 1) && !STOP_SUBJECT.contains(w.toLowerCase(Locale.ROOT)))
          && !(k - lastDet <= 4 && !STOP_SUBJECT.contains(w.toLowerCase(Locale.ROOT)))) {
        return apposition || k > t + 4 ? null : d.fallbacks.namedAfterModifiers(t);
      }
      if (!apposition && (w.equals(".") || w.equals("!") || w.equals("?") || w.equals(";"))) return null;
      if (qw.charPara[qw.ts[k]] != qw.charPara[qw.ts[t]]) return null;
      if (qw.isVerb(k) && k > t) {
        Mention subj = d.speakers.subjectBefore(k, t);
        if (subj == null) {
          subj = d.speakers.mentionAt(t, k);
          if (subj == null) return null;
        }
        return new Attribution(k, cueEnd(k), subj);
      }
    }
    return null;
  }
  /** An attribution closing the quote's sentence: '... "candidate who is a lightning rod" and ..., said Link.' */
  Attribution tail(int t, int sent, int para) {
    for (int k = t; k < qw.nt && qw.tokSent[k] == sent; k++) {
      if (qw.tokQuote[k] >= 0) return null;
      if (qw.tw[k].equals(",")) {
        Attribution x = after(k + 1, para);
        if (x != null) return x;
      }
    }
    return null;
  }
  /** The cue phrase that starts at verb {@code v}: the verb, a "told" object, "on" + platform; exclusive end. */
  int cueEnd(int v) {
    int e = v + 1;
    String lemma = lex.speechVerbs.get(qw.tw[v]);
    if ("tell".equals(lemma) && e < qw.nt && qw.usable(e)) {
      int obj = objectEnd(e);
      if (obj > e) e = obj;
    }
    if (e + 1 < qw.nt && qw.tw[e].equals("on") && qw.usable(e + 1)) {
      for (List<String> p : lex.platforms) {
        int k = e + 1;
        int i = 0;
        while (i < p.size() && k < qw.nt && qw.bare(k).equals(p.get(i))) {
          i++;
          k++;
        }
        if (i == p.size()) return k;
      }
    }
    return e;
  }
  int objectEnd(int e) {
    for (int len = 3; len >= 1; len--) {
      if (e + len > qw.nt) continue;
      StringBuilder sb = new StringBuilder();
      for (int k = e; k < e + len; k++) sb.append(k > e ? " " : "").append(qw.tw[k].toLowerCase(Locale.ROOT));
      if (lex.cueObjects.contains(sb.toString())) return e + len;
    }
    int k = e;
    if (k < qw.nt && qw.tw[k].equals("The")) k++;
    int s = k;
    while (k < qw.nt && k - s < 4 && qw.isCap(k) && qw.usable(k)) {
      Mention m = men.mentionByStart.get(k);
      if (m != null && m.kind() == NAME) return e; // told Putin: the listener is a person, not a medium
      k++;
    }
    return k > s ? k : e;
  }
}
