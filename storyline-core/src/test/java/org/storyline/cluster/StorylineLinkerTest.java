package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexed linker gives the same storylines as scanning every storyline for every story. */
class StorylineLinkerTest {
  @Test
  void indexedLinkingMatchesAFullScanOnRandomStreams() {
    int linesSeen = 0;
    for (int seed = 1; seed <= 20; seed++) {
      List<StorylineLinker.StoryInfo> stories = randomStories(new Random(seed), 400);
      List<List<String>> expected = scan(stories, ClusterConfig.DEFAULTS);
      List<List<String>> got = StorylineLinker.link(stories, ClusterConfig.DEFAULTS).stream()
          .map(l -> l.stories().stream().map(StorylineLinker.StoryInfo::id).toList()).toList();
      assertEquals(expected, got, "seed " + seed);
      linesSeen += got.size();
    }
    assertTrue(linesSeen > 20, "the random streams should form storylines: " + linesSeen);
  }

  /**
   * Issue 14, case 6: in a storyline of two stories both are exactly as central (each unit vector has the same dot
   * product with their sum), so which one names the storyline was left to rounding, and the label changed between
   * identical runs. The rounding noise of a run (a centroid a few ulps off) must not change the label.
   */
  @Test
  void theCentralStoryDoesNotDependOnRoundingNoise() {
    int lines = 0;
    for (int seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      Map<String, Double> a = new HashMap<>();
      Map<String, Double> b = new HashMap<>();
      for (int k = 0; k < 30; k++) {
        double w = 1 + rnd.nextDouble();
        a.put("t" + k, w);
        b.put("t" + k, w * (0.5 + rnd.nextDouble()));
      }
      String central = null;
      for (double scale : new double[] {1, 1 + 1e-12, 1 - 1e-12, 1 + 7e-13, 1 - 3e-12}) {
        Map<String, Double> a2 = new HashMap<>();
        a.forEach((k, w) -> a2.put(k, w * scale));
        List<StorylineLinker.StoryInfo> stories = List.of(
            new StorylineLinker.StoryInfo("story-a", "A", 19000, 19000, a2),
            new StorylineLinker.StoryInfo("story-b", "B", 19001, 19001, b));
        List<StorylineLinker.Line> got = StorylineLinker.link(stories, ClusterConfig.DEFAULTS);
        assertEquals(1, got.size(), "seed " + seed);
        String c = got.get(0).central().id();
        if (central == null) central = c;
        assertEquals(central, c, "seed " + seed + ", centroid scaled by " + scale);
        lines++;
      }
    }
    assertTrue(lines > 0);
  }

  /**
   * A session keeps its state between calls and takes back only the steps after the first changed story: after
   * every kind of change a server's ingest makes (new stories after the others, a recent story grown, an old one
   * grown beyond the window, undated stories, a story gone in a merge) it gives exactly the storylines of a fresh
   * link, with and without the embedding channel, and it relinks only the changed end when it can.
   */
  @Test
  void aSessionLinksAsAFreshLinkAfterEachChange() {
    int partial = 0;
    int full = 0;
    for (int seed = 1; seed <= 12; seed++) {
      Random rnd = new Random(seed);
      boolean withEmbeddings = seed % 2 == 0;
      EmbeddingConfig emb = withEmbeddings ? EmbeddingConfig.DEFAULTS.withStoryline(0.5, 0.3) : null;
      List<StorylineLinker.StoryInfo> stories = new ArrayList<>(randomStories(rnd, 300));
      Map<String, float[]> embeddings = new HashMap<>();
      for (StorylineLinker.StoryInfo s : stories) embeddings.put(s.id(), randomUnit(rnd));
      StorylineLinker.Session session = new StorylineLinker.Session(ClusterConfig.DEFAULTS, emb, 64);
      int next = 1000;
      for (int round = 0; round < 25; round++) {
        if (round > 0) {
          int op = rnd.nextInt(5);
          int dated = (int) stories.stream().filter(s -> s.first() != ArticleFeatures.NO_DAY).count();
          if (op == 0) { // new stories, later than the others
            for (int k = 0; k < 1 + rnd.nextInt(6); k++) {
              StorylineLinker.StoryInfo s = randomStory(rnd, "story-" + next++, 19365 + round + rnd.nextInt(3));
              stories.add(s);
              embeddings.put(s.id(), randomUnit(rnd));
            }
          } else if (op == 1 || op == 2) { // a story grown: recent (op 1) or anywhere (op 2)
            int i = op == 1 ? Math.max(0, dated - 1 - rnd.nextInt(40)) : rnd.nextInt(dated);
            StorylineLinker.StoryInfo s = stories.get(i);
            Map<String, Double> c = new HashMap<>(s.centroid());
            c.merge("w" + rnd.nextInt(500), 0.7, Double::sum);
            stories.set(i, new StorylineLinker.StoryInfo(s.id(), s.label(), s.first(), s.last() + 1, c));
            if (rnd.nextBoolean()) embeddings.put(s.id(), randomUnit(rnd));
          } else if (op == 3) { // an undated story
            StorylineLinker.StoryInfo s = randomStory(rnd, "story-" + next++, ArticleFeatures.NO_DAY);
            stories.add(s);
            embeddings.put(s.id(), randomUnit(rnd));
          } else { // a recent story merged into another: gone
            stories.remove(Math.max(0, dated - 1 - rnd.nextInt(20)));
          }
          stories.sort(Comparator.comparingLong((StorylineLinker.StoryInfo s) -> s.first() == ArticleFeatures.NO_DAY
              ? Long.MAX_VALUE : s.first()).thenComparing(StorylineLinker.StoryInfo::id));
        }
        List<StorylineLinker.Line> expected = StorylineLinker.link(stories, ClusterConfig.DEFAULTS, embeddings, emb);
        List<StorylineLinker.Line> got = session.link(stories, embeddings);
        assertEquals(describe(expected), describe(got), "seed " + seed + ", round " + round);
        if (session.lastLinked() < stories.size()) partial++;
        else full++;
      }
    }
    assertTrue(partial > 100, "most rounds should relink only the changed end: " + partial + " of " + (partial + full));
    assertTrue(full > 12, "changes beyond the window relink everything: " + full);
  }

