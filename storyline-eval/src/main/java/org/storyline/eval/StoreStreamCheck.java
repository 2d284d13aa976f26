package org.storyline.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.storyline.cluster.ArticleFeatures;
import org.storyline.cluster.ClusterConfig;
import org.storyline.cluster.OnlineStoryStage;
import org.storyline.cluster.StoryStream;
import org.storyline.model.Article;

/**
 * How the store's stories depend on how the articles arrive. {@code storyline ingest} assigns each ingest's new
 * articles against the stories already kept ({@link StoryStream}); this feeds the giveme5w1h stream the same way,
 * saving and resuming the stream between ingests, (a) one ingest per publish day, as a daily crawl would, and (b) in
 * 10 ingests of random articles, and scores each against gold and against one {@code analyze} of all articles.
 */
final class StoreStreamCheck {
  private StoreStreamCheck() {}

  static void print(List<ClusteringSuite.Doc> g5, ClusteringSuite.Emb emb, PrintWriter out, Map<String, Double> m)
      throws IOException {
    OnlineStoryStage stage = emb == null ? new OnlineStoryStage()
        : new OnlineStoryStage(ClusterConfig.DEFAULTS, emb.embedder(), emb.cfg());
    List<Article> all = g5.stream().map(ClusteringSuite.Doc::article).toList();
    Map<String, String> gold = new HashMap<>();
    for (ClusteringSuite.Doc d : g5) gold.put(d.article().id(), d.gold());
    List<String> ids = all.stream().map(Article::id).distinct().toList();
    Map<String, String> once = stories(stage, List.of(all), null);

    Map<Long, List<Article>> byDay = new TreeMap<>();
    for (Article a : all) byDay.computeIfAbsent(ArticleFeatures.day(a.published()), k -> new ArrayList<>()).add(a);
    Path dir = Files.createTempDirectory("storyline-stream");
    try {
      Map<String, String> daily = stories(stage, new ArrayList<>(byDay.values()), dir.resolve("daily.bin"));
      List<Article> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new Random(11));
      List<List<Article>> batches = new ArrayList<>();
      int n = (shuffled.size() + 9) / 10;
      for (int i = 0; i < shuffled.size(); i += n) batches.add(shuffled.subList(i, Math.min(shuffled.size(), i + n)));
      Map<String, String> random = stories(stage, batches, dir.resolve("random.bin"));
      ClusterScores d = ClusterScores.of(ids, daily, gold);
      ClusterScores r = ClusterScores.of(ids, random, gold);
      out.printf(Locale.ROOT, "  giveme5w1h through the store's kept stories, one ingest per publish day (%d): %s; "
          + "agreement with one analyze B3 F1 %.3f%n", byDay.size(), d.line(), ClusterScores.of(ids, daily, once)
          .b3f());
      out.printf(Locale.ROOT, "  giveme5w1h through the store's kept stories, 10 ingests of random articles: %s; "
          + "agreement with one analyze B3 F1 %.3f%n", r.line(), ClusterScores.of(ids, random, once).b3f());
      m.put("giveme5w1h_store_daily_b3_f1", d.b3f());
      m.put("giveme5w1h_store_random_batches_b3_f1", r.b3f());
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Article id to story id after feeding the batches in turn (saved and resumed between batches when file given). */
  private static Map<String, String> stories(OnlineStoryStage stage, List<List<Article>> batches, Path file)
      throws IOException {
    StoryStream s = stage.newStream();
    org.storyline.analyze.Analyzer annotator = org.storyline.analyze.Analyzer.defaults(false);
    for (List<Article> b : batches) {
      var an = annotator.annotate(b);
      stage.feed(s, b, an.entities(), an.quotes());
      if (file != null) {
        s.save(file);
        s = stage.resume(file);
      }
    }
    List<Article> all = batches.stream().flatMap(List::stream).toList();
    Map<String, String> pred = new HashMap<>();
    for (var st : stage.summarize(s, all).result().stories()) for (String a : st.articles()) pred.put(a, st.id());
    return pred;
  }
}
