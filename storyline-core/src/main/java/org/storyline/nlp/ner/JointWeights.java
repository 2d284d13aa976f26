package org.storyline.nlp.ner;

/**
 * The 16-bit weights of a two-stage tagger's loaded models in one table: a feature key's slot points to the first
 * model's weights followed by the second's. The stages extract mostly the same features
 * ({@link NerFeatures#extractShared}), so one look-up finds both models' weights of a feature, next to each other,
 * where two tables cost two look-ups and twice the memory the tagger's hottest loop waits on. Immutable once built.
 */
final class JointWeights {
  private final long[] slots; // key at 2i; at 2i + 1: offset << 12 | first count << 6 | second count (0: empty)
  private final int mask;
  private final int[] entries; // label << 16 | (weight & 0xffff), unscaled (see NerModel#finish)

  private JointWeights(long[] slots, int mask, int[] entries) {
    this.slots = slots;
    this.mask = mask;
    this.entries = entries;
  }

  /** The two loaded models' weights, each feature's first model's entries then its second's. */
  static JointWeights of(NerModel first, NerModel second) {
    long[] k1 = first.keys();
    long[] k2 = second.keys();
    LongIntMap all = new LongIntMap(k1.length + k2.length);
    for (long k : k1) all.getOrAdd(k);
    for (long k : k2) all.getOrAdd(k);
    long[] keys = all.keysByIndex();
    int n = keys.length;
    int cap = Integer.highestOneBit(Math.max(16, n * 2) - 1) << 1;
    long[] t = new long[cap * 2];
    int mask = cap - 1;
    int[] entries = new int[first.entryCount() + second.entryCount()];
    int m = 0;
    for (long key : keys) {
      int start = m;
      m = first.copyEntries(key, entries, m);
      int c1 = m - start;
      m = second.copyEntries(key, entries, m);
      int c2 = m - start - c1;
      int i = LongIntMap.mix(key) & mask;
      while (t[2 * i] != 0) i = (i + 1) & mask;
      t[2 * i] = key;
      t[2 * i + 1] = ((long) start << 12) | ((long) c1 << 6) | c2;
    }
    return new JointWeights(t, mask, java.util.Arrays.copyOf(entries, m));
  }

  /**
   * Adds the raw weights of features {@code [from, to)}: the first model's to {@code one[off1, off1 + Labels.N)},
   * the second's to {@code two[off2, ...)}; a null array skips that model. {@code found} is scratch space for
   * {@code to - from} values. As {@link NerModel#accumulate}, the slots are all probed before any weight is read.
   */
  void accumulate(long[] feats, int from, int to, float[] one, int off1, float[] two, int off2, long[] found) {
    LongIntMap.probeAll(slots, mask, feats, from, to, found);
    for (int j = 0, n = to - from; j < n; j++) {
      long v = found[j];
      int e = (int) (v >>> 12);
      int c1 = (int) (v >>> 6) & 63;
      if (one != null) {
        for (int x = e, end = e + c1; x < end; x++) one[off1 + (entries[x] >>> 16)] += (short) entries[x];
      }
      if (two != null) {
        for (int x = e + c1, end = x + (int) (v & 63); x < end; x++) {
          two[off2 + (entries[x] >>> 16)] += (short) entries[x];
        }
      }
    }
  }
}
