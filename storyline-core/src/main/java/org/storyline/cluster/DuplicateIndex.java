package org.storyline.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.storyline.cluster.StoryIndex.Rec;

/**
 * The duplicate stage of a {@link StoryIndex}: finds the earlier article an arriving one copies, by its URL key, by
 * its exact text key, or by MinHash bands (containment at least {@link ClusterConfig#nearDup()}, the earliest of
 * the best), among the articles within the time window; forgets the band entries of articles that left the window.
 *
 * <p>Its maps belong to the {@link StoryIndex} that made it and are saved as that index's fields (so the saved shape,
 * {@link StoryStream#FORMAT}, did not change when this stage moved out); this object reads and updates them.
 * Not thread-safe.
 */
final class DuplicateIndex {
  /** An earlier article the new one copies: {@code kind} "exact" or "near"; {@code overlap} its containment. */
  record Hit(Rec rec, String kind, double overlap) {}

  private final Map<String, Rec> byUrl;
  private final Map<Long, Rec> byText;
  private final Map<Long, List<Rec>> bands;
  private final ArrayDeque<Rec> recs;

  DuplicateIndex(Map<String, Rec> byUrl, Map<Long, Rec> byText, Map<Long, List<Rec>> bands, ArrayDeque<Rec> recs) {
    this.byUrl = Objects.requireNonNull(byUrl);
    this.byText = Objects.requireNonNull(byText);
    this.bands = Objects.requireNonNull(bands);
    this.recs = Objects.requireNonNull(recs);
  }

  /** The earlier article {@code f} copies, or null. */
  Hit find(ArticleFeatures f, ClusterConfig cfg) {
    Rec hit = null;
    String kind = null;
    double overlap = 0;
    if (f.urlKey() != null && byUrl.containsKey(f.urlKey())) {
      hit = byUrl.get(f.urlKey());
      kind = "exact";
      overlap = 1.0;
    } else if (f.shingleCount() > 0 && byText.containsKey(f.textKey())
        && inWindow(byText.get(f.textKey()).day, f, cfg)) {
      hit = byText.get(f.textKey());
      kind = "exact";
      overlap = 1.0;
    } else if (f.shingleCount() > 0) {
      Set<Rec> seen = new HashSet<>();
      for (int b = 0; b < MinHash.BANDS; b++) {
        List<Rec> l = bands.get(MinHash.band(f.signature(), b));
        if (l == null) continue;
        for (Rec r : l) {
          if (!seen.add(r) || !inWindow(r.day, f, cfg)) continue;
          double c = MinHash.containment(r.sig, r.n, f.signature(), f.shingleCount());
          if (c >= cfg.nearDup() && (c > overlap || c == overlap && hit != null && r.seq < hit.seq)) {
            hit = r;
            overlap = c;
            kind = "near";
          }
        }
      }
    }
    return hit == null ? null : new Hit(hit, kind, overlap);
  }

  /** Files an article (the {@code seq}-th added) under its keys and bands; the first article of a key keeps it. */
  void register(ArticleFeatures f, String story, int seq) {
    Rec r = new Rec(f.id(), f.day(), f.signature(), f.shingleCount(), story, seq);
    if (f.urlKey() != null) byUrl.putIfAbsent(f.urlKey(), r);
    if (f.shingleCount() > 0) {
      byText.putIfAbsent(f.textKey(), r);
      for (int b = 0; b < MinHash.BANDS; b++) {
        bands.computeIfAbsent(MinHash.band(f.signature(), b), k -> new ArrayList<>(2)).add(r);
      }
      recs.add(r);
    }
  }

  /** Takes the articles dated before {@code cutoff} out of the bands (their exact keys stay). */
  void sweep(double cutoff) {
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

  private static boolean inWindow(long day, ArticleFeatures f, ClusterConfig cfg) {
    return day == ArticleFeatures.NO_DAY || !f.dated() || Math.abs(f.day() - day) <= cfg.windowDays();
  }
}
