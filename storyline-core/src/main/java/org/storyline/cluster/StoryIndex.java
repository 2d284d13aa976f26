package org.storyline.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.storyline.nlp.Embedder;

/**
 * Online story clustering: each article is assigned to a story when it arrives, against the stories stored so far,
 * without recomputing anything else. A story keeps the id it was created with (derived from its first article) for
 * ever; a later article never renames or reshuffles it. The only change to an existing story is an explicit
 * {@link Event} (a merge), recorded in {@link #events()}.
 *
 * <p>Candidates come from an inverted index over each story's top terms, and from exact keys and MinHash bands for
 * duplicates; stories (and duplicate keys) older than {@link ClusterConfig#windowDays} relative to the newest dated
 * article leave the index, so the cost per article stays roughly constant as the store grows. They stay in an
 * archive, looked up by their less common terms for undated articles, for articles well behind the newest (a
 * backfill), and for late reports.
 *
 * <p>Not thread-safe; deterministic: the same articles in the same order give the same stories.
 */
public final class StoryIndex implements java.io.Serializable {
  @java.io.Serial private static final long serialVersionUID = 1L;
  /**
   * A change to existing stories: {@code kind} "merge" ({@code story} merged into {@code into}) or "split" (articles
   * of {@code story} moved to the new story {@code into}; {@code article} is the first moved).
   */
  public record Event(String kind, String story, String into, String article, double score, String reason)
      implements java.io.Serializable {}

  private static final int SWEEP_EVERY = 256;
  private static final int MERGE_CANDIDATES = 3;
  /** Archive postings longer than this are not looked up for late reports (bounds their cost per article). */
  private static final int LATE_POSTINGS = 32;
  /** Archive postings longer than this are not looked up for an article well behind the newest one seen. */
  private static final int BACKFILL_POSTINGS = 256;
  private static final String PREFIX = "story-";

  /** Not saved with the index: {@link #attach} gives it again after loading. */
  private transient ClusterConfig cfg;
  private final Idf idf;
  private final Map<String, StoryState> byId = new HashMap<>();
  private final List<StoryState> stories = new ArrayList<>();
  /** Term to the live stories indexed under it; not saved, rebuilt from each story's {@code indexed} terms. */
  private transient Map<String, Set<StoryState>> postings = new HashMap<>();
  /**
   * Postings of the retired stories (over their compacted centroids' queryTerms top terms, to bound the memory),
   * looked up for undated articles (an article without a date may belong to a story of any time, so the time
   * window does not apply to it), for articles more than half the window behind the newest (postings of at most
   * {@value #BACKFILL_POSTINGS} stories) and, through its rare terms only, for late reports of dated ones (see
   * {@link EmbeddingConfig#late()}). Saved as it is (its terms are those at retirement, not derivable later).
   */
  private final Map<String, Set<StoryState>> archive = new HashMap<>();
  private final List<StoryState> active = new ArrayList<>();
  private final Map<String, String> storyOfArticle = new HashMap<>();
  private final List<Event> events = new ArrayList<>();
  private final Map<String, Rec> byUrl = new HashMap<>();
  private final Map<Long, Rec> byText = new HashMap<>();
  private final Map<Long, List<Rec>> bands = new HashMap<>();
  private final ArrayDeque<Rec> recs = new ArrayDeque<>();
  private long maxDay = ArticleFeatures.NO_DAY;
  private int added;
  /** The sentence-embedding channel's tunables, or null when the channel is off. */
  private transient EmbeddingConfig emb;
  /** The most recently joined stories, oldest first (candidates by embedding; at most emb.recentStories()). */
  private final java.util.LinkedHashSet<StoryState> recent = new java.util.LinkedHashSet<>();
  /** The unit embedding of the article being added (null without one). */
  private transient float[] current;

  public StoryIndex(ClusterConfig cfg, Idf idf) {
    this(cfg, idf, null);
  }

  /** With the sentence-embedding evidence channel on when {@code emb} is not null (see {@link EmbeddingConfig}). */
  public StoryIndex(ClusterConfig cfg, Idf idf, EmbeddingConfig emb) {
    this.cfg = Objects.requireNonNull(cfg);
    this.idf = Objects.requireNonNull(idf);
    this.emb = emb;
  }

  /** Assigns one article to a story (an existing one or a new one) and explains why. */
  public Assignment add(ArticleFeatures f) {
    return add(f, null);
  }

