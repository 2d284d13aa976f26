package org.storyline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.storyline.cluster.ArticleFeatures;
import org.storyline.cluster.ClusterConfig;
import org.storyline.cluster.EmbeddingConfig;
import org.storyline.cluster.Idf;
import org.storyline.cluster.StoryIndex;
import org.storyline.model.Article;
import org.storyline.nlp.Embedder;
import org.storyline.nlp.MiniLmEmbedder;

/**
 * {@code storyline eval clustering}: online story clustering (org.storyline.cluster.StoryIndex) scored with BCubed and
 * pairwise P/R/F1 (../shared/data/clustering/README.md) on ECB+ test at event level (documents in 5 seeded random
 * orders, as ECB+ has no dates; IDF primed with the train split) and on the giveme5w1h news_cluster stream (publish
 * order). Articles carry the canonical entity names the real entity stage (DefaultEntityStage) finds in them, as in
 * the pipeline ({@code storyline.clustering.noentities=true} leaves them out), and, as in the pipeline, the
 * sentence embeddings of {@link MiniLmEmbedder} as a further evidence channel ({@link EmbeddingConfig#DEFAULTS};
 * {@code storyline.clustering.noembeddings=true} leaves them out; {@code storyline.clustering.embBonus=w,offset} and
 * {@code storyline.clustering.embStoryline=w,offset} override the channel's weights). Prints throughput and
 * assignment latency. AllSides dev ({@code clustering/allsides_dev}, dense same-day political news, one gold story per
 * roundup of left, centre and right reports) runs through the whole pipeline as a user meets it ({@code analyze} on
 * a JSONL of its articles in date order): stories, roundups kept whole, and the storyline level (recall: how far a
 * roundup's reports stay in one arc). giveme5w1h's gold events are arcs of weeks, so its storyline level is the one
 * its gold is at; its story level is printed and gated too.
 *
 * <p>System properties: {@code storyline.clustering.latency=true} also measures assignment latency with 1k, 10k and
 * 100k stored articles (Reuters-21578 replayed with shifted ids and dates); {@code storyline.clustering.tune=true}
 * prints a parameter grid on ECB+ train/dev and giveme5w1h; {@code storyline.clustering.tuneEmb=true} a grid over
 * the embedding channel.
 */
public final class ClusteringSuite implements EvalSuite {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ORDERS = 5;

  @Override
  public String name() {
    return "clustering";
  }

  record Doc(Article article, String gold, String split, List<String> names) {
    Doc(Article article, String gold, String split) {
      this(article, gold, split, List.of());
    }

    ArticleFeatures features(ClusterConfig cfg) {
      return ArticleFeatures.of(article, names, List.of(), cfg);
    }
  }

  /**
   * The documents with the canonical entity names the real entity stage finds in them (one per mention, as
   * OnlineStoryStage passes them), so the suite scores clustering as the pipeline runs it.
   */
  static List<Doc> withEntities(List<Doc> docs) {
    List<Article> arts = docs.stream().map(Doc::article).toList();
    Map<String, List<String>> names = new HashMap<>();
    for (org.storyline.model.Entity e : org.storyline.nlp.DefaultEntityStage.defaults().apply(arts)) {
      for (org.storyline.model.Mention m : e.mentions()) {
        names.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(e.name());
      }
    }
    return docs.stream().map(d -> new Doc(d.article, d.gold, d.split,
        List.copyOf(names.getOrDefault(d.article.id(), List.of())))).toList();
  }

  /**
   * The sentence-embedding channel as the pipeline runs it: its tunables and every document's embedding (computed
   * once, in parallel, by the same embedder and text as OnlineStoryStage). Null means the channel is off.
   */
  record Emb(EmbeddingConfig cfg, Embedder embedder, Map<String, float[]> vectors) {
    Emb with(EmbeddingConfig c) {
      return new Emb(c, embedder, vectors);
    }

    float[] of(Doc d) {
      return vectors.get(d.article.id());
    }

