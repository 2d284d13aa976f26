package org.storyline.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The mutable state of one stored story inside a {@link StoryIndex}; never shared outside it. */
final class StoryState {
  final String id;
  final int seq;
  final List<String> articles = new ArrayList<>();
  /** Publish day per article (NO_DAY when undated), to recompute the date range after a split. */
  final Map<String, Long> days = new HashMap<>();
  Map<String, Double> centroid = new HashMap<>();
  double norm;
  /** Centroid norms per channel: plain terms, names, quotes. */
  final double[] channelNorm = new double[3];
  long first = ArticleFeatures.NO_DAY;
  long last = ArticleFeatures.NO_DAY;
  List<String> indexed = List.of();
  boolean retired;
  String mergedInto;

  StoryState(String id, int seq) {
    this.id = id;
    this.seq = seq;
  }

  /** Days between {@code day} and this story's date range (0 inside it or when either is undated). */
  double gap(long day) {
    if (day == ArticleFeatures.NO_DAY || first == ArticleFeatures.NO_DAY) return 0;
    if (day < first) return first - day;
    if (day > last) return day - last;
    return 0;
  }

  static int channel(String term) {
    char c = term.charAt(0);
    return c == '#' || c == '@' ? 1 : c == '"' ? 2 : 0;
  }

  /** Norms of a vector per channel. */
  static double[] channelNorms(Map<String, Double> v) {
    double[] n = new double[3];
    for (var e : v.entrySet()) n[channel(e.getKey())] += e.getValue() * e.getValue();
    for (int i = 0; i < 3; i++) n[i] = Math.sqrt(n[i]);
    return n;
  }

  /**
   * The evidence for a learnt {@link ScoreModel}: cosine times decay, per-channel cosines (terms and names times
   * decay; quotes as is), the decay, and 1 when either side is undated.
   */
  double[] evidence(Map<String, Double> v, double[] vNorm, ArticleFeatures f, ClusterConfig cfg) {
    double[] dot = new double[3];
    double all = 0;
    for (var e : v.entrySet()) {
      Double w = centroid.get(e.getKey());
      if (w == null) continue;
      double d = e.getValue() * w;
      dot[channel(e.getKey())] += d;
      all += d;
    }
    double decay = decay(f, cfg);
    double[] x = new double[6];
    x[0] = norm == 0 ? 0 : all / norm * decay;
    for (int i = 0; i < 3; i++) {
      double c = vNorm[i] == 0 || channelNorm[i] == 0 ? 0 : dot[i] / (vNorm[i] * channelNorm[i]);
      x[1 + i] = i < 2 ? c * decay : c;
    }
    x[4] = decay;
    x[5] = !f.dated() || first == ArticleFeatures.NO_DAY ? 1 : 0;
    return x;
  }

  double decay(ArticleFeatures f, ClusterConfig cfg) {
    double gap = f.dated() ? gap(f.day()) : 0;
    return gap <= cfg.graceDays() ? 1.0 : Math.exp(-(gap - cfg.graceDays()) / cfg.tauDays());
  }

  /** The learnt score when the config has a model, else cosine with the centroid times the time decay. */
  double score(Map<String, Double> v, double[] vNorm, ArticleFeatures f, ClusterConfig cfg) {
    if (cfg.model() != null) return cfg.model().probability(evidence(v, vNorm, f, cfg));
    return score(v, f, cfg);
  }

  /** Cosine of a unit article vector with the centroid, times the time decay. */
  double score(Map<String, Double> v, ArticleFeatures f, ClusterConfig cfg) {
    double cos = cosine(v, 1.0, centroid, norm);
    double gap = f.dated() ? gap(f.day()) : 0;
    double decay = gap <= cfg.graceDays() ? 1.0 : Math.exp(-(gap - cfg.graceDays()) / cfg.tauDays());
    return cos * decay;
  }

  static double cosine(Map<String, Double> a, double na, Map<String, Double> b, double nb) {
    if (na == 0 || nb == 0) return 0;
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> big = small == a ? b : a;
    double dot = 0;
    for (var e : small.entrySet()) {
      Double w = big.get(e.getKey());
      if (w != null) dot += e.getValue() * w;
    }
    return dot / (na * nb);
  }

  void add(Map<String, Double> v, int keep) {
    for (var e : v.entrySet()) centroid.merge(e.getKey(), e.getValue(), Double::sum);
    prune(keep);
  }

  /** Takes an article's vector out of the centroid (weights that fall to about zero are dropped). */
  void subtract(Map<String, Double> v) {
    for (var e : v.entrySet()) {
      Double w = centroid.get(e.getKey());
      if (w == null) continue;
      double x = w - e.getValue();
      if (x <= 1e-9) centroid.remove(e.getKey());
      else centroid.put(e.getKey(), x);
    }
    prune(Integer.MAX_VALUE);
  }

  /** Recomputes the date range from the remaining articles. */
  void redate() {
    first = ArticleFeatures.NO_DAY;
    last = ArticleFeatures.NO_DAY;
    for (String a : articles) {
      long d = days.getOrDefault(a, ArticleFeatures.NO_DAY);
      if (d == ArticleFeatures.NO_DAY) continue;
      first = first == ArticleFeatures.NO_DAY ? d : Math.min(first, d);
      last = last == ArticleFeatures.NO_DAY ? d : Math.max(last, d);
    }
  }

  void addCentroid(StoryState other, int keep) {
    add(other.centroid, keep);
  }

  private void prune(int keep) {
    if (centroid.size() > keep) {
      Map<String, Double> kept = new HashMap<>();
      for (String t : StoryIndex.top(centroid, keep)) kept.put(t, centroid.get(t));
      centroid = kept;
    }
    double sq = 0;
    for (double w : centroid.values()) sq += w * w;
    norm = Math.sqrt(sq);
    double[] cn = channelNorms(centroid);
    System.arraycopy(cn, 0, channelNorm, 0, 3);
  }

  /** A retired story keeps a small centroid only (for storylines and display). */
  void compact() {
    prune(Math.min(centroid.size(), 40));
  }

  /** Sum of the unit sentence embeddings of its articles (null until an article with one joins). */
  float[] embSum;
  double embNorm;

  /** Adds an article's unit embedding (or another story's sum) to the embedding centroid. */
  void addEmbedding(float[] e) {
    if (e == null) return;
    if (embSum == null) embSum = new float[e.length];
    if (embSum.length != e.length) return;
    double sq = 0;
    for (int i = 0; i < e.length; i++) {
      embSum[i] += e[i];
      sq += (double) embSum[i] * embSum[i];
    }
    embNorm = Math.sqrt(sq);
  }

  /** Cosine of a unit embedding with the embedding centroid; 0 when either is missing. */
  double embeddingCosine(float[] e) {
    if (e == null || embSum == null || embNorm == 0 || e.length != embSum.length) return 0;
    double dot = 0;
    for (int i = 0; i < e.length; i++) dot += (double) e[i] * embSum[i];
    return dot / embNorm;
  }
}