  /**
   * {@link #add(ArticleFeatures)} with the article's unit sentence embedding (null for none), used when this index
   * has an {@link EmbeddingConfig}.
   */
  public Assignment add(ArticleFeatures f, float[] embedding) {
    current = emb == null || Embedder.dot(embedding, embedding) == 0 ? null : embedding;
    added++;
    idf.add(f.counts().keySet());
    Map<String, Double> v = vector(f);
    if (f.dated() && (maxDay == ArticleFeatures.NO_DAY || f.day() > maxDay)) maxDay = f.day();
    Assignment a = duplicate(f, v);
    if (a == null) a = cluster(f, v);
    register(f, a.story());
    if (added % SWEEP_EVERY == 0) sweep();
    return a;
  }

  private Assignment duplicate(ArticleFeatures f, Map<String, Double> v) {
    Rec hit = null;
    String kind = null;
    double overlap = 0;
    if (f.urlKey() != null && byUrl.containsKey(f.urlKey())) {
      hit = byUrl.get(f.urlKey());
      kind = "exact";
      overlap = 1.0;
    } else if (f.shingleCount() > 0 && byText.containsKey(f.textKey()) && inWindow(byText.get(f.textKey()).day, f)) {
      hit = byText.get(f.textKey());
      kind = "exact";
      overlap = 1.0;
    } else if (f.shingleCount() > 0) {
      Set<Rec> seen = new HashSet<>();
      for (int b = 0; b < MinHash.BANDS; b++) {
        List<Rec> l = bands.get(MinHash.band(f.signature(), b));
        if (l == null) continue;
        for (Rec r : l) {
          if (!seen.add(r) || !inWindow(r.day, f)) continue;
          double c = MinHash.containment(r.sig, r.n, f.signature(), f.shingleCount());
          if (c >= cfg.nearDup() && (c > overlap || c == overlap && hit != null && r.seq < hit.seq)) {
            hit = r;
            overlap = c;
            kind = "near";
          }
        }
      }
    }
    if (hit == null) return null;
    StoryState s = byId.get(storyOf(hit.id));
    double score = s.score(v, StoryState.channelNorms(v), f, cfg);
    join(s, f, v);
    return explain(f, v, s, Math.max(score, overlap), false, hit.id, overlap, kind, 0, List.of(), List.of());
  }

