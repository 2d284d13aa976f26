package org.storyline.nlp.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the entity tagger: an averaged perceptron over {@link NerFeatures}, greedy left to right, gold previous
 * labels during training, the document history from the model's own predictions (as when tagging).
 */
final class NerTrainer {
  private NerTrainer() {}

  /**
   * {@code bags} models trained on different document orders, their weights averaged (less variance than one
   * perceptron); the feature index is the same for all, as it depends on the documents only.
   */
  static NerModel train(List<NerDoc> docs, List<int[][]> gold, int epochs, long seed, int bags,
      java.io.PrintWriter log) {
    NerModel first = train(docs, gold, epochs, seed, log);
    if (bags <= 1) return first;
    float[] sum = first.weightsForAveraging().clone();
    for (int b = 1; b < bags; b++) {
      float[] w = train(docs, gold, epochs, seed + 1000L * b, log).weightsForAveraging();
      if (w.length != sum.length) throw new IllegalStateException("feature index differs between bags");
      for (int j = 0; j < w.length; j++) sum[j] += w[j];
    }
    for (int j = 0; j < sum.length; j++) sum[j] /= bags;
    return first.withWeights(sum);
  }

  /** {@code gold[doc][sentence][token]} are BILOU labels for {@code docs}. Deterministic for a given seed. */
  static NerModel train(List<NerDoc> docs, List<int[][]> gold, int epochs, long seed, java.io.PrintWriter log) {
    LongIntMap index = new LongIntMap(1 << 20);
    // one pass to index every feature seen with gold history
    long[] buf = new long[NerFeatures.MAX];
    for (int di = 0; di < docs.size(); di++) {
      NerDoc d = docs.get(di);
      int[][] g = gold.get(di);
      Map<String, int[]> hist = new HashMap<>();
      for (int s = 0; s < d.words.length; s++) {
        for (int i = 0; i < d.words[s].length; i++) {
          int p1 = i > 0 ? g[s][i - 1] : 0;
          int p2 = i > 1 ? g[s][i - 2] : 0;
          int k = NerFeatures.extract(d, s, i, p1, p2, NerModel.history(hist, d, s, i), buf);
          for (int j = 0; j < k; j++) index.getOrAdd(buf[j]);
        }
        NerModel.remember(hist, d, s, g[s]);
      }
    }
    int nf = index.size();
    float[] w = new float[nf * Labels.N];
    double[] acc = new double[nf * Labels.N];
    NerModel live = new NerModel(index, w);
    float[] score = new float[Labels.N];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) order.add(i);
    Random rnd = new Random(seed);
    long c = 1;
    int[] fidx = new int[NerFeatures.MAX];
    for (int ep = 0; ep < epochs; ep++) {
      java.util.Collections.shuffle(order, rnd);
      int errors = 0;
      int tokens = 0;
      for (int di : order) {
        NerDoc d = docs.get(di);
        int[][] g = gold.get(di);
        Map<String, int[]> hist = new HashMap<>();
        for (int s = 0; s < d.words.length; s++) {
          int n = d.words[s].length;
          int[] pred = new int[n];
          for (int i = 0; i < n; i++) {
            int p1 = i > 0 ? g[s][i - 1] : 0;
            int p2 = i > 1 ? g[s][i - 2] : 0;
            int k = NerFeatures.extract(d, s, i, p1, p2, NerModel.history(hist, d, s, i), buf);
            live.scores(buf, k, score);
            int best = 0;
            for (int l = 1; l < Labels.N; l++) if (score[l] > score[best]) best = l;
            pred[i] = best;
            int y = g[s][i];
            tokens++;
            if (best != y) {
              errors++;
              int m = 0;
              for (int j = 0; j < k; j++) {
                int f = index.get(buf[j]);
                if (f >= 0) fidx[m++] = f;
              }
              for (int j = 0; j < m; j++) {
                int by = fidx[j] * Labels.N + y;
                int bp = fidx[j] * Labels.N + best;
                w[by] += 1;
                acc[by] += c;
                w[bp] -= 1;
                acc[bp] -= c;
              }
            }
            c++;
          }
          NerModel.remember(hist, d, s, pred);
        }
      }
      if (log != null) {
        log.printf("  epoch %d: %d/%d token errors%n", ep + 1, errors, tokens);
        log.flush();
      }
    }
    for (int j = 0; j < w.length; j++) w[j] = (float) (w[j] - acc[j] / c);
    return new NerModel(index, w);
  }
}
