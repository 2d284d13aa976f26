package org.storyline.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links stories over time into storylines by shared actors (name and entity features), quotes and topic terms: each
 * story, in time order, joins the storyline whose summed centroid it is most similar to (at least
 * {@link ClusterConfig#storylineThreshold}, within {@link ClusterConfig#storylineMaxGapDays} of its last story), or
 * starts a new one. A storyline keeps the id of its first story. Only storylines of two or more stories are returned.
 */
final class StorylineLinker {
  /** A story as the linker sees it. */
  record StoryInfo(String id, String label, long first, long last, Map<String, Double> centroid) {}

  /** A storyline: its id, its stories in time order, and which of them is the most central. */
  record Line(String id, List<StoryInfo> stories, StoryInfo central) {}

  private StorylineLinker() {}

  static List<Line> link(List<StoryInfo> storiesInTimeOrder, ClusterConfig cfg) {
    List<Builder> lines = new ArrayList<>();
    for (StoryInfo s : storiesInTimeOrder) {
      Map<String, Double> u = unit(s.centroid);
      Builder best = null;
      double bs = 0;
      for (Builder b : lines) {
        if (s.first != ArticleFeatures.NO_DAY && b.last != ArticleFeatures.NO_DAY
            && s.first - b.last > cfg.storylineMaxGapDays()) {
          continue;
        }
        double c = StoryState.cosine(u, 1.0, b.sum, norm(b.sum));
        if (c > bs) {
          bs = c;
          best = b;
        }
      }
      if (best == null || bs < cfg.storylineThreshold()) {
        best = new Builder("storyline-" + s.id.replaceFirst("^story-", ""));
        lines.add(best);
      }
      best.stories.add(s);
      for (var e : u.entrySet()) best.sum.merge(e.getKey(), e.getValue(), Double::sum);
      if (s.last != ArticleFeatures.NO_DAY) best.last = Math.max(best.last, s.last);
    }
    List<Line> out = new ArrayList<>();
    for (Builder b : lines) {
      if (b.stories.size() < 2) continue;
      StoryInfo central = b.stories.get(0);
      double bc = -1;
      double nb = norm(b.sum);
      for (StoryInfo s : b.stories) {
        double c = StoryState.cosine(unit(s.centroid), 1.0, b.sum, nb);
        if (c > bc) {
          bc = c;
          central = s;
        }
      }
      out.add(new Line(b.id, List.copyOf(b.stories), central));
    }
    return out;
  }

  private static Map<String, Double> unit(Map<String, Double> c) {
    double n = norm(c);
    Map<String, Double> u = new HashMap<>();
    if (n > 0) for (var e : c.entrySet()) u.put(e.getKey(), e.getValue() / n);
    return u;
  }

  private static double norm(Map<String, Double> c) {
    double sq = 0;
    for (double w : c.values()) sq += w * w;
    return Math.sqrt(sq);
  }

  private static final class Builder {
    final String id;
    final List<StoryInfo> stories = new ArrayList<>();
    final Map<String, Double> sum = new HashMap<>();
    long last = ArticleFeatures.NO_DAY;

    Builder(String id) {
      this.id = id;
    }
  }
}
