package org.storyline.nlp;

import static org.storyline.nlp.QuoteMarks.isDoubleMark;
import static org.storyline.nlp.QuoteMarks.isSingleMark;
import static org.storyline.nlp.QuoteMarks.ws;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.model.Article;
import org.storyline.nlp.QuoteMarks.Span;

/**
 * Finds direct quotes in one article and attributes them to a speaker, with no other stage's help: quotation marks
 * of every common style are paired (straight, curly, guillemets, low-high), apostrophes are told apart from single
 * quotes, quotes running over several paragraphs are joined, and each quote gets its cue ("said", "told reporters")
 * and the phrase naming its speaker: a name, a pronoun resolved to the latest compatible person, a description
 * ("the Kremlin leader") resolved through role words seen before a name, or an unnamed source (speaker null).
 *
 * <p>The steps, each its own class: {@link QuoteMarks} (paragraphs, headings, quotation marks), {@link QuoteTokens}
 * (tokens, sentences), {@link QuoteWords} (what each token can be), {@link QuoteMentions} (people, roles and the
 * coreference of pronouns and descriptions), then speaker attribution here (cues before, after and around each
 * quote, the speaker phrase, {@link SpeakerFallbacks}). The attribution is kept in one class (about 800 lines) on
 * purpose for now: its cue patterns call one another and share the quote being attributed; splitting it by pattern
 * is the next step, with the quotes suite as the check.
 *
 * <p>Stateless and thread-safe; all word lists come from {@link QuoteLexicon}.
 */
public final class QuoteExtractor {
  /**
   * One quote with its evidence. Offsets index {@code article.text()}. {@code sourceStart/sourceEnd} locate the words
   * that name the speaker at the attribution (name, pronoun, description; -1 when none); {@code nameStart/nameEnd}
   * the name mention the speaker resolved to (for a pronoun: its antecedent; -1 when none); {@code speaker} is the
   * fullest form of that name in the article, or null. {@code kind} is "direct" (in quotation marks) or "indirect"
   * (reported speech: "Peskov said that ...").
   */
  public record Found(String text, int start, int end, String cue, int cueStart, int cueEnd, String speaker,
      int sourceStart, int sourceEnd, int nameStart, int nameEnd, boolean partial, String kind) {
    public boolean direct() {
      return "direct".equals(kind);
    }
  }

  private final QuoteLexicon lex;
  private final boolean indirect;

  /** Direct quotes only. */
  public QuoteExtractor() {
    this(QuoteLexicon.defaults(), false);
  }

  /** @param indirect whether to report reported speech ("Peskov said that ...") too, as kind "indirect" */
  public QuoteExtractor(QuoteLexicon lex, boolean indirect) {
    this.lex = lex;
    this.indirect = indirect;
  }

  public List<Found> extract(Article article) {
    return extract(article.text());
  }

  public List<Found> extract(String text) {
    if (text == null || text.isEmpty()) return List.of();
    return new Doc(text).run();
  }

  // ---------------------------------------------------------------------------------------------------------------

  static final int NAME = 0;
  static final int PRON = 1;
  static final int DESC = 2;
  static final int ORG = 3;
  static final int UNNAMED = 4;


  record Mention(int tokStart, int tokEnd, int kind, int person, char gender) {}

  static final class Person {
    String canonical;
    final String surname;
    char gender;
    final Set<String> roles = new LinkedHashSet<>();
    int nameStart = -1;
    int nameEnd = -1;

    Person(String canonical, String surname, char gender) {
      this.canonical = canonical;
      this.surname = surname;
      this.gender = gender;
    }
  }

  record Attribution(int cueTok, int cueEndTok, Mention subject) {}

  final class Doc {
    final QuoteWords qw;
    final QuoteMentions men;
    final String text;
    final int n;
    final int[] paraStart;
    final int[] paraEnd;
    final int[] charPara;
    final boolean[] heading;
    final List<Span> spans;
    final int[] ts;
    final int[] te;
    final String[] tw;
    final int nt;
    final int[] tokSent;
    final int[] sentStart;
    final int[] tokQuote;
    final Map<Integer, Mention> mentionByEnd;
    final Map<Integer, Mention> mentionByStart;
    final List<Mention> mentions;
    final List<Person> persons;
    final SpeakerFallbacks fallbacks;

    Doc(String text) {
      qw = new QuoteWords(text, lex);
      men = new QuoteMentions(qw);
      this.text = text;
      this.n = text.length();
      paraStart = qw.paraStart;
      paraEnd = qw.paraEnd;
      charPara = qw.charPara;
      heading = qw.heading;
      spans = qw.spans;
      ts = qw.ts;
      te = qw.te;
      tw = qw.tw;
      nt = qw.nt;
      tokSent = qw.tokSent;
      sentStart = qw.sentStart;
      tokQuote = qw.tokQuote;
      mentionByEnd = men.mentionByEnd;
      mentionByStart = men.mentionByStart;
      mentions = men.mentions;
      persons = men.persons;
      fallbacks = new SpeakerFallbacks(this, lex);
    }

