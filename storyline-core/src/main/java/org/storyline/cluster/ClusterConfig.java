package org.storyline.cluster;

import java.util.List;

/**
 * Every tunable of story clustering in one place (heuristics as data). {@link #DEFAULTS} were tuned on the ECB+
 * train/dev splits and the giveme5w1h news_cluster stream; see storyline-eval {@code ClusteringSuite}.
 *
 * @param titleWeight how many times a title term counts against a body term
 * @param nameWeight weight of a name feature (entity or capitalised token) relative to a plain term
 * @param quoteWeight weight of a quoted-words trigram feature
 * @param threshold minimum score to join an existing story (with a model: its probability times the time decay; else
 *     cosine times time decay times the argument factors)
 * @param graceDays date gap (days outside the date range of the story's core, see {@code coreSize}) with no decay
 * @param tauDays decay constant beyond the grace period. With a grace of 0 days and a tau of 1 day (since story
 *     cores; before: 2 and 6) a report a day after the story's first reports keeps 0.37 of its score, two days after
 *     0.14: a story is one development of one news cycle, and a later development of the same arc starts a new story
 *     that {@link StorylineLinker} links into the arc's storyline. On AllSides dev (storyline-eval, dense political
 *     news, one gold story per day's roundup) grace/tau 2/6 let day-by-day developments (the Gaza war, day by day)
 *     chain into one story; with cores of 3: 0/6 B3 F1 0.815, 0/2 0.888, 0/1.5 0.910, 0/1 0.926, 1/1 0.876, and
 *     0/0.7 0.948, not taken: it nears a same-day rule, which fits AllSides giving all reports of a roundup one date
 *     better than news whose reports of one development straddle midnight. ECB+ is undated
 *     (unchanged); the giveme5w1h stream's loose gold events (weeks-long arcs) fall at story level (0.902 -> 0.755)
 *     and stay at storyline level (0.923 -> 0.910), the level its gold is at
 * @param maxGapDays a story further away than this is not a candidate
 * @param windowDays stories whose newest article is this much older than the newest article seen retire from the
 *     candidate index (they stay stored); keeps the cost per article constant as the store grows. An article dated
 *     more than half this behind the newest (a backfill) meets them again through their less common terms
 * @param queryTerms how many of an article's top terms look up candidates in the inverted index
 * @param indexTerms how many of a story's top terms it is indexed under
 * @param centroidTerms how many terms a story centroid keeps
 * @param postingsCap postings longer than this are skipped (terms too common to discriminate)
 * @param mergeThreshold when an article joins a story, another candidate story whose centroid has at least this
 *     cosine with it (after time decay) is merged into the older one (an explicit merge event), unless the two
 *     stories' time marks conflict
 * @param nearDup containment of a copy's shingles in the original for a near duplicate
 * @param rewrite containment for a rewrite (partial copy) of another article in the same story
 * @param rewriteWire the lower rewrite containment when both articles credit the same wire agency
 * @param storylineThreshold minimum similarity of a story to a storyline to join it
 * @param storylineMaxGapDays a storyline whose last story is further away than this is not joined
 * @param model a learnt scorer over per-channel evidence, argument cosine and time-mark conflicts (then
 *     {@code threshold} is a probability, scaled by the time decay), or null for the plain cosine times decay. The
 *     default {@link #MODEL} is fitted on ECB+ train only; the seeds' three stories stay apart under it because the
 *     decay scales its probability (an earlier model that took the decay as one more input merged them)
 * @param arguments how event arguments (names, numbers, dates) weigh and conflict; see {@link ArgumentRules}
 * @param bridgeProbability a dated article whose score (with a model: its probability times the time decay, plus
 *     the embedding bonus) is at least this against the story it joins and against another dated candidate story
 *     within {@code graceDays} of it bridges the two: they are one story told
 *     twice (two angles on one event begun the same day), and the younger is merged into the older as an explicit
 *     merge event. Undated, a strong match says "the same kind of event", not "the same event" (on undated ECB+ dev
 *     bridging at 0.9 cost B3 precision 0.870 -> 0.841), so only dated stories bridge. On ECB+ dev with made-up
 *     dates (storyline-eval {@code ClusterDebug what=ecbdated}) 0.9 merged fragments of one event (instances 14 days
 *     apart: F1 0.958 -> 0.966, precision unchanged) and cost little where two events of one kind fall within days
 *     (2-7 days: precision 0.590 -> 0.584, 0.726 -> 0.719, F1 equal or better). Above 1: off
 * @param coreSize how many of a story's first dated reports make its core (0: no core). An article is scored
 *     against the core (its centroid and mean embedding, the date range of its reports), not against the whole
 *     story, and two stories merge on their cores' likeness: a story's identity is that of its first reports, so
 *     it cannot drift article by article (on AllSides dev one story chained 79 articles from Earth Day climate
 *     pledges through the J&J vaccine pause to jobless claims, each article matching the latest ones through
 *     "Biden"). Undated reports make no core (without dates the order of arrival says nothing), so undated ECB+ is
 *     scored against the whole centroid as before. With the time decay above: AllSides dev B3 F1 0.916 without a
 *     core, 0.926 with 2 or 3 (precision 0.866 -> 0.901), 0.923 with 5; alone (old decay) 3 gave 0.747, 5 0.728
 */
