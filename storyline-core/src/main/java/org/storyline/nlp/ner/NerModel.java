package org.storyline.nlp.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A trained left-to-right BILOU tagger (beam of two, see {@link #tag}): a linear model (averaged perceptron weights)
 * over {@link NerFeatures}. Immutable once built; {@link #tag} is thread-safe.
 */
final class NerModel {
  private static final int MAGIC = 0x4e455231; // NER1
  private final LongIntMap index;
  private final float[] weights; // dense (training): feature * Labels.N + label; null when sparse
  private final int[] offsets; // sparse (loaded): entries of feature f at [offsets[f], offsets[f + 1])
  private final int[] entries; // label << 16 | (weight & 0xffff), weight scaled by scale
  private final float scale;
  /**
   * Sparse (loaded): feature key -> its weights in one open-addressing table, so a look-up touches the table slot and
   * the entries, not {@code offsets} too (the tagger's hottest loop); null when dense. A feature with at most three
   * weights (two thirds of them) keeps them in its slot ({@link #INLINE}) and needs no second look-up; the others keep
   * {@code offsets[f] << 8 | count}.
   */
  private final long[] spans;
  private final int spanMask;

  /** The flag of a table value holding up to three weights itself (see {@link #spans}). */
  private static final long INLINE = 1L << 63;

  NerModel(LongIntMap index, float[] weights) {
    this.index = index;
    this.weights = weights;
    this.offsets = null;
    this.entries = null;
    this.scale = 0;
    this.spans = null;
    this.spanMask = 0;
  }

  private NerModel(LongIntMap index, int[] offsets, int[] entries, float scale) {
    this.index = index;
    this.weights = null;
    this.offsets = offsets;
    this.entries = entries;
    this.scale = scale;
    int n = index.size();
    int cap = Integer.highestOneBit(Math.max(16, n * 2) - 1) << 1;
    long[] t = new long[cap * 2];
    int mask = cap - 1;
    long[] keys = index.keysByIndex();
    for (int f = 0; f < n; f++) {
      int i = LongIntMap.mix(keys[f]) & mask;
      while (t[2 * i] != 0) i = (i + 1) & mask;
      t[2 * i] = keys[f];
      int count = offsets[f + 1] - offsets[f];
      long v;
      if (count <= 3) { // 21 bits each: label (5) and weight (16); a missing third adds 0 to label 0
        v = INLINE;
        for (int q = 0; q < count; q++) v |= ((long) entries[offsets[f] + q] & 0x1fffff) << (21 * q);
      } else {
        v = ((long) offsets[f] << 8) | count;
      }
      t[2 * i + 1] = v;
    }
    this.spans = t;
    this.spanMask = mask;
  }

  /** A loaded model's feature keys (by index). */
  long[] keys() {
    return index.keysByIndex();
  }

  /** A loaded model's number of weight entries. */
  int entryCount() {
    return entries.length;
  }

  /** Copies a loaded model's weights of feature {@code key} into {@code out} from {@code at}; returns their end. */
  int copyEntries(long key, int[] out, int at) {
    int f = index.get(key);
    if (f < 0) return at;
    System.arraycopy(entries, offsets[f], out, at, offsets[f + 1] - offsets[f]);
    return at + offsets[f + 1] - offsets[f];
  }

  /** Whether this is a loaded model (16-bit weights, read-only), not one being trained. */
  boolean loaded() {
    return weights == null;
  }

  int features() {
    return index.size();
  }

  float[] weightsForAveraging() {
    return dense();
  }

  NerModel withWeights(float[] w) {
    return new NerModel(index, w);
  }

  /** Dense weights; a loaded (sparse) model cannot be written again. */
  private float[] dense() {
    if (weights == null) throw new IllegalStateException("a loaded model is read-only");
    return weights;
  }

  /** Beam width of {@link #tag}: two hypotheses per sentence (dev F1 +0.4, holdout +0.2 over greedy). */
  static final int BEAM = 2;
  /**
   * Perceptron scores are turned into per-token log-probabilities, {@code log softmax(score / TEMP)} over the labels
   * allowed after the hypothesis's previous label, so hypotheses compare as sums of log-probabilities. Chosen on the
   * dev set (5 and below: as greedy; 50: worse than greedy).
   */
  static final double TEMP = 20;

  /**
   * Beam search over each sentence. Label-independent features are scored once per token, the features reading the
   * previous labels once per hypothesis ({@link NerFeatures#extractDynamic}). The document history is updated after
   * each sentence, as in greedy tagging.
   */
  int[][] tagBeam(NerDoc d, int width) {
    return tagBeam(d, width, null, false, null);
  }

  /**
   * As {@link #tagBeam(NerDoc, int)}, sharing the work of a two-stage tagger's loaded (sparse) models, whose weights
   * {@code joint} holds (this model's as its first model's when {@code first}, else as its second's): the features
   * both stages extract alike ({@link NerFeatures#extractShared}) are extracted and looked up once. In the first
   * stage, their second-stage weights are summed into {@code shared} ({@link Labels#N} per token, in document order)
   * while they are at hand; in the second, a token's shared features are not extracted again and their sum is taken
   * from there. Sparse weights are whole numbers, summed exactly in any order, so the labels are those of
   * {@link #tagBeam(NerDoc, int)}.
   */
  int[][] tagBeam(NerDoc d, int width, JointWeights joint, boolean first, float[] shared) {
    if ((joint == null) != (shared == null)) throw new IllegalArgumentException("joint weights need shared sums");
    if (shared != null && !loaded()) throw new IllegalArgumentException("shared features need loaded models");
    int[][] out = new int[d.words.length][];
    long[] buf = new long[NerFeatures.MAX];
    long[] found = new long[NerFeatures.MAX];
    float[] score = new float[Labels.N];
    float[] base = new float[Labels.N];
    Map<String, int[]> history = new HashMap<>();
    int tok = 0;
    for (int s = 0; s < d.words.length; s++) {
      int n = d.words[s].length;
      int[][] labs = new int[width][n];
      double[] tot = new double[width];
      int live = 1;
      int[][] nl = new int[width][n];
      double[] nt = new double[width];
      int[] candH = new int[width * Labels.N];
      int[] candL = new int[width * Labels.N];
      double[] candS = new double[width * Labels.N];
      for (int i = 0; i < n; i++) {
        int hist = history(history, d, s, i);
        int nc = 0;
        int ks;
        if (shared == null) {
          ks = NerFeatures.extractStatic(d, s, i, hist, buf);
          java.util.Arrays.fill(base, 0f);
          accumulate(buf, 0, ks, base, 0, found);
        } else if (first) {
          int kc = NerFeatures.extractShared(d, s, i, buf);
          java.util.Arrays.fill(base, 0f);
          joint.accumulate(buf, 0, kc, base, 0, shared, tok * Labels.N, found);
          ks = NerFeatures.extractOwn(d, s, i, hist, buf, kc);
          joint.accumulate(buf, kc, ks, base, 0, null, 0, found);
        } else {
          ks = NerFeatures.extractOwn(d, s, i, hist, buf, 0);
          System.arraycopy(shared, tok * Labels.N, base, 0, Labels.N);
          joint.accumulate(buf, 0, ks, null, 0, base, 0, found);
        }
        tok++;
        int lastP1 = -1;
        int lastP2 = -1;
        double norm = 0;
        for (int h = 0; h < live; h++) {
          int p1 = i > 0 ? labs[h][i - 1] : 0;
          int p2 = i > 1 ? labs[h][i - 2] : 0;
          if (p1 != lastP1 || p2 != lastP2) { // hypotheses ending in the same two labels score alike
            int k = NerFeatures.extractDynamic(d, s, i, p1, p2, hist, buf, ks);
            System.arraycopy(base, 0, score, 0, Labels.N);
            if (joint == null) {
              accumulate(buf, ks, k, score, 0, found);
            } else {
              joint.accumulate(buf, ks, k, first ? score : null, 0, first ? null : score, 0, found);
            }
            finish(score);
            norm = 0;
            if (live > 1) { // one hypothesis: the normaliser is the same for all its candidates
              float mx = Float.NEGATIVE_INFINITY;
              for (int l = 0; l < Labels.N; l++) if (Labels.allowed(p1, l)) mx = Math.max(mx, score[l]);
              double z = 0;
              for (int l = 0; l < Labels.N; l++) {
                if (!Labels.allowed(p1, l)) continue;
                double x = (score[l] - mx) / TEMP;
                if (x > -15) z += Math.exp(x);
              }
              norm = mx / TEMP + Math.log(z);
            }
            lastP1 = p1;
            lastP2 = p2;
          }
          for (int l = 0; l < Labels.N; l++) {
            if (!Labels.allowed(p1, l)) continue;
            if (i == n - 1 && !Labels.closes(l)) continue;
            candH[nc] = h;
            candL[nc] = l;
            candS[nc] = tot[h] + score[l] / TEMP - norm;
            nc++;
          }
        }
        int keep = Math.min(width, nc);
        for (int j = 0; j < keep; j++) {
          int b = j;
          for (int c = j + 1; c < nc; c++) if (candS[c] > candS[b]) b = c;
          int th = candH[b], tl = candL[b];
          double ts = candS[b];
          candH[b] = candH[j];
          candL[b] = candL[j];
          candS[b] = candS[j];
          candH[j] = th;
          candL[j] = tl;
          candS[j] = ts;
          System.arraycopy(labs[th], 0, nl[j], 0, i);
          nl[j][i] = tl;
          nt[j] = ts;
        }
        int[][] sw = labs;
        labs = nl;
        nl = sw;
        double[] st = tot;
        tot = nt;
        nt = st;
        live = keep;
      }
      int[] lab = n == 0 ? new int[0] : labs[0].clone();
      remember(history, d, s, lab);
      out[s] = lab;
    }
    return out;
  }

  /** Labels for every token of every sentence of {@code d} (beam search). */
  int[][] tag(NerDoc d) {
    return BEAM > 1 ? tagBeam(d, BEAM) : tagGreedy(d);
  }

  /** Greedy left to right: the best allowed label at each token. */
  int[][] tagGreedy(NerDoc d) {
    int[][] out = new int[d.words.length][];
    long[] buf = new long[NerFeatures.MAX];
    float[] score = new float[Labels.N];
    Map<String, int[]> history = new HashMap<>();
    for (int s = 0; s < d.words.length; s++) {
      int n = d.words[s].length;
      int[] lab = new int[n];
      int p1 = 0;
      int p2 = 0;
      for (int i = 0; i < n; i++) {
        int hist = history(history, d, s, i);
        int k = NerFeatures.extract(d, s, i, p1, p2, hist, buf);
        scores(buf, k, score);
        int best = -1;
        for (int l = 0; l < Labels.N; l++) {
          if (!Labels.allowed(p1, l)) continue;
          if (i == n - 1 && !Labels.closes(l)) continue;
          if (best < 0 || score[l] > score[best]) best = l;
        }
        lab[i] = best;
        p2 = p1;
        p1 = best;
      }
      remember(history, d, s, lab);
      out[s] = lab;
    }
    return out;
  }

  void scores(long[] feats, int k, float[] score) {
    java.util.Arrays.fill(score, 0f);
    accumulate(feats, 0, k, score, 0, new long[k]);
    finish(score);
  }

  /**
   * Adds the raw weights of features {@code [from, to)} to {@code score[off, off + Labels.N)} (sparse: unscaled; see
   * {@link #finish}); {@code found} is scratch space for {@code to - from} values.
   */
  void accumulate(long[] feats, int from, int to, float[] score, int off, long[] found) {
    if (weights != null) {
      for (int j = from; j < to; j++) {
        int f = index.get(feats[j]);
        if (f < 0) continue;
        int base = f * Labels.N;
        for (int l = 0; l < Labels.N; l++) score[off + l] += weights[base + l];
      }
      return;
    }
    // Two passes: the slot look-ups first (independent loads the processor can overlap: the tables are larger than
    // its caches), then the weights. An empty slot's span is 0, so a feature the model lacks adds nothing.
    LongIntMap.probeAll(spans, spanMask, feats, from, to, found);
    for (int j = 0, m = to - from; j < m; j++) {
      long span = found[j];
      if (span < 0) { // INLINE
        int x = (int) span & 0x1fffff;
        score[off + (x >>> 16)] += (short) x;
        x = (int) (span >>> 21) & 0x1fffff;
        score[off + (x >>> 16)] += (short) x;
        x = (int) (span >>> 42) & 0x1fffff;
        score[off + (x >>> 16)] += (short) x;
        continue;
      }
      for (int e = (int) (span >>> 8), end = e + (int) (span & 0xff); e < end; e++) {
        int x = entries[e];
        score[off + (x >>> 16)] += (short) x;
      }
    }
  }

  /** Scales accumulated raw scores (sparse models store 16-bit weights). */
  void finish(float[] score) {
    if (weights != null) return;
    for (int l = 0; l < Labels.N; l++) score[l] *= scale;
  }

  /** The most frequent type earlier capitalised mentions of this word got: 0..3, 4 for O, -1 when none. */
  static int history(Map<String, int[]> history, NerDoc d, int s, int i) {
    if (!Character.isUpperCase(d.words[s][i].charAt(0))) return -1;
    int[] c = history.get(d.lower[s][i]);
    if (c == null) return -1;
    int best = -1;
    for (int t = 0; t < 5; t++) if (c[t] > 0 && (best < 0 || c[t] > c[best])) best = t;
    return best;
  }

  static void remember(Map<String, int[]> history, NerDoc d, int s, int[] lab) {
    for (int i = 0; i < lab.length; i++) {
      if (!Character.isUpperCase(d.words[s][i].charAt(0))) continue;
      if (d.allCaps[s]) continue;
      int t = lab[i] == 0 ? 4 : Labels.type(lab[i]);
      history.computeIfAbsent(d.lower[s][i], x -> new int[5])[t]++;
    }
  }

  /** Writes the model, dropping features whose weights are all below {@code minAbs}; 16-bit weights. */
  void write(OutputStream os, float minAbs) throws IOException {
    long[] keys = index.keysByIndex();
    float[] weights = dense();
    float max = 0;
    for (float w : weights) max = Math.max(max, Math.abs(w));
    float scale = max / 32767f;
    int kept = 0;
    boolean[] keep = new boolean[keys.length];
    for (int f = 0; f < keys.length; f++) {
      for (int l = 0; l < Labels.N; l++) {
        if (Math.abs(weights[f * Labels.N + l]) >= minAbs) {
          keep[f] = true;
          break;
        }
      }
      if (keep[f]) kept++;
    }
    DataOutputStream out = new DataOutputStream(os);
    out.writeInt(MAGIC);
    out.writeFloat(scale);
    out.writeInt(kept);
    for (int f = 0; f < keys.length; f++) {
      if (!keep[f]) continue;
      out.writeLong(keys[f]);
      int mask = 0;
      for (int l = 0; l < Labels.N; l++) {
        if (Math.round(weights[f * Labels.N + l] / scale) != 0) mask |= 1 << l;
      }
      out.writeInt(mask);
      for (int l = 0; l < Labels.N; l++) {
        if ((mask & (1 << l)) != 0) out.writeShort(Math.round(weights[f * Labels.N + l] / scale));
      }
    }
    out.flush();
  }

  static NerModel read(InputStream is) throws IOException {
    DataInputStream in = new DataInputStream(is);
    if (in.readInt() != MAGIC) throw new IOException("not a storyline NER model");
    float scale = in.readFloat();
    int n = in.readInt();
    LongIntMap index = new LongIntMap(n);
    int[] offsets = new int[n + 1];
    int[] entries = new int[n * 4];
    int m = 0;
    for (int f = 0; f < n; f++) {
      index.put(in.readLong(), f);
      int mask = in.readInt();
      offsets[f] = m;
      for (int l = 0; l < Labels.N; l++) {
        if ((mask & (1 << l)) == 0) continue;
        if (m == entries.length) entries = java.util.Arrays.copyOf(entries, entries.length * 2);
        entries[m++] = (l << 16) | (in.readShort() & 0xffff);
      }
    }
    offsets[n] = m;
    return new NerModel(index, offsets, java.util.Arrays.copyOf(entries, m), scale);
  }
}