  private Assignment cluster(ArticleFeatures f, Map<String, Double> v) {
    List<String> query = top(v, cfg.queryTerms());
    Set<StoryState> cands = new HashSet<>();
    for (String t : query) {
      Set<StoryState> p = postings.get(t);
      if (p == null || p.size() > cfg.postingsCap()) continue;
      cands.addAll(p);
    }
    if (!f.dated()) {
      for (String t : query) {
        Set<StoryState> p = archive.get(t);
        if (p != null && p.size() <= cfg.postingsCap()) cands.addAll(p);
      }
    }
    // an article well behind the newest one seen (a backfill, an ingest out of date order) meets the retired
    // stories of its own time as ordinary candidates, through the archive's less common terms
    boolean backfill = f.dated() && maxDay != ArticleFeatures.NO_DAY && f.day() < maxDay - cfg.windowDays() / 2;
    if (backfill || f.dated() && lateOn()) {
      // late reports: only the archive's rare terms, so the lookup stays bounded however large the archive grows
      int cap = backfill ? BACKFILL_POSTINGS : LATE_POSTINGS;
      for (String t : query) {
        Set<StoryState> p = archive.get(t);
        if (p != null && p.size() <= cap) cands.addAll(p);
      }
    }
    cands.addAll(nearestByEmbedding());
    List<Scored> scored = new ArrayList<>();
    double[] vNorm = StoryState.channelNorms(v);
    for (StoryState s : cands) {
      if (s.mergedInto != null) continue;
      if (f.dated() && (s.retired && !backfill || s.gap(f.day()) > cfg.maxGapDays())) {
        double lr = lateReport(s, v, vNorm, f);
        if (lr > 0) {
          scored.add(new Scored(s, lr, String.format(java.util.Locale.ROOT,
              "joined as a late report: %.0f days after the story, model probability %.2f, embedding cosine %.2f",
              s.gap(f.day()), lr, s.embeddingCosine(current)), true));
        }
        continue;
      }
      double sc = withEmbedding(s, s.score(v, vNorm, f, cfg), f);
      double fu = followUp(s, v, vNorm, f);
      scored.add(new Scored(s, Math.max(sc, fu), fu > sc ? String.format(java.util.Locale.ROOT,
          "joined as a follow-up: %.0f days after the story, model probability %.2f, embedding cosine %.2f",
          s.gap(f.day()), fu, s.embeddingCosine(current)) : null));
    }
    scored.sort(BEST_FIRST);
    secondLook(scored, v, vNorm, f);
    if (scored.isEmpty() || scored.get(0).score < cfg.threshold()) {
      StoryState s = create(f);
      join(s, f, v);
      return explain(f, v, s, scored.isEmpty() ? 0 : scored.get(0).score, true, null, 0, null, cands.size(),
          List.of(), scored.isEmpty() ? List.of() : scored.get(0).story.describeConflicts(v, f));
    }
    StoryState best = scored.get(0).story;
    String note = scored.get(0).note;
    List<String> conflicts = best.describeConflicts(v, f);
    join(best, f, v);
    List<Event> merged = new ArrayList<>();
    // A story that now looks like another candidate (centroid cosine >= mergeThreshold) is merged into the older,
    // unless their time marks conflict (two events of one kind).
    for (int i = 1; i < scored.size() && i <= MERGE_CANDIDATES; i++) {
      StoryState other = scored.get(i).story;
      if (other.mergedInto != null || best.mergedInto != null || other == best) continue;
      if (scored.get(0).late || scored.get(i).late) continue; // a late report ties itself to an old story only
      double cc = StoryState.cosine(best.identity(), best.identityNorm(), other.identity(), other.identityNorm());
      double gap = 0;
      if (other.first != ArticleFeatures.NO_DAY && best.first != ArticleFeatures.NO_DAY) {
        // stories apart in time must be more alike to merge: the same decay as for an article joining a story
        gap = Math.max(0, Math.max(best.identityFirst() - other.identityLast(),
            other.identityFirst() - best.identityLast()));
        if (gap > cfg.maxGapDays()) continue;
        if (gap > cfg.graceDays()) cc *= Math.exp(-(gap - cfg.graceDays()) / cfg.tauDays());
      }
      cc += mergeBonus(best, other);
      // an article that matches two stories of the same days this strongly bridges them (dated only: see
      // ClusterConfig#bridgeProbability)
      boolean bridged = f.dated() && other.first != ArticleFeatures.NO_DAY && best.first != ArticleFeatures.NO_DAY
          && gap <= cfg.graceDays() && cfg.bridges(scored.get(0).score, scored.get(i).score);
      if (cc < cfg.mergeThreshold() && !bridged) continue;
      if (cfg.arguments().numberWeight() > 0 && best.marksConflict(other)) continue;
      StoryState keep = best.seq < other.seq ? best : other;
      StoryState gone = keep == best ? other : best;
      merge(gone, keep);
      Event e = cc >= cfg.mergeThreshold()
          ? new Event("merge", gone.id, keep.id, f.id(), cc, String.format(java.util.Locale.ROOT,
              "after %s joined, the two stories' centroids have cosine %.3f", f.id(), cc))
          : new Event("merge", gone.id, keep.id, f.id(), scored.get(i).score, String.format(java.util.Locale.ROOT,
              "%s matches both stories (scores %.2f and %.2f, within %.0f days): one story told twice", f.id(),
              scored.get(0).score, scored.get(i).score, gap));
      events.add(e);
      merged.add(e);
      best = keep;
    }
    Assignment a = explain(f, v, best, scored.get(0).score, false, null, 0, null, cands.size(), merged, conflicts);
    return note == null ? a : new Assignment(a.article(), a.story(), a.created(), a.score(), a.sharedTerms(),
        a.sharedNames(), a.candidates(), a.duplicateOf(), a.overlap(), a.duplicateKind(), a.events(),
        a.sharedArguments(), a.conflicts(), note);
  }

  /** A candidate's score, a note when the follow-up or late-report rule gave it, and whether the latter did. */
  private record Scored(StoryState story, double score, String note, boolean late) {
    Scored(StoryState story, double score) {
      this(story, score, null, false);
    }

    Scored(StoryState story, double score, String note) {
      this(story, score, note, false);
    }
  }

  private boolean lateOn() {
    return emb != null && current != null && cfg.model() != null && emb.late().isPresent();
  }