  private static List<String> describe(List<StorylineLinker.Line> lines) {
    return lines.stream().map(l -> l.id() + " " + l.central().id() + " "
        + l.stories().stream().map(StorylineLinker.StoryInfo::id).toList()).toList();
  }

  private static float[] randomUnit(Random rnd) {
    float[] e = new float[8];
    double sq = 0;
    for (int i = 0; i < e.length; i++) {
      e[i] = (float) rnd.nextGaussian();
      sq += e[i] * e[i];
    }
    for (int i = 0; i < e.length; i++) e[i] /= (float) Math.sqrt(sq);
    return e;
  }

  private static StorylineLinker.StoryInfo randomStory(Random rnd, String id, long first) {
    Map<String, Double> c = new HashMap<>();
    int topic = rnd.nextInt(40);
    for (int k = 0; k < 8; k++) c.merge("t" + topic + "-" + rnd.nextInt(6), 1 + rnd.nextDouble(), Double::sum);
    for (int k = 0; k < 12; k++) c.merge("w" + rnd.nextInt(500), rnd.nextDouble(), Double::sum);
    long last = first == ArticleFeatures.NO_DAY ? first : first + rnd.nextInt(5);
    return new StorylineLinker.StoryInfo(id, id, first, last, c);
  }

  /** Stories over a few topics (shared topic terms plus noise), dated over a year, a few undated at the end. */
  private static List<StorylineLinker.StoryInfo> randomStories(Random rnd, int n) {
    List<StorylineLinker.StoryInfo> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Double> c = new HashMap<>();
      int topic = rnd.nextInt(40);
      for (int k = 0; k < 8; k++) c.merge("t" + topic + "-" + rnd.nextInt(6), 1 + rnd.nextDouble(), Double::sum);
      for (int k = 0; k < 12; k++) c.merge("w" + rnd.nextInt(500), rnd.nextDouble(), Double::sum);
      if (rnd.nextInt(5) == 0) c.merge("#common", 0.5, Double::sum);
      boolean undated = i >= n - 10;
      long first = undated ? ArticleFeatures.NO_DAY : 19000 + rnd.nextInt(365);
      long last = undated ? ArticleFeatures.NO_DAY : first + rnd.nextInt(5);
      out.add(new StorylineLinker.StoryInfo(String.format("story-%04d", i), "s" + i, first, last, c));
    }
    out.sort(Comparator.comparingLong((StorylineLinker.StoryInfo s) -> s.first() == ArticleFeatures.NO_DAY
        ? Long.MAX_VALUE : s.first()).thenComparing(StorylineLinker.StoryInfo::id));
    return out;
  }

  /** The reference: every story compared with every storyline in reach, norms recomputed each time. */
  private static List<List<String>> scan(List<StorylineLinker.StoryInfo> stories, ClusterConfig cfg) {
    List<List<String>> members = new ArrayList<>();
    List<Map<String, Double>> sums = new ArrayList<>();
    List<Long> lasts = new ArrayList<>();
    for (StorylineLinker.StoryInfo s : stories) {
      double n = Math.sqrt(s.centroid().values().stream().mapToDouble(w -> w * w).sum());
      Map<String, Double> u = new HashMap<>();
      s.centroid().forEach((k, w) -> u.put(k, w / n));
      int best = -1;
      double bs = 0;
      for (int b = 0; b < sums.size(); b++) {
        if (s.first() != ArticleFeatures.NO_DAY && lasts.get(b) != ArticleFeatures.NO_DAY
            && s.first() - lasts.get(b) > cfg.storylineMaxGapDays()) {
          continue;
        }
        double nb = Math.sqrt(sums.get(b).values().stream().mapToDouble(w -> w * w).sum());
        double c = StoryState.cosine(u, 1.0, sums.get(b), nb);
        if (c > bs) {
          bs = c;
          best = b;
        }
      }
      if (best < 0 || bs < cfg.storylineThreshold()) {
        best = sums.size();
        members.add(new ArrayList<>());
        sums.add(new HashMap<>());
        lasts.add(ArticleFeatures.NO_DAY);
      }
      members.get(best).add(s.id());
      for (var e : u.entrySet()) sums.get(best).merge(e.getKey(), e.getValue(), Double::sum);
      if (s.last() != ArticleFeatures.NO_DAY) lasts.set(best, Math.max(lasts.get(best), s.last()));
    }
    return members.stream().filter(m -> m.size() >= 2).toList();
  }
}
