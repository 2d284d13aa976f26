package org.storyline.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** The heaviest terms of a weighted term vector, in a stable order (used for indexing, queries and pruning). */
final class TopTerms {
  private TopTerms() {}

  /** Heaviest first, ties by term. */
  private static final Comparator<Map.Entry<String, Double>> HEAVIEST =
      Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  /** The {@code k} heaviest terms, heaviest first (ties by term, so the order is stable). */
  static List<String> top(Map<String, Double> v, int k) {
    if (k <= 0 || v.isEmpty()) return List.of();
    // a bounded heap whose head is the weakest kept term: O(n log k) instead of sorting all n terms
    PriorityQueue<Map.Entry<String, Double>> heap = new PriorityQueue<>(k + 1, HEAVIEST.reversed());
    for (var e : v.entrySet()) {
      if (heap.size() < k) {
        heap.add(e);
      } else if (HEAVIEST.compare(e, heap.peek()) < 0) {
        heap.poll();
        heap.add(e);
      }
    }
    List<Map.Entry<String, Double>> kept = new ArrayList<>(heap);
    kept.sort(HEAVIEST);
    List<String> out = new ArrayList<>(kept.size());
    for (var e : kept) out.add(e.getKey());
    return List.copyOf(out);
  }
}