  /**
   * The undecayed content probability of {@code s} when the dated article is a late report of it (see
   * {@link EmbeddingConfig#late()}): a story beyond the follow-up gap or retired from the window, matched
   * nearly word for word and in meaning; else 0.
   */
  private double lateReport(StoryState s, Map<String, Double> v, double[] vNorm, ArticleFeatures f) {
    return lateOn() ? strongMatch(s, v, vNorm, f, emb.late().get().cosine(), emb::lateReport) : 0;
  }

  /**
   * The undecayed content probability of {@code s} when the article follows it up (see
   * {@link EmbeddingConfig#follow()}), else 0.
   */
  private double followUp(StoryState s, Map<String, Double> v, double[] vNorm, ArticleFeatures f) {
    return emb == null || emb.follow().isEmpty() ? 0
        : strongMatch(s, v, vNorm, f, emb.follow().get().cosine(), emb::follows);
  }

  /**
   * The model's undecayed probability of {@code s} for a dated article that names no new event day, against a dated
   * story with an embedding centroid, when their embedding cosine is at least {@code minCosine} and the two pass
   * {@code bar}; else 0. The follow-up and late-report rules differ only in their bars.
   */
  private double strongMatch(StoryState s, Map<String, Double> v, double[] vNorm, ArticleFeatures f, double minCosine,
      java.util.function.BiPredicate<Double, Double> bar) {
    if (cfg.model() == null || current == null || s.embSum == null || !f.dated() || s.first == ArticleFeatures.NO_DAY
        || s.newEvent(f)) {
      return 0;
    }
    double e = s.embeddingCosine(current);
    if (e < minCosine) return 0;
    double p = cfg.model().probability(s.evidence(v, vNorm, f, cfg));
    return bar.test(p, e) ? p : 0;
  }

  /** A score plus the embedding bonus of the article being added against {@code s} (unchanged without one). */
  private double withEmbedding(StoryState s, double score, ArticleFeatures f) {
    if (current == null || s.embSum == null) return score;
    boolean undated = !f.dated() || s.first == ArticleFeatures.NO_DAY;
    return score + emb.bonus(s.embeddingCosine(current), s.decay(f, cfg), undated);
  }

  /** The embedding bonus for merging two stories: their embedding centroids' cosine, decayed by their date gap. */
  private double mergeBonus(StoryState a, StoryState b) {
    if (emb == null || emb.mergeWeight() == 0 || a.embSum == null || b.embSum == null || a.embNorm == 0
        || b.embNorm == 0) {
      return 0;
    }
    double dot = 0;
    for (int i = 0; i < a.embSum.length; i++) dot += (double) a.embSum[i] * b.embSum[i];
    double decay = 1;
    if (a.first != ArticleFeatures.NO_DAY && b.first != ArticleFeatures.NO_DAY) {
      double gap = Math.max(0, Math.max(a.first - b.last, b.first - a.last));
      if (gap > cfg.graceDays()) decay = Math.exp(-(gap - cfg.graceDays()) / cfg.tauDays());
    }
    return emb.mergeWeight() * (dot / (a.embNorm * b.embNorm) - emb.offset()) * emb.fade(decay);
  }

  /**
   * The {@code recentTopK} stories nearest the article being added by embedding, among the {@code recentStories}
   * most recently joined (so an article worded unlike its story still meets it; the cost per article is bounded).
   */
  private List<StoryState> nearestByEmbedding() {
    if (current == null || emb.recentTopK() <= 0 || recent.isEmpty()) return List.of();
    List<Scored> near = new ArrayList<>(recent.size());
    for (StoryState s : recent) {
      if (s.retired || s.mergedInto != null) continue;
      near.add(new Scored(s, s.embeddingCosine(current)));
    }
    near.sort(Comparator.comparingDouble((Scored x) -> -x.score).thenComparingInt(x -> x.story.seq));
    List<StoryState> out = new ArrayList<>(emb.recentTopK());
    for (int i = 0; i < near.size() && i < emb.recentTopK(); i++) {
      if (near.get(i).score > emb.offset()) out.add(near.get(i).story);
    }
    return out;
  }

  /** Marks a story as just joined (most recent); forgets the oldest beyond the bound. */
  private void touch(StoryState s) {
    if (emb == null || emb.recentStories() <= 0) return;
    recent.remove(s);
    recent.add(s);
    while (recent.size() > emb.recentStories()) recent.remove(recent.iterator().next());
  }