    List<Found> run() {
      return attribute();
    }

    boolean endsWithTerminal(Span sp) {
      return qw.marked.endsWithTerminal(sp);
    }

    // for SpeakerFallbacks
    boolean usable(int t) {
      return qw.usable(t);
    }

    boolean possessive(int t) {
      return qw.possessive(t);
    }

    boolean isVerb(int t) {
      return qw.isVerb(t);
    }

    // ---- attribution ------------------------------------------------------------------------------------------

    List<Found> attribute() {
      List<Found> out = new ArrayList<>();
      int[] firstTok = new int[spans.size()];
      int[] lastTok = new int[spans.size()];
      java.util.Arrays.fill(firstTok, -1);
      for (int t = 0; t < nt; t++) {
        int q = tokQuote[t];
        if (q < 0) continue;
        if (firstTok[q] < 0) firstTok[q] = t;
        lastTok[q] = t;
      }
      Attribution prev = null;
      int prevPara = -2;
      int prevSpanEndPara = -2;
      for (int q = 0; q < spans.size(); q++) {
        Span sp = spans.get(q);
        if (heading[sp.para()] || firstTok[q] < 0) continue;
        int cs = sp.open() + 1;
        int ce = sp.close();
        while (cs < ce && ws(text.charAt(cs))) cs++;
        while (ce > cs && (ws(text.charAt(ce - 1)) || ",;:".indexOf(text.charAt(ce - 1)) >= 0)) {
          ce--;
        }
        if (ce <= cs) continue;
        int words = countWords(cs, ce);
        boolean embedded = embedded(sp.open());
        boolean partial = words <= PARTIAL_MAX_WORDS && (embedded || Character.isLowerCase(text.charAt(cs)));
        if (partial) {
          while (ce > cs && ".!".indexOf(text.charAt(ce - 1)) >= 0) ce--;
          if (ce <= cs) continue;
        }
        int open = firstTok[q];
        int close = lastTok[q];
        int endPara = charPara[Math.max(sp.open(), sp.close() - 1)];
        Attribution a = null;
        Attribution before = before(open);
        boolean adjacent = before != null && adjacentCue(before, open);
        if (adjacent) a = before;
        boolean spoken = adjacent;
        if (a == null) a = dashName(close + 1, endPara);
        if (a == null && !endsWithPeriod(sp) && (separated(sp) || separatorAt(close + 1))) {
          a = after(close + 1, endPara);
          spoken = a != null;
        }
        if (!spoken && a != null && a.cueTok < 0) spoken = true;
        if (!spoken && titleCase(cs, ce)) continue; // “Face the Nation”, “All Bets Are Off”: a title, not speech
        if (a == null) a = before;
        if (a == null) a = tail(close + 1, tokSent[open], endPara);
        if (a == null) a = colonLead(open);
        if (a != null && !adjacent && a == before) {
          // "When Trump suggested that ..., Rubio fired back: “...”": the lead-in's subject, not the aside's
          Attribution c = colonLead(open);
          if (c != null && c.subject.tokStart > a.cueTok) a = c;
        }
        if (a == null && !partial && !ownSubject(open)) a = previousSentence(open);
        if (a == null && prev != null && !partial && !ownSubject(open)) {
          boolean samePara = prevPara == sp.para() || prevSpanEndPara == sp.para();
          boolean nextPara = sp.open() == paraStart[sp.para()] && prevSpanEndPara >= 0
              && onlyHeadingsBetween(prevSpanEndPara, sp.para());
          if (samePara || nextPara) a = prev;
        }
        if (a == null && !partial) a = fallbacks.sentenceSubject(open);
        if (a == null && !partial && sp.open() == paraStart[sp.para()]) {
          a = fallbacks.previousParagraphSpeaker(open, sp.para());
        }
        if (a == null && partial) continue; // a scare quote or a title, not speech
        if (charPara[cs] != charPara[Math.max(cs, ce - 1)]) {
          // a quote running over paragraphs: one quote per paragraph, each with the whole quote's attribution
          int ps = cs;
          for (int k = charPara[cs]; k <= charPara[ce - 1]; k++) {
            int s0 = Math.max(ps, paraStart[k]);
            int e0 = Math.min(ce, paraEnd[k]);
            while (s0 < e0 && (isDoubleMark(text.charAt(s0)) || ws(text.charAt(s0)))) s0++;
            while (e0 > s0 && (ws(text.charAt(e0 - 1)) || ",;:".indexOf(text.charAt(e0 - 1)) >= 0)) e0--;
            if (e0 > s0) out.add(found(s0, e0, a, false));
          }
        } else {
          out.add(found(cs, ce, a, partial));
        }
        if (a != null) {
          prev = a;
          prevPara = sp.para();
          prevSpanEndPara = endPara;
        } else {
          prev = null;
        }
      }
      if (indirect) indirect(out);
      out.sort((x, y) -> Integer.compare(x.start(), y.start()));
      return out;
    }

