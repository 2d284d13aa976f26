package org.storyline.facts;

import java.util.Set;
import org.storyline.facts.Statements.Statement;
import org.storyline.nlp.Embedder;

/**
 * Whether two statements of different articles say the same thing. Two signals of meaning, then a veto:
 * <ul>
 *   <li>the cosine of their sentence embeddings (when the pipeline has an embedder), which sees paraphrases ("praised
 *       this week's high-level discussions" and "was pleased with the outcome of high-level talks");</li>
 *   <li>the share of one statement's content words that the other has ({@code cover}), which sees a short statement
 *       restated inside a longer sentence;</li>
 *   <li>the veto: statements whose numbers, day dates or named people all differ are different facts however alike
 *       their words ("expelled 35 diplomats" is not "expelled 755 diplomats", "Peskov said" is not "Putin said"), and so
 *       are two direct quotations of different speakers ({@link #otherSpeaker}).</li>
 * </ul>
 * Thresholds were set on AllSides dev ({@code storyline eval facts}) and are constants here, with their reasons.
 * Stateless and thread-safe.
 */
final class Agreement {
  /** Cosine at which two statements say the same thing whatever words they share. */
  static final double COS_SAME = 0.72;
  /**
   * Below that, they do when {@code cos + COVER_WEIGHT * cover} reaches {@link #JOINT} (and the cosine is at least
   * {@link #COS_MIN}): a paraphrase that keeps a few telling words. On AllSides dev, reports of one fact in other
   * words ("acknowledged a discrepancy in the count" and "aware there is a discrepancy in the report") sit at cosine
   * 0.5-0.6 with a cover of 0.3, while different facts of one story sit at 0.5-0.6 with a cover under 0.1.
   */
  static final double JOINT = 0.68;
  static final double COVER_WEIGHT = 0.5;
  static final double COS_MIN = 0.5;
  /**
   * {@link #COS_MIN} when either statement is a core ({@link Statements#cores}: a subject carried to one of its
   * predicates). A core is short and opens with its subject's words, so its word cover is high against any sentence
   * of the story that names the same subject; the cosine has to carry more. Read on the giveme5w1h news_cluster
   * training events (the pairs a core newly joined, by hand): one fact in other words at 0.59-0.82 ("The officials
   * warned residents to stay indoors" and "local officials have told people to stay indoors"), different facts of one
   * subject at 0.54-0.59 ("Oakland sent him to Arizona without much in return" and "He told his team after Arizona's
   * 26-24 victory"; North Korea's nuclear test and its news agency's report); the seeds' two reports of an economic deal
   * ("The two countries hinted at signing a new economic deal", "The two countries discussed pursuing joint economic
   * opportunities") at 0.64.
   */
  static final double CORE_COS_MIN = 0.6;
  /** The bar of {@link #JOINT} when the statements name different days (see {@link #compare}). */
  static final double JOINT_OTHER_DAY = 0.8;
  /** Without embeddings: share of content words that makes the same statement. */
  static final double COVER_ALONE = 0.5;
  /** Without embeddings: a lower share suffices when at least {@link #NAMES_WITH_WORDS} names agree as well. */
  static final double COVER_WITH_NAMES = 0.35;
  static final int NAMES_WITH_WORDS = 2;

  /**
   * Statements at the head of a report (its first {@code LEAD} statements: a standfirst, then the lead) state the
   * news the story's reports share, so two of them agree at a lower cosine when the same person is named first in
   * both ({@link Statements.Statement#subject}) acting in the same kind of way (the kinds of
   * {@code events/actions.tsv}: "praised" and "said" are both speech) and nothing vetoes them. Read on AllSides dev
   * (the lead pairs of the 208 roundups this rule joins, read by hand): from 0.45 up nearly all are one happening in other
   * words ("has apologised after snapping at a reporter" and "the tense exchange happened during"); from 0.42 to 0.45
   * about half are not (a governor's announcement and a commentator's aside on it); judged leads of different facts
   * (roundups 5904 and 5912: an opinion piece's opening, a term of several rulings) sit at 0.25-0.39.
   */
  static final int LEAD = 2;
  static final double LEAD_COS = 0.45;
  /**
   * An article's first statement (a standfirst, or the lead) restates one of the next {@link #LEAD} (the lead and what
   * follows it) at {@code cos + COVER_WEIGHT * cover} of at least this, over their sentences and clauses: a higher bar
   * than across articles, since one writer repeats their own words. A restatement of a fact another article reports
   * is not unique either. Only at the head: deeper in an article, sentences of one topic reach this bar with
   * different facts (on AllSides dev and the seeds, a later staffing decision and the lead's talks on staffing).
   */
  static final double JOINT_RESTATE = 0.8;

  /** Read-only after loading, so shared. */
  static final org.storyline.cluster.Idf IDF = org.storyline.cluster.Idf.withBackground();

  private Agreement() {}

  /** How two statements compare: {@code score} 0..1 (the cosine, or without embeddings the larger cover). */
  record Match(boolean same, double score, boolean conflict) {}