  /** The normalised embedding centroid of a story (following merges), or null when it has none. */
  public float[] embeddingOf(String storyId) {
    StoryState s = byId.get(storyId);
    if (s == null) return null;
    while (s.mergedInto != null) s = byId.get(s.mergedInto);
    if (s.embSum == null || s.embNorm == 0) return null;
    float[] out = new float[s.embSum.length];
    for (int i = 0; i < out.length; i++) out[i] = (float) (s.embSum[i] / s.embNorm);
    return out;
  }

  private static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble((Scored x) -> -x.score).thenComparingInt(x -> x.story.seq);

  /**
   * The bounded second look: the best few candidates are rescored with a share of their best-agreeing kept member
   * article, so a centroid that drifted over two events does not pull in an article that matches no member well.
   */
  private void secondLook(List<Scored> scored, Map<String, Double> v, double[] vNorm, ArticleFeatures f) {
    ArgumentRules r = cfg.arguments();
    if (r.members() <= 0 || r.secondLook() <= 0 || r.memberMix() <= 0) return;
    int k = Math.min(r.secondLook(), scored.size());
    for (int i = 0; i < k; i++) {
      Scored x = scored.get(i);
      if (x.late || x.story.retired) continue; // a retired story keeps no members (the late bar asks for more)
      double m = x.story.memberScore(v, vNorm, f, cfg);
      scored.set(i, new Scored(x.story, (1 - r.memberMix()) * x.score + r.memberMix() * m, x.note, false));
    }
    scored.sort(BEST_FIRST);
  }

  /**
   * Training support: scores the article against its candidate stories (plus its gold story), hands each evidence
   * vector with a 0/1 label appended to {@code sink}, then files the article under its gold story.
   */
  public void addGold(ArticleFeatures f, String gold, java.util.function.Consumer<double[]> sink) {
    addGold(f, null, gold, sink);
  }

  /** {@link #addGold(ArticleFeatures, String, java.util.function.Consumer)} with the article's embedding. */
  public void addGold(ArticleFeatures f, float[] embedding, String gold, java.util.function.Consumer<double[]> sink) {
    added++;
    current = emb == null || embedding == null || Embedder.dot(embedding, embedding) == 0 ? null : embedding;
    idf.add(f.counts().keySet());
    Map<String, Double> v = vector(f);
    if (f.dated() && (maxDay == ArticleFeatures.NO_DAY || f.day() > maxDay)) maxDay = f.day();
    Set<StoryState> cands = new HashSet<>();
    for (String t : top(v, cfg.queryTerms())) {
      Set<StoryState> p = postings.get(t);
      if (p != null && p.size() <= cfg.postingsCap()) cands.addAll(p);
    }
    String gid = PREFIX + gold;
    StoryState g = byId.get(gid);
    if (g != null) cands.add(g);
    double[] vNorm = StoryState.channelNorms(v);
    List<StoryState> sorted = new ArrayList<>(cands);
    sorted.sort(Comparator.comparingInt(x -> x.seq));
    for (StoryState s : sorted) {
      if (s.retired) continue;
      double[] x = s.evidence(v, vNorm, f, cfg);
      double[] e = java.util.Arrays.copyOf(x, x.length + 1);
      e[x.length] = s == g ? 1 : 0;
      sink.accept(e);
    }
    if (g == null) {
      g = new StoryState(gid, stories.size());
      byId.put(gid, g);
      stories.add(g);
    }
    join(g, f, v);
    if (added % SWEEP_EVERY == 0) sweep();
  }

  /**
   * Splits a story explicitly (an editor's or a later rule's decision): the given articles move to a new story, named
   * after the first of them; the rest keep the story and its id. Recorded as a "split" {@link Event}.
   *
   * @throws IllegalArgumentException when an article is not in the story, or all of its articles would move
   */
  public Event split(String storyId, List<ArticleFeatures> moved, String reason) {
    StoryState s = byId.get(storyId);
    if (s == null || s.mergedInto != null) throw new IllegalArgumentException("no live story " + storyId);
    if (moved.isEmpty() || moved.size() >= s.articles.size()) {
      throw new IllegalArgumentException("a split moves some, not all, of the articles of " + storyId);
    }
    for (ArticleFeatures f : moved) {
      if (!s.articles.contains(f.id())) throw new IllegalArgumentException(f.id() + " is not in " + storyId);
    }
    StoryState n = create(moved.get(0));
    current = null; // per-article embeddings are not kept: both stories keep the old embedding centroid
    n.addEmbedding(s.embSum);
    for (ArticleFeatures f : moved) {
      Map<String, Double> v = vector(f);
      s.subtract(v);
      s.articles.remove(f.id());
      s.days.remove(f.id());
      s.members.removeIf(m -> m.id().equals(f.id()));
      join(n, f, v);
    }
    boolean wasDated = s.first != ArticleFeatures.NO_DAY;
    s.redate();
    if (wasDated && s.first == ArticleFeatures.NO_DAY) active.remove(s);
    reindex(s);
    Event e = new Event("split", s.id, n.id, moved.get(0).id(), 0, reason);
    events.add(e);
    return e;
  }