    /**
     * Reported speech with a clear source, in sentences holding no quotation marks: a name, pronoun or description,
     * a reporting verb, "that" (or, for "said"/"says", a clause starting right away), and the rest of the sentence
     * as the content: "Peskov said that the talks would resume."
     */
    void indirect(List<Found> out) {
      int t = 0;
      while (t < nt) {
        int sent = tokSent[t];
        int s = t;
        int e = t;
        boolean quoted = false;
        while (e < nt && tokSent[e] == sent) {
          if (tokQuote[e] >= 0) quoted = true;
          e++;
        }
        t = e;
        if (quoted || !qw.usable(s)) continue;
        for (int v = s + 1; v < e; v++) {
          if (!qw.isVerb(v) || tw[v].endsWith("ing") || !REPORTING.contains(lex.speechVerbs.get(tw[v]))) continue;
          Mention subj = subjectBefore(v, s);
          if (subj == null || subj.kind == UNNAMED && subj.tokEnd - subj.tokStart > 4) break;
          int c = cueEnd(v);
          int k = c;
          while (k < e && k - c < 8 && !tw[k].equals("that") && !tw[k].equals(",") && !tw[k].equals(".")) k++;
          int from;
          if (k < e && tw[k].equals("that")) {
            // "said that is unrealistic": here "that" is the subject of the reported clause
            from = k + 1 < e && AUX.contains(tw[k + 1]) ? k : k + 1;
          } else if (SAY.contains(tw[v]) && c < e && CLAUSE_START.contains(tw[c].toLowerCase(Locale.ROOT))) {
            from = c;
          } else {
            break;
          }
          int to = e;
          while (to > from && !Character.isLetterOrDigit(tw[to - 1].charAt(0))) to--;
          if (to - from < 4) break;
          Found f = found(ts[from], te[to - 1], new Attribution(v, c, subj), false);
          out.add(new Found(f.text(), f.start(), f.end(), f.cue(), f.cueStart(), f.cueEnd(), f.speaker(),
              f.sourceStart(), f.sourceEnd(), f.nameStart(), f.nameEnd(), false, "indirect"));
          break;
        }
      }
    }