    static Emb compute(List<Doc> docs, Embedder embedder, EmbeddingConfig cfg) {
      List<float[]> v = docs.parallelStream().map(d -> embedder.embed(cfg.text(d.article))).toList();
      Map<String, float[]> m = new HashMap<>();
      for (int i = 0; i < docs.size(); i++) m.putIfAbsent(docs.get(i).article.id(), v.get(i));
      return new Emb(cfg, embedder, m);
    }
  }

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    ClusterConfig cfg = ClusterConfig.DEFAULTS;
    Map<String, Double> m = new LinkedHashMap<>();
    List<Doc> ecb = loadEcb(dataDir.resolve("clustering/ecbplus_doc_clusters/docs.jsonl"));
    List<Doc> g5 = loadG5(dataDir.resolve("corpora/giveme5w1h_news_cluster/news_cluster.jsonl.gz"));
    if (!EvalOptions.flag("storyline.clustering.noentities")) {
      long t0 = System.nanoTime();
      String cache = EvalOptions.text("storyline.clustering.namecache");
      ecb = cache == null ? withEntities(ecb) : cachedEntities(ecb, Path.of(cache + "-ecb.json"));
      g5 = cache == null ? withEntities(g5) : cachedEntities(g5, Path.of(cache + "-g5.json"));
      out.printf(Locale.ROOT, "  entity stage on %d articles: %.1f s%n", ecb.size() + g5.size(),
          (System.nanoTime() - t0) / 1e9);
    }
    Emb emb = null;
    if (!EvalOptions.flag("storyline.clustering.noembeddings")) {
      long t0 = System.nanoTime();
      List<Doc> both = new ArrayList<>(ecb);
      both.addAll(g5);
      EmbeddingConfig ec = EmbeddingConfig.DEFAULTS;
      String[] bonus = EvalOptions.text("storyline.clustering.embBonus", "").split(",");
      if (bonus.length == 2) ec = ec.withBonus(Double.parseDouble(bonus[0]), Double.parseDouble(bonus[1]));
      String[] line = EvalOptions.text("storyline.clustering.embStoryline", "").split(",");
      if (line.length == 2) ec = ec.withStoryline(Double.parseDouble(line[0]), Double.parseDouble(line[1]));
      emb = Emb.compute(both, MiniLmEmbedder.shared(), ec);
      double secs = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "  sentence embeddings (%s) of %d articles: %.1f s, %.0f articles/s on %d threads; %s%n",
          emb.embedder().name(), both.size(), secs, both.size() / secs,
          java.util.concurrent.ForkJoinPool.commonPool().getParallelism() + 1, emb.cfg());
    } else {
      out.println("  sentence embeddings off (storyline.clustering.noembeddings=true)");
    }
    if (EvalOptions.flag("storyline.clustering.tuneEmb") && emb != null) tuneEmb(ecb, g5, emb, out);
    if (EvalOptions.flag("storyline.clustering.tune")) tune(ecb, g5, out);
    if (EvalOptions.flag("storyline.clustering.train")) train(ecb, g5, out);
    if (EvalOptions.text("storyline.clustering.sweep") != null) {
      sweep(ecb, g5, EvalOptions.text("storyline.clustering.sweep"), out);
      return m;
    }

    Timing lat = new Timing();
    for (String split : List.of("dev", "test")) {
      double[] b3 = new double[ORDERS];
      ClusterScores mean = null;
      List<ClusterScores> all = new ArrayList<>();
      for (int o = 0; o < ORDERS; o++) {
        ClusterScores s = ecbRun(ecb, split, cfg, o, lat, emb);
        all.add(s);
        b3[o] = s.b3f();
      }
      mean = average(all);
      out.printf(Locale.ROOT, "  ECB+ %-4s event level, mean of %d orders: %s%n", split, ORDERS, mean.line());
      out.printf(Locale.ROOT, "  ECB+ %-4s order sensitivity: B3 F1 min %.3f max %.3f%n", split,
          Arrays.stream(b3).min().orElse(0), Arrays.stream(b3).max().orElse(0));
      if (split.equals("test")) {
        m.put("ecb_test_b3_f1", mean.b3f());
        m.put("ecb_test_pairwise_f1", mean.pf());
        out.println("  published (README): online TF-IDF baseline B3 F1 0.794; Barhom 2019 0.968");
      }
    }
    Map<String, String> g5Pred = new HashMap<>();
    ClusterScores g = g5Run(g5, cfg, lat, emb, g5Pred);
    out.printf(Locale.ROOT, "  giveme5w1h news_cluster stream (%d articles, publish order): %s%n", g5.size(),
        g.line());
    for (String split : List.of("training", "test")) {
      long n = g5.stream().filter(d -> d.split.equals(split)).count();
      out.printf(Locale.ROOT, "  giveme5w1h stream scored on the corpus's %s-split articles only (%d): %s%n", split, n,
          g5Split(g5, g5Pred, split).line());
    }
    for (int w : new int[] {8, 14, 30}) {
      out.printf(Locale.ROOT, "  giveme5w1h gold split wherever its articles are more than %d days apart (the best any "
          + "clusterer that never links such gaps can do): %s%n", w, timeOracle(g5, w).line());
    }
    ClusterScores gr = g5Shuffled(g5, cfg, emb);
    out.printf(Locale.ROOT, "  giveme5w1h, same articles in a random order (order sensitivity): %s%n", gr.line());
    m.put("giveme5w1h_random_order_b3_f1", gr.b3f());
    m.put("giveme5w1h_storyline_b3_f1", storylines(g5, out, emb));
    StoreStreamCheck.print(g5, emb, out, m);
    if (emb != null) {
      ClusterScores whole = throughAnalyze(dataDir.resolve("corpora/giveme5w1h_news_cluster/news_cluster.jsonl.gz"), g5);
      out.printf(Locale.ROOT, "  giveme5w1h through the whole pipeline (`storyline analyze` on the JSONL: reading,"
          + " cleaning, entities, quotes; articles with no body are skipped): %s%n", whole.line());
      m.put("giveme5w1h_analyze_b3_f1", whole.b3f());
    }
    Path allsides = dataDir.resolve("clustering/allsides_dev/allsides_roundups_2021-04_to_2021-06.jsonl.gz");
    if (Files.exists(allsides)) {
      List<Doc> as = loadAllSides(allsides);
      AllSides a = allSidesAnalyze(as);
      out.printf(Locale.ROOT, "  AllSides dev (%d reports of %d roundups, April-June 2021) through the whole pipeline"
          + " (`storyline analyze`, date order), stories: %s%n", as.size(),
          as.stream().map(Doc::gold).distinct().count(), a.stories().line());
      out.printf(Locale.ROOT, "  AllSides dev roundups (left, centre, right reports of one story) kept whole in one"
          + " story: %.3f%n", a.whole());
      out.printf(Locale.ROOT, "  AllSides dev at storyline level (stories of one storyline as one cluster; recall is"
          + " how far a roundup's reports stay together in one arc): %s%n", a.storylines().line());
      m.put("allsides_analyze_b3_f1", a.stories().b3f());
      m.put("allsides_analyze_b3_p", a.stories().b3p());
      m.put("allsides_whole", a.whole());
      m.put("allsides_storyline_b3_r", a.storylines().b3r());
    }
    m.put("giveme5w1h_b3_f1", g.b3f());
    m.put("giveme5w1h_pairwise_f1", g.pf());
    Collections.sort(lat.assign);
    out.printf(Locale.ROOT, "  throughput %.0f articles/s (features + assignment, 1 thread, %d articles); "
        + "assignment latency p50 %.3f ms p99 %.3f ms%n", lat.assign.size() / (lat.nanos / 1e9), lat.assign.size(),
        pct(lat.assign, 0.50) / 1e6, pct(lat.assign, 0.99) / 1e6);
    if (EvalOptions.flag("storyline.clustering.latency")) {
      Path reuters = dataDir.resolve("corpora/reuters21578/reuters21578.jsonl.gz");
      latency(reuters, cfg, null, out);
      if (emb != null && EvalOptions.flag("storyline.clustering.latencyEmb")) latency(reuters, cfg, emb, out);
    } else {
      out.println("  (latency at 1k/10k/100k stored: STORYLINE_JAVA_OPTS=-Dstoryline.clustering.latency=true; with"
          + " -Dstoryline.clustering.latencyEmb=true also with the sentence-embedding channel)");
    }
    return m;
  }

  static ClusterScores average(List<ClusterScores> l) {
    double[] s = new double[8];
    for (ClusterScores c : l) {
      s[0] += c.b3p();
      s[1] += c.b3r();
      s[3] += c.pp();
      s[4] += c.pr();
      s[6] += c.predicted();
      s[7] = c.gold();
    }
    int k = l.size();
    double bp = s[0] / k;
    double br = s[1] / k;
    double pp = s[3] / k;
    double pr = s[4] / k;
    double bf = l.stream().mapToDouble(ClusterScores::b3f).average().orElse(0);
    double pf = l.stream().mapToDouble(ClusterScores::pf).average().orElse(0);
    return new ClusterScores(bp, br, bf, pp, pr, pf, (int) Math.round(s[6] / k), (int) s[7]);
  }

  /** One ECB+ run: IDF primed with train docs, then the split's documents streamed in seeded random order. */
  /** Time spent computing features and assigning (total), and each assignment's latency. */
  static final class Timing {
    final List<Long> assign = new ArrayList<>();
    long nanos;
  }

  static ClusterScores ecbRun(List<Doc> ecb, String split, ClusterConfig cfg, int order, Timing lat) {
    return ecbRun(ecb, split, cfg, order, lat, null);
  }

  static ClusterScores ecbRun(List<Doc> ecb, String split, ClusterConfig cfg, int order, Timing lat, Emb emb) {
    Idf idf = Idf.withBackground();
    for (Doc d : ecb) {
      if (d.split.equals("train")) idf.add(d.features(cfg).counts().keySet());
    }
    List<Doc> docs = new ArrayList<>(ecb.stream().filter(d -> d.split.equals(split)).toList());
    Collections.shuffle(docs, new Random(1000L + order));
    return stream(docs, cfg, idf, lat, emb);
  }

  static ClusterScores stream(List<Doc> docs, ClusterConfig cfg, Idf idf, Timing lat) {
    return stream(docs, cfg, idf, lat, null);
  }

  static ClusterScores stream(List<Doc> docs, ClusterConfig cfg, Idf idf, Timing lat, Emb emb) {
    return stream(docs, cfg, idf, lat, emb, new HashMap<>());
  }

  /** {@link #stream(List, ClusterConfig, Idf, Timing, Emb)}, filling {@code pred} with each article's story. */
  static ClusterScores stream(List<Doc> docs, ClusterConfig cfg, Idf idf, Timing lat, Emb emb,
      Map<String, String> pred) {
    StoryIndex index = new StoryIndex(cfg, idf, emb == null ? null : emb.cfg());
    Map<String, String> gold = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<String> trace = new ArrayList<>();
    for (Doc d : docs) {
      long t0 = System.nanoTime();
      ArticleFeatures f = d.features(cfg);
      long t = System.nanoTime();
      var asg = index.add(f, emb == null ? null : emb.of(d));
      trace.add(d.gold + "\t" + asg.explain());
      long t1 = System.nanoTime();
      if (lat != null) {
        lat.assign.add(t1 - t);
        lat.nanos += t1 - t0;
      }
      gold.put(d.article.id(), d.gold);
      ids.add(d.article.id());
    }
    for (String id : ids) pred.put(id, index.storyOf(id));
    String dump = EvalOptions.text("storyline.clustering.dump");
    if (dump != null) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(dump + "-" + docs.size() + ".tsv")))) {
        for (Doc d : docs) w.println(d.article.id() + "\t" + d.gold + "\t" + pred.get(d.article.id()));
        Files.write(Path.of(dump + "-" + docs.size() + ".trace"), trace);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return ClusterScores.of(ids, pred, gold);
  }

  static ClusterScores g5Run(List<Doc> g5, ClusterConfig cfg, Timing lat) {
    return g5Run(g5, cfg, lat, null);
  }

  static ClusterScores g5Run(List<Doc> g5, ClusterConfig cfg, Timing lat, Emb emb) {
    return g5Run(g5, cfg, lat, emb, new HashMap<>());
  }

  static ClusterScores g5Run(List<Doc> g5, ClusterConfig cfg, Timing lat, Emb emb, Map<String, String> pred) {
    List<Doc> docs = new ArrayList<>(g5);
    docs.sort(Comparator.comparing(Doc::article, org.storyline.cluster.OnlineStoryStage.PUBLISH_ORDER));
    return stream(docs, cfg, Idf.withBackground(), lat, emb, pred);
  }

  /** The stories of {@code storyline analyze} on the file, scored against the gold events of the articles it read. */
  static ClusterScores throughAnalyze(Path file, List<Doc> g5) {
    org.storyline.model.Report r = org.storyline.analyze.Analyzer.defaults().analyze(List.of(file));
    Map<String, String> gold = new HashMap<>();
    for (Doc d : g5) gold.put(d.article.id(), d.gold);
    Map<String, String> pred = new HashMap<>();
    for (var s : r.stories()) for (String a : s.articles()) pred.put(a, s.id());
    List<String> ids = pred.keySet().stream().filter(gold::containsKey).sorted().toList();
    return ClusterScores.of(ids, pred, gold);
  }

  /**
   * The AllSides roundups of {@code clustering/allsides_dev} (README there): one document per side's report (left,
   * centre, right) with a body, the roundup's id as its gold story, the roundup's date as its publish date, the
   * outlet's name and headline; the paragraphs become the text, one per line pair.
   */
  static List<Doc> loadAllSides(Path gz) throws IOException {
    List<Doc> out = new ArrayList<>();
    try (BufferedReader r = gz(gz)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode j = JSON.readTree(line);
        String gold = j.path("id").asText();
        String date = j.path("date").asText(null);
        for (String side : List.of("left", "center", "right")) {
          JsonNode n = j.path("news").path(side);
          if (n.isMissingNode() || n.isNull()) continue;
          List<String> paras = new ArrayList<>();
          for (JsonNode p : n.path("newBody")) if (!p.asText("").isBlank()) paras.add(p.asText().strip());
          if (paras.isEmpty()) continue;
          Article a = new Article("as" + gold + "-" + side, "allsides", n.path("newsTitle").asText(null),
              n.path("newsSource").asText(null), n.path("newsLink").asText(null), null, date, false, List.of(), "en",
              String.join("\n\n", paras), List.of(), List.of());
          out.add(new Doc(a, gold, "dev"));
        }
      }
    }
    return out;
  }

  /** AllSides scores: stories, storylines, and the share of roundups whose reports all went to one story. */
  record AllSides(ClusterScores stories, ClusterScores storylines, double whole) {}

  /** The share of gold stories with two or more of {@code ids} whose articles are all in one predicted cluster. */
  static double whole(List<String> ids, Map<String, String> pred, Map<String, String> gold) {
    Map<String, java.util.Set<String>> clusters = new HashMap<>();
    for (String id : ids) clusters.computeIfAbsent(gold.get(id), k -> new java.util.HashSet<>()).add(pred.get(id));
    Map<String, Integer> size = new HashMap<>();
    for (String id : ids) size.merge(gold.get(id), 1, Integer::sum);
    long many = size.values().stream().filter(n -> n >= 2).count();
    long kept = clusters.entrySet().stream().filter(e -> size.get(e.getKey()) >= 2 && e.getValue().size() == 1).count();
    return many == 0 ? 1 : kept / (double) many;
  }

  /**
   * The AllSides documents as a user meets them: written in date order to one JSONL file ({@code id}, {@code url},
   * {@code title}, {@code outlet}, {@code published}, {@code text}) and run through {@code storyline analyze}. Returns
   * the story-level scores and the storyline-level ones (the stories of one storyline as one cluster), both against
   * the gold stories over the articles the pipeline read.
   */
  static AllSides allSidesAnalyze(List<Doc> docs) throws IOException {
    List<Doc> sorted = new ArrayList<>(docs);
    sorted.sort(Comparator.comparing((Doc d) -> d.article.published()).thenComparing(d -> d.article.id()));
    Path dir = Files.createTempDirectory("storyline-allsides");
    Path file = dir.resolve("allsides.jsonl");
    try {
      try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Doc d : sorted) {
          var o = JSON.createObjectNode();
          o.put("id", d.article.id());
          o.put("url", d.article.url());
          o.put("title", d.article.title());
          o.put("outlet", d.article.outlet());
          o.put("published", d.article.published());
          o.put("text", d.article.text());
          w.write(JSON.writeValueAsString(o));
          w.write('\n');
        }
      }
      org.storyline.model.Report r = org.storyline.analyze.Analyzer.defaults().analyze(List.of(file));
      Map<String, String> gold = new HashMap<>();
      for (Doc d : docs) gold.put(d.article.id(), d.gold);
      Map<String, String> pred = new HashMap<>();
      for (var s : r.stories()) for (String a : s.articles()) pred.put(a, s.id());
      Map<String, String> line = new HashMap<>(pred);
      Map<String, org.storyline.model.Story> byId = new HashMap<>();
      for (var s : r.stories()) byId.put(s.id(), s);
      for (var l : r.storylines()) {
        for (String sid : l.stories()) for (String a : byId.get(sid).articles()) line.put(a, l.id());
      }
      List<String> ids = pred.keySet().stream().filter(gold::containsKey).sorted().toList();
      return new AllSides(ClusterScores.of(ids, pred, gold), ClusterScores.of(ids, line, gold), whole(ids, pred, gold));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /**
   * The stream's scores over the articles of one of the corpus's own splits (its {@code giveme5w1h_split}: training
   * or test), as {@link ClusterScores#of} scores a subset: the clusters cut down to those articles.
   */
  static ClusterScores g5Split(List<Doc> g5, Map<String, String> pred, String split) {
    Map<String, String> gold = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (Doc d : g5) {
      if (!d.split.equals(split)) continue;
      ids.add(d.article.id());
      gold.put(d.article.id(), d.gold);
    }
    return ClusterScores.of(ids, pred, gold);
  }

  /**
   * Runs the whole stage (OnlineStoryStage) on giveme5w1h and reports its storylines: how many, and how pure they are
   * (share of a storyline's articles from its majority gold event; gold events here are looser than our stories, so
   * a storyline that reunites an event split over time is correct).
   */
  static double storylines(List<Doc> g5, PrintWriter out, Emb emb) {
    return storylines(g5, out, emb, ClusterConfig.DEFAULTS);
  }

  /** {@link #storylines(List, PrintWriter, Emb)} with this cluster config. */
  static double storylines(List<Doc> g5, PrintWriter out, Emb emb, ClusterConfig cfg) {
    List<Article> arts = g5.stream().map(Doc::article).toList();
    Map<String, String> gold = new HashMap<>();
    for (Doc d : g5) gold.put(d.article.id(), d.gold);
    List<org.storyline.model.Entity> ents = EvalOptions.flag("storyline.clustering.noentities") ? List.of()
        : org.storyline.nlp.DefaultEntityStage.defaults().apply(arts);
    var r = (emb == null ? new org.storyline.cluster.OnlineStoryStage(cfg)
        : new org.storyline.cluster.OnlineStoryStage(cfg, emb.embedder(), emb.cfg()))
        .apply(arts, ents, List.of());
    Map<String, org.storyline.model.Story> byId = new HashMap<>();
    for (var s : r.stories()) byId.put(s.id(), s);
    int articles = 0;
    int majority = 0;
    for (var l : r.storylines()) {
      Map<String, Integer> ev = new HashMap<>();
      for (String sid : l.stories()) {
        for (String a : byId.get(sid).articles()) ev.merge(gold.get(a), 1, Integer::sum);
      }
      articles += ev.values().stream().mapToInt(Integer::intValue).sum();
      majority += ev.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
    List<String> ids = arts.stream().map(Article::id).distinct().toList();
    Map<String, String> pred = new HashMap<>();
    for (var s : r.stories()) for (String a : s.articles()) pred.put(a, s.id());
    out.printf(Locale.ROOT, "  giveme5w1h through OnlineStoryStage (batch): %s%n", ClusterScores.of(ids, pred, gold)
        .line());
    Map<String, String> line = new HashMap<>(pred);
    for (var l : r.storylines()) for (String sid : l.stories()) for (String a : byId.get(sid).articles()) line.put(a, l.id());
    ClusterScores atLine = ClusterScores.of(ids, line, gold);
    out.printf(Locale.ROOT, "  giveme5w1h at storyline level (stories of one storyline as one cluster): %s%n",
        atLine.line());
    out.printf(Locale.ROOT, "  giveme5w1h storylines: %d linking %d stories (%d articles), event purity %.3f%n",
        r.storylines().size(), r.storylines().stream().mapToInt(l -> l.stories().size()).sum(), articles,
        articles == 0 ? 0 : majority / (double) articles);
    return atLine.b3f();
  }

  /**
   * An upper bound, not a system: each gold event cut into runs of articles (in date order) whose consecutive publish
   * dates are at most {@code days} apart. A story clusterer that keeps stories a week apart separate (as the seeds
   * require) cannot link such gaps, so it scores at most this.
   */
  static ClusterScores timeOracle(List<Doc> g5, int days) {
    Map<String, List<Doc>> byGold = new java.util.TreeMap<>();
    for (Doc d : g5) byGold.computeIfAbsent(d.gold, k -> new ArrayList<>()).add(d);
    Map<String, String> pred = new HashMap<>();
    Map<String, String> gold = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (List<Doc> l : byGold.values()) {
      l.sort(java.util.Comparator.comparingLong((Doc d) -> {
        long x = ArticleFeatures.day(d.article.published());
        return x == ArticleFeatures.NO_DAY ? Long.MAX_VALUE : x;
      }).thenComparing(d -> d.article.id()));
      long last = ArticleFeatures.NO_DAY;
      String run = null;
      for (Doc d : l) {
        long x = ArticleFeatures.day(d.article.published());
        if (run == null || x != ArticleFeatures.NO_DAY && last != ArticleFeatures.NO_DAY && x - last > days) {
          run = d.article.id();
        }
        if (x != ArticleFeatures.NO_DAY) last = x;
        pred.put(d.article.id(), run);
        gold.put(d.article.id(), d.gold);
        ids.add(d.article.id());
      }
    }
    return ClusterScores.of(ids, pred, gold);
  }

  static ClusterScores g5Shuffled(List<Doc> g5, ClusterConfig cfg, Emb emb) {
    List<Doc> docs = new ArrayList<>(g5);
    Collections.shuffle(docs, new Random(7));
    return stream(docs, cfg, Idf.withBackground(), null, emb);
  }

  /**
   * A grid over the embedding channel (bonus weight x offset x join threshold; system properties
   * {@code storyline.clustering.embWeights}, {@code .embOffsets}, {@code .grid}, {@code .embTopK}) on ECB+ train/dev
   * (3 orders) and the giveme5w1h stream.
   */
  private static void tuneEmb(List<Doc> ecb, List<Doc> g5, Emb emb, PrintWriter out) {
    String[] ws = EvalOptions.text("storyline.clustering.embWeights", "0.3,0.5,0.8").split(",");
    String[] offs = EvalOptions.text("storyline.clustering.embOffsets", "0.4,0.5,0.6").split(",");
    String[] ths = EvalOptions.text("storyline.clustering.grid", "0.25,0.3,0.35").split(",");
    String[] ks = EvalOptions.text("storyline.clustering.embTopK", "5").split(",");
    double merge = Double.parseDouble(EvalOptions.text("storyline.clustering.merge",
        Double.toString(ClusterConfig.DEFAULTS.mergeThreshold())));
    for (String k : ks) {
      for (String w : ws) {
        for (String off : offs) {
          for (String th : ths) {
            ClusterConfig c = ClusterConfig.DEFAULTS.withThreshold(Double.parseDouble(th)).withMergeThreshold(merge);
            Emb e = emb.with(emb.cfg().withBonus(Double.parseDouble(w), Double.parseDouble(off))
                .withRecent(emb.cfg().recentStories(), Integer.parseInt(k)));
            List<ClusterScores> tr = new ArrayList<>();
            List<ClusterScores> dv = new ArrayList<>();
            for (int o = 0; o < 3; o++) {
              tr.add(ecbRun(ecb, "train", c, o, null, e));
              dv.add(ecbRun(ecb, "dev", c, o, null, e));
            }
            ClusterScores g = g5Run(g5, c, null, e);
            out.printf(Locale.ROOT, "  tuneEmb k %s w %s off %s thr %s: ECB train B3F %.3f dev B3F %.3f (P %.3f R %.3f)"
                + " | g5 B3F %.3f (P %.3f R %.3f)%n", k, w, off, th, average(tr).b3f(), average(dv).b3f(),
                average(dv).b3p(), average(dv).b3r(), g.b3f(), g.b3p(), g.b3r());
            out.flush();
          }
        }
      }
    }
  }

  /**
   * Fits the score model on ECB+ train (3 orders) and the giveme5w1h stream (only ECB+ with
   * {@code storyline.clustering.ecbonly=true}, as for the shipped model); prints dev/train/g5 per threshold.
   * {@code storyline.clustering.trainargs} sets ArgumentRules for the fit; {@code storyline.clustering.topk=K} keeps
   * only the gold story and the K best other candidates per article (tried: K=3 moved dev F1 within noise).
   */
  private static void train(List<Doc> ecb, List<Doc> g5, PrintWriter out) {
    ClusterConfig base = ClusterConfig.DEFAULTS.withModel(null);
    base = base.withArguments(base.arguments().with(EvalOptions.text("storyline.clustering.trainargs", "")));
    List<double[]> ex = new ArrayList<>();
    for (int o = 0; o < 3; o++) {
      Idf idf = Idf.withBackground();
      for (Doc d : ecb) {
        if (d.split.equals("train")) idf.add(d.features(base).counts().keySet());
      }
      List<Doc> docs = new ArrayList<>(ecb.stream().filter(d -> d.split.equals("train")).toList());
      Collections.shuffle(docs, new Random(1000L + o));
      StoryIndex index = new StoryIndex(base, idf);
      int topk = EvalOptions.integer("storyline.clustering.topk", 0);
      for (Doc d : docs) {
        List<double[]> one = new ArrayList<>();
        index.addGold(d.features(base), d.gold, one::add);
        if (topk > 0) {
          // the decisions that matter: the gold story and the best-scoring other candidates only
          one.sort(Comparator.comparingDouble((double[] e) -> -e[0]));
          int kept = 0;
          for (double[] e : one) {
            if (e[e.length - 1] > 0.5 || kept++ < topk) ex.add(e);
          }
        } else {
          ex.addAll(one);
        }
      }
    }
    if (!EvalOptions.flag("storyline.clustering.ecbonly")) {
      List<Doc> docs = new ArrayList<>(g5);
      docs.sort(Comparator.comparing((Doc d) -> d.article.published() == null ? "~" : d.article.published())
          .thenComparing(d -> d.article.id()));
      StoryIndex index = new StoryIndex(base, Idf.withBackground());
      for (Doc d : docs) index.addGold(d.features(base), d.gold, ex::add);
    }
    long pos = ex.stream().filter(e -> e[e.length - 1] > 0.5).count();
    org.storyline.cluster.ScoreModel model = org.storyline.cluster.ScoreModel.fit(ex, 4000, 8.0, 1e-4);
    out.printf(Locale.ROOT, "  trained on %d examples (%d positive): %s%n", ex.size(), pos, model);
    for (String th : EvalOptions.text("storyline.clustering.grid", "0.3,0.4,0.5,0.6,0.7").split(",")) {
      ClusterConfig c = base.withModel(model).withThreshold(Double.parseDouble(th));
      List<ClusterScores> tr = new ArrayList<>();
      List<ClusterScores> dv = new ArrayList<>();
      for (int o = 0; o < 3; o++) {
        tr.add(ecbRun(ecb, "train", c, o, null));
        dv.add(ecbRun(ecb, "dev", c, o, null));
      }
      ClusterScores g = g5Run(g5, c, null);
      out.printf(Locale.ROOT, "  model thr %s: ECB train B3F %.3f dev B3F %.3f (P %.3f R %.3f) | g5 B3F %.3f "
          + "(P %.3f R %.3f)%n", th, average(tr).b3f(), average(dv).b3f(), average(dv).b3p(), average(dv).b3r(),
          g.b3f(), g.b3p(), g.b3r());
      out.flush();
    }
  }

  /**
   * Development aid: the entity names of {@link #withEntities} read from (or, the first time, written to) a JSON
   * file, so repeated tuning runs skip the entity stage.
   */
  static List<Doc> cachedEntities(List<Doc> docs, Path file) throws IOException {
    if (!Files.exists(file)) {
      List<Doc> withNames = withEntities(docs);
      Map<String, List<String>> names = new LinkedHashMap<>();
      for (Doc d : withNames) names.put(d.article.id(), d.names);
      JSON.writeValue(file.toFile(), names);
      return withNames;
    }
    JsonNode j = JSON.readTree(file.toFile());
    List<Doc> out = new ArrayList<>();
    for (Doc d : docs) {
      List<String> n = new ArrayList<>();
      for (JsonNode x : j.path(d.article.id())) n.add(x.asText());
      out.add(new Doc(d.article, d.gold, d.split, List.copyOf(n)));
    }
    return out;
  }

  /**
   * Development aid ({@code storyline.clustering.sweep}): configs separated by ';', each a comma list of
   * {@code key=value} where thr, name, title and merge set ClusterConfig and the rest ArgumentRules; "plain" starts
   * from the config without arguments. Prints ECB+ train (3 orders) and dev (5 orders) and the giveme5w1h stream.
   */
  private static void sweep(List<Doc> ecb, List<Doc> g5, String specs, PrintWriter out) {
    for (String spec : specs.split(";")) {
      ClusterConfig c = ClusterConfig.DEFAULTS;
      StringBuilder rest = new StringBuilder();
      for (String kv : spec.split(",")) {
        if (kv.isBlank()) continue;
        if (kv.strip().equals("plain")) {
          c = ClusterConfig.PLAIN;
          continue;
        }
        if (kv.strip().equals("nomodel")) {
          c = c.withModel(null);
          continue;
        }
        String[] p = kv.split("=", 2);
        double x = Double.parseDouble(p[1].strip());
        switch (p[0].strip()) {
          case "thr" -> c = c.withThreshold(x);
          case "name" -> c = c.withNameWeight(x);
          case "title" -> c = c.withTitleWeight(x);
          case "merge" -> c = c.withMergeThreshold(x);
          default -> {
            if (p[0].strip().matches("w\\d+")) {
              List<Double> w = new ArrayList<>(c.model().weights());
              w.set(Integer.parseInt(p[0].strip().substring(1)), x);
              c = c.withModel(new org.storyline.cluster.ScoreModel(w));
            } else {
              rest.append(kv).append(',');
            }
          }
        }
      }
      c = c.withArguments(c.arguments().with(rest.toString()));
      List<ClusterScores> tr = new ArrayList<>();
      List<ClusterScores> dv = new ArrayList<>();
      Timing time = new Timing();
      for (int o = 0; o < ORDERS; o++) {
        if (o < 3) tr.add(ecbRun(ecb, "train", c, o, time));
        dv.add(ecbRun(ecb, "dev", c, o, time));
      }
      ClusterScores g = g5Run(g5, c, null);
      ClusterScores t = average(tr);
      ClusterScores d = average(dv);
      out.printf(Locale.ROOT, "  sweep %-50s train B3 %.3f/%.3f/%.3f dev B3 %.3f/%.3f/%.3f | g5 %.3f/%.3f/%.3f | "
          + "%.0f articles/s (assignment %.0f%%)%n", spec, t.b3p(), t.b3r(), t.b3f(), d.b3p(), d.b3r(), d.b3f(),
          g.b3p(), g.b3r(), g.b3f(), time.assign.size() / (time.nanos / 1e9),
          100.0 * time.assign.stream().mapToLong(Long::longValue).sum() / time.nanos);
      out.flush();
    }
  }

  private static void tune(List<Doc> ecb, List<Doc> g5, PrintWriter out) {
    String[] grid = EvalOptions.text("storyline.clustering.grid", "0.2,0.25,0.3,0.35,0.4").split(",");
    String[] names = EvalOptions.text("storyline.clustering.names", "1.0,1.5,2.0,3.0").split(",");
    String[] titles = EvalOptions.text("storyline.clustering.titles", "2.0").split(",");
    for (String tw : titles) {
      for (String nw : names) {
        for (String th : grid) {
          ClusterConfig c = ClusterConfig.DEFAULTS.withThreshold(Double.parseDouble(th))
              .withNameWeight(Double.parseDouble(nw)).withTitleWeight(Double.parseDouble(tw));
          c = c.withQuoteWeight(Double.parseDouble(EvalOptions.text("storyline.clustering.quote", "1")));
          c = c.withMergeThreshold(Double.parseDouble(EvalOptions.text("storyline.clustering.merge", "0.6")));
          String[] tm = EvalOptions.text("storyline.clustering.time", "").split(",");
          if (tm.length == 3) {
            c = c.withTime(Double.parseDouble(tm[0]), Double.parseDouble(tm[1]), Double.parseDouble(tm[2]));
          }
          List<ClusterScores> tr = new ArrayList<>();
          List<ClusterScores> dv = new ArrayList<>();
          for (int o = 0; o < 3; o++) {
            tr.add(ecbRun(ecb, "train", c, o, null));
            dv.add(ecbRun(ecb, "dev", c, o, null));
          }
          ClusterScores g = g5Run(g5, c, null);
          out.printf(Locale.ROOT, "  tune title %s names %s thr %s: ECB train B3F %.3f dev B3F %.3f | g5 B3F %.3f "
              + "(P %.3f R %.3f)%n", tw, nw, th, average(tr).b3f(), average(dv).b3f(), g.b3f(), g.b3p(), g.b3r());
          out.flush();
        }
      }
    }
  }

  /**
   * Assignment latency once 1k, 10k and 100k articles are stored: Reuters-21578 replayed with shifted ids/dates.
   * With {@code emb}, the sentence-embedding channel is on as in the pipeline (each base article embedded once, its
   * replayed copies reuse the vector): then the follow-up and late-report rules run too, and a copy whose original's
   * story has retired is exactly what the late-report lookup finds, so this is the channel's worst case.
   */
  private static void latency(Path reuters, ClusterConfig cfg, Emb emb, PrintWriter out) throws IOException {
    List<Article> base = new ArrayList<>();
    try (BufferedReader r = gz(reuters)) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode j = JSON.readTree(line);
        String body = j.path("body").asText("");
        if (body.length() < 200) continue;
        String date = reutersDate(j.path("date").asText(""));
        base.add(new Article("r" + j.path("newid").asText(), "reuters", j.path("title").asText(null), "Reuters",
            null, null, date, false, List.of("Reuters"), "en", body, List.of(), List.of()));
      }
    }
    base.sort(Comparator.comparing((Article a) -> a.published() == null ? "~" : a.published())
        .thenComparing(Article::id));
    Map<String, float[]> vectors = new HashMap<>();
    if (emb != null) {
      long e0 = System.nanoTime();
      List<float[]> v = base.parallelStream().map(a -> emb.embedder().embed(emb.cfg().text(a))).toList();
      for (int i = 0; i < base.size(); i++) vectors.put(base.get(i).id(), v.get(i));
      out.printf(Locale.ROOT, "  with the sentence-embedding channel (%d Reuters articles embedded in %.0f s):%n",
          base.size(), (System.nanoTime() - e0) / 1e9);
    }
    StoryIndex index = new StoryIndex(cfg, Idf.withBackground(), emb == null ? null : emb.cfg());
    int[] marks = {1_000, 10_000, 100_000};
    int lateReports = 0;
    int next = 0;
    long stored = 0;
    int cycle = 0;
    long t0 = System.nanoTime();
    // the stream goes on in date order; at each mark the next 1,000 of its articles are timed
    List<Long> lat = new ArrayList<>();
    long w0 = 0;
    outer:
    while (true) {
      for (int pos = 0; pos < base.size(); pos++) {
        Article a = base.get(pos);
        ArticleFeatures f = ArticleFeatures.of(shifted(a, cycle), List.of(), List.of(), cfg);
        boolean timed = next < marks.length && stored >= marks[next];
        if (timed && lat.isEmpty()) w0 = System.nanoTime();
        long t = System.nanoTime();
        if (late(index.add(f, vectors.get(a.id())))) lateReports++;
        if (timed) lat.add(System.nanoTime() - t);
        stored++;
        if (timed && lat.size() == 1000) {
          double ws = (System.nanoTime() - w0) / 1e9;
          Collections.sort(lat);
          out.printf(Locale.ROOT, "  latency with %,d stored: p50 %.3f ms p99 %.3f ms; %.0f articles/s incl. "
              + "features; %d stories in the candidate index%n", marks[next], pct(lat, 0.5) / 1e6,
              pct(lat, 0.99) / 1e6, lat.size() / ws, index.activeStories());
          out.flush();
          lat.clear();
          next++;
          if (next == marks.length) break outer;
        }
      }
      cycle++;
    }
    out.printf(Locale.ROOT, "  replay of %,d articles took %.1f s; %,d joined a story as late reports%n", stored,
        (System.nanoTime() - t0) / 1e9, lateReports);
    // a backfill: 1,000 articles dated years before the newest (reworded a little, so they are no exact copies)
    lat.clear();
    int joined = 0;
    for (int i = 0; i < 1000 && i < base.size(); i++) {
      Article b = base.get(i * (base.size() / 1000));
      Article x = shifted(b, 1);
      int cut = x.text().indexOf(' ', 60);
      x = new Article(x.id() + "-backfill", x.source(), x.title(), x.outlet(), x.url(), x.byline(), x.published(),
          false, x.credits(), x.language(), cut < 0 ? x.text() : x.text().substring(cut + 1), List.of(), List.of());
      ArticleFeatures fx = ArticleFeatures.of(x, List.of(), List.of(), cfg);
      long t = System.nanoTime();
      var asg = index.add(fx, vectors.get(b.id()));
      lat.add(System.nanoTime() - t);
      if (!asg.created()) joined++;
    }
    Collections.sort(lat);
    out.printf(Locale.ROOT, "  backfill of 1,000 articles dated years before the newest, %,d stored: p50 %.3f ms p99 "
        + "%.3f ms; %d joined an existing story%n", stored, pct(lat, 0.5) / 1e6, pct(lat, 0.99) / 1e6, joined);
  }

  private static boolean late(org.storyline.cluster.Assignment a) {
    return a.note() != null && a.note().startsWith("joined as a late report");
  }

  /** The article with its id suffixed and its date moved one year later per cycle. */
  private static Article shifted(Article a, int cycle) {
    if (cycle == 0) return a;
    String date = a.published() == null ? null
        : java.time.LocalDate.parse(a.published()).plusYears(cycle).toString();
    return new Article(a.id() + "-" + cycle, a.source(), a.title(), a.outlet(), a.url(), a.byline(), date, false,
        a.credits(), a.language(), a.text(), List.of(), List.of());
  }

  private static String reutersDate(String d) {
    // "26-FEB-1987 15:01:01.79"
    try {
      java.time.format.DateTimeFormatter f = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
          .appendPattern("d-MMM-yyyy").toFormatter(Locale.ROOT);
      return java.time.LocalDate.parse(d.strip().split(" ")[0], f).toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static double pct(List<Long> sorted, double q) {
    if (sorted.isEmpty()) return 0;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
  }

  static List<Doc> loadEcb(Path p) throws IOException {
    List<Doc> out = new ArrayList<>();
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      JsonNode j = JSON.readTree(line);
      String text = j.path("text").asText("");
      Article a = new Article(j.path("doc_id").asText(), "ecb+", j.path("title").asText(null), null,
          j.path("source_url").isNull() ? null : j.path("source_url").asText(), null, null, false, List.of(), "en",
          text.isBlank() ? j.path("title").asText("") : text, List.of(), List.of());
      out.add(new Doc(a, j.path("subtopic").asText(), j.path("split").asText()));
    }
    return out;
  }

  static List<Doc> loadG5(Path p) throws IOException {
    List<Doc> out = new ArrayList<>();
    try (BufferedReader r = gz(p)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode j = JSON.readTree(line);
        String date = j.path("date_publish").isNull() ? null : j.path("date_publish").asText(null);
        List<String> credits = new ArrayList<>();
        for (JsonNode a : j.path("authors")) credits.add(a.asText());
        String text = j.path("text").asText("").replace("\n", "\n\n");
        Article a = new Article(j.path("id").asText(), j.path("source_domain").asText(), j.path("title").asText(null),
            j.path("source_domain").asText(null), j.path("url").asText(null), null, date, false, credits, "en",
            text, List.of(), List.of());
        // the corpus's own split (training/test; "none" for articles it left out of both), to report scores apart
        String split = j.path("giveme5w1h_split").isNull() ? "none" : j.path("giveme5w1h_split").asText("none");
        out.add(new Doc(a, j.path("event_id").asText(), split));
      }
    }
    return out;
  }

  private static BufferedReader gz(Path p) throws IOException {
    InputStream in = new GZIPInputStream(Files.newInputStream(p));
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
