package org.storyline.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * <p>An article goes through four stages, each in its own class: the {@link DuplicateIndex} (an earlier copy of it
 * by URL, text key or MinHash bands: it joins that copy's story); the {@link CandidateIndex} (the stories posted
 * under its top terms, the nearest by embedding, and the archive of retired stories for undated articles, backfills
 * and late reports); the {@link StoryScorer} (its score against each candidate, the follow-up and late-report rules,
 * the second look); and this class, which picks the best story or creates one, merges stories the article shows to
 * be one, and keeps each story's {@link StoryState}. Stories (and duplicate keys) older than
 * {@link ClusterConfig#windowDays} relative to the newest dated article leave the index, so the cost per article
 * stays roughly constant as the store grows.
 *
 * <p>The saved state ({@link StoryStream}) is this object's fields; the stage objects work on them and are rebuilt
 * on loading.
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
  private static final String PREFIX = "story-";

  /** Not saved with the index: {@link #attach} gives it again after loading. */
  private transient ClusterConfig cfg;
  private final Idf idf;
  private final Map<String, StoryState> byId = new HashMap<>();
  private final List<StoryState> stories = new ArrayList<>();
  /**
   * Postings of the retired stories (over their compacted centroids' queryTerms top terms, to bound the memory), see
   * {@link CandidateIndex}. Saved as it is (its terms are those at retirement, not derivable later).
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
  /** The stages, over the fields above: rebuilt on loading (the scorer by {@link #attach}). */
  private transient DuplicateIndex dups;
  private transient CandidateIndex candidates;
  private transient StoryScorer scorer;

  public StoryIndex(ClusterConfig cfg, Idf idf) {
    this(cfg, idf, null);
  }

  /** With the sentence-embedding evidence channel on when {@code emb} is not null (see {@link EmbeddingConfig}). */
  public StoryIndex(ClusterConfig cfg, Idf idf, EmbeddingConfig emb) {
    this.cfg = Objects.requireNonNull(cfg);
    this.idf = Objects.requireNonNull(idf);
    this.emb = emb;
    stages();
    this.scorer = new StoryScorer(cfg, emb, idf);
  }

  private void stages() {
    dups = new DuplicateIndex(byUrl, byText, bands, recs);
    candidates = new CandidateIndex(archive, active, recent, stories);
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
    Map<String, Double> v = scorer.vector(f);
    if (f.dated() && (maxDay == ArticleFeatures.NO_DAY || f.day() > maxDay)) maxDay = f.day();
    Assignment a = duplicate(f, v);
    if (a == null) a = cluster(f, v);
    dups.register(f, a.story(), added);
    if (added % SWEEP_EVERY == 0) sweep();
    return a;
  }

  private Assignment duplicate(ArticleFeatures f, Map<String, Double> v) {
    DuplicateIndex.Hit hit = dups.find(f, cfg);
    if (hit == null) return null;
    StoryState s = byId.get(storyOf(hit.rec().id));
    double score = s.score(v, Channels.channelNorms(v), f, cfg);
    join(s, f, v);
    return StoryScorer.explain(f, v, s, Math.max(score, hit.overlap()), false, hit.rec().id, hit.overlap(),
        hit.kind(), 0, List.of(), List.of());
  }

  private Assignment cluster(ArticleFeatures f, Map<String, Double> v) {
    List<String> query = TopTerms.top(v, cfg.queryTerms());
    // an article well behind the newest one seen (a backfill, an ingest out of date order) meets the retired
    // stories of its own time as ordinary candidates
    boolean backfill = f.dated() && maxDay != ArticleFeatures.NO_DAY && f.day() < maxDay - cfg.windowDays() / 2;
    Set<StoryState> cands = candidates.candidates(query, !f.dated(), backfill, f.dated() && scorer.lateOn(current),
        current, emb, cfg);
    List<ScoredStory> scored = new ArrayList<>();
    double[] vNorm = Channels.channelNorms(v);
    for (StoryState s : cands) {
      if (s.mergedInto != null) continue;
      if (f.dated() && (s.retired && !backfill || s.gap(f.day()) > cfg.maxGapDays())) {
        double lr = scorer.lateReport(s, v, vNorm, f, current);
        if (lr > 0) {
          scored.add(new ScoredStory(s, lr, String.format(java.util.Locale.ROOT,
              "joined as a late report: %.0f days after the story, model probability %.2f, embedding cosine %.2f",
              s.gap(f.day()), lr, s.embeddingCosine(current)), true));
        }
        continue;
      }
      double sc = scorer.withEmbedding(s, s.score(v, vNorm, f, cfg), f, current);
      double fu = scorer.followUp(s, v, vNorm, f, current);
      scored.add(new ScoredStory(s, Math.max(sc, fu), fu > sc ? String.format(java.util.Locale.ROOT,
          "joined as a follow-up: %.0f days after the story, model probability %.2f, embedding cosine %.2f",
          s.gap(f.day()), fu, s.embeddingCosine(current)) : null));
    }
    scored.sort(ScoredStory.BEST_FIRST);
    scorer.secondLook(scored, v, vNorm, f);
    if (scored.isEmpty() || scored.get(0).score() < cfg.threshold()) {
      StoryState s = create(f);
      join(s, f, v);
      return StoryScorer.explain(f, v, s, scored.isEmpty() ? 0 : scored.get(0).score(), true, null, 0, null,
          cands.size(), List.of(), scored.isEmpty() ? List.of() : scored.get(0).story().describeConflicts(v, f));
    }
    StoryState best = scored.get(0).story();
    String note = scored.get(0).note();
    List<String> conflicts = best.describeConflicts(v, f);
    join(best, f, v);
    List<Event> merged = new ArrayList<>();
    best = mergeAlike(f, scored, best, merged);
    Assignment a = StoryScorer.explain(f, v, best, scored.get(0).score(), false, null, 0, null, cands.size(), merged,
        conflicts);
    return note == null ? a : new Assignment(a.article(), a.story(), a.created(), a.score(), a.sharedTerms(),
        a.sharedNames(), a.candidates(), a.duplicateOf(), a.overlap(), a.duplicateKind(), a.events(),
        a.sharedArguments(), a.conflicts(), note);
  }

  /**
   * After the article joined {@code best}: a story that now looks like another candidate (centroid cosine at least
   * mergeThreshold, or one the article bridges) is merged into the older, unless their time marks conflict (two
   * events of one kind). Adds the merges to {@code merged}; returns the story the article is now in.
   */
  private StoryState mergeAlike(ArticleFeatures f, List<ScoredStory> scored, StoryState best, List<Event> merged) {
    for (int i = 1; i < scored.size() && i <= MERGE_CANDIDATES; i++) {
      StoryState other = scored.get(i).story();
      if (other.mergedInto != null || best.mergedInto != null || other == best) continue;
      if (scored.get(0).late() || scored.get(i).late()) continue; // a late report ties itself to an old story only
      double cc = StoryState.cosine(best.identity(), best.identityNorm(), other.identity(), other.identityNorm());
      double gap = 0;
      if (other.first != ArticleFeatures.NO_DAY && best.first != ArticleFeatures.NO_DAY) {
        // stories apart in time must be more alike to merge: the same decay as for an article joining a story
        gap = Math.max(0, Math.max(best.identityFirst() - other.identityLast(),
            other.identityFirst() - best.identityLast()));
        if (gap > cfg.maxGapDays()) continue;
        if (gap > cfg.graceDays()) cc *= Math.exp(-(gap - cfg.graceDays()) / cfg.tauDays());
      }
      cc += scorer.mergeBonus(best, other);
      // an article that matches two stories of the same days this strongly bridges them (dated only: see
      // ClusterConfig#bridgeProbability)
      boolean bridged = f.dated() && other.first != ArticleFeatures.NO_DAY && best.first != ArticleFeatures.NO_DAY
          && gap <= cfg.graceDays() && cfg.bridges(scored.get(0).score(), scored.get(i).score());
      if (cc < cfg.mergeThreshold() && !bridged) continue;
      if (cfg.arguments().numberWeight() > 0 && best.marksConflict(other)) continue;
      StoryState keep = best.seq < other.seq ? best : other;
      StoryState gone = keep == best ? other : best;
      merge(gone, keep);
      Event e = cc >= cfg.mergeThreshold()
          ? new Event("merge", gone.id, keep.id, f.id(), cc, String.format(java.util.Locale.ROOT,
              "after %s joined, the two stories' centroids have cosine %.3f", f.id(), cc))
          : new Event("merge", gone.id, keep.id, f.id(), scored.get(i).score(), String.format(java.util.Locale.ROOT,
              "%s matches both stories (scores %.2f and %.2f, within %.0f days): one story told twice", f.id(),
              scored.get(0).score(), scored.get(i).score(), gap));
      events.add(e);
      merged.add(e);
      best = keep;
    }
    return best;
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
    Map<String, Double> v = scorer.vector(f);
    if (f.dated() && (maxDay == ArticleFeatures.NO_DAY || f.day() > maxDay)) maxDay = f.day();
    Set<StoryState> cands = candidates.live(TopTerms.top(v, cfg.queryTerms()), cfg);
    String gid = PREFIX + gold;
    StoryState g = byId.get(gid);
    if (g != null) cands.add(g);
    double[] vNorm = Channels.channelNorms(v);
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
      Map<String, Double> v = scorer.vector(f);
      s.subtract(v);
      s.articles.remove(f.id());
      s.days.remove(f.id());
      s.members.removeIf(m -> m.id().equals(f.id()));
      join(n, f, v);
    }
    boolean wasDated = s.first != ArticleFeatures.NO_DAY;
    s.redate();
    if (wasDated && s.first == ArticleFeatures.NO_DAY) candidates.deactivate(s);
    candidates.reindex(s, cfg);
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
      if (wasUndated) candidates.activate(s);
    }
    s.add(v, cfg.centroidTerms());
    s.addCore(v, current, f.day(), cfg.coreSize(), cfg.centroidTerms());
    s.remember(f.id(), v, cfg.arguments());
    candidates.reindex(s, cfg);
    if (current != null) s.addEmbedding(current);
    candidates.touch(s, emb);
  }

  private void merge(StoryState gone, StoryState keep) {
    candidates.remove(gone);
    gone.mergedInto = keep.id;
    for (String a : gone.articles) storyOfArticle.put(a, keep.id);
    keep.articles.addAll(gone.articles);
    keep.days.putAll(gone.days);
    if (gone.first != ArticleFeatures.NO_DAY) {
      if (keep.first == ArticleFeatures.NO_DAY) candidates.activate(keep);
      keep.first = keep.first == ArticleFeatures.NO_DAY ? gone.first : Math.min(keep.first, gone.first);
      keep.last = keep.last == ArticleFeatures.NO_DAY ? gone.last : Math.max(keep.last, gone.last);
    }
    keep.addCentroid(gone, cfg.centroidTerms());
    keep.absorbCore(gone, cfg.coreSize(), cfg.centroidTerms());
    keep.absorbMembers(gone, cfg.arguments());
    candidates.reindex(keep, cfg);
    keep.addEmbedding(gone.embSum);
  }

  @java.io.Serial
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    stages();
  }

  /** Retires stories and duplicate candidates that fell out of the time window. */
  private void sweep() {
    if (maxDay == ArticleFeatures.NO_DAY) return;
    double cutoff = maxDay - cfg.windowDays();
    candidates.retire(cutoff, cfg);
    dups.sweep(cutoff);
  }

  /**
   * Gives a deserialised index (see {@link StoryStream}) its tunables again; they are not saved with it, so a saved
   * index goes on with the configuration of the engine that loads it.
   */
  void attach(ClusterConfig cfg, EmbeddingConfig emb) {
    this.cfg = Objects.requireNonNull(cfg);
    this.emb = emb;
    this.scorer = new StoryScorer(cfg, emb, idf);
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
    Map<String, Double> v = scorer.vector(f);
    boolean byTerm = candidates.postedUnder(TopTerms.top(v, cfg.queryTerms()), s, cfg);
    boolean byEmb = candidates.nearestByEmbedding(current, emb).contains(s);
    double[] vNorm = Channels.channelNorms(v);
    double prob = cfg.model() == null ? Double.NaN : cfg.model().probability(s.evidence(v, vNorm, f, cfg));
    double decay = s.decay(f, cfg);
    double ecos = current == null ? Double.NaN : s.embeddingCosine(current);
    double score = scorer.withEmbedding(s, s.score(v, vNorm, f, cfg), f, current);
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

  /**
   * A registered article, as the {@link DuplicateIndex} keeps it (nested here: it is saved under this name).
   */
  static final class Rec implements java.io.Serializable {
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
