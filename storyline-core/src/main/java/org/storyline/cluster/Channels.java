package org.storyline.cluster;

import java.util.Map;

/**
 * The feature channels of a term vector: plain terms (0), names ({@code #} capitalised words, {@code @} entities: 1),
 * quoted words ({@code "}: 2), and numbers, dates and years ({@code %}: 3); names and numbers are a story's
 * arguments. Per-channel norms and dot products, and the argument cosine and agreement built from them. Pure
 * functions.
 */
final class Channels {
  private Channels() {}

  /** Feature channels: plain terms, names, quotes, numbers/dates/years (names and numbers are the arguments). */
  static final int CHANNELS = 4;
  static int channel(String term) {
    char c = term.charAt(0);
    if (c == '#' || c == '@') return 1;
    if (c == '"') return 2;
    if (c == '%' || Tokens.isYear(term)) return 3;
    return 0;
  }
  static boolean argument(String term) {
    int c = channel(term);
    return c == 1 || c == 3;
  }
  /** Norms of a vector per channel. */
  static double[] channelNorms(Map<String, Double> v) {
    double[] n = new double[CHANNELS];
    for (var e : v.entrySet()) n[channel(e.getKey())] += e.getValue() * e.getValue();
    for (int i = 0; i < CHANNELS; i++) n[i] = Math.sqrt(n[i]);
    return n;
  }
  /** Dot products of two vectors per channel. */
  static double[] dots(Map<String, Double> a, Map<String, Double> b) {
    double[] dot = new double[CHANNELS];
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> big = small == a ? b : a;
    for (var e : small.entrySet()) {
      Double w = big.get(e.getKey());
      if (w != null) dot[channel(e.getKey())] += e.getValue() * w;
    }
    return dot;
  }
  /** Norm of the argument channels (names, numbers and dates) from per-channel norms. */
  static double argNorm(double[] n) {
    return Math.sqrt(n[1] * n[1] + n[3] * n[3]);
  }
  /** Cosine over the argument channels, from per-channel dot products and norms (0 when a side has none). */
  static double argCos(double[] dot, double[] na, double[] nb) {
    double a = argNorm(na);
    double b = argNorm(nb);
    return a == 0 || b == 0 ? 0 : (dot[1] + dot[3]) / (a * b);
  }
  static double sum(double[] x) {
    double s = 0;
    for (double d : x) s += d;
    return s;
  }
  /**
   * Cosine of an article vector with another vector scaled by how well their arguments agree
   * ({@link ArgumentRules#factor}).
   */
  static double agreement(double[] dot, double[] vNorm, double vn, double[] wNorm, double wn, ArgumentRules r) {
    if (vn == 0 || wn == 0) return 0;
    double cos = sum(dot) / (vn * wn);
    return cos * r.factor(argCos(dot, vNorm, wNorm), argNorm(vNorm) > 0 && argNorm(wNorm) > 0);
  }
}
