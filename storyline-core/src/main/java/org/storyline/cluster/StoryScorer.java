package org.storyline.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The scoring stage of a {@link StoryIndex}: an article's weighted term vector, its score against a candidate story
 * (the story's own {@link StoryState#score} plus the embedding bonus), the follow-up and late-report rules, the
 * bounded second look at the best candidates' member articles, the embedding bonus for merging two stories, and the
 * explanation of an assignment (the shared terms, names and argument marks).
 *
 * <p>Holds the tunables and the index's document frequencies; the article's unit embedding is passed in
 * ({@code current}, null for none). Immutable apart from the shared {@link Idf}; not thread-safe.
 */
final class StoryScorer {
  private final ClusterConfig cfg;
  /** The sentence-embedding channel's tunables, or null when the channel is off. */
  private final EmbeddingConfig emb;
  private final Idf idf;

  StoryScorer(ClusterConfig cfg, EmbeddingConfig emb, Idf idf) {
    this.cfg = Objects.requireNonNull(cfg);
    this.emb = emb;
    this.idf = Objects.requireNonNull(idf);
  }

  /** The article's unit term vector: log counts times idf, names, quotes and number marks weighted by the config. */
  Map<String, Double> vector(ArticleFeatures f) {
    Map<String, Double> v = new HashMap<>();
    double sq = 0;
    for (var e : f.counts().entrySet()) {
      String t = e.getKey();
      char c = t.charAt(0);
      double mult = c == '#' || c == '@' ? cfg.nameWeight() : c == '"' ? cfg.quoteWeight()
          : c == '%' ? cfg.arguments().numberWeight() : 1.0;
      double w = (1 + Math.log(Math.max(1.0, e.getValue()))) * idf.idf(t) * mult;
      v.put(t, w);
      sq += w * w;
    }
    double norm = Math.sqrt(sq);
    if (norm > 0) v.replaceAll((k, w) -> w / norm);
    return v;
  }

  /** Whether the late-report rule is on for an article with embedding {@code current}. */
  boolean lateOn(float[] current) {
    return emb != null && current != null && cfg.model() != null && emb.late().isPresent();
  }

  /**
   * The undecayed content probability of {@code s} when the dated article is a late report of it (see
   * {@link EmbeddingConfig#late()}): a story beyond the follow-up gap or retired from the window, matched
   * nearly word for word and in meaning; else 0.
   */
  double lateReport(StoryState s, Map<String, Double> v, double[] vNorm, ArticleFeatures f, float[] current) {
    return lateOn(current) ? strongMatch(s, v, vNorm, f, current, emb.late().get().cosine(), emb::lateReport) : 0;
  }

  /**
   * The undecayed content probability of {@code s} when the article follows it up (see
   * {@link EmbeddingConfig#follow()}), else 0.
   */
  double followUp(StoryState s, Map<String, Double> v, double[] vNorm, ArticleFeatures f, float[] current) {
    return emb == null || emb.follow().isEmpty() ? 0
        : strongMatch(s, v, vNorm, f, current, emb.follow().get().cosine(), emb::follows);
  }

  /**
   * The model's undecayed probability of {@code s} for a dated article that names no new event day, against a dated
   * story with an embedding centroid, when their embedding cosine is at least {@code minCosine} and the two pass
   * {@code bar}; else 0. The follow-up and late-report rules differ only in their bars.
   */
  private double strongMatch(StoryState s, Map<String, Double> v, double[] vNorm, ArticleFeatures f,
      float[] current, double minCosine, BiPredicate<Double, Double> bar) {
    if (cfg.model() == null || current == null || s.embSum == null || !f.dated() || s.first == ArticleFeatures.NO_DAY
        || s.newEvent(f)) {
      return 0;
    }
    double e = s.embeddingCosine(current);
    if (e < minCosine) return 0;
    double p = cfg.model().probability(s.evidence(v, vNorm, f, cfg));
    return bar.test(p, e) ? p : 0;
  }

  /** A score plus the embedding bonus of the article ({@code current}) against {@code s} (unchanged without one). */
  double withEmbedding(StoryState s, double score, ArticleFeatures f, float[] current) {
    if (current == null || s.embSum == null) return score;
    boolean undated = !f.dated() || s.first == ArticleFeatures.NO_DAY;
    return score + emb.bonus(s.embeddingCosine(current), s.decay(f, cfg), undated);
  }

  /** The embedding bonus for merging two stories: their embedding centroids' cosine, decayed by their date gap. */
  double mergeBonus(StoryState a, StoryState b) {
    if (emb == null || emb.mergeWeight() == 0 || a.embSum == null || b.embSum == null || a.embNorm == 0
        || b.embNorm == 0) {
      return 0;
    }
    double dot = 0;
    for (int i = 0; i < a.embSum.length; i++) dot += (double) a.embSum[i] * b.embSum[i];
    double decay = 1;
    if (a.first != ArticleFeatures.NO_DAY && b.first != ArticleFeatures.NO_DAY) {
      double gap = Math.max(0, Math.max(a.first - b.last, b.first - a.last));
      if (gap > cfg.graceDays()) decay = Math.exp(-(gap - cfg.graceDays()) / cfg.tauDays());
    }
    return emb.mergeWeight() * (dot / (a.embNorm * b.embNorm) - emb.offset()) * emb.fade(decay);
  }

  /**
   * The bounded second look: the best few candidates are rescored with a share of their best-agreeing kept member
   * article, so a centroid that drifted over two events does not pull in an article that matches no member well.
   */
  void secondLook(List<ScoredStory> scored, Map<String, Double> v, double[] vNorm, ArticleFeatures f) {
    ArgumentRules r = cfg.arguments();
    if (r.members() <= 0 || r.secondLook() <= 0 || r.memberMix() <= 0) return;
    int k = Math.min(r.secondLook(), scored.size());
    for (int i = 0; i < k; i++) {
      ScoredStory x = scored.get(i);
      if (x.late() || x.story().retired) continue; // a retired story keeps no members (the late bar asks for more)
      double m = x.story().memberScore(v, vNorm, f, cfg);
      scored.set(i, new ScoredStory(x.story(), (1 - r.memberMix()) * x.score() + r.memberMix() * m, x.note(), false));
    }
    scored.sort(ScoredStory.BEST_FIRST);
  }

  /**
   * Why the article went to {@code s}: the terms, names (as written) and argument marks it shares with the story's
   * centroid, heaviest contribution first (at most six of each).
   */
  static Assignment explain(ArticleFeatures f, Map<String, Double> v, StoryState s, double score, boolean created,
      String dupOf, double overlap, String dupKind, int candidates, List<StoryIndex.Event> merged,
      List<String> conflicts) {
    List<Map.Entry<String, Double>> contrib = new ArrayList<>();
    if (!created) {
      for (var e : v.entrySet()) {
        Double c = s.centroid.get(e.getKey());
        if (c != null) contrib.add(Map.entry(e.getKey(), e.getValue() * c));
      }
    }
    contrib.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> terms = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (var e : contrib) {
      String t = e.getKey();
      char c = t.charAt(0);
      if (c == '#' || c == '@') {
        // a name found both as a capitalised word (#) and as an entity (@) is shown once
        String form = f.nameForms().getOrDefault(t, t.substring(1));
        if (names.size() < 6 && !names.contains(form)) names.add(form);
      } else if (Channels.channel(t) == 3 && args.size() < 6) {
        args.add(TimeMarks.label(t));
      } else if (c != '"' && terms.size() < 6) {
        terms.add(t);
      }
    }
    return new Assignment(f.id(), s.id, created, score, terms, names, candidates, dupOf, overlap, dupKind, merged,
        args, conflicts);
  }
}
