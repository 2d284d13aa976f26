package org.storyline.nlp.ner;

import java.util.Arrays;

/** Open-addressing map from non-zero 64-bit feature hashes to dense indices. Not thread-safe while growing. */
final class LongIntMap {
  private long[] keys;
  private int[] vals;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    vals = new int[cap];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  /** Index of {@code key}, or -1. */
  int get(long key) {
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) return vals[i];
      if (k == 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Index of {@code key}, adding it with the next free index when absent. */
  int getOrAdd(long key) {
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) return vals[i];
      if (k == 0) {
        keys[i] = key;
        vals[i] = size++;
        if (size * 2 > keys.length) grow();
        return size - 1;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, int val) {
    int i = mix(key) & mask;
    while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
    if (keys[i] == 0) size++;
    keys[i] = key;
    vals[i] = val;
    if (size * 2 > keys.length) grow();
  }

  /** Keys by their index (index i at position i). */
  long[] keysByIndex() {
    long[] out = new long[size];
    for (int i = 0; i < keys.length; i++) if (keys[i] != 0) out[vals[i]] = keys[i];
    return out;
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = vals;
    keys = new long[ok.length * 2];
    vals = new int[ok.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < ok.length; i++) if (ok[i] != 0) put(ok[i], ov[i]);
  }

  private static int mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h;
  }

  @Override
  public String toString() {
    return "LongIntMap[" + size + "/" + keys.length + "]" + Arrays.hashCode(new int[0]);
  }
}
