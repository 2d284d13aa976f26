package org.storyline.util;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A map that keeps what was used last: each entry weighs something (one, or what {@code weigher} says, e.g. a body's
 * bytes), and a put that brings the total over the cap drops the least recently used entries (read or written) until
 * it is under again. Null keys and values are refused; {@link #get} of an absent key gives null.
 *
 * <p>Thread-safe: every method holds the cache's own lock, so a caller that must keep a check and a change together
 * (clear when a version moves, then read) may hold it too with {@code synchronized (cache)}. Computing a value is the
 * caller's, outside the lock: two threads missing the same key both compute it and the later put wins.
 *
 * <pre>{@code
 * BoundedCache<String, View> views = BoundedCache.ofEntries(256);
 * View v = views.get(id);
 * if (v == null) views.put(id, v = compute(id));
 * }</pre>
 */
public final class BoundedCache<K, V> {
  private final long maxWeight;
  private final ToLongFunction<? super V> weigher;
  private final LinkedHashMap<K, V> map = new LinkedHashMap<>(64, 0.75f, true); // access order: eldest first
  private long weight;

  private BoundedCache(long maxWeight, ToLongFunction<? super V> weigher) {
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  /** At most {@code maxEntries} entries. */
  public static <K, V> BoundedCache<K, V> ofEntries(int maxEntries) {
    if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be >= 1: " + maxEntries);
    return new BoundedCache<>(maxEntries, v -> 1);
  }

  /** Entries weighing {@code maxWeight} at most together, each as {@code weigher} says (not negative). */
  public static <K, V> BoundedCache<K, V> ofWeight(long maxWeight, ToLongFunction<? super V> weigher) {
    if (maxWeight < 0) throw new IllegalArgumentException("maxWeight must be >= 0: " + maxWeight);
    return new BoundedCache<>(maxWeight, Objects.requireNonNull(weigher, "weigher"));
  }

  /** The value kept under {@code key} (now the most recently used), or null. */
  public synchronized V get(K key) {
    return map.get(key);
  }

  /** Keeps {@code value} under {@code key}, replacing what was there, then drops the eldest while over the cap. */
  public synchronized void put(K key, V value) {
    Objects.requireNonNull(key, "key");
    long w = weigh(Objects.requireNonNull(value, "value"));
    V old = map.put(key, value);
    if (old != null) weight -= weigh(old);
    weight += w;
    for (var it = map.values().iterator(); weight > maxWeight && it.hasNext(); ) {
      weight -= weigh(it.next());
      it.remove();
    }
  }

  /** Drops the entries whose value matches. */
  public synchronized void removeIf(Predicate<? super V> test) {
    for (var it = map.values().iterator(); it.hasNext(); ) {
      V v = it.next();
      if (test.test(v)) {
        weight -= weigh(v);
        it.remove();
      }
    }
  }

  /** Drops everything. */
  public synchronized void clear() {
    map.clear();
    weight = 0;
  }

  /** How many entries are kept. */
  public synchronized int size() {
    return map.size();
  }

  /** What the kept entries weigh together. */
  public synchronized long weight() {
    return weight;
  }

  private long weigh(V v) {
    long w = weigher.applyAsLong(v);
    if (w < 0) throw new IllegalArgumentException("negative weight " + w);
    return w;
  }

  @Override
  public synchronized String toString() {
    return "BoundedCache[" + map.size() + " entries, weight " + weight + " of " + maxWeight + "]";
  }

  /** For tests: the keys, eldest first. */
  synchronized java.util.List<K> keys() {
    return java.util.List.copyOf(map.keySet());
  }
}
