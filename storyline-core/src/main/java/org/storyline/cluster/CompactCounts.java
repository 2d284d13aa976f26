package org.storyline.cluster;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable term-to-count map held as two arrays, iterating in the order of the map it was copied from: the kept
 * features of every stored article ({@link ArticleFeatures#slim}) are read only by iteration (labels, the saved
 * state), and as {@code HashMap}s of boxed doubles they were most of a store's heap (about 64 bytes per term against
 * 12 here; 128 terms per article).
 */
final class CompactCounts extends AbstractMap<String, Double> implements java.io.Serializable {
  @java.io.Serial private static final long serialVersionUID = 1L;
  private final String[] keys;
  private final double[] values;

  private CompactCounts(String[] keys, double[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** A copy of {@code m} iterating in {@code m}'s order (null values are not allowed). */
  static CompactCounts of(Map<String, Double> m) {
    String[] k = new String[m.size()];
    double[] v = new double[m.size()];
    int i = 0;
    for (var e : m.entrySet()) {
      k[i] = e.getKey();
      v[i++] = e.getValue();
    }
    return new CompactCounts(k, v);
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Double get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  private int indexOf(Object key) {
    for (int i = 0; i < keys.length; i++) if (keys[i].equals(key)) return i;
    return -1;
  }

  @Override
  public Set<Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < keys.length;
          }

          @Override
          public Entry<String, Double> next() {
            if (i >= keys.length) throw new NoSuchElementException();
            Entry<String, Double> e = new SimpleImmutableEntry<>(keys[i], values[i]);
            i++;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }
}