public record ClusterConfig(double titleWeight, double nameWeight, double quoteWeight, double threshold,
    double graceDays, double tauDays, double maxGapDays, double windowDays, int queryTerms, int indexTerms,
    int centroidTerms, int postingsCap, double mergeThreshold, double nearDup, double rewrite, double rewriteWire,
    double storylineThreshold, double storylineMaxGapDays, ScoreModel model, ArgumentRules arguments,
    double bridgeProbability, int coreSize) {

  /** The config before story cores ({@code coreSize} 0: articles are scored against the whole story's centroid). */
  public ClusterConfig(double titleWeight, double nameWeight, double quoteWeight, double threshold,
      double graceDays, double tauDays, double maxGapDays, double windowDays, int queryTerms, int indexTerms,
      int centroidTerms, int postingsCap, double mergeThreshold, double nearDup, double rewrite, double rewriteWire,
      double storylineThreshold, double storylineMaxGapDays, ScoreModel model, ArgumentRules arguments,
      double bridgeProbability) {
    this(titleWeight, nameWeight, quoteWeight, threshold, graceDays, tauDays, maxGapDays, windowDays, queryTerms,
        indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite, rewriteWire, storylineThreshold,
        storylineMaxGapDays, model, arguments, bridgeProbability, 0);
  }

  /**
   * The learnt scorer of {@link #DEFAULTS}: fitted by storyline-eval ({@code storyline.clustering.train=true},
   * {@code storyline.clustering.ecbonly=true}) on ECB+ train only (3 seeded orders, gold stories), over the evidence
   * of {@code StoryState.evidence} including the argument cosine and the time-mark conflicts.
   */
  public static final ScoreModel MODEL = new ScoreModel(List.of(-2.9761, 4.0827, 3.8772, 0.9616, 2.6536, -0.4440,
      -0.4440, 4.9322, 0.0000, -1.9569, -1.8614, -1.4596));

  public static final ClusterConfig DEFAULTS = new ClusterConfig(2.0, 2.0, 1.0, 0.3, 0.0, 1.0, 60.0, 60.0, 12, 40,
      200, 20000, 0.7, 0.8, 0.35, 0.2, 0.2, 90.0, MODEL, ArgumentRules.DEFAULTS, 0.9, 3);

  /** The config before the argument channel existed (arguments {@link ArgumentRules#OFF}). */
  public static final ClusterConfig PLAIN = DEFAULTS.withArguments(ArgumentRules.OFF).withModel(null)
      .withThreshold(0.25).withMergeThreshold(0.5);

  public ClusterConfig withThreshold(double x) {
    return new ClusterConfig(titleWeight, nameWeight, quoteWeight, x, graceDays, tauDays, maxGapDays, windowDays,
        queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite, rewriteWire,
        storylineThreshold, storylineMaxGapDays, model, arguments, bridgeProbability, coreSize);
  }

  public ClusterConfig withNameWeight(double x) {
    return new ClusterConfig(titleWeight, x, quoteWeight, threshold, graceDays, tauDays, maxGapDays, windowDays,
        queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite, rewriteWire,
        storylineThreshold, storylineMaxGapDays, model, arguments, bridgeProbability, coreSize);
  }

  public ClusterConfig withTitleWeight(double x) {
    return new ClusterConfig(x, nameWeight, quoteWeight, threshold, graceDays, tauDays, maxGapDays, windowDays,
        queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite, rewriteWire,
        storylineThreshold, storylineMaxGapDays, model, arguments, bridgeProbability, coreSize);
  }

  public ClusterConfig withQuoteWeight(double x) {
    return new ClusterConfig(titleWeight, nameWeight, x, threshold, graceDays, tauDays, maxGapDays, windowDays,
        queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite, rewriteWire,
        storylineThreshold, storylineMaxGapDays, model, arguments, bridgeProbability, coreSize);
  }

  public ClusterConfig withMergeThreshold(double x) {
    return new ClusterConfig(titleWeight, nameWeight, quoteWeight, threshold, graceDays, tauDays, maxGapDays,
        windowDays, queryTerms, indexTerms, centroidTerms, postingsCap, x, nearDup, rewrite, rewriteWire,
        storylineThreshold, storylineMaxGapDays, model, arguments, bridgeProbability, coreSize);
  }

  public ClusterConfig withModel(ScoreModel x) {
    return new ClusterConfig(titleWeight, nameWeight, quoteWeight, threshold, graceDays, tauDays, maxGapDays,
        windowDays, queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite,
        rewriteWire, storylineThreshold, storylineMaxGapDays, x, arguments, bridgeProbability, coreSize);
  }

  public ClusterConfig withTime(double grace, double tau, double maxGap) {
    return new ClusterConfig(titleWeight, nameWeight, quoteWeight, threshold, grace, tau, maxGap, windowDays,
        queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite, rewriteWire,
        storylineThreshold, storylineMaxGapDays, model, arguments, bridgeProbability, coreSize);
  }

  public ClusterConfig withBridge(double x) {
    return new ClusterConfig(titleWeight, nameWeight, quoteWeight, threshold, graceDays, tauDays, maxGapDays,
        windowDays, queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite,
        rewriteWire, storylineThreshold, storylineMaxGapDays, model, arguments, x, coreSize);
  }

  /** A copy with these storyline-linking bars. */
  public ClusterConfig withStoryline(double threshold, double maxGapDays) {
    return new ClusterConfig(titleWeight, nameWeight, quoteWeight, this.threshold, graceDays, tauDays, this.maxGapDays,
        windowDays, queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite,
        rewriteWire, threshold, maxGapDays, model, arguments, bridgeProbability, coreSize);
  }

  /** A copy with this {@code coreSize} (0: no core, articles meet the whole story's centroid). */
  public ClusterConfig withCoreSize(int x) {
    return new ClusterConfig(titleWeight, nameWeight, quoteWeight, threshold, graceDays, tauDays, maxGapDays,
        windowDays, queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite,
        rewriteWire, storylineThreshold, storylineMaxGapDays, model, arguments, bridgeProbability, x);
  }

  public ClusterConfig withArguments(ArgumentRules x) {
    return new ClusterConfig(titleWeight, nameWeight, quoteWeight, threshold, graceDays, tauDays, maxGapDays,
        windowDays, queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite,
        rewriteWire, storylineThreshold, storylineMaxGapDays, model, x, bridgeProbability, coreSize);
  }
}
