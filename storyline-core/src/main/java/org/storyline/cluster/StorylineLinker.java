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
    return new Session(cfg, emb, 0).link(storiesInTimeOrder, embeddings);
  }

  /**
   * A linker that keeps its state between calls, for a stream summarized again after each ingest: linking is a fold
   * over the stories in time order, so a call whose stories begin as the previous call's did (the same story infos,
   * the same embeddings) takes back the steps after the first difference and links only the stories from there on.
   * The steps it can take back are the last {@code window}; a difference further back links everything again. The
   * storylines are exactly those of {@link StorylineLinker#link} on the same stories ({@code StorylineLinkerTest}).
   */
  static final class Session {
    private final ClusterConfig cfg;
    private final EmbeddingConfig emb;
    private final int window;
    private Index index;
    /** The stories linked so far, in the order given, with the embedding each was linked with. */
    private final List<StoryInfo> linked = new ArrayList<>();
    private final List<float[]> linkedEmbeddings = new ArrayList<>();
    /** How to take back each of the last {@code window} steps (the newest last). */
    private final java.util.ArrayDeque<Step> steps = new java.util.ArrayDeque<>();
    private int lastLinked;

    Session(ClusterConfig cfg, EmbeddingConfig emb, int window) {
      this.cfg = java.util.Objects.requireNonNull(cfg);
      this.emb = emb != null && emb.storylineWeight() > 0 ? emb : null;
      if (window < 0) throw new IllegalArgumentException("window must be >= 0: " + window);
      this.window = window;
    }

    /** Whether this session links as a stage of {@code cfg} and {@code emb} would. */
    boolean matches(ClusterConfig cfg, EmbeddingConfig emb) {
      EmbeddingConfig e = emb != null && emb.storylineWeight() > 0 ? emb : null;
      return this.cfg.equals(cfg) && java.util.Objects.equals(this.emb, e);
    }

    /** How many stories the last call linked (the rest were kept from the call before). */
    int lastLinked() {
      return lastLinked;
    }

    List<Line> link(List<StoryInfo> storiesInTimeOrder, Map<String, float[]> embeddings) {
      int same = 0;
      int n = Math.min(storiesInTimeOrder.size(), linked.size());
      while (same < n && sameStory(storiesInTimeOrder.get(same), linked.get(same), embeddings,
          linkedEmbeddings.get(same))) {
        same++;
      }
      int back = linked.size() - same;
      if (index == null || back > steps.size()) {
        index = new Index(cfg.storylineMaxGapDays());
        linked.clear();
        linkedEmbeddings.clear();
        steps.clear();
        same = 0;
      } else {
        for (int i = 0; i < back; i++) {
          index.undo(steps.removeLast());
          linked.removeLast();
          linkedEmbeddings.removeLast();
        }
      }
      for (int i = same; i < storiesInTimeOrder.size(); i++) {
        StoryInfo s = storiesInTimeOrder.get(i);
        float[] e = emb == null ? null : embeddings.get(s.id);
        Step step = index.step(s, e, emb, cfg.storylineThreshold(), window > 0);
        linked.add(s);
        linkedEmbeddings.add(e);
        if (window > 0) {
          steps.addLast(step);
          if (steps.size() > window) steps.removeFirst();
        }
      }
      lastLinked = storiesInTimeOrder.size() - same;
      return index.lines();
    }

    private boolean sameStory(StoryInfo s, StoryInfo before, Map<String, float[]> embeddings, float[] e) {
      if (s != before && !s.equals(before)) return false;
      return emb == null || Arrays.equals(embeddings.get(s.id), e);
    }
  }

  /** What one step of the fold changed, so that it can be taken back exactly. */
  private static final class Step {
    boolean everyone;
    long newest;
    int seen;
    /** Storylines the step's sweep took out of the postings (null: none). */
    List<Builder> swept;
    /** Storylines the step's re-indexing put back into the postings (null: it did not re-index). */
    List<Builder> reindexed;
    Builder builder;
    boolean created;
    boolean indexedAtAbsorb;
    double sq;
    long last;
    double[] embSum;
    String[] terms;
    Cell[] cells;
    double[] before;
    boolean[] fresh;
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
    double[] scores = new double[16];
    int[] touched = new int[16];
    int seen;
    /** The embedding channel (null: off) and the unit embedding of the story being linked (null: none). */
    EmbeddingConfig emb;
    float[] current;

    Index(double maxGap) {
      this.maxGap = maxGap;
    }

    /** Links one story: it joins the best storyline or starts one. Returns how to take it back when {@code record}. */
    Step step(StoryInfo s, float[] embedding, EmbeddingConfig emb, double threshold, boolean record) {
      this.emb = emb;
      current = emb == null ? null : embedding;
      Map<String, Double> u = unit(s.centroid);
      Step step = record ? new Step() : null;
      if (step != null) {
        step.everyone = everyone;
        step.newest = newest;
        step.seen = seen;
      }
      Builder best = best(u, s.first, step);
      boolean created = best == null || best.cosine < threshold;
      if (created) best = create("storyline-" + s.id.replaceFirst("^story-", ""));
      absorb(best, s, u, step);
      if (step != null) step.created = created;
      return step;
    }

    /**
     * The storyline most similar to the unit vector {@code u} of a story starting on {@code first} (its cosine set):
     * the highest score above 0, of scores within {@link #TIE} of it the storyline created first, so the choice does
     * not depend on the order the candidates were met in (postings rebuilt after a step was taken back keep another
     * order).
     */
    Builder best(Map<String, Double> u, long first, Step step) {
      if (first == ArticleFeatures.NO_DAY || newest != ArticleFeatures.NO_DAY && first < newest) {
        if (!everyone) reindexAll(step);
      } else {
        newest = first;
        if (!everyone && ++seen % SWEEP_EVERY == 0) sweep(first, step);
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
      double max = TIE;
      for (int i = 0; i < n; i++) {
        Builder b = builders.get(touched[i]);
        double dot = dots[b.seq];
        dots[b.seq] = 0;
        b.hit = false;
        double c;
        if (first != ArticleFeatures.NO_DAY && b.last != ArticleFeatures.NO_DAY && first - b.last > maxGap) {
          c = Double.NEGATIVE_INFINITY;
        } else {
          double nb = b.norm();
          c = nb == 0 ? 0 : dot / nb;
          if (current != null && b.embSum != null) {
            c += emb.storylineWeight() * (b.embeddingCosine(current) - emb.storylineOffset());
          }
        }
        scores[i] = c;
        if (c > max) max = c;
      }
      Builder best = null;
      for (int i = 0; i < n; i++) {
        if (scores[i] > TIE && scores[i] >= max - TIE && (best == null || touched[i] < best.seq)) {
          best = builders.get(touched[i]);
          best.cosine = scores[i];
        }
      }
      return best;
    }

    Builder create(String id) {
      Builder b = new Builder(id, builders.size());
      builders.add(b);
      active.add(b);
      b.indexed = true;
      if (dots.length < builders.size()) {
        dots = Arrays.copyOf(dots, builders.size() * 2);
        scores = Arrays.copyOf(scores, builders.size() * 2);
        touched = Arrays.copyOf(touched, builders.size() * 2);
      }
      return b;
    }

    void absorb(Builder b, StoryInfo s, Map<String, Double> u, Step step) {
      if (step != null) {
        step.builder = b;
        step.indexedAtAbsorb = b.indexed;
        step.sq = b.sq;
        step.last = b.last;
        step.embSum = b.embSum == null ? null : b.embSum.clone();
        step.terms = new String[u.size()];
        step.cells = new Cell[u.size()];
        step.before = new double[u.size()];
        step.fresh = new boolean[u.size()];
      }
      b.stories.add(s);
      b.line = null;
      int j = 0;
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
        if (step != null) {
          step.terms[j] = e.getKey();
          step.cells[j] = cell;
          step.before[j] = o;
          step.fresh[j] = fresh;
          j++;
        }
      }
      if (s.last != ArticleFeatures.NO_DAY) b.last = Math.max(b.last, s.last);
      if (current != null) {
        if (b.embSum == null) b.embSum = new double[current.length];
        for (int i = 0; i < current.length && i < b.embSum.length; i++) b.embSum[i] += current[i];
      }
    }

    /** Takes back the newest step (steps are taken back newest first). */
    void undo(Step step) {
      Builder b = step.builder;
      for (int j = step.terms.length - 1; j >= 0; j--) {
        Cell cell = step.cells[j];
        if (step.fresh[j]) {
          b.sum.remove(step.terms[j]);
          if (step.indexedAtAbsorb) {
            List<Cell> p = postings.get(step.terms[j]);
            for (int x = p.size() - 1; x >= 0; x--) {
              if (p.get(x) == cell) {
                p.remove(x);
                break;
              }
            }
            if (p.isEmpty()) postings.remove(step.terms[j]);
          }
        } else {
          cell.value = step.before[j];
        }
      }
      b.sq = step.sq;
      b.last = step.last;
      b.embSum = step.embSum;
      b.stories.removeLast();
      b.line = null;
      if (step.created) {
        builders.removeLast();
        for (int x = active.size() - 1; x >= 0; x--) {
          if (active.get(x) == b) {
            active.remove(x);
            break;
          }
        }
      }
      if (step.swept != null) {
        for (Builder s : step.swept) {
          s.indexed = true;
          active.add(s);
          for (var t : s.sum.entrySet()) postings.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(t.getValue());
        }
      }
      if (step.reindexed != null) {
        for (Builder r : step.reindexed) r.indexed = false;
        postings.clear();
        active.clear();
        for (Builder x : builders) {
          if (!x.indexed) continue;
          active.add(x);
          for (var t : x.sum.entrySet()) postings.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(t.getValue());
        }
      }
      everyone = step.everyone;
      newest = step.newest;
      seen = step.seen;
    }

    /** The storylines of two or more stories, in the order they were started, each with its most central story. */
    List<Line> lines() {
      List<Line> out = new ArrayList<>();
      for (Builder b : builders) {
        if (b.stories.size() < 2) continue;
        if (b.line == null) {
          StoryInfo central = b.stories.get(0);
          double bc = -1;
          double nb = b.norm();
          for (int i = 0; i < b.stories.size(); i++) {
            double c = cosine(unit(b.stories.get(i).centroid), b, nb); // (not kept: a map per story)
            if (c > bc + TIE) { // (of two stories alone, both are exactly as central: the first in time names it)
              bc = c;
              central = b.stories.get(i);
            }
          }
          b.line = new Line(b.id, List.copyOf(b.stories), central);
        }
        out.add(b.line);
      }
      return out;
    }

    /** Drops storylines whose last story is more than the gap before {@code day} from the postings. */
    private void sweep(long day, Step step) {
      List<Builder> swept = null;
      for (Builder b : active) {
        if (b.last != ArticleFeatures.NO_DAY && day - b.last > maxGap) {
          b.indexed = false;
          if (swept == null) swept = new ArrayList<>();
          swept.add(b);
        }
      }
      if (swept == null) return;
      if (step != null) step.swept = swept;
      active.removeIf(b -> !b.indexed);
      for (var it = postings.values().iterator(); it.hasNext(); ) {
        List<Cell> p = it.next();
        p.removeIf(c -> !c.builder.indexed);
        if (p.isEmpty()) it.remove();
      }
    }

    private void reindexAll(Step step) {
      everyone = true;
      List<Builder> reindexed = new ArrayList<>();
      postings.clear();
      active.clear();
      for (Builder b : builders) {
        if (!b.indexed) reindexed.add(b);
        b.indexed = true;
        active.add(b);
        for (var t : b.sum.entrySet()) postings.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(t.getValue());
      }
      if (step != null) step.reindexed = reindexed;
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
    /** The storyline as last returned (null: changed since). */
    Line line;
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
