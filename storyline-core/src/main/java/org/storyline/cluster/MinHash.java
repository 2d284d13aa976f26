package org.storyline.cluster;

/**
 * MinHash signatures of shingle sets (128 hash functions from SplitMix64 with fixed seeds) and the estimates drawn
 * from them: Jaccard similarity, and containment of one set in another given both set sizes.
 */
final class MinHash {
  static final int SIZE = 128;
  static final int BANDS = 32;
  static final int ROWS = SIZE / BANDS;
  private static final long[] SEEDS = new long[SIZE];

  static {
    long s = 0x5DEECE66DL;
    for (int i = 0; i < SIZE; i++) {
      s += 0x9E3779B97F4A7C15L;
      SEEDS[i] = Tokens.mix(s);
    }
  }

  private MinHash() {}

  static int[] signature(long[] shingles) {
    int[] sig = new int[SIZE];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    for (long h : shingles) {
      for (int i = 0; i < SIZE; i++) {
        int v = (int) (Tokens.mix(h ^ SEEDS[i]) >>> 33);
        if (v < sig[i]) sig[i] = v;
      }
    }
    return sig;
  }

  static double jaccard(int[] a, int[] b) {
    int eq = 0;
    for (int i = 0; i < SIZE; i++) if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) eq++;
    return eq / (double) SIZE;
  }

  /** Estimated share of set B (size nb) found in set A (size na). */
  static double containment(int[] a, int na, int[] b, int nb) {
    if (na == 0 || nb == 0) return 0;
    double j = jaccard(a, b);
    double inter = j * (na + nb) / (1 + j);
    return Math.min(1.0, inter / nb);
  }

  /** The hash of band {@code band} of a signature, for locality-sensitive candidate lookup. */
  static long band(int[] sig, int band) {
    long h = band * 0x9E3779B97F4A7C15L;
    for (int r = 0; r < ROWS; r++) h = Tokens.mix(h ^ sig[band * ROWS + r]);
    return h;
  }
}
