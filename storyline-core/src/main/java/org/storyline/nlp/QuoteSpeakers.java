package org.storyline.nlp;

import static org.storyline.nlp.QuoteExtractor.*;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storyline.nlp.QuoteExtractor.Mention;

/**
 * Speaker resolution for quote attribution: the phrase naming the speaker of a cue (the subject before a speech
 * verb, stepping over adverbs, appositives, parentheses, affiliations and prepositional phrases; the mention at or
 * ending at a token, a description or an unnamed source such as "one former campaign staffer"), and the span of the
 * latest name of the speaker's person. Reads one document's tokens and mentions ({@link QuoteExtractor}'s working
 * state, built by {@link QuoteWords} and {@link QuoteMentions}); holds nothing else. Not shared between threads.
 */
final class QuoteSpeakers {
  private final QuoteLexicon lex;
  private final QuoteExtractor.Doc d;
  private final QuoteWords qw;
  private final QuoteMentions men;

  QuoteSpeakers(QuoteExtractor.Doc d, QuoteLexicon lex) {
    this.lex = lex;
    this.d = d;
    this.qw = d.qw;
    this.men = d.men;
  }

  /** The last person-like mention in [first, v) that stands before a lower-case word (a verb, presumably). */
  Mention lastSubjectLike(int first, int v) {
    Mention best = null;
    if (SUBORDINATORS.contains(qw.tw[first].toLowerCase(Locale.ROOT))) {
      for (int t = first; t < v; t++) {
        if (qw.tw[t].equals(",") && qw.tokQuote[t] < 0) {
          first = t + 1;
          break;
        }
      }
    }
    for (int t = first; t < v; t++) {
      Mention m = men.mentionByStart.get(t);
      if (m == null || m.kind() == ORG || qw.possessive(m.tokEnd() - 1) || qw.tokQuote[t] >= 0) continue;
      int after = m.tokEnd();
      if (after < v && Character.isLowerCase(qw.tw[after].charAt(0))
          && !STOP_SUBJECT.contains(qw.tw[after].toLowerCase(Locale.ROOT)) && !qw.tw[after].equals("and")) {
        return m;
      }
    }
    return best;
  }
  boolean isAccordingTo(int t) {
    return qw.tw[t].equalsIgnoreCase("according") && t + 1 < qw.nt && qw.tw[t + 1].equals("to") && qw.usable(t);
  }
  /** The phrase naming the speaker that ends just before verb {@code v}. */
  Mention subjectBefore(int v, int first) {
    int k = v - 1;
    int skipped = 0;
    boolean passive = false;
    while (k >= first && skipped < 4 && lex.adverbs.contains(qw.tw[k].toLowerCase(Locale.ROOT))) {
      if (BE.contains(qw.tw[k].toLowerCase(Locale.ROOT))) passive = true;
      k--;
      skipped++;
    }
    if (k < first) return null;
    // "his salespersons were told": the listener, not the speaker ("was quoted as saying" is the speaker)
    if (passive && !qw.tw[v].equals("quoted") && !qw.tw[v].endsWith("ing")) return null;
    if (qw.tw[k].equals(",") && k - 1 >= first && qw.tw[k - 1].equals(")")) k--;
    if (qw.tw[k].equals(")")) {
      int j = k - 1;
      while (j >= first && k - j < 12 && !qw.tw[j].equals("(")) j--;
      if (j > first && qw.tw[j].equals("(")) {
        Mention m = mentionEndingAt(j - 1);
        if (m != null) return m;
      }
      return null;
    }
    if (qw.tw[k].equals(",")) {
      String opener = qw.tw[k].equals(")") ? "(" : ",";
      int j = k - 1;
      while (j >= first && k - j < 20 && !qw.tw[j].equals(opener) && qw.tokQuote[j] < 0) j--;
      if (j < first || !qw.tw[j].equals(opener) || qw.tokQuote[j] >= 0) return null;
      Mention inner = null;
      for (int x = j + 1; x < k; x++) {
        Mention m = men.mentionByStart.get(x);
        if (m != null && m.kind() == NAME && m.person() >= 0) inner = m;
      }
      int mj = j - 1;
      if (mj >= first && qw.tw[mj].equals(")")) {
        // "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said": step over the parenthesis
        while (mj >= first && !qw.tw[mj].equals("(")) mj--;
        mj--;
      }
      Mention main = mj >= first ? mentionEndingAt(mj) : null;
      boolean relative = j + 1 < k && (qw.tw[j + 1].equals("who") || qw.tw[j + 1].equals("which"));
      if ((main == null || main.person() < 0) && !relative) {
        Mention p = d.fallbacks.personBeforeAppositives(j, first);
        if (p != null) return p;
      }
      if (main != null && (main.person() >= 0 || inner == null || relative)) return main;
      return relative ? null : inner;
    }
    if (qw.tw[k].equals("who") && k - 2 >= first && qw.tw[k - 1].equals(",")) {
      return mentionEndingAt(k - 2); // "said Beck, who said there were ..."
    }
    Mention m = mentionEndingAt(k);
    if (m != null && m.person() < 0 && m.kind() != PRON) {
      // "Mr. Morgan of the Sierra Club said", "John Smith at Brookings says": the person before the affiliation
      int j = m.tokStart() - 1;
      if (j >= first && qw.tw[j].equalsIgnoreCase("the")) j--;
      if (j - 1 >= first && (qw.tw[j].equals("of") || qw.tw[j].equals("at") || qw.tw[j].equals("from"))) {
        Mention p = men.mentionByEnd.get(j - 1);
        if (p != null && p.kind() == NAME && p.person() >= 0 && !qw.possessive(p.tokEnd() - 1)) return p;
      }
    }
    if (m != null && m.kind() == UNNAMED && m.tokStart() - 1 >= first
        && PREPOSITIONS.contains(qw.tw[m.tokStart() - 1].toLowerCase(Locale.ROOT))) {
      // "Sanders in the past has criticized": step over the prepositional phrase
      return subjectBefore(m.tokStart(), first);
    }
    return m;
  }
  Mention mentionEndingAt(int k) {
    if (k < 0 || qw.tokQuote[k] >= 0) return null;
    Mention m = men.mentionByEnd.get(k);
    if (m != null) return m;
    String lw = qw.tw[k].toLowerCase(Locale.ROOT);
    if (!Character.isUpperCase(qw.tw[k].charAt(0)) && !lex.determiners.contains(lw) && !lex.adverbs.contains(lw)
        && !lex.pronouns.containsKey(lw) && !STOP_SUBJECT.contains(lw)) {
      // "the editorial board", "one former campaign staffer": a determiner and up to four words
      for (int j = k - 1; j >= 0 && k - j <= 5 && qw.usable(j) && Character.isLetterOrDigit(qw.tw[j].charAt(0)); j--) {
        String lj = qw.tw[j].toLowerCase(Locale.ROOT);
        if (lex.determiners.contains(lj)) {
          if (lj.equals("that") || lj.equals("this") && j < k - 1) break;
          return new Mention(j, k + 1, UNNAMED, -1, 'u');
        }
        if (qw.isVerb(j) || STOP_SUBJECT.contains(lj) || lex.adverbs.contains(lj) || lj.endsWith("ly")
            || lex.pronouns.containsKey(lj)) {
          break;
        }
      }
    }
    if (Character.isLowerCase(qw.tw[k].charAt(0)) && lex.genericSources.contains(lw)) {
      int s = k;
      for (int j = k - 1; j >= 0 && k - j <= 4 && qw.usable(j) && Character.isLetter(qw.tw[j].charAt(0)); j--) {
        if (lex.determiners.contains(qw.tw[j].toLowerCase(Locale.ROOT))) {
          s = j;
          break;
        }
        if (qw.isVerb(j)) break;
        s = j;
      }
      return new Mention(s, k + 1, UNNAMED, -1, 'u');
    }
    return null;
  }
  Mention mentionAt(int t, int limit) {
    if (t >= qw.nt || t >= limit) return null;
    Mention m = men.mentionByStart.get(t);
    if (m != null) {
      // "Kremlin spokesman Dmitry Peskov": prefer a person named right after a leading organisation or role
      for (int k = m.tokEnd(); k < Math.min(qw.nt, m.tokEnd() + 4); k++) {
        Mention p = men.mentionByStart.get(k);
        if (p != null && p.person() >= 0 && (m.kind() == ORG || m.kind() == DESC)) return p;
        if (!Character.isLetter(qw.tw[k].charAt(0))
            || (!qw.isRoleWord(k) && p == null && !qw.isCap(k) && !modifierWord(k))) {
          break;
        }
      }
      return m;
    }
    // a description or unnamed source: up to 5 words ending in a noun before punctuation or a verb
    for (int k = t; k < Math.min(qw.nt, t + 6); k++) {
      if (qw.tw[k].equals("/") || qw.tw[k].equals("-")) continue; // "9/11 widow Terry Strada"
      if (!Character.isLetterOrDigit(qw.tw[k].charAt(0)) || !qw.usable(k)) break;
      Mention p = men.mentionByStart.get(k);
      if (p != null && p.person() >= 0) return p;
      if (k + 1 < qw.nt && (qw.isVerb(k + 1) || !Character.isLetterOrDigit(qw.tw[k + 1].charAt(0))
          || PREPOSITIONS.contains(qw.tw[k + 1].toLowerCase(Locale.ROOT)) || qw.tw[k + 1].equals("who"))) {
        Mention e = mentionEndingAt(k);
        if (e != null) return e;
        break;
      }
    }
    return null;
  }
  /** A lower-case word that may describe a person before the name: "party boss", "pollster", "political". */
  boolean modifierWord(int k) {
    String lw = qw.tw[k].toLowerCase(Locale.ROOT);
    return Character.isLowerCase(qw.tw[k].charAt(0)) && qw.usable(k) && !STOP_SUBJECT.contains(lw)
        && !PREPOSITIONS.contains(lw) && !lex.determiners.contains(lw) && !lex.pronouns.containsKey(lw)
        && !qw.isVerb(k) && !lex.adverbs.contains(lw);
  }
  boolean subjectWord(String w) {
    String lw = w.toLowerCase(Locale.ROOT);
    return lex.determiners.contains(lw) || lex.adverbs.contains(lw) || lex.titles.contains(lw)
        || lex.roleClasses.containsKey(lw) || lex.genericSources.contains(lw) || CONNECTORS.contains(lw)
        || lex.pronouns.containsKey(lw) || lw.equals("of");
  }
  /** The latest name mention of the subject's person at or before the subject. */
  int[] nameSpanBefore(Mention subj) {
    Mention best = null;
    for (Mention m : men.mentions) {
      if (m.tokStart() > subj.tokStart()) break;
      if (m.kind() == NAME && m.person() == subj.person()) best = m;
    }
    if (best == null) {
      for (Mention m : men.mentions) {
        if (m.kind() == NAME && m.person() == subj.person()) {
          best = m;
          break;
        }
      }
    }
    if (best == null) return new int[] {-1, -1};
    int e = qw.te[best.tokEnd() - 1];
    if (qw.possessive(best.tokEnd() - 1)) e = qw.ts[best.tokEnd() - 1] + qw.bare(best.tokEnd() - 1).length();
    return new int[] {qw.ts[best.tokStart()], e};
  }
}
