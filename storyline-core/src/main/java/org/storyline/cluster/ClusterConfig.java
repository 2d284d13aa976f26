package org.storyline.cluster;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Every tunable of story clustering in one place (heuristics as data). {@link #DEFAULTS} were tuned on the ECB+
 * train/dev splits and the giveme5w1h news_cluster stream; see storyline-eval {@code ClusteringSuite}. Immutable and
 * validated: built with {@link #builder()} (from the defaults) or {@link #toBuilder()}, and {@link Builder#build()}
 * rejects a value out of its range with a message naming the parameter, e.g.
 *
 * <pre>{@code
 * ClusterConfig c = ClusterConfig.builder().threshold(0.35).coreSize(0).build();
 * }</pre>
 *
 * <p>The parameters, each a method of the config and of its builder:
 *
 * <p>{@code titleWeight}: how many times a title term counts against a body term
 * <p>{@code nameWeight}: weight of a name feature (entity or capitalised token) relative to a plain term
 * <p>{@code quoteWeight}: weight of a quoted-words trigram feature
 * <p>{@code threshold}: minimum score to join an existing story (with a model: its probability times the time decay; else
 *     cosine times time decay times the argument factors)
 * <p>{@code graceDays}: date gap (days outside the date range of the story's core, see {@code coreSize}) with no decay
 * <p>{@code tauDays}: decay constant beyond the grace period. With a grace of 0 days and a tau of 1 day (since story
 *     cores; before: 2 and 6) a report a day after the story's first reports keeps 0.37 of its score, two days after
 *     0.14: a story is one development of one news cycle, and a later development of the same arc starts a new story
 *     that {@link StorylineLinker} links into the arc's storyline. On AllSides dev (storyline-eval, dense political
 *     news, one gold story per day's roundup) grace/tau 2/6 let day-by-day developments (the Gaza war, day by day)
 *     chain into one story; with cores of 3: 0/6 B3 F1 0.815, 0/2 0.888, 0/1.5 0.910, 0/1 0.926, 1/1 0.876, and
 *     0/0.7 0.948, not taken: it nears a same-day rule, which fits AllSides giving all reports of a roundup one date
 *     better than news whose reports of one development straddle midnight. ECB+ is undated
 *     (unchanged); the giveme5w1h stream's loose gold events (weeks-long arcs) fall at story level (0.902 -> 0.755)
 *     and stay at storyline level (0.923 -> 0.910), the level its gold is at
 * <p>{@code maxGapDays}: a story further away than this is not a candidate
 * <p>{@code windowDays}: stories whose newest article is this much older than the newest article seen retire from the
 *     candidate index (they stay stored); keeps the cost per article constant as the store grows. An article dated
 *     more than half this behind the newest (a backfill) meets them again through their less common terms
 * <p>{@code queryTerms}: how many of an article's top terms look up candidates in the inverted index
 * <p>{@code indexTerms}: how many of a story's top terms it is indexed under
 * <p>{@code centroidTerms}: how many terms a story centroid keeps
 * <p>{@code postingsCap}: postings longer than this are skipped (terms too common to discriminate)
 * <p>{@code mergeThreshold}: when an article joins a story, another candidate story whose centroid has at least this
 *     cosine with it (after time decay) is merged into the older one (an explicit merge event), unless the two
 *     stories' time marks conflict
 * <p>{@code nearDup}: containment of a copy's shingles in the original for a near duplicate
 * <p>{@code rewrite}: containment for a rewrite (partial copy) of another article in the same story
 * <p>{@code rewriteWire}: the lower rewrite containment when both articles credit the same wire agency
 * <p>{@code storylineThreshold}: minimum similarity of a story to a storyline to join it
 * <p>{@code storylineMaxGapDays}: a storyline whose last story is further away than this is not joined
 * <p>{@code model}: a learnt scorer over per-channel evidence, argument cosine and time-mark conflicts (then
 *     {@code threshold} is a probability, scaled by the time decay), or null for the plain cosine times decay. The
 *     default {@link #MODEL} is fitted on ECB+ train only; the seeds' three stories stay apart under it because the
 *     decay scales its probability (an earlier model that took the decay as one more input merged them)
 * <p>{@code arguments}: how event arguments (names, numbers, dates) weigh and conflict; see {@link ArgumentRules}
 * <p>{@code bridgeProbability}: a dated article whose score (with a model: its probability times the time decay, plus
 *     the embedding bonus) is at least this against the story it joins and against another dated candidate story
 *     within {@code graceDays} of it bridges the two: they are one story told
 *     twice (two angles on one event begun the same day), and the younger is merged into the older as an explicit
 *     merge event. Undated, a strong match says "the same kind of event", not "the same event" (on undated ECB+ dev
 *     bridging at 0.9 cost B3 precision 0.870 -> 0.841), so only dated stories bridge. On ECB+ dev with made-up
 *     dates (storyline-eval {@code ClusterDebug what=ecbdated}) 0.9 merged fragments of one event (instances 14 days
 *     apart: F1 0.958 -> 0.966, precision unchanged) and cost little where two events of one kind fall within days
 *     (2-7 days: precision 0.590 -> 0.584, 0.726 -> 0.719, F1 equal or better). Above 1: off
 * <p>{@code coreSize}: how many of a story's first dated reports make its core (0: no core). An article is scored
 *     against the core (its centroid and mean embedding, the date range of its reports), not against the whole
 *     story, and two stories merge on their cores' likeness: a story's identity is that of its first reports, so
 *     it cannot drift article by article (on AllSides dev one story chained 79 articles from Earth Day climate
 *     pledges through the J&J vaccine pause to jobless claims, each article matching the latest ones through
 *     "Biden"). Undated reports make no core (without dates the order of arrival says nothing), so undated ECB+ is
 *     scored against the whole centroid as before. With the time decay above: AllSides dev B3 F1 0.916 without a
 *     core, 0.926 with 2 or 3 (precision 0.866 -> 0.901), 0.923 with 5; alone (old decay) 3 gave 0.747, 5 0.728
 *
 * <p>Why this class is over 500 lines and stays one: it is 22 parameters, each written in the same few places (its
 * field, accessor, builder field and setter, the copy into a builder, equals, hashCode and toString, its range
 * check) plus the measured reason for its default above. Split by concern (time, index, duplicates, storylines),
 * each parameter would still be one line in each of those places, and a reader would look in two files for one
 * parameter and its reason. It shrinks when the configuration becomes typed nested records (one per concern, each
 * validating itself), not by moving code around.
 */
public final class ClusterConfig {
  /**
   * The learnt scorer of {@link #DEFAULTS}: fitted by storyline-eval ({@code storyline.clustering.train=true},
   * {@code storyline.clustering.ecbonly=true}) on ECB+ train only (3 seeded orders, gold stories), over the evidence
   * of {@code StoryState.evidence} including the argument cosine and the time-mark conflicts.
   */
  public static final ScoreModel MODEL = new ScoreModel(List.of(-2.9761, 4.0827, 3.8772, 0.9616, 2.6536, -0.4440,
      -0.4440, 4.9322, 0.0000, -1.9569, -1.8614, -1.4596));

  public static final ClusterConfig DEFAULTS = new Builder().build();

  /** The config before the argument channel existed (arguments {@link ArgumentRules#OFF}). */
  public static final ClusterConfig PLAIN = DEFAULTS.toBuilder().arguments(ArgumentRules.OFF).model(null)
      .threshold(0.25).mergeThreshold(0.5).build();

  private final double titleWeight;
  private final double nameWeight;
  private final double quoteWeight;
  private final double threshold;
  private final double graceDays;
  private final double tauDays;
  private final double maxGapDays;
  private final double windowDays;
  private final int queryTerms;
  private final int indexTerms;
  private final int centroidTerms;
  private final int postingsCap;
  private final double mergeThreshold;
  private final double nearDup;
  private final double rewrite;
  private final double rewriteWire;
  private final double storylineThreshold;
  private final double storylineMaxGapDays;
  private final ScoreModel model;
  private final ArgumentRules arguments;
  private final Double bridgeProbability;
  private final int coreSize;

  private ClusterConfig(Builder b) {
    this.titleWeight = b.titleWeight;
    this.nameWeight = b.nameWeight;
    this.quoteWeight = b.quoteWeight;
    this.threshold = b.threshold;
    this.graceDays = b.graceDays;
    this.tauDays = b.tauDays;
    this.maxGapDays = b.maxGapDays;
    this.windowDays = b.windowDays;
    this.queryTerms = b.queryTerms;
    this.indexTerms = b.indexTerms;
    this.centroidTerms = b.centroidTerms;
    this.postingsCap = b.postingsCap;
    this.mergeThreshold = b.mergeThreshold;
    this.nearDup = b.nearDup;
    this.rewrite = b.rewrite;
    this.rewriteWire = b.rewriteWire;
    this.storylineThreshold = b.storylineThreshold;
    this.storylineMaxGapDays = b.storylineMaxGapDays;
    this.model = b.model;
    this.arguments = b.arguments;
    this.bridgeProbability = b.bridgeProbability;
    this.coreSize = b.coreSize;
  }

  /** A builder holding {@link #DEFAULTS}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.titleWeight = titleWeight;
    b.nameWeight = nameWeight;
    b.quoteWeight = quoteWeight;
    b.threshold = threshold;
    b.graceDays = graceDays;
    b.tauDays = tauDays;
    b.maxGapDays = maxGapDays;
    b.windowDays = windowDays;
    b.queryTerms = queryTerms;
    b.indexTerms = indexTerms;
    b.centroidTerms = centroidTerms;
    b.postingsCap = postingsCap;
    b.mergeThreshold = mergeThreshold;
    b.nearDup = nearDup;
    b.rewrite = rewrite;
    b.rewriteWire = rewriteWire;
    b.storylineThreshold = storylineThreshold;
    b.storylineMaxGapDays = storylineMaxGapDays;
    b.model = model;
    b.arguments = arguments;
    b.bridgeProbability = bridgeProbability;
    b.coreSize = coreSize;
    return b;
  }

  public double titleWeight() {
    return titleWeight;
  }

  public double nameWeight() {
    return nameWeight;
  }

  public double quoteWeight() {
    return quoteWeight;
  }

  public double threshold() {
    return threshold;
  }

  public double graceDays() {
    return graceDays;
  }

  public double tauDays() {
    return tauDays;
  }

  public double maxGapDays() {
    return maxGapDays;
  }

  public double windowDays() {
    return windowDays;
  }

  public int queryTerms() {
    return queryTerms;
  }

  public int indexTerms() {
    return indexTerms;
  }

  public int centroidTerms() {
    return centroidTerms;
  }

  public int postingsCap() {
    return postingsCap;
  }

  public double mergeThreshold() {
    return mergeThreshold;
  }

  public double nearDup() {
    return nearDup;
  }

  public double rewrite() {
    return rewrite;
  }

  public double rewriteWire() {
    return rewriteWire;
  }

  public double storylineThreshold() {
    return storylineThreshold;
  }

  public double storylineMaxGapDays() {
    return storylineMaxGapDays;
  }

  public ScoreModel model() {
    return model;
  }

  public ArgumentRules arguments() {
    return arguments;
  }

  /** The bridging bar, empty when articles never bridge two stories. */
  public OptionalDouble bridgeProbability() {
    return bridgeProbability == null ? OptionalDouble.empty() : OptionalDouble.of(bridgeProbability);
  }

  /**
   * Whether an article that scores {@code a} and {@code b} against two stories of the same days bridges them (see
   * {@code bridgeProbability}); false when bridging is off.
   */
  public boolean bridges(double a, double b) {
    return bridgeProbability != null && a >= bridgeProbability && b >= bridgeProbability;
  }

  public int coreSize() {
    return coreSize;
  }

  public ClusterConfig withThreshold(double x) {
    return toBuilder().threshold(x).build();
  }

  public ClusterConfig withNameWeight(double x) {
    return toBuilder().nameWeight(x).build();
  }

  public ClusterConfig withTitleWeight(double x) {
    return toBuilder().titleWeight(x).build();
  }

  public ClusterConfig withQuoteWeight(double x) {
    return toBuilder().quoteWeight(x).build();
  }

  public ClusterConfig withMergeThreshold(double x) {
    return toBuilder().mergeThreshold(x).build();
  }

  /** A copy with this scorer (null: the plain cosine times decay). */
  public ClusterConfig withModel(ScoreModel x) {
    return toBuilder().model(x).build();
  }

  public ClusterConfig withTime(double grace, double tau, double maxGap) {
    return toBuilder().graceDays(grace).tauDays(tau).maxGapDays(maxGap).build();
  }

  /** A copy that bridges at this bar (see {@code bridgeProbability}). */
  public ClusterConfig withBridge(double x) {
    return toBuilder().bridgeProbability(x).build();
  }

  /** A copy where no article bridges two stories. */
  public ClusterConfig withoutBridge() {
    return toBuilder().noBridge().build();
  }

  /** A copy with these storyline-linking bars. */
  public ClusterConfig withStoryline(double threshold, double maxGapDays) {
    return toBuilder().storylineThreshold(threshold).storylineMaxGapDays(maxGapDays).build();
  }

  /** A copy with this {@code coreSize} (0: no core, articles meet the whole story's centroid). */
  public ClusterConfig withCoreSize(int x) {
    return toBuilder().coreSize(x).build();
  }

  public ClusterConfig withArguments(ArgumentRules x) {
    return toBuilder().arguments(x).build();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ClusterConfig c)) return false;
    return Double.compare(titleWeight, c.titleWeight) == 0
        && Double.compare(nameWeight, c.nameWeight) == 0
        && Double.compare(quoteWeight, c.quoteWeight) == 0
        && Double.compare(threshold, c.threshold) == 0
        && Double.compare(graceDays, c.graceDays) == 0
        && Double.compare(tauDays, c.tauDays) == 0
        && Double.compare(maxGapDays, c.maxGapDays) == 0
        && Double.compare(windowDays, c.windowDays) == 0
        && queryTerms == c.queryTerms
        && indexTerms == c.indexTerms
        && centroidTerms == c.centroidTerms
        && postingsCap == c.postingsCap
        && Double.compare(mergeThreshold, c.mergeThreshold) == 0
        && Double.compare(nearDup, c.nearDup) == 0
        && Double.compare(rewrite, c.rewrite) == 0
        && Double.compare(rewriteWire, c.rewriteWire) == 0
        && Double.compare(storylineThreshold, c.storylineThreshold) == 0
        && Double.compare(storylineMaxGapDays, c.storylineMaxGapDays) == 0
        && Objects.equals(model, c.model)
        && Objects.equals(arguments, c.arguments)
        && Objects.equals(bridgeProbability, c.bridgeProbability)
        && coreSize == c.coreSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(titleWeight, nameWeight, quoteWeight, threshold, graceDays, tauDays, maxGapDays, windowDays, queryTerms, indexTerms, centroidTerms, postingsCap, mergeThreshold, nearDup, rewrite, rewriteWire, storylineThreshold, storylineMaxGapDays, model, arguments, bridgeProbability, coreSize);
  }

  @Override
  public String toString() {
    return "ClusterConfig[" + "titleWeight=" + titleWeight + ", " + "nameWeight=" + nameWeight + ", " + "quoteWeight=" + quoteWeight + ", " + "threshold=" + threshold + ", " + "graceDays=" + graceDays + ", " + "tauDays=" + tauDays + ", " + "maxGapDays=" + maxGapDays + ", " + "windowDays=" + windowDays + ", " + "queryTerms=" + queryTerms + ", " + "indexTerms=" + indexTerms + ", " + "centroidTerms=" + centroidTerms + ", " + "postingsCap=" + postingsCap + ", " + "mergeThreshold=" + mergeThreshold + ", " + "nearDup=" + nearDup + ", " + "rewrite=" + rewrite + ", " + "rewriteWire=" + rewriteWire + ", " + "storylineThreshold=" + storylineThreshold + ", " + "storylineMaxGapDays=" + storylineMaxGapDays + ", " + "model=" + model + ", " + "arguments=" + arguments + ", " + "bridgeProbability=" + bridgeProbability + ", " + "coreSize=" + coreSize + "]";
  }

  /**
   * Builds a {@link ClusterConfig}, starting from {@link #DEFAULTS}; {@link #build()} checks every value. Not
   * thread-safe; one builder per config.
   */
  public static final class Builder {
    private double titleWeight = 2.0;
    private double nameWeight = 2.0;
    private double quoteWeight = 1.0;
    private double threshold = 0.3;
    private double graceDays = 0.0;
    private double tauDays = 1.0;
    private double maxGapDays = 60.0;
    private double windowDays = 60.0;
    private int queryTerms = 12;
    private int indexTerms = 40;
    private int centroidTerms = 200;
    private int postingsCap = 20000;
    private double mergeThreshold = 0.7;
    private double nearDup = 0.8;
    private double rewrite = 0.35;
    private double rewriteWire = 0.2;
    private double storylineThreshold = 0.2;
    private double storylineMaxGapDays = 90.0;
    private ScoreModel model = MODEL;
    private ArgumentRules arguments = ArgumentRules.DEFAULTS;
    private Double bridgeProbability = 0.9;
    private int coreSize = 3;

    private Builder() {}

    public Builder titleWeight(double x) {
      this.titleWeight = x;
      return this;
    }

    public Builder nameWeight(double x) {
      this.nameWeight = x;
      return this;
    }

    public Builder quoteWeight(double x) {
      this.quoteWeight = x;
      return this;
    }

    public Builder threshold(double x) {
      this.threshold = x;
      return this;
    }

    public Builder graceDays(double x) {
      this.graceDays = x;
      return this;
    }

    public Builder tauDays(double x) {
      this.tauDays = x;
      return this;
    }

    public Builder maxGapDays(double x) {
      this.maxGapDays = x;
      return this;
    }

    public Builder windowDays(double x) {
      this.windowDays = x;
      return this;
    }

    public Builder queryTerms(int x) {
      this.queryTerms = x;
      return this;
    }

    public Builder indexTerms(int x) {
      this.indexTerms = x;
      return this;
    }

    public Builder centroidTerms(int x) {
      this.centroidTerms = x;
      return this;
    }

    public Builder postingsCap(int x) {
      this.postingsCap = x;
      return this;
    }

    public Builder mergeThreshold(double x) {
      this.mergeThreshold = x;
      return this;
    }

    public Builder nearDup(double x) {
      this.nearDup = x;
      return this;
    }

    public Builder rewrite(double x) {
      this.rewrite = x;
      return this;
    }

    public Builder rewriteWire(double x) {
      this.rewriteWire = x;
      return this;
    }

    public Builder storylineThreshold(double x) {
      this.storylineThreshold = x;
      return this;
    }

    public Builder storylineMaxGapDays(double x) {
      this.storylineMaxGapDays = x;
      return this;
    }

    /** Null: no scorer, the plain cosine times decay. */
    public Builder model(ScoreModel x) {
      this.model = x;
      return this;
    }

    public Builder arguments(ArgumentRules x) {
      this.arguments = x;
      return this;
    }

    /** Bridging at this bar, in (0, 1]. */
    public Builder bridgeProbability(double x) {
      this.bridgeProbability = x;
      return this;
    }

    /** No article bridges two stories. */
    public Builder noBridge() {
      this.bridgeProbability = null;
      return this;
    }

    public Builder coreSize(int x) {
      this.coreSize = x;
      return this;
    }

    /** The config. @throws IllegalArgumentException naming the first value out of its range */
    public ClusterConfig build() {
      Check.weight("ClusterConfig", "titleWeight", titleWeight);
      Check.weight("ClusterConfig", "nameWeight", nameWeight);
      Check.weight("ClusterConfig", "quoteWeight", quoteWeight);
      Check.nonNegative("ClusterConfig", "threshold", threshold);
      Check.nonNegative("ClusterConfig", "graceDays", graceDays);
      Check.positive("ClusterConfig", "tauDays", tauDays);
      Check.nonNegative("ClusterConfig", "maxGapDays", maxGapDays);
      Check.positive("ClusterConfig", "windowDays", windowDays);
      Check.atLeastOne("ClusterConfig", "queryTerms", queryTerms);
      Check.atLeastOne("ClusterConfig", "indexTerms", indexTerms);
      Check.atLeastOne("ClusterConfig", "centroidTerms", centroidTerms);
      Check.atLeastOne("ClusterConfig", "postingsCap", postingsCap);
      Check.nonNegative("ClusterConfig", "mergeThreshold", mergeThreshold);
      Check.fraction("ClusterConfig", "nearDup", nearDup);
      Check.fraction("ClusterConfig", "rewrite", rewrite);
      Check.fraction("ClusterConfig", "rewriteWire", rewriteWire);
      Check.nonNegative("ClusterConfig", "storylineThreshold", storylineThreshold);
      Check.nonNegative("ClusterConfig", "storylineMaxGapDays", storylineMaxGapDays);
      Check.nonNegativeInt("ClusterConfig", "coreSize", coreSize);
      Objects.requireNonNull(arguments, "ClusterConfig: arguments is required (ArgumentRules.OFF for none)");
      if (bridgeProbability != null) Check.probability("ClusterConfig", "bridgeProbability", bridgeProbability);
      return new ClusterConfig(this);
    }
  }
}
