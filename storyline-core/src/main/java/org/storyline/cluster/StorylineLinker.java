package org.storyline.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links stories over time into storylines by shared actors (name and entity features), quotes and topic terms: each
 * story, in time order, joins the storyline whose summed centroid it is most similar to (at least
 * {@link ClusterConfig#storylineThreshold}, within {@link ClusterConfig#storylineMaxGapDays} of its last story), or
 * starts a new one. A storyline keeps the id of its first story. Only storylines of two or more stories are returned.
 *
 * <p>Near-linear: storylines are found through an inverted index over their centroid terms (every term, so the
 * candidates are exactly the storylines sharing a term with the story, i.e. every one with a cosine above zero), the
 * dot products are accumulated term at a time along the postings, and each storyline's norm is kept up to date as it
 * absorbs stories. Storylines whose last story is more than the gap behind the stories being linked leave the index
 * (stories arrive in time order, so they could never be joined again); undated stories, which come last and may join
 * any storyline, see all of them again.
 */
final class StorylineLinker {
  /** A story as the linker sees it. */
  record StoryInfo(String id, String label, long first, long last, Map<String, Double> centroid) {}

  /** A storyline: its id, its stories in time order, and which of them is the most central. */
  record Line(String id, List<StoryInfo> stories, StoryInfo central) {}

  private static final int SWEEP_EVERY = 128;
  /**
   * Scores this close are equal: they differ by rounding alone, which depends on the order sums were taken in, so
   * a strict comparison let identical runs pick different central stories (and labels). Ties go to the earlier.
   */
  static final double TIE = 1e-9;

  private StorylineLinker() {}

  static List<Line> link(List<StoryInfo> storiesInTimeOrder, ClusterConfig cfg) {
    return link(storiesInTimeOrder, cfg, Map.of(), null);
  }

  /**
   * {@link #link(List, ClusterConfig)} with the stories' unit embedding centroids ({@code embeddings} by story id)
   * as further evidence when {@code emb} has a {@link EmbeddingConfig#storylineWeight} above 0: a storyline's
   * similarity gains {@code storylineWeight * (e - storylineOffset)}, {@code e} the cosine of the story's embedding
   * with the storyline's mean embedding.
   */
  static List<Line> link(List<StoryInfo> storiesInTimeOrder, ClusterConfig cfg, Map<String, float[]> embeddings,
      EmbeddingConfig emb) {
    Index index = new Index(cfg.storylineMaxGapDays());
    if (emb != null && emb.storylineWeight() > 0) index.emb = emb;
    List<Map<String, Double>> units = new ArrayList<>(storiesInTimeOrder.size());
    for (StoryInfo s : storiesInTimeOrder) {
      Map<String, Double> u = unit(s.centroid);
      units.add(u);
      index.current = index.emb == null ? null : embeddings.get(s.id);
      Builder best = index.best(u, s.first);
      if (best == null || best.cosine < cfg.storylineThreshold()) {
        best = index.create("storyline-" + s.id.replaceFirst("^story-", ""));
      }
      index.absorb(best, s, u);
    }
    Map<String, Map<String, Double>> unitOf = new HashMap<>();
    for (int i = 0; i < storiesInTimeOrder.size(); i++) unitOf.put(storiesInTimeOrder.get(i).id, units.get(i));
    List<Line> out = new ArrayList<>();
    for (Builder b : index.builders) {
      if (b.stories.size() < 2) continue;
      StoryInfo central = b.stories.get(0);
      double bc = -1;
      double nb = b.norm();
      for (StoryInfo s : b.stories) {
        double c = cosine(unitOf.get(s.id), b, nb);
        if (c > bc + TIE) { // (of two stories alone, both are exactly as central: the first in time names it)
          bc = c;
          central = s;
        }
      }
      out.add(new Line(b.id, List.copyOf(b.stories), central));
    }
    return out;
  }

  /**
   * The cosine of a story's unit vector with a storyline's sum, as {@code StoryState.cosine(u, 1, sum, nb)}: the
   * story is in the storyline, so its terms are a subset of the sum's and the sum is iterated over the story's terms.
   */
  private static double cosine(Map<String, Double> u, Builder b, double nb) {
    if (nb == 0) return 0;
    double dot = 0;
    for (var e : u.entrySet()) {
      Cell c = b.sum.get(e.getKey());
      if (c != null) dot += e.getValue() * c.value;
    }
    return dot / (1.0 * nb);
  }

  private static Map<String, Double> unit(Map<String, Double> c) {
    double sq = 0;
    for (double w : c.values()) sq += w * w;
    double n = Math.sqrt(sq);
    Map<String, Double> u = new HashMap<>();
    if (n > 0) for (var e : c.entrySet()) u.put(e.getKey(), e.getValue() / n);
    return u;
  }

  /** The storylines so far, with postings over the centroid terms of those still within reach. */
  private static final class Index {
    final double maxGap;
    final List<Builder> builders = new ArrayList<>();
    /** Per term, the storylines holding it with their weight cell (no map look-up in the scoring loop). */
    final Map<String, List<Cell>> postings = new HashMap<>();
    /** Builders in the postings (the others are out of reach of the stories still to come). */
    final List<Builder> active = new ArrayList<>();
    /** The newest dated story's first day seen so far; NO_DAY before any. */
    long newest = ArticleFeatures.NO_DAY;
    /** Once an undated story (or one out of time order) arrives every storyline is a candidate again. */
    boolean everyone;
    double[] dots = new double[16];
    int[] touched = new int[16];
    int seen;
    /** The embedding channel (null: off) and the unit embedding of the story being linked (null: none). */
    EmbeddingConfig emb;
    float[] current;

    Index(double maxGap) {
      this.maxGap = maxGap;
    }

    /** The storyline most similar to the unit vector {@code u} of a story starting on {@code first} (its cosine set). */
    Builder best(Map<String, Double> u, long first) {
      if (first == ArticleFeatures.NO_DAY || newest != ArticleFeatures.NO_DAY && first < newest) {
        if (!everyone) reindexAll();
      } else {
        newest = first;
        if (!everyone && ++seen % SWEEP_EVERY == 0) sweep(first);
      }
      int n = 0;
      for (var e : u.entrySet()) {
        List<Cell> p = postings.get(e.getKey());
        if (p == null) continue;
        double w = e.getValue();
        for (int i = 0, size = p.size(); i < size; i++) {
          Cell c = p.get(i);
          Builder b = c.builder;
          if (!b.hit) {
            b.hit = true;
            touched[n++] = b.seq;
          }
          dots[b.seq] += w * c.value;
        }
      }
      Builder best = null;
      double bs = 0;
      for (int i = 0; i < n; i++) {
        Builder b = builders.get(touched[i]);
        double dot = dots[b.seq];
        dots[b.seq] = 0;
        b.hit = false;
        if (first != ArticleFeatures.NO_DAY && b.last != ArticleFeatures.NO_DAY && first - b.last > maxGap) continue;
        double nb = b.norm();
        double c = nb == 0 ? 0 : dot / nb;
        if (current != null && b.embSum != null) {
          c += emb.storylineWeight() * (b.embeddingCosine(current) - emb.storylineOffset());
        }
        if (c > bs + TIE || Math.abs(c - bs) <= TIE && best != null && b.seq < best.seq) {
          bs = c;
          best = b;
        }
      }
      if (best != null) best.cosine = bs;
      return best;
    }

    Builder create(String id) {
      Builder b = new Builder(id, builders.size());
      builders.add(b);
      active.add(b);
      b.indexed = true;
      if (dots.length < builders.size()) {
        dots = Arrays.copyOf(dots, builders.size() * 2);
        touched = Arrays.copyOf(touched, builders.size() * 2);
      }
      return b;
    }

    void absorb(Builder b, StoryInfo s, Map<String, Double> u) {
      b.stories.add(s);
      for (var e : u.entrySet()) {
        Cell cell = b.sum.get(e.getKey());
        boolean fresh = cell == null;
        if (fresh) {
          cell = new Cell(b);
          b.sum.put(e.getKey(), cell);
        }
        double o = cell.value;
        double x = o + e.getValue();
        cell.value = x;
        b.sq += x * x - o * o;
        if (fresh && b.indexed) postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(cell);
      }
      if (s.last != ArticleFeatures.NO_DAY) b.last = Math.max(b.last, s.last);
      if (current != null) {
        if (b.embSum == null) b.embSum = new double[current.length];
        for (int i = 0; i < current.length && i < b.embSum.length; i++) b.embSum[i] += current[i];
      }
    }

    /** Drops storylines whose last story is more than the gap before {@code day} from the postings. */
    private void sweep(long day) {
      boolean any = false;
      for (Builder b : active) {
        if (b.last != ArticleFeatures.NO_DAY && day - b.last > maxGap) {
          b.indexed = false;
          any = true;
        }
      }
      if (!any) return;
      active.removeIf(b -> !b.indexed);
      for (var it = postings.values().iterator(); it.hasNext(); ) {
        List<Cell> p = it.next();
        p.removeIf(c -> !c.builder.indexed);
        if (p.isEmpty()) it.remove();
      }
    }

    private void reindexAll() {
      everyone = true;
      postings.clear();
      active.clear();
      for (Builder b : builders) {
        b.indexed = true;
        active.add(b);
        for (var t : b.sum.entrySet()) postings.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(t.getValue());
      }
    }
  }

  /** One term's summed weight in one storyline, shared by the storyline's map and the term's postings. */
  private static final class Cell {
    final Builder builder;
    double value;

    Cell(Builder builder) {
      this.builder = builder;
    }
  }

  private static final class Builder {
    final String id;
    final int seq;
    final List<StoryInfo> stories = new ArrayList<>();
    final Map<String, Cell> sum = new HashMap<>();
    /** Squared norm of {@link #sum}, kept up to date as stories are added. */
    double sq;
    long last = ArticleFeatures.NO_DAY;
    boolean indexed;
    boolean hit;
    double cosine;

    Builder(String id, int seq) {
      this.id = id;
      this.seq = seq;
    }

    double norm() {
      return Math.sqrt(Math.max(0, sq));
    }

    /** Sum of its stories' unit embeddings (null until one with an embedding joins). */
    double[] embSum;

    double embeddingCosine(float[] e) {
      double dot = 0;
      double sq = 0;
      for (int i = 0; i < embSum.length && i < e.length; i++) {
        dot += embSum[i] * e[i];
        sq += embSum[i] * embSum[i];
      }
      return sq == 0 ? 0 : dot / Math.sqrt(sq);
    }
  }
}
