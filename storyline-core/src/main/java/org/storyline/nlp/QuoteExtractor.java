package org.storyline.nlp;

import static org.storyline.nlp.QuoteMarks.isDoubleMark;
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
 * coreference of pronouns and descriptions), {@link QuoteSpeakers} (speaker resolution: the phrase naming the
 * speaker of a cue), {@link QuoteCues} (the cue patterns before, after and around a quote) and
 * {@link SpeakerFallbacks}; this class pairs each quote with its attribution (and finds reported speech).
 *
 * <p>It reads its own segmentation, not the annotated document's ({@link org.storyline.document.AnnotatedArticle}),
 * for reasons of substance: a sentence never ends inside a quotation, a paragraph that starts in lower case continues
 * the sentence before, quotation marks must be told apart from apostrophes before tokens are cut (the CoNLL tokens of
 * the entity tagger split "Russia's" and "don't" and cut sentences inside quotes), and headings are no evidence.
 * Entities reach the quotes afterwards, in {@link DefaultQuoteStage}.
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

  /**
   * One text's working state: its words ({@link QuoteWords}) and mentions ({@link QuoteMentions}), which the cue,
   * speaker and fallback rules read through this object and its two parts (nothing is copied out of them).
   */
  final class Doc {
    final QuoteWords qw;
    final QuoteMentions men;
    final SpeakerFallbacks fallbacks;
    final QuoteSpeakers speakers;
    final QuoteCues cues;

    Doc(String text) {
      qw = new QuoteWords(text, lex);
      men = new QuoteMentions(qw);
      fallbacks = new SpeakerFallbacks(this, lex);
      speakers = new QuoteSpeakers(this, lex);
      cues = new QuoteCues(this, lex);
    }

    List<Found> run() {
      return attribute();
    }

    // ---- attribution ------------------------------------------------------------------------------------------

    List<Found> attribute() {
      List<Found> out = new ArrayList<>();
      int[] firstTok = new int[qw.spans.size()];
      int[] lastTok = new int[qw.spans.size()];
      java.util.Arrays.fill(firstTok, -1);
      for (int t = 0; t < qw.nt; t++) {
        int q = qw.tokQuote[t];
        if (q < 0) continue;
        if (firstTok[q] < 0) firstTok[q] = t;
        lastTok[q] = t;
      }
      Attribution prev = null;
      int prevPara = -2;
      int prevSpanEndPara = -2;
      for (int q = 0; q < qw.spans.size(); q++) {
        Span sp = qw.spans.get(q);
        if (qw.heading[sp.para()] || firstTok[q] < 0) continue;
        int cs = sp.open() + 1;
        int ce = sp.close();
        while (cs < ce && ws(qw.text.charAt(cs))) cs++;
        while (ce > cs && (ws(qw.text.charAt(ce - 1)) || ",;:".indexOf(qw.text.charAt(ce - 1)) >= 0)) {
          ce--;
        }
        if (ce <= cs) continue;
        int words = cues.countWords(cs, ce);
        boolean embedded = cues.embedded(sp.open());
        boolean partial = words <= PARTIAL_MAX_WORDS && (embedded || Character.isLowerCase(qw.text.charAt(cs)));
        if (partial) {
          while (ce > cs && ".!".indexOf(qw.text.charAt(ce - 1)) >= 0) ce--;
          if (ce <= cs) continue;
        }
        int open = firstTok[q];
        int close = lastTok[q];
        int endPara = qw.charPara[Math.max(sp.open(), sp.close() - 1)];
        Attribution a = null;
        Attribution before = cues.before(open);
        boolean adjacent = before != null && cues.adjacentCue(before, open);
        if (adjacent) a = before;
        boolean spoken = adjacent;
        if (a == null) a = cues.dashName(close + 1, endPara);
        if (a == null && !cues.endsWithPeriod(sp) && (cues.separated(sp) || cues.separatorAt(close + 1))) {
          a = cues.after(close + 1, endPara);
          spoken = a != null;
        }
        if (!spoken && a != null && a.cueTok < 0) spoken = true;
        if (!spoken && cues.titleCase(cs, ce)) continue; // “Face the Nation”, “All Bets Are Off”: a title, not speech
        if (a == null) a = before;
        if (a == null) a = cues.tail(close + 1, qw.tokSent[open], endPara);
        if (a == null) a = cues.colonLead(open);
        if (a != null && !adjacent && a == before) {
          // "When Trump suggested that ..., Rubio fired back: “...”": the lead-in's subject, not the aside's
          Attribution c = cues.colonLead(open);
          if (c != null && c.subject.tokStart > a.cueTok) a = c;
        }
        if (a == null && !partial && !cues.ownSubject(open)) a = cues.previousSentence(open);
        if (a == null && prev != null && !partial && !cues.ownSubject(open)) {
          boolean samePara = prevPara == sp.para() || prevSpanEndPara == sp.para();
          boolean nextPara = sp.open() == qw.paraStart[sp.para()] && prevSpanEndPara >= 0
              && cues.onlyHeadingsBetween(prevSpanEndPara, sp.para());
          if (samePara || nextPara) a = prev;
        }
        if (a == null && !partial) a = fallbacks.sentenceSubject(open);
        if (a == null && !partial && sp.open() == qw.paraStart[sp.para()]) {
          a = fallbacks.previousParagraphSpeaker(open, sp.para());
        }
        if (a == null && partial) continue; // a scare quote or a title, not speech
        if (qw.charPara[cs] != qw.charPara[Math.max(cs, ce - 1)]) {
          // a quote running over paragraphs: one quote per paragraph, each with the whole quote's attribution
          int ps = cs;
          for (int k = qw.charPara[cs]; k <= qw.charPara[ce - 1]; k++) {
            int s0 = Math.max(ps, qw.paraStart[k]);
            int e0 = Math.min(ce, qw.paraEnd[k]);
            while (s0 < e0 && (isDoubleMark(qw.text.charAt(s0)) || ws(qw.text.charAt(s0)))) s0++;
            while (e0 > s0 && (ws(qw.text.charAt(e0 - 1)) || ",;:".indexOf(qw.text.charAt(e0 - 1)) >= 0)) e0--;
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
      while (t < qw.nt) {
        int sent = qw.tokSent[t];
        int s = t;
        int e = t;
        boolean quoted = false;
        while (e < qw.nt && qw.tokSent[e] == sent) {
          if (qw.tokQuote[e] >= 0) quoted = true;
          e++;
        }
        t = e;
        if (quoted || !qw.usable(s)) continue;
        for (int v = s + 1; v < e; v++) {
          if (!qw.isVerb(v) || qw.tw[v].endsWith("ing") || !REPORTING.contains(lex.speechVerbs.get(qw.tw[v]))) continue;
          Mention subj = speakers.subjectBefore(v, s);
          if (subj == null || subj.kind == UNNAMED && subj.tokEnd - subj.tokStart > 4) break;
          int c = cues.cueEnd(v);
          int k = c;
          while (k < e && k - c < 8 && !qw.tw[k].equals("that") && !qw.tw[k].equals(",") && !qw.tw[k].equals(".")) k++;
          int from;
          if (k < e && qw.tw[k].equals("that")) {
            // "said that is unrealistic": here "that" is the subject of the reported clause
            from = k + 1 < e && AUX.contains(qw.tw[k + 1]) ? k : k + 1;
          } else if (SAY.contains(qw.tw[v]) && c < e && CLAUSE_START.contains(qw.tw[c].toLowerCase(Locale.ROOT))) {
            from = c;
          } else {
            break;
          }
          int to = e;
          while (to > from && !Character.isLetterOrDigit(qw.tw[to - 1].charAt(0))) to--;
          if (to - from < 4) break;
          Found f = found(qw.ts[from], qw.te[to - 1], new Attribution(v, c, subj), false);
          out.add(new Found(f.text(), f.start(), f.end(), f.cue(), f.cueStart(), f.cueEnd(), f.speaker(),
              f.sourceStart(), f.sourceEnd(), f.nameStart(), f.nameEnd(), false, "indirect"));
          break;
        }
      }
    }

    Found found(int cs, int ce, Attribution a, boolean partial) {
      if (a == null) {
        return new Found(qw.text.substring(cs, ce), cs, ce, null, -1, -1, null, -1, -1, -1, -1, partial, "direct");
      }
      int cueS = a.cueTok < 0 ? -1 : qw.ts[a.cueTok];
      int cueE = a.cueTok < 0 ? -1 : qw.te[a.cueEndTok - 1];
      Mention m = a.subject;
      int srcS = qw.ts[m.tokStart];
      int srcE = qw.te[m.tokEnd - 1];
      if (m.kind == NAME && qw.possessive(m.tokEnd - 1)) srcE = qw.ts[m.tokEnd - 1] + qw.bare(m.tokEnd - 1).length();
      String speaker = null;
      int nameS = -1;
      int nameE = -1;
      if (m.person >= 0) {
        Person p = men.persons.get(m.person);
        speaker = p.canonical;
        int[] span = speakers.nameSpanBefore(m);
        nameS = span[0];
        nameE = span[1];
      }
      return new Found(qw.text.substring(cs, ce), cs, ce, cueS < 0 ? null : qw.text.substring(cueS, cueE), cueS, cueE,
          speaker, srcS, srcE, nameS, nameE, partial, "direct");
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
