package org.storyline.nlp.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A trained greedy left-to-right BILOU tagger: a linear model (averaged perceptron weights) over
 * {@link NerFeatures}. Immutable once built; {@link #tag} is thread-safe.
 */
final class NerModel {
  private static final int MAGIC = 0x4e455231; // NER1
  private final LongIntMap index;
  private final float[] weights; // dense (training): feature * Labels.N + label; null when sparse
  private final int[] offsets; // sparse (loaded): entries of feature f at [offsets[f], offsets[f + 1])
  private final int[] entries; // label << 16 | (weight & 0xffff), weight scaled by scale
  private final float scale;
  /**
   * Sparse (loaded): feature key -> {@code offsets[f] << 8 | count} in one open-addressing table, so a look-up
   * touches the table slot and the entries, not {@code offsets} too (the tagger's hottest loop); null when dense.
   */
  private final long[] spans;
  private final int spanMask;

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
      t[2 * i + 1] = ((long) offsets[f] << 8) | (offsets[f + 1] - offsets[f]);
    }
    this.spans = t;
    this.spanMask = mask;
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

  /** Labels for every token of every sentence of {@code d}. */
  int[][] tag(NerDoc d) {
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
    if (weights != null) {
      for (int j = 0; j < k; j++) {
        int f = index.get(feats[j]);
        if (f < 0) continue;
        int base = f * Labels.N;
        for (int l = 0; l < Labels.N; l++) score[l] += weights[base + l];
      }
      return;
    }
    long[] t = spans;
    int mask = spanMask;
    for (int j = 0; j < k; j++) {
      long key = feats[j];
      int i = LongIntMap.mix(key) & mask;
      long found;
      while (true) {
        found = t[2 * i];
        if (found == key || found == 0) break;
        i = (i + 1) & mask;
      }
      if (found == 0) continue;
      long span = t[2 * i + 1];
      for (int e = (int) (span >>> 8), end = e + (int) (span & 0xff); e < end; e++) {
        int x = entries[e];
        score[x >>> 16] += (short) x;
      }
    }
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
