package org.storyline.nlp.ner;

/**
 * Open-addressing map from non-zero 64-bit feature hashes to dense indices; key and value share one array so a
 * lookup touches one cache line. Not thread-safe while growing.
 */
final class LongIntMap {
  private long[] slots; // key at 2i, value at 2i+1
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    slots = new long[cap * 2];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  /** Index of {@code key}, or -1. */
  int get(long key) {
    int i = mix(key) & mask;
    while (true) {
      long k = slots[2 * i];
      if (k == key) return (int) slots[2 * i + 1];
      if (k == 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Index of {@code key}, adding it with the next free index when absent. */
  int getOrAdd(long key) {
    int i = mix(key) & mask;
    while (true) {
      long k = slots[2 * i];
      if (k == key) return (int) slots[2 * i + 1];
      if (k == 0) {
        slots[2 * i] = key;
        slots[2 * i + 1] = size++;
        if (size * 2 > mask + 1) grow();
        return size - 1;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, int val) {
    int i = mix(key) & mask;
    while (slots[2 * i] != 0 && slots[2 * i] != key) i = (i + 1) & mask;
    if (slots[2 * i] == 0) size++;
    slots[2 * i] = key;
    slots[2 * i + 1] = val;
    if (size * 2 > mask + 1) grow();
  }

  /** Keys by their index (index i at position i). */
  long[] keysByIndex() {
    long[] out = new long[size];
    for (int i = 0; i <= mask; i++) if (slots[2 * i] != 0) out[(int) slots[2 * i + 1]] = slots[2 * i];
    return out;
  }

  /** All keys, in slot order. */
  long[] keys() {
    long[] out = new long[size];
    int j = 0;
    for (int i = 0; i <= mask; i++) if (slots[2 * i] != 0) out[j++] = slots[2 * i];
    return out;
  }

  private void grow() {
    long[] old = slots;
    int cap = (mask + 1) * 2;
    slots = new long[cap * 2];
    mask = cap - 1;
    size = 0;
    for (int i = 0; i < old.length; i += 2) if (old[i] != 0) put(old[i], (int) old[i + 1]);
  }

  /**
   * Looks up the keys {@code feats[from, to)} in a table laid out as this map's ({@code t[2i]} the key, 0 empty;
   * {@code t[2i + 1]} its value; {@code mask} its slot count less one) and writes each one's value (0 for a missing
   * key) to {@code found[0, to - from)}. All slots are probed before any value is used, so the processor can overlap
   * the loads of a table larger than its caches.
   */
  static void probeAll(long[] t, int mask, long[] feats, int from, int to, long[] found) {
    for (int j = from; j < to; j++) {
      long key = feats[j];
      int i = mix(key) & mask;
      long k;
      while ((k = t[2 * i]) != key && k != 0) i = (i + 1) & mask;
      found[j - from] = t[2 * i + 1];
    }
  }

  static int mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h;
  }
}