  private StoryState create(ArticleFeatures f) {
    String id = PREFIX + f.id();
    for (int k = 2; byId.containsKey(id); k++) id = PREFIX + f.id() + "-" + k;
    StoryState s = new StoryState(id, stories.size());
    byId.put(id, s);
    stories.add(s);
    return s;
  }

  private void join(StoryState s, ArticleFeatures f, Map<String, Double> v) {
    s.articles.add(f.id());
    s.days.put(f.id(), f.day());
    storyOfArticle.put(f.id(), s.id);
    if (f.dated()) {
      boolean wasUndated = s.first == ArticleFeatures.NO_DAY;
      s.first = wasUndated ? f.day() : Math.min(s.first, f.day());
      s.last = wasUndated ? f.day() : Math.max(s.last, f.day());
      if (wasUndated) active.add(s);
    }
    s.add(v, cfg.centroidTerms());
    s.addCore(v, current, f.day(), cfg.coreSize(), cfg.centroidTerms());
    s.remember(f.id(), v, cfg.arguments());
    reindex(s);
    if (current != null) s.addEmbedding(current);
    touch(s);
  }

  private void merge(StoryState gone, StoryState keep) {
    for (String t : gone.indexed) {
      unpost(t, gone);
    }
    gone.indexed = List.of();
    gone.mergedInto = keep.id;
    for (String a : gone.articles) storyOfArticle.put(a, keep.id);
    keep.articles.addAll(gone.articles);
    keep.days.putAll(gone.days);
    if (gone.first != ArticleFeatures.NO_DAY) {
      if (keep.first == ArticleFeatures.NO_DAY) active.add(keep);
      keep.first = keep.first == ArticleFeatures.NO_DAY ? gone.first : Math.min(keep.first, gone.first);
      keep.last = keep.last == ArticleFeatures.NO_DAY ? gone.last : Math.max(keep.last, gone.last);
    }
    keep.addCentroid(gone, cfg.centroidTerms());
    keep.absorbCore(gone, cfg.coreSize(), cfg.centroidTerms());
    keep.absorbMembers(gone, cfg.arguments());
    reindex(keep);
    keep.addEmbedding(gone.embSum);
    recent.remove(gone);
  }

  private void reindex(StoryState s) {
    if (s.retired) return; // a retired story joined by an undated article stays in the archive only
    List<String> now = top(s.centroid, cfg.indexTerms());
    for (String t : s.indexed) {
      if (!now.contains(t)) {
        unpost(t, s);
      }
    }
    for (String t : now) postings.computeIfAbsent(t, k -> new HashSet<>()).add(s);
    s.indexed = now;
  }

  private void register(ArticleFeatures f, String story) {
    Rec r = new Rec(f.id(), f.day(), f.signature(), f.shingleCount(), story, added);
    if (f.urlKey() != null) byUrl.putIfAbsent(f.urlKey(), r);
    if (f.shingleCount() > 0) {
      byText.putIfAbsent(f.textKey(), r);
      for (int b = 0; b < MinHash.BANDS; b++) {
        bands.computeIfAbsent(MinHash.band(f.signature(), b), k -> new ArrayList<>(2)).add(r);
      }
      recs.add(r);
    }
  }

  /** Takes a story out of a term's postings (and the term out of the index when no story is left under it). */
  private void unpost(String t, StoryState s) {
    Set<StoryState> p = postings.get(t);
    if (p != null && p.remove(s) && p.isEmpty()) postings.remove(t);
  }

