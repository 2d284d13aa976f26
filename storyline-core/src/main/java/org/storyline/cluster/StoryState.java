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
  Map<String, Double> centroid = new HashMap<>();
  double norm;
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

  void addCentroid(Map<String, Double> c, int keep) {
    add(c, keep);
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
  }

  /** A retired story keeps a small centroid only (for storylines and display). */
  void compact() {
    prune(Math.min(centroid.size(), 40));
  }
}