  /**
   * Compares {@code x} and {@code y}; {@code ex} and {@code ey} are their embeddings or null (then words alone
   * decide).
   */
  static Match compare(Statement x, Statement y, float[] ex, float[] ey) {
    boolean embedded = ex != null && ey != null;
    double cos = embedded ? Embedder.dot(ex, ey) : 0;
    // below its bar nothing else can make them agree: the word measures are not needed (the pairs grow with the
    // square of a story's sentences)
    if (embedded && cos < (x.carried() != null || y.carried() != null ? CORE_COS_MIN : COS_MIN)) {
      return new Match(false, cos, false);
    }
    // different numbers or different people: different facts, however alike the words; and quotes of different
    // speakers ("'We owe the families answers,' the mayor said" is not the fire chief's quote about the mayor,
    // however much the two share her name)
    boolean conflict = disjoint(x.numbers(), y.numbers()) || disjoint(x.people(), y.people())
        || otherSpeaker(x, y);
    // different days: a sentence often dates one happening and restates another ("praised on Wednesday the talks of
    // Tuesday"), so only a close paraphrase with shared words passes
    boolean otherDay = disjoint(x.days(), y.days());
    double cover = Math.max(cover(x, y), cover(y, x));
    if (embedded) {
      double joint = cos + COVER_WEIGHT * cover;
      boolean same = otherDay ? joint >= JOINT_OTHER_DAY : cos >= COS_SAME || joint >= JOINT;
      return new Match(same && !conflict, cos, conflict);
    }
    boolean anchor = shared(x.numbers(), y.numbers()) > 0 || shared(x.days(), y.days()) > 0;
    int names = shared(x.names(), y.names());
    boolean same = otherDay ? cover >= COVER_ALONE
        : cover >= COVER_ALONE || cover >= COVER_WITH_NAMES && (names >= NAMES_WITH_WORDS || anchor);
    return new Match(same && !conflict, cover, conflict);
  }

  /** Both non-empty and nothing in common. */
  static boolean disjoint(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) return false;
    for (String s : a) if (b.contains(s)) return false;
    return true;
  }

  /**
   * Compares two sentences clause by clause as well ({@link Statements.Statement#units()}): they agree when the
   * sentences or any two of their clauses do ("added that X, but cautioned that Y" states Y too); the score is the
   * best of an agreeing pair, or the best of all pairs when none agrees. {@code vectors} holds the units' embeddings
   * (empty without embeddings).
   */
  static Match compareUnits(Statement x, Statement y, java.util.Map<Statement, float[]> vectors) {
    Match best = null;
    for (Statement u : x.units()) {
      for (Statement v : y.units()) {
        Match m = compare(u, v, vectors.get(u), vectors.get(v));
        if (best == null || m.same() && !best.same() || m.same() == best.same() && m.score() > best.score()) best = m;
      }
    }
    return best;
  }

  /**
   * Whether two lead statements of different articles report one happening (see {@link #LEAD_COS}): the sentences'
   * cosine at least that, a person named by both, a kind of action both name, no veto. {@code vectors} as for
   * {@link #compareUnits}; false without embeddings.
   */
  static boolean sameLead(Statement x, Statement y, java.util.Map<Statement, float[]> vectors) {
    float[] ex = vectors.get(x);
    float[] ey = vectors.get(y);
    if (ex == null || ey == null || Embedder.dot(ex, ey) < LEAD_COS) return false;
    if (x.subject() == null || !x.subject().equals(y.subject())) return false;
    // a quotation: its words are what it says, and the main rule compares them ("said" is no shared action: two
    // quotes of one speaker in two leads are not one happening for that)
    if (x.quotation() || y.quotation()) return false;
    if (disjoint(x.numbers(), y.numbers()) || disjoint(x.people(), y.people()) || disjoint(x.days(), y.days())
        || otherSpeaker(x, y)) {
      return false;
    }
    return shared(kinds(x), kinds(y)) > 0;
  }

  private static Set<String> kinds(Statement s) {
    return org.storyline.events.EventPhrase.kinds(s.text());
  }

  /**
   * Whether two statements of one article restate one fact ({@link #JOINT_RESTATE}), over their sentences and
   * clauses; false without embeddings.
   */
  static boolean restates(Statement x, Statement y, java.util.Map<Statement, float[]> vectors) {
    for (Statement u : x.units()) {
      for (Statement v : y.units()) {
        float[] eu = vectors.get(u);
        float[] ev = vectors.get(v);
        if (eu == null || ev == null) return false;
        double cos = Embedder.dot(eu, ev);
        if (cos < COS_MIN) continue;
        if (disjoint(u.numbers(), v.numbers()) || disjoint(u.people(), v.people()) || disjoint(u.days(), v.days())
            || otherSpeaker(u, v)) {
          continue;
        }
        double cover = Math.max(cover(u, v), cover(v, u));
        if (cos + COVER_WEIGHT * cover >= JOINT_RESTATE) return true;
      }
    }
    return false;
  }

  /**
   * Two whole direct quotations of different named speakers: different statements. Reported speech is not vetoed
   * so: a spokesman relays his leader's words ("Lomaia said that the president's proposal states ...").
   */
  static boolean otherSpeaker(Statement x, Statement y) {
    return x.quotation() && y.quotation() && !x.quoted().equals(y.quoted());
  }

  /**
   * Share of {@code a}'s words found in {@code b}'s, each word weighted by its inverse document frequency in the
   * shipped background table (a rare word shared, "upended", says more than a common one, "said"); the weights are
   * those {@code a} looked up once ({@link Statements.Statement#weights}).
   */
  static double cover(Statement a, Statement b) {
    double[] w = a.weights();
    Set<String> bt = b.terms();
    double all = 0;
    double in = 0;
    int k = 0;
    for (String t : a.terms()) {
      all += w[k];
      if (bt.contains(t)) in += w[k];
      k++;
    }
    return all == 0 ? 0 : in / all;
  }

  static int shared(Set<String> a, Set<String> b) {
    int n = 0;
    for (String s : a) if (b.contains(s)) n++;
    return n;
  }
}