  @java.io.Serial
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    postings = new HashMap<>();
    for (StoryState s : stories) {
      for (String t : s.indexed) postings.computeIfAbsent(t, k -> new HashSet<>()).add(s);
    }
  }

  /** Retires stories and duplicate candidates that fell out of the time window. */
  private void sweep() {
    if (maxDay == ArticleFeatures.NO_DAY) return;
    double cutoff = maxDay - cfg.windowDays();
    List<StoryState> keep = new ArrayList<>(active.size());
    for (StoryState s : active) {
      if (s.mergedInto != null) continue;
      if (s.last < cutoff) {
        s.retired = true;
        for (String t : s.indexed) {
          unpost(t, s);
        }
        s.indexed = List.of();
        s.compact();
        for (String t : top(s.centroid, cfg.queryTerms())) archive.computeIfAbsent(t, k -> new HashSet<>()).add(s);
      } else {
        keep.add(s);
      }
    }
    active.clear();
    active.addAll(keep);
    int n = recs.size();
    for (int i = 0; i < n; i++) {
      Rec r = recs.poll();
      if (r.day != ArticleFeatures.NO_DAY && r.day < cutoff) {
        for (int b = 0; b < MinHash.BANDS; b++) {
          long key = MinHash.band(r.sig, b);
          List<Rec> l = bands.get(key);
          if (l != null) {
            l.remove(r);
            if (l.isEmpty()) bands.remove(key);
          }
        }
        r.sig = null;
      } else {
        recs.add(r);
      }
    }
  }

  private boolean inWindow(long day, ArticleFeatures f) {
    return day == ArticleFeatures.NO_DAY || !f.dated() || Math.abs(f.day() - day) <= cfg.windowDays();
  }

  private Map<String, Double> vector(ArticleFeatures f) {
    Map<String, Double> v = new HashMap<>();
    double sq = 0;
    for (var e : f.counts().entrySet()) {
      String t = e.getKey();
      char c = t.charAt(0);
      double mult = c == '#' || c == '@' ? cfg.nameWeight() : c == '"' ? cfg.quoteWeight()
          : c == '%' ? cfg.arguments().numberWeight() : 1.0;
      double w = (1 + Math.log(Math.max(1.0, e.getValue()))) * idf.idf(t) * mult;
      v.put(t, w);
      sq += w * w;
    }
    double norm = Math.sqrt(sq);
    if (norm > 0) v.replaceAll((k, w) -> w / norm);
    return v;
  }

  /** The {@code k} heaviest terms, heaviest first (ties by term, so the order is stable). */
  static List<String> top(Map<String, Double> v, int k) {
    if (k <= 0 || v.isEmpty()) return List.of();
    // a bounded heap whose head is the weakest kept term: O(n log k) instead of sorting all n terms
    java.util.PriorityQueue<Map.Entry<String, Double>> heap = new java.util.PriorityQueue<>(k + 1, HEAVIEST.reversed());
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

  /** Heaviest first, ties by term. */
  private static final Comparator<Map.Entry<String, Double>> HEAVIEST =
      Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  private Assignment explain(ArticleFeatures f, Map<String, Double> v, StoryState s, double score, boolean created,
      String dupOf, double overlap, String dupKind, int candidates, List<Event> merged, List<String> conflicts) {
    List<Map.Entry<String, Double>> contrib = new ArrayList<>();
    if (!created) {
      for (var e : v.entrySet()) {
        Double c = s.centroid.get(e.getKey());
        if (c != null) contrib.add(Map.entry(e.getKey(), e.getValue() * c));
      }
    }
    contrib.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> terms = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (var e : contrib) {
      String t = e.getKey();
      char c = t.charAt(0);
      if (c == '#' || c == '@') {
        // a name found both as a capitalised word (#) and as an entity (@) is shown once
        String form = f.nameForms().getOrDefault(t, t.substring(1));
        if (names.size() < 6 && !names.contains(form)) names.add(form);
      } else if (StoryState.channel(t) == 3 && args.size() < 6) {
        args.add(StoryState.markLabel(t));
      } else if (c != '"' && terms.size() < 6) {
        terms.add(t);
      }
    }
    return new Assignment(f.id(), s.id, created, score, terms, names, candidates, dupOf, overlap, dupKind, merged,
        args, conflicts);
  }

  /**
   * Gives a deserialised index (see {@link StoryStream}) its tunables again; they are not saved with it, so a saved
   * index goes on with the configuration of the engine that loads it.
   */
  void attach(ClusterConfig cfg, EmbeddingConfig emb) {
    this.cfg = Objects.requireNonNull(cfg);
    this.emb = emb;
  }

  /** Whether the sentence-embedding channel is on. */
  boolean embeddings() {
    return emb != null;
  }

  /**
   * Development aid: how an article (not yet added) would score against the story now holding {@code articleId},
   * without changing anything: whether that story would be a candidate (by terms, by embedding), its date gap, the
   * model's probability, the time decay, the embedding cosine and the final score. Null when the story is unknown.
   */
  public Probe probe(ArticleFeatures f, float[] embedding, String articleId) {
    String sid = storyOf(articleId);
    if (sid == null) return null;
    StoryState s = byId.get(sid);
    float[] saved = current;
    current = emb == null || embedding == null || Embedder.dot(embedding, embedding) == 0 ? null : embedding;
    Map<String, Double> v = vector(f);
    boolean byTerm = false;
    for (String t : top(v, cfg.queryTerms())) {
      Set<StoryState> p = postings.get(t);
      if (p != null && p.size() <= cfg.postingsCap() && p.contains(s)) byTerm = true;
    }
    boolean byEmb = nearestByEmbedding().contains(s);
    double[] vNorm = StoryState.channelNorms(v);
    double prob = cfg.model() == null ? Double.NaN : cfg.model().probability(s.evidence(v, vNorm, f, cfg));
    double decay = s.decay(f, cfg);
    double ecos = current == null ? Double.NaN : s.embeddingCosine(current);
    double score = withEmbedding(s, s.score(v, vNorm, f, cfg), f);
    current = saved;
    return new Probe(sid, byTerm, byEmb, s.retired, f.dated() ? s.gap(f.day()) : Double.NaN, prob, decay, ecos,
        score, s.articles.size());
  }

  /** See {@link #probe}. */
  public record Probe(String story, boolean byTerm, boolean byEmbedding, boolean retired, double gap,
      double probability, double decay, double embeddingCosine, double score, int size) {}

  /** The current story of an article (following merges), or null. */
  public String storyOf(String articleId) {
    String s = storyOfArticle.get(articleId);
    return s == null ? null : resolve(s);
  }

  private String resolve(String id) {
    StoryState s = byId.get(id);
    while (s.mergedInto != null) s = byId.get(s.mergedInto);
    return s.id;
  }

  /** Live stories (not merged away), in creation order, each with its article ids in arrival order. */
  public List<StoryView> stories() {
    List<StoryView> out = new ArrayList<>();
    for (StoryState s : stories) {
      if (s.mergedInto == null) out.add(new StoryView(s.id, List.copyOf(s.articles), Map.copyOf(s.centroid)));
    }
    return out;
  }

  /**
   * The story a story id now stands for (itself, or the story it was merged into) with its article ids in arrival
   * order; null for an unknown id.
   */
  public StoryView story(String storyId) {
    StoryState s = byId.get(storyId);
    if (s == null) return null;
    while (s.mergedInto != null) s = byId.get(s.mergedInto);
    return new StoryView(s.id, List.copyOf(s.articles), Map.copyOf(s.centroid));
  }

  /** A stored story: id, articles, and its (pruned, unnormalised) centroid. */
  public record StoryView(String id, List<String> articles, Map<String, Double> centroid) {}

  /** Live stories with their articles, without copying their centroids (see {@link #story(String)}). */
  public List<StoryHead> storyHeads() {
    List<StoryHead> out = new ArrayList<>();
    for (StoryState s : stories) if (s.mergedInto == null) out.add(new StoryHead(s.id, List.copyOf(s.articles)));
    return out;
  }

  /** A live story's id and articles. */
  public record StoryHead(String id, List<String> articles) {}

  public List<Event> events() {
    return List.copyOf(events);
  }

  public int size() {
    return added;
  }

  /** Live stories (not merged away). */
  public int storyCount() {
    int n = 0;
    for (StoryState s : stories) if (s.mergedInto == null) n++;
    return n;
  }

  /** Stories currently in the candidate index (not retired). */
  public int activeStories() {
    int n = 0;
    for (StoryState s : stories) if (!s.retired && s.mergedInto == null) n++;
    return n;
  }

  private static final class Rec implements java.io.Serializable {
    @java.io.Serial private static final long serialVersionUID = 1L;
    final String id;
    final long day;
    int[] sig;
    final int n;
    final String story;
    final int seq;

    Rec(String id, long day, int[] sig, int n, String story, int seq) {
      this.id = id;
      this.day = day;
      this.sig = sig;
      this.n = n;
      this.story = story;
      this.seq = seq;
    }
  }
}
