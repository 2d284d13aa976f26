package org.storyline.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clustering scores of a predicted partition against a gold one over the same items: BCubed (Amigo et al. 2009, per
 * item, averaged) and pairwise (Miranda et al. 2018: all unordered pairs) precision, recall and F1.
 */
record ClusterScores(double b3p, double b3r, double b3f, double pp, double pr, double pf, int predicted, int gold) {

  static ClusterScores of(List<String> items, Map<String, String> pred, Map<String, String> gold) {
    Map<String, Integer> predSize = new HashMap<>();
    Map<String, Integer> goldSize = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (String i : items) {
      predSize.merge(pred.get(i), 1, Integer::sum);
      goldSize.merge(gold.get(i), 1, Integer::sum);
      both.merge(pred.get(i) + "\u0000" + gold.get(i), 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    for (String i : items) {
      int inter = both.get(pred.get(i) + "\u0000" + gold.get(i));
      p += inter / (double) predSize.get(pred.get(i));
      r += inter / (double) goldSize.get(gold.get(i));
    }
    p /= items.size();
    r /= items.size();
    double tp = 0;
    double predPairs = 0;
    double goldPairs = 0;
    for (int n : both.values()) tp += n * (n - 1) / 2.0;
    for (int n : predSize.values()) predPairs += n * (n - 1) / 2.0;
    for (int n : goldSize.values()) goldPairs += n * (n - 1) / 2.0;
    double pp = predPairs == 0 ? 1 : tp / predPairs;
    double pr = goldPairs == 0 ? 1 : tp / goldPairs;
    return new ClusterScores(p, r, f1(p, r), pp, pr, f1(pp, pr), predSize.size(), goldSize.size());
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  String line() {
    return String.format(java.util.Locale.ROOT,
        "B3 P/R/F1 %.3f/%.3f/%.3f  pairwise P/R/F1 %.3f/%.3f/%.3f  clusters %d (gold %d)", b3p, b3r, b3f, pp, pr, pf,
        predicted, gold);
  }
}
