package org.storyline.cluster;

import java.util.List;
import java.util.Locale;

/**
 * A logistic scorer for "this article belongs to this story" over the evidence of
 * {@code StoryState.evidence}: [cosine x decay, term cosine x decay, name cosine x decay, quote cosine, decay,
 * undated, argument cosine x decay, no arguments] (a shorter model uses the leading ones). {@code weights} holds the bias first. Fitted by storyline-eval on ECB+ train and the giveme5w1h stream.
 */
public record ScoreModel(List<Double> weights) {
  public ScoreModel {
    weights = List.copyOf(weights);
    if (weights.size() < 2) throw new IllegalArgumentException("a score model has a bias and weights");
  }

  public double probability(double[] x) {
    double z = weights.get(0);
    for (int i = 0; i < x.length && i + 1 < weights.size(); i++) z += weights.get(i + 1) * x[i];
    return 1 / (1 + Math.exp(-z));
  }

  /** Fits weights by gradient descent on examples (evidence plus a 0/1 label last), with a little L2. */
  public static ScoreModel fit(List<double[]> examples, int iterations, double rate, double l2) {
    int d = examples.isEmpty() ? 0 : examples.get(0).length - 1;
    double[] w = new double[d + 1];
    double pos = examples.stream().filter(e -> e[d] > 0.5).count();
    double neg = examples.size() - pos;
    for (int it = 0; it < iterations; it++) {
      double[] g = new double[d + 1];
      for (double[] e : examples) {
        double z = w[0];
        for (int i = 0; i < d; i++) z += w[i + 1] * e[i];
        double p = 1 / (1 + Math.exp(-z));
        // balance the classes so the many easy negatives do not swamp the positives
        double cw = e[d] > 0.5 ? 0.5 / Math.max(1, pos) : 0.5 / Math.max(1, neg);
        double err = (p - e[d]) * cw;
        g[0] += err;
        for (int i = 0; i < d; i++) g[i + 1] += err * e[i];
      }
      for (int i = 0; i <= d; i++) w[i] -= rate * (g[i] + (i == 0 ? 0 : l2 * w[i]));
    }
    java.util.List<Double> l = new java.util.ArrayList<>();
    for (double x : w) l.add(x);
    return new ScoreModel(l);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ScoreModel[");
    for (double x : weights) b.append(String.format(Locale.ROOT, "%.4f, ", x));
    return b.substring(0, b.length() - 2) + "]";
  }
}
