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
 *       their words ("expelled 35 diplomats" is not "expelled 755 diplomats", "Peskov said" is not "Putin said").</li>
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
  /** The bar of {@link #JOINT} when the statements name different days (see {@link #compare}). */
  static final double JOINT_OTHER_DAY = 0.8;
  /** Without embeddings: share of content words that makes the same statement. */
  static final double COVER_ALONE = 0.5;
  /** Without embeddings: a lower share suffices when at least {@link #NAMES_WITH_WORDS} names agree as well. */
  static final double COVER_WITH_NAMES = 0.35;
  static final int NAMES_WITH_WORDS = 2;

  /** Read-only after loading, so shared. */
  private static final org.storyline.cluster.Idf IDF = org.storyline.cluster.Idf.withBackground();

  private Agreement() {}

  /** How two statements compare: {@code score} 0..1 (the cosine, or without embeddings the larger cover). */
  record Match(boolean same, double score, boolean conflict) {}

  /**
   * Compares {@code x} and {@code y}; {@code ex} and {@code ey} are their embeddings or null (then words alone
   * decide).
   */
  static Match compare(Statement x, Statement y, float[] ex, float[] ey) {
    // different numbers or different people: different facts, however alike the words
    if (ex != null && ey != null) {
      double cos = Embedder.dot(ex, ey);
      // below COS_MIN nothing else can make them agree: the word measures are not needed (the pairs grow with the
      // square of a story's sentences)
      if (cos < COS_MIN) return new Match(false, cos, false);
    }
    boolean conflict = disjoint(x.numbers(), y.numbers()) || disjoint(x.people(), y.people());
    // different days: a sentence often dates one happening and restates another ("praised on Wednesday the talks of
    // Tuesday"), so only a close paraphrase with shared words passes
    boolean otherDay = disjoint(x.days(), y.days());
    boolean anchor = shared(x.numbers(), y.numbers()) > 0 || shared(x.days(), y.days()) > 0;
    double cover = Math.max(cover(x.terms(), y.terms()), cover(y.terms(), x.terms()));
    if (ex != null && ey != null) {
      double cos = Embedder.dot(ex, ey);
      double joint = cos + COVER_WEIGHT * cover;
      boolean same = cos >= COS_MIN && (otherDay ? joint >= JOINT_OTHER_DAY : cos >= COS_SAME || joint >= JOINT);
      return new Match(same && !conflict, cos, conflict);
    }
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
   * Share of {@code a}'s words found in {@code b}, each word weighted by its inverse document frequency in the
   * shipped background table (a rare word shared, "upended", says more than a common one, "said").
   */
  static double cover(Set<String> a, Set<String> b) {
    double all = 0;
    double in = 0;
    for (String t : a) {
      double w = IDF.idf(t);
      all += w;
      if (b.contains(t)) in += w;
    }
    return all == 0 ? 0 : in / all;
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

  static int shared(Set<String> a, Set<String> b) {
    int n = 0;
    for (String s : a) if (b.contains(s)) n++;
    return n;
  }
}
