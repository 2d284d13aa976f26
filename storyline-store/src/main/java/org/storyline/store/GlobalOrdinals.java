package org.storyline.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Counts of a multi-valued doc-values field (entity, speaker, outlet) over a set of documents by global ordinal:
 * one array for the whole index instead of one per segment, and only the top values are turned into strings (a
 * facet over 20,000 hits names thousands of entities but shows 20). The ordinal maps are built once per reader
 * (once per commit) and shared by the requests that use it. Global ordinals follow the values' byte order, so ties
 * in count go to the smaller value, as they did when the counts were merged by string.
 */
final class GlobalOrdinals {
  private final IndexReader reader;
  private final Map<String, OrdinalMap> maps = new HashMap<>();

  private GlobalOrdinals(IndexReader reader) {
    this.reader = reader;
  }

  /** The ordinals of each open reader (a reader's entry goes when it closes). */
  private static final Map<IndexReader.CacheKey, GlobalOrdinals> OPEN =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The ordinals of this reader, shared while it is open. (Only the newest reader's were kept: a request still on
   * the reader before a commit then replaced the ones the commit had built for the next, and the next request
   * built them again.)
   */
  static GlobalOrdinals of(IndexReader reader) {
    IndexReader.CacheHelper h = reader.getReaderCacheHelper();
    if (h == null) return new GlobalOrdinals(reader);
    return OPEN.computeIfAbsent(h.getKey(), k -> {
      h.addClosedListener(OPEN::remove);
      return new GlobalOrdinals(reader);
    });
  }

  /** A field's ordinal map (null when no segment has the field). */
  synchronized OrdinalMap map(String field) throws IOException {
    if (maps.containsKey(field)) return maps.get(field);
    List<LeafReaderContext> leaves = reader.leaves();
    SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      SortedSetDocValues dv = leaves.get(i).reader().getSortedSetDocValues(field);
      any |= dv != null;
      values[i] = dv == null ? DocValues.emptySortedSet() : dv;
    }
    OrdinalMap m = any ? OrdinalMap.build(null, values, PackedInts.DEFAULT) : null;
    maps.put(field, m);
    return m;
  }

  /** Per thread and field, the array segment-local counts are kept in (all zeros between segments). */
  private static final ThreadLocal<Map<String, int[]>> LOCAL = ThreadLocal.withInitial(HashMap::new);

  /** A counter of one field over documents visited segment by segment. */
  final class Counter {
    private final String field;
    private final OrdinalMap map;
    final int[] counts;
    private SortedSetDocValues dv;
    private LongValues toGlobal;

    Counter(String field) throws IOException {
      this.field = field;
      this.map = map(field);
      this.counts = new int[map == null ? 0 : (int) map.getValueCount()];
    }

    /** Segment-local counts of the current segment (null: counted straight into the global array). */
    private int[] local;
    private int localSize;

    /**
     * Moves to a segment (its position in the reader's leaves); {@code hits} is an upper bound of the documents
     * that will be counted there (a scorer's cost). Many hits are counted by segment ordinal into a reused array and
     * mapped to global ordinals once per distinct value when the segment is done (a packed look-up per value and
     * document was most of a facet's cost); few hits map each value as they go.
     */
    void leaf(LeafReaderContext ctx, long hits) throws IOException {
      flush();
      dv = map == null ? null : ctx.reader().getSortedSetDocValues(field);
      toGlobal = dv == null ? null : map.getGlobalOrds(ctx.ord);
      if (dv != null && dv.getValueCount() <= Integer.MAX_VALUE && hits * 4 >= dv.getValueCount()) {
        localSize = (int) dv.getValueCount();
        // taken out of the pool while in use: one left half-counted by an exception is never reused
        local = LOCAL.get().remove(field);
        if (local == null || local.length < localSize) {
          local = new int[Math.max(localSize, local == null ? 0 : local.length * 2)];
        }
      }
    }

    void count(int doc) throws IOException {
      if (dv == null || !dv.advanceExact(doc)) return;
      int n = dv.docValueCount();
      if (local != null) {
        for (int i = 0; i < n; i++) local[(int) dv.nextOrd()]++;
      } else {
        for (int i = 0; i < n; i++) counts[(int) toGlobal.get(dv.nextOrd())]++;
      }
    }

    /** Adds the segment-local counts to the global ones (and clears the reused array). */
    private void flush() {
      if (local == null) return;
      int[] l = local;
      for (int o = 0; o < localSize; o++) {
        int c = l[o];
        if (c != 0) {
          counts[(int) toGlobal.get(o)] += c;
          l[o] = 0;
        }
      }
      LOCAL.get().put(field, l);
      local = null;
    }

    /** The {@code k} values counted most (ties: the smaller value first), with their counts, most first. */
    List<Map.Entry<String, Integer>> top(int k) throws IOException {
      flush();
      // a bounded heap: the weakest kept on top (fewest, then the larger ordinal)
      java.util.PriorityQueue<int[]> heap = new java.util.PriorityQueue<>(
          (a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[0], a[0]));
      for (int g = 0; g < counts.length; g++) {
        int c = counts[g];
        if (c == 0) continue;
        if (heap.size() < k) heap.add(new int[] {g, c});
        else {
          int[] weakest = heap.peek();
          if (c > weakest[1] || c == weakest[1] && g < weakest[0]) {
            heap.poll();
            heap.add(new int[] {g, c});
          }
        }
      }
      List<int[]> best = new ArrayList<>(heap);
      best.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
      List<Map.Entry<String, Integer>> out = new ArrayList<>(best.size());
      for (int[] e : best) out.add(Map.entry(value(e[0]), e[1]));
      return out;
    }

    /** The value of a global ordinal. */
    String value(int global) throws IOException {
      int seg = map.getFirstSegmentNumber(global);
      long ord = map.getFirstSegmentOrd(global);
      SortedSetDocValues d = reader.leaves().get(seg).reader().getSortedSetDocValues(field);
      return d.lookupOrd(ord).utf8ToString();
    }
  }
}