    /** "Kasich resisted: “...”": a person opening the sentence, the word after it as the cue. */
    Attribution colonLead(int openTok) {
      if (openTok == 0 || !tw[openTok - 1].equals(":") || tokQuote[openTok - 1] >= 0) return null;
      int sent = tokSent[openTok - 1];
      Mention named = openTok >= 2 ? mentionByEnd.get(openTok - 2) : null;
      if (named != null && named.kind == NAME && named.person >= 0 && !qw.possessive(named.tokEnd - 1)
          && (named.tokStart == sentStart[sent] || tokQuote[named.tokStart - 1] >= 0
              || tw[named.tokStart - 1].equals("."))) {
        return new Attribution(-1, -1, named); // 'Clinton: "Our goal is to defeat ISIS." Bush: "..."'
      }
      for (int t = openTok - 2; t >= 0 && tokSent[t] == sent; t--) {
        if (tokQuote[t] >= 0) return null;
        Mention m = mentionByStart.get(t);
        if (m == null || m.kind == ORG || m.kind == UNNAMED || qw.possessive(m.tokEnd - 1)) continue;
        if (t > 0 && tokSent[t - 1] == sent && !tw[t - 1].equals(",")) continue;
        int w = m.tokEnd;
        while (w < openTok - 1 && lex.adverbs.contains(tw[w].toLowerCase(Locale.ROOT))) w++;
        if (w < openTok - 1 && Character.isLowerCase(tw[w].charAt(0))
            && !STOP_SUBJECT.contains(tw[w].toLowerCase(Locale.ROOT))) {
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
      int sent = tokSent[openTok];
      if (sentStart[sent] != openTok || sent == 0) return null;
      int end = openTok - 1;
      int first = sentStart[sent - 1];
      if (charPara[ts[openTok]] - charPara[ts[end]] > 1) return null;
      for (int t = end; t >= first; t--) {
        if (tokQuote[t] >= 0) return null;
        if (end - t > 10) return null;
        if (qw.isVerb(t)) {
          Mention subj = subjectBefore(t, first);
          return subj == null ? null : new Attribution(t, cueEnd(t), subj);
        }
      }
      return null;
    }

    /** Whether the quote's sentence names someone before it (then it does not continue an earlier speaker). */
    boolean ownSubject(int openTok) {
      int sent = tokSent[openTok];
      for (int t = openTok - 1; t >= 0 && tokSent[t] == sent; t--) {
        if (tokQuote[t] >= 0) continue;
        Mention m = mentionByStart.get(t);
        if (m != null && (m.kind == NAME || m.kind == PRON || m.kind == DESC) && !qw.possessive(m.tokEnd - 1)) {
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
        while (i < e && !Character.isLetterOrDigit(text.charAt(i))) i++;
        if (i >= e) break;
        int w = i;
        while (i < e && !ws(text.charAt(i))) i++;
        words++;
        String word = text.substring(w, i).replaceAll("[^\\p{L}\\p{N}'’-]+$", "");
        if (MINOR.contains(word)) continue;
        content++;
        if (!Character.isUpperCase(word.charAt(0)) && !Character.isDigit(word.charAt(0))) return false;
      }
      return content > 0 && words <= 16;
    }

    boolean onlyHeadingsBetween(int a, int b) {
      if (b <= a) return false;
      for (int k = a + 1; k < b; k++) if (!heading[k]) return false;
      return b - a <= 3;
    }

    boolean endsWithPeriod(Span sp) {
      if (sp.unclosed()) return true;
      int j = sp.close() - 1;
      while (j > sp.open() && ws(text.charAt(j))) j--;
      return text.charAt(j) == '.';
    }

    int countWords(int s, int e) {
      int w = 0;
      boolean in = false;
      for (int c = s; c < e; c++) {
        boolean l = Character.isLetterOrDigit(text.charAt(c));
        if (l && !in) w++;
        in = l || (in && (text.charAt(c) == '-' || text.charAt(c) == '\'' || text.charAt(c) == '’'));
      }
      return w;
    }

    /** Whether the quote opening at {@code open} sits inside a sentence (preceded by a word, not a lead-in). */
    boolean embedded(int open) {
      int j = open - 1;
      while (j >= 0 && text.charAt(j) == ' ') j--;
      if (j < 0 || text.charAt(j) == '\n') return false;
      char c = text.charAt(j);
      return !(c == ',' || c == ':' || c == '.' || c == '!' || c == '?' || c == '—' || c == '–' || c == '(');
    }

    boolean adjacentCue(Attribution a, int openTok) {
      int k = a.cueEndTok;
      if (k < 0) return false;
      return k < nt && (k == openTok || (k + 1 == openTok && (tw[k].equals(",") || tw[k].equals(":")))
          || (k + 1 == openTok && tw[k].equals("—")));
    }

    /** A cue before the quote in its sentence, and its subject. */
    Attribution before(int openTok) {
      int sent = tokSent[openTok];
      int first = openTok;
      while (first > 0 && tokSent[first - 1] == sent) first--;
      int end = openTok;
      if (first == openTok && openTok > 0 && tw[openTok - 1].equals(":") && tokQuote[openTok - 1] < 0) {
        // the lead-in closes the previous paragraph: "In a 1963 speech, he declared:"
        end = openTok - 1;
        first = end;
        while (first > 0 && tokSent[first - 1] == tokSent[end]) first--;
      }
      int v = -1;
      for (int t = end - 1; t >= first; t--) {
        if (tokQuote[t] >= 0) continue;
        if (qw.isVerb(t) || isAccordingTo(t)) {
          v = t;
          break;
        }
      }
      if (v < 0) return null;
      if (isAccordingTo(v)) {
        Mention m = mentionAt(v + 2, openTok);
        return m == null ? null : new Attribution(v, v + 2, m);
      }
      boolean participle = tw[v].endsWith("ing");
      Mention subj = participle && v > first && tw[v - 1].equals(",") ? null : subjectBefore(v, first);
      // "a statement saying", "on Facebook writing": the participle's subject is the clause's, not the noun before
      if (subj != null && participle && subj.person < 0 && subj.kind != PRON) subj = null;
      if (subj == null && v > first && tokQuote[v - 1] >= 0 && !participle) {
        subj = mentionAt(v + 1, openTok); // '“...,” said Sherman, speaking of politicians, “...”'
      }
      if (subj == null && !participle && !"tell".equals(lex.speechVerbs.get(tw[v])) && v + 1 < openTok
          && openTok - v <= 6 && (tw[openTok - 1].equals(":") || tw[openTok - 1].equals(","))) {
        Mention m = mentionAt(v + 1, openTok); // "explained CBS moderator Nancy Cordes: “...”"
        if (m != null && m.kind == NAME && m.person >= 0) subj = m;
      }
      if (subj == null) {
        // coordinated or participle cue: take the subject of an earlier cue, else the last mention that is
        // followed by a verb-like word
        for (int t = v - 1; t >= first && subj == null; t--) {
          if (tokQuote[t] < 0 && qw.isVerb(t)) subj = subjectBefore(t, first);
        }
        if (subj == null && !participle && !(v > first && COORD.contains(tw[v - 1].toLowerCase(Locale.ROOT)))) {
          return null;
        }
        if (subj == null) subj = lastSubjectLike(first, v);
        if (subj == null) return null;
      }
      return new Attribution(v, cueEnd(v), subj);
    }

    /** The last person-like mention in [first, v) that stands before a lower-case word (a verb, presumably). */
    Mention lastSubjectLike(int first, int v) {
      Mention best = null;
      if (SUBORDINATORS.contains(tw[first].toLowerCase(Locale.ROOT))) {
        for (int t = first; t < v; t++) {
          if (tw[t].equals(",") && tokQuote[t] < 0) {
            first = t + 1;
            break;
          }
        }
      }
      for (int t = first; t < v; t++) {
        Mention m = mentionByStart.get(t);
        if (m == null || m.kind == ORG || qw.possessive(m.tokEnd - 1) || tokQuote[t] >= 0) continue;
        int after = m.tokEnd;
        if (after < v && Character.isLowerCase(tw[after].charAt(0))
            && !STOP_SUBJECT.contains(tw[after].toLowerCase(Locale.ROOT)) && !tw[after].equals("and")) {
          return m;
        }
      }
      return best;
    }

    boolean isAccordingTo(int t) {
      return tw[t].equalsIgnoreCase("according") && t + 1 < nt && tw[t + 1].equals("to") && qw.usable(t);
    }

    /** The phrase naming the speaker that ends just before verb {@code v}. */
    Mention subjectBefore(int v, int first) {
      int k = v - 1;
      int skipped = 0;
      boolean passive = false;
      while (k >= first && skipped < 4 && lex.adverbs.contains(tw[k].toLowerCase(Locale.ROOT))) {
        if (BE.contains(tw[k].toLowerCase(Locale.ROOT))) passive = true;
        k--;
        skipped++;
      }
      if (k < first) return null;
      // "his salespersons were told": the listener, not the speaker ("was quoted as saying" is the speaker)
      if (passive && !tw[v].equals("quoted") && !tw[v].endsWith("ing")) return null;
      if (tw[k].equals(",") && k - 1 >= first && tw[k - 1].equals(")")) k--;
      if (tw[k].equals(")")) {
        int j = k - 1;
        while (j >= first && k - j < 12 && !tw[j].equals("(")) j--;
        if (j > first && tw[j].equals("(")) {
          Mention m = mentionEndingAt(j - 1);
          if (m != null) return m;
        }
        return null;
      }
      if (tw[k].equals(",")) {
        String opener = tw[k].equals(")") ? "(" : ",";
        int j = k - 1;
        while (j >= first && k - j < 20 && !tw[j].equals(opener) && tokQuote[j] < 0) j--;
        if (j < first || !tw[j].equals(opener) || tokQuote[j] >= 0) return null;
        Mention inner = null;
        for (int x = j + 1; x < k; x++) {
          Mention m = mentionByStart.get(x);
          if (m != null && m.kind == NAME && m.person >= 0) inner = m;
        }
        int mj = j - 1;
        if (mj >= first && tw[mj].equals(")")) {
          // "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said": step over the parenthesis
          while (mj >= first && !tw[mj].equals("(")) mj--;
          mj--;
        }
        Mention main = mj >= first ? mentionEndingAt(mj) : null;
        boolean relative = j + 1 < k && (tw[j + 1].equals("who") || tw[j + 1].equals("which"));
        if ((main == null || main.person < 0) && !relative) {
          Mention p = fallbacks.personBeforeAppositives(j, first);
          if (p != null) return p;
        }
        if (main != null && (main.person >= 0 || inner == null || relative)) return main;
        return relative ? null : inner;
      }
      if (tw[k].equals("who") && k - 2 >= first && tw[k - 1].equals(",")) {
        return mentionEndingAt(k - 2); // "said Beck, who said there were ..."
      }
      Mention m = mentionEndingAt(k);
      if (m != null && m.person < 0 && m.kind != PRON) {
        // "Mr. Morgan of the Sierra Club said", "John Smith at Brookings says": the person before the affiliation
        int j = m.tokStart - 1;
        if (j >= first && tw[j].equalsIgnoreCase("the")) j--;
        if (j - 1 >= first && (tw[j].equals("of") || tw[j].equals("at") || tw[j].equals("from"))) {
          Mention p = mentionByEnd.get(j - 1);
          if (p != null && p.kind == NAME && p.person >= 0 && !qw.possessive(p.tokEnd - 1)) return p;
        }
      }
      if (m != null && m.kind == UNNAMED && m.tokStart - 1 >= first
          && PREPOSITIONS.contains(tw[m.tokStart - 1].toLowerCase(Locale.ROOT))) {
        // "Sanders in the past has criticized": step over the prepositional phrase
        return subjectBefore(m.tokStart, first);
      }
      return m;
    }

    Mention mentionEndingAt(int k) {
      if (k < 0 || tokQuote[k] >= 0) return null;
      Mention m = mentionByEnd.get(k);
      if (m != null) return m;
      String lw = tw[k].toLowerCase(Locale.ROOT);
      if (!Character.isUpperCase(tw[k].charAt(0)) && !lex.determiners.contains(lw) && !lex.adverbs.contains(lw)
          && !lex.pronouns.containsKey(lw) && !STOP_SUBJECT.contains(lw)) {
        // "the editorial board", "one former campaign staffer": a determiner and up to four words
        for (int j = k - 1; j >= 0 && k - j <= 5 && qw.usable(j) && Character.isLetterOrDigit(tw[j].charAt(0)); j--) {
          String lj = tw[j].toLowerCase(Locale.ROOT);
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
      if (Character.isLowerCase(tw[k].charAt(0)) && lex.genericSources.contains(lw)) {
        int s = k;
        for (int j = k - 1; j >= 0 && k - j <= 4 && qw.usable(j) && Character.isLetter(tw[j].charAt(0)); j--) {
          if (lex.determiners.contains(tw[j].toLowerCase(Locale.ROOT))) {
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
      if (t >= nt || t >= limit) return null;
      Mention m = mentionByStart.get(t);
      if (m != null) {
        // "Kremlin spokesman Dmitry Peskov": prefer a person named right after a leading organisation or role
        for (int k = m.tokEnd; k < Math.min(nt, m.tokEnd + 4); k++) {
          Mention p = mentionByStart.get(k);
          if (p != null && p.person >= 0 && (m.kind == ORG || m.kind == DESC)) return p;
          if (!Character.isLetter(tw[k].charAt(0)) || (!qw.isRoleWord(k) && p == null && !qw.isCap(k) && !modifierWord(k))) {
            break;
          }
        }
        return m;
      }
      // a description or unnamed source: up to 5 words ending in a noun before punctuation or a verb
      for (int k = t; k < Math.min(nt, t + 6); k++) {
        if (tw[k].equals("/") || tw[k].equals("-")) continue; // "9/11 widow Terry Strada"
        if (!Character.isLetterOrDigit(tw[k].charAt(0)) || !qw.usable(k)) break;
        Mention p = mentionByStart.get(k);
        if (p != null && p.person >= 0) return p;
        if (k + 1 < nt && (qw.isVerb(k + 1) || !Character.isLetterOrDigit(tw[k + 1].charAt(0))
            || PREPOSITIONS.contains(tw[k + 1].toLowerCase(Locale.ROOT)) || tw[k + 1].equals("who"))) {
          Mention e = mentionEndingAt(k);
          if (e != null) return e;
          break;
        }
      }
      return null;
    }

    /** A speaker and cue right after a closing mark: ', Putin said', ', said Putin', ', he added'. */
    /** Whether the quote's words end in a comma, question or exclamation mark or a dash: '“...,” he said'. */
    boolean separated(Span sp) {
      int j = sp.close() - 1;
      while (j > sp.open() && (ws(text.charAt(j)) || isSingleMark(text.charAt(j)) || text.charAt(j) == ')')) j--;
      return ",?!—–-…".indexOf(text.charAt(j)) >= 0 || sp.unclosed();
    }

    boolean separatorAt(int t) {
      return t < nt && (tw[t].equals(",") || DASHES.contains(tw[t]));
    }

    /** '“...” ― Sonya Herridge': a dash and a name closing the paragraph or sentence; no cue. */
    Attribution dashName(int t, int para) {
      if (t >= nt || !DASHES.contains(tw[t]) || charPara[ts[t]] != para) return null;
      Mention m = mentionByStart.get(t + 1);
      if (m == null || (m.kind != NAME && m.kind != ORG)) return null;
      int e = m.tokEnd;
      if (e < nt && charPara[ts[e]] == para && !tw[e].equals(".") && tokQuote[e] < 0) return null;
      return new Attribution(-1, -1, m);
    }

    Attribution after(int t, int para) {
      while (t < nt && (tw[t].equals(",") || tw[t].equals("—") || tw[t].equals("–") || tw[t].equals("-"))) t++;
      if (t >= nt || !qw.usable(t) || charPara[ts[t]] != para) return null;
      if (qw.isVerb(t) && !"tell".equals(lex.speechVerbs.get(tw[t]))) {
        Mention m = mentionAt(t + 1, nt);
        if (m == null) {
          int c = cueEnd(t);
          m = mentionAt(c, nt);
        }
        if (m == null) return null;
        return new Attribution(t, cueEnd(t), m);
      }
      if (isAccordingTo(t)) {
        Mention m = mentionAt(t + 2, nt);
        return m == null ? null : new Attribution(t, t + 2, m);
      }
      String lw = tw[t].toLowerCase(Locale.ROOT);
      if (STOP_SUBJECT.contains(lw)) return null;
      // subject phrase up to the verb: names, titles, determiners, adverbs, or an appositive between commas
      boolean apposition = false;
      int lastDet = -9;
      for (int k = t; k < Math.min(nt, t + 28); k++) {
        if (apposition && tokQuote[k] >= 0) continue; // 'Bill Eastland, wearing “Ted Cruz” pins, said'
        if (!qw.usable(k) || tokQuote[k] >= 0) return null;
        String w = tw[k];
        if (w.equals(",")) apposition = !apposition;
        else if (w.equals("(")) apposition = true;
        else if (w.equals(")")) apposition = false;
        if (lex.determiners.contains(w.toLowerCase(Locale.ROOT))) lastDet = k;
        if (!apposition && Character.isLowerCase(w.charAt(0)) && !qw.isVerb(k) && !subjectWord(w)
            && !(k + 1 < nt && qw.isCap(k + 1) && !STOP_SUBJECT.contains(w.toLowerCase(Locale.ROOT)))
            && !(k - lastDet <= 4 && !STOP_SUBJECT.contains(w.toLowerCase(Locale.ROOT)))) {
          return apposition || k > t + 4 ? null : fallbacks.namedAfterModifiers(t);
        }
        if (!apposition && (w.equals(".") || w.equals("!") || w.equals("?") || w.equals(";"))) return null;
        if (charPara[ts[k]] != charPara[ts[t]]) return null;
        if (qw.isVerb(k) && k > t) {
          Mention subj = subjectBefore(k, t);
          if (subj == null) {
            subj = mentionAt(t, k);
            if (subj == null) return null;
          }
          return new Attribution(k, cueEnd(k), subj);
        }
      }
      return null;
    }

    /** A lower-case word that may describe a person before the name: "party boss", "pollster", "political". */
    boolean modifierWord(int k) {
      String lw = tw[k].toLowerCase(Locale.ROOT);
      return Character.isLowerCase(tw[k].charAt(0)) && qw.usable(k) && !STOP_SUBJECT.contains(lw)
          && !PREPOSITIONS.contains(lw) && !lex.determiners.contains(lw) && !lex.pronouns.containsKey(lw)
          && !qw.isVerb(k) && !lex.adverbs.contains(lw);
    }

    boolean subjectWord(String w) {
      String lw = w.toLowerCase(Locale.ROOT);
      return lex.determiners.contains(lw) || lex.adverbs.contains(lw) || lex.titles.contains(lw)
          || lex.roleClasses.containsKey(lw) || lex.genericSources.contains(lw) || CONNECTORS.contains(lw)
          || lex.pronouns.containsKey(lw) || lw.equals("of");
    }

    /** An attribution closing the quote's sentence: '... "candidate who is a lightning rod" and ..., said Link.' */
    Attribution tail(int t, int sent, int para) {
      for (int k = t; k < nt && tokSent[k] == sent; k++) {
        if (tokQuote[k] >= 0) return null;
        if (tw[k].equals(",")) {
          Attribution x = after(k + 1, para);
          if (x != null) return x;
        }
      }
      return null;
    }

    /** The cue phrase that starts at verb {@code v}: the verb, a "told" object, "on" + platform; exclusive end. */
    int cueEnd(int v) {
      int e = v + 1;
      String lemma = lex.speechVerbs.get(tw[v]);
      if ("tell".equals(lemma) && e < nt && qw.usable(e)) {
        int obj = objectEnd(e);
        if (obj > e) e = obj;
      }
      if (e + 1 < nt && tw[e].equals("on") && qw.usable(e + 1)) {
        for (List<String> p : lex.platforms) {
          int k = e + 1;
          int i = 0;
          while (i < p.size() && k < nt && qw.bare(k).equals(p.get(i))) {
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
        if (e + len > nt) continue;
        StringBuilder sb = new StringBuilder();
        for (int k = e; k < e + len; k++) sb.append(k > e ? " " : "").append(tw[k].toLowerCase(Locale.ROOT));
        if (lex.cueObjects.contains(sb.toString())) return e + len;
      }
      int k = e;
      if (k < nt && tw[k].equals("The")) k++;
      int s = k;
      while (k < nt && k - s < 4 && qw.isCap(k) && qw.usable(k)) {
        Mention m = mentionByStart.get(k);
        if (m != null && m.kind == NAME) return e; // told Putin: the listener is a person, not a medium
        k++;
      }
      return k > s ? k : e;
    }

    Found found(int cs, int ce, Attribution a, boolean partial) {
      if (a == null) {
        return new Found(text.substring(cs, ce), cs, ce, null, -1, -1, null, -1, -1, -1, -1, partial, "direct");
      }
      int cueS = a.cueTok < 0 ? -1 : ts[a.cueTok];
      int cueE = a.cueTok < 0 ? -1 : te[a.cueEndTok - 1];
      Mention m = a.subject;
      int srcS = ts[m.tokStart];
      int srcE = te[m.tokEnd - 1];
      if (m.kind == NAME && qw.possessive(m.tokEnd - 1)) srcE = ts[m.tokEnd - 1] + qw.bare(m.tokEnd - 1).length();
      String speaker = null;
      int nameS = -1;
      int nameE = -1;
      if (m.person >= 0) {
        Person p = persons.get(m.person);
        speaker = p.canonical;
        int[] span = nameSpanBefore(m);
        nameS = span[0];
        nameE = span[1];
      }
      return new Found(text.substring(cs, ce), cs, ce, cueS < 0 ? null : text.substring(cueS, cueE), cueS, cueE,
          speaker, srcS, srcE, nameS, nameE, partial, "direct");
    }

    /** The latest name mention of the subject's person at or before the subject. */
    int[] nameSpanBefore(Mention subj) {
      Mention best = null;
      for (Mention m : mentions) {
        if (m.tokStart > subj.tokStart) break;
        if (m.kind == NAME && m.person == subj.person) best = m;
      }
      if (best == null) {
        for (Mention m : mentions) {
          if (m.kind == NAME && m.person == subj.person) {
            best = m;
            break;
          }
        }
      }
      if (best == null) return new int[] {-1, -1};
      int e = te[best.tokEnd - 1];
      if (qw.possessive(best.tokEnd - 1)) e = ts[best.tokEnd - 1] + qw.bare(best.tokEnd - 1).length();
      return new int[] {ts[best.tokStart], e};
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  static final int PARTIAL_MAX_WORDS = 4;
  static final Set<String> BE = Set.of("was", "were", "is", "are", "be", "been", "being");
  static final Set<String> NAMING = Set.of("called", "dubbed", "named", "labeled", "labelled");
  static final Set<String> PREPOSITIONS = Set.of("in", "on", "at", "for", "of", "from", "with", "by",
      "during", "after", "before", "since", "over", "under", "about", "into", "through", "against", "among");
  static final Set<String> MINOR = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "at", "to",
      "for", "with", "by", "from", "vs", "vs.", "de", "la", "&", "-", "—", "–", "…", "as", "but", "nor", "so",
      "than", "via", "per", "into", "onto", "up", "out", "off", "over");
  static final Set<String> REPORTING = Set.of("say", "tell", "add", "state", "claim", "argue", "insist",
      "warn", "note", "explain", "announce", "acknowledge", "admit", "confirm", "suggest", "predict", "promise",
      "vow", "write", "report", "contend", "maintain", "stress", "emphasize", "assert", "reiterate", "declare",
      "caution", "allege", "concede", "deny", "recall", "tweet", "post");
  static final Set<String> SAY = Set.of("said", "says");
  static final Set<String> HONORIFICS = Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr");
  static final Set<String> SUFFIXES = Set.of("II", "III", "IV", "Jr", "Jr.", "Sr", "Sr.");
  static final Set<String> AUX = Set.of("is", "was", "are", "were", "has", "had", "will", "would", "could",
      "may", "might", "should", "must", "can");
  static final Set<String> CLAUSE_START = Set.of("he", "she", "they", "we", "i", "it", "there", "the",
      "his", "her", "their", "its", "this", "these", "those", "a", "an", "no", "all", "some", "both", "most");
  static final Set<String> SENTENCE_VERBS = Set.of("Said", "Says", "Asked", "Added", "Wrote", "Explained");
  static final java.util.regex.Pattern DEMONYM =
      java.util.regex.Pattern.compile(".*(an|ic|ish|ese|i)");
  static final Set<String> DASHES = Set.of("—", "–", "―", "-", "--");
  static final Set<String> COORD = Set.of(",", "and", "but", "then", "or", "also");
  static final Set<String> MODALS = Set.of("to", "will", "would", "could", "can", "should", "might",
      "may", "must", "did", "do", "does", "not", "never");
  static final Set<String> SUBORDINATORS = Set.of("while", "although", "though", "as", "when", "after",
      "before", "if", "because", "since", "once", "despite", "unlike", "like", "whereas", "until", "citing",
      "speaking", "asked", "according");
  static final Set<String> CONNECTORS = Set.of("de", "da", "van", "von", "der", "den", "bin", "al", "ibn",
      "la", "le", "du", "dos", "del", "di");
  static final Set<String> NOUN_MARKERS = Set.of("the", "a", "an", "his", "her", "their", "its", "these",
      "those", "such", "new", "recent", "earlier", "our", "my", "your", "whose", "any", "no", "media", "news");
  static final Set<String> STOP_SUBJECT = Set.of("and", "but", "or", "which", "that", "who", "as", "while",
      "when", "because", "if", "then", "so", "without", "with", "to", "in", "on", "at", "for", "of", "by", "from",
      "than", "is", "was", "are", "were", "it", "not", "into", "about", "after", "before", "where", "whom");
  static final Map<String, Character> GENDERED = Map.ofEntries(Map.entry("mr", 'm'), Map.entry("mrs", 'f'),
      Map.entry("ms", 'f'), Map.entry("miss", 'f'), Map.entry("spokesman", 'm'), Map.entry("spokeswoman", 'f'),
      Map.entry("congressman", 'm'), Map.entry("congresswoman", 'f'), Map.entry("chairman", 'm'),
      Map.entry("chairwoman", 'f'), Map.entry("king", 'm'), Map.entry("queen", 'f'), Map.entry("sir", 'm'),
      Map.entry("dame", 'f'), Map.entry("lord", 'm'), Map.entry("lady", 'f'), Map.entry("businessman", 'm'),
      Map.entry("businesswoman", 'f'), Map.entry("prince", 'm'), Map.entry("princess", 'f'));

}
