package org.storyline.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The candidate stage of a {@link StoryIndex}: which stories an arriving article is scored against. Live stories are
 * posted under their top terms ({@link ClusterConfig#indexTerms()}); an article meets those posted under its query
 * terms (postings longer than {@link ClusterConfig#postingsCap()} are skipped), plus the few stories nearest it by
 * embedding among the most recently joined. Stories whose newest article fell out of the time window retire to an
 * archive, posted under their compacted centroids' top terms, which is looked up for undated articles, for
 * articles well behind the newest one (a backfill: postings of at most {@value #BACKFILL_POSTINGS} stories) and,
 * through its rare terms only ({@value #LATE_POSTINGS}), for late reports.
 *
 * <p>The archive, the active (dated, not retired) stories and the recently joined ones belong to the
 * {@link StoryIndex} that made this object and are saved as its fields (so the saved shape,
 * {@link StoryStream#FORMAT}, did not change when this stage moved out); the live postings are not saved but rebuilt
 * from each story's {@code indexed} terms. Not thread-safe.
 */
final class CandidateIndex {
  /** Archive postings longer than this are not looked up for late reports (bounds their cost per article). */
  static final int LATE_POSTINGS = 32;
  /** Archive postings longer than this are not looked up for an article well behind the newest one seen. */
  static final int BACKFILL_POSTINGS = 256;

  /** Term to the live stories indexed under it. */
  private final Map<String, Set<StoryState>> postings = new HashMap<>();
  /** Term to the retired stories (terms at retirement, not derivable later). */
  private final Map<String, Set<StoryState>> archive;
  private final List<StoryState> active;
  /** The most recently joined stories, oldest first (candidates by embedding; at most emb.recentStories()). */
  private final LinkedHashSet<StoryState> recent;

  /** Over the index's saved collections; posts {@code stories} under their {@code indexed} terms. */
  CandidateIndex(Map<String, Set<StoryState>> archive, List<StoryState> active, LinkedHashSet<StoryState> recent,
      List<StoryState> stories) {
    this.archive = Objects.requireNonNull(archive);
    this.active = Objects.requireNonNull(active);
    this.recent = Objects.requireNonNull(recent);
    for (StoryState s : stories) {
      for (String t : s.indexed) postings.computeIfAbsent(t, k -> new HashSet<>()).add(s);
    }
  }

  /**
   * The candidate stories of an article with the given query terms: the live ones posted under them, the archived
   * ones when the article is {@code undated}, the archive's postings of at most {@value #BACKFILL_POSTINGS} stories
   * for a {@code backfill}, else of at most {@value #LATE_POSTINGS} when {@code late} reports are looked for; then
   * the nearest by embedding ({@link #nearestByEmbedding}).
   */
  Set<StoryState> candidates(List<String> query, boolean undated, boolean backfill, boolean late, float[] current,
      EmbeddingConfig emb, ClusterConfig cfg) {
    Set<StoryState> cands = live(query, cfg);
    if (undated) {
      for (String t : query) {
        Set<StoryState> p = archive.get(t);
        if (p != null && p.size() <= cfg.postingsCap()) cands.addAll(p);
      }
    }
    // an article well behind the newest one seen (a backfill, an ingest out of date order) meets the retired
    // stories of its own time as ordinary candidates, through the archive's less common terms
    if (backfill || late) {
      // late reports: only the archive's rare terms, so the lookup stays bounded however large the archive grows
      int cap = backfill ? BACKFILL_POSTINGS : LATE_POSTINGS;
      for (String t : query) {
        Set<StoryState> p = archive.get(t);
        if (p != null && p.size() <= cap) cands.addAll(p);
      }
    }
    cands.addAll(nearestByEmbedding(current, emb));
    return cands;
  }

  /** The live stories posted under the query terms (postings longer than the cap skipped). */
  Set<StoryState> live(List<String> query, ClusterConfig cfg) {
    Set<StoryState> cands = new HashSet<>();
    for (String t : query) {
      Set<StoryState> p = postings.get(t);
      if (p == null || p.size() > cfg.postingsCap()) continue;
      cands.addAll(p);
    }
    return cands;
  }

  /** Whether {@code s} is posted under one of the query terms, in a posting within the cap. */
  boolean postedUnder(List<String> query, StoryState s, ClusterConfig cfg) {
    boolean byTerm = false;
    for (String t : query) {
      Set<StoryState> p = postings.get(t);
      if (p != null && p.size() <= cfg.postingsCap() && p.contains(s)) byTerm = true;
    }
    return byTerm;
  }

  /**
   * The {@code recentTopK} stories nearest the article being added by embedding ({@code current}, null for none),
   * among the {@code recentStories} most recently joined (so an article worded unlike its story still meets it; the
   * cost per article is bounded).
   */
  List<StoryState> nearestByEmbedding(float[] current, EmbeddingConfig emb) {
    if (current == null || emb.recentTopK() <= 0 || recent.isEmpty()) return List.of();
    List<ScoredStory> near = new ArrayList<>(recent.size());
    for (StoryState s : recent) {
      if (s.retired || s.mergedInto != null) continue;
      near.add(new ScoredStory(s, s.embeddingCosine(current)));
    }
    near.sort(Comparator.comparingDouble((ScoredStory x) -> -x.score()).thenComparingInt(x -> x.story().seq));
    List<StoryState> out = new ArrayList<>(emb.recentTopK());
    for (int i = 0; i < near.size() && i < emb.recentTopK(); i++) {
      if (near.get(i).score() > emb.offset()) out.add(near.get(i).story());
    }
    return out;
  }

  /** Marks a story as just joined (most recent); forgets the oldest beyond the bound. */
  void touch(StoryState s, EmbeddingConfig emb) {
    if (emb == null || emb.recentStories() <= 0) return;
    recent.remove(s);
    recent.add(s);
    while (recent.size() > emb.recentStories()) recent.remove(recent.iterator().next());
  }

  /** Posts a live story under its current top terms (and under those only). */
  void reindex(StoryState s, ClusterConfig cfg) {
    if (s.retired) return; // a retired story joined by an undated article stays in the archive only
    List<String> now = TopTerms.top(s.centroid, cfg.indexTerms());
    for (String t : s.indexed) {
      if (!now.contains(t)) {
        unpost(t, s);
      }
    }
    for (String t : now) postings.computeIfAbsent(t, k -> new HashSet<>()).add(s);
    s.indexed = now;
  }

  /** Takes a story merged away out of the postings and out of the recently joined. */
  void remove(StoryState gone) {
    for (String t : gone.indexed) {
      unpost(t, gone);
    }
    gone.indexed = List.of();
    recent.remove(gone);
  }

  /** A story that got its first date joins the active stories (those the time window sweeps). */
  void activate(StoryState s) {
    active.add(s);
  }

  /** A story that lost its last date leaves the active stories. */
  void deactivate(StoryState s) {
    active.remove(s);
  }

  /** Retires the active stories whose newest article is older than {@code cutoff} to the archive. */
  void retire(double cutoff, ClusterConfig cfg) {
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
        for (String t : TopTerms.top(s.centroid, cfg.queryTerms())) {
          archive.computeIfAbsent(t, k -> new HashSet<>()).add(s);
        }
      } else {
        keep.add(s);
      }
    }
    active.clear();
    active.addAll(keep);
  }

  /** Takes a story out of a term's postings (and the term out of the index when no story is left under it). */
  private void unpost(String t, StoryState s) {
    Set<StoryState> p = postings.get(t);
    if (p != null && p.remove(s) && p.isEmpty()) postings.remove(t);
  }
}
