package org.storyline.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.storyline.cluster.ArticleFeatures;
import org.storyline.cluster.Assignment;
import org.storyline.cluster.ClusterConfig;
import org.storyline.cluster.EmbeddingConfig;
import org.storyline.cluster.Idf;
import org.storyline.cluster.StoryIndex;
import org.storyline.nlp.MiniLmEmbedder;

/**
 * Development aid for story clustering (not a suite): caches the entity names and sentence embeddings of the ECB+
 * and giveme5w1h articles under a prefix (default {@code /tmp/clu}; delete the files after changing what is embedded),
 * then runs what {@code -Dwhat=} lists (default g5,ecb,lines): {@code g5} the giveme5w1h stream's scores (with
 * {@code -Dmisses=true} a trace of every article whose gold event already had an earlier article but that went
 * elsewhere, probed against the story holding that event's latest article; {@code -Dclusters=true} every gold event's
 * articles with their stories), {@code ecb} ECB+ (5 orders; {@code -Dsplits=dev}), {@code lines} the storyline level
 * as the suite scores it, {@code dumplines} every storyline's stories (knobs {@code lineThr}, {@code lineGap},
 * {@code lineW}, {@code lineOff}), {@code followbar} how often ECB+ dev documents pass the follow-up bars against the
 * other instance of their topic, {@code seeds} the seeds through the real stages with a probe of every pair.
 * {@code -Dfollow=p,cos} overrides the follow-up bars, {@code -Dlate=p,cos} the late-report bars (2,2: off),
 * {@code -Dslope=x} the follow-up slope, {@code -Dbonus=w,offset} the embedding bonus, {@code -Dshuffle=seed} a random
 * order for {@code g5}; {@code ecbdated} ECB+ with
 * made-up publish dates (see {@link #ecbDated}); {@code -DmaxGap}, {@code -Dwindow}, {@code -Dgrace} and {@code -Dtau} the
 * time knobs of the cluster config. Run:
 * {@code java -cp storyline-eval/target/storyline-eval.jar:storyline-eval/target/lib/* org.storyline.eval.ClusterDebug
 * ../shared/data [PREFIX]}.
 */
public final class ClusterDebug {
  private ClusterDebug() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    String prefix = args.length > 1 ? args[1] : "/tmp/clu";
    PrintWriter out = new PrintWriter(System.out, true);
    List<ClusteringSuite.Doc> ecb =
        ClusteringSuite.loadEcb(data.resolve("clustering/ecbplus_doc_clusters/docs.jsonl"));
    List<ClusteringSuite.Doc> g5 =
        ClusteringSuite.loadG5(data.resolve("corpora/giveme5w1h_news_cluster/news_cluster.jsonl.gz"));
    ecb = ClusteringSuite.cachedEntities(ecb, Path.of(prefix + "-names-ecb.json"));
    g5 = ClusteringSuite.cachedEntities(g5, Path.of(prefix + "-names-g5.json"));
    List<ClusteringSuite.Doc> both = new ArrayList<>(ecb);
    both.addAll(g5);
    ClusteringSuite.Emb emb = embeddings(both, Path.of(prefix + "-emb.bin"), EmbeddingConfig.DEFAULTS);
    ClusterConfig cfg = ClusterConfig.DEFAULTS;
    if (EvalOptions.text("maxGap") != null || EvalOptions.text("window") != null) {
      ClusterConfig d = cfg;
      // (as before the builder: these runs have no story core)
      cfg = d.toBuilder().maxGapDays(Double.parseDouble(EvalOptions.text("maxGap", "" + d.maxGapDays())))
          .windowDays(Double.parseDouble(EvalOptions.text("window", "" + d.windowDays()))).coreSize(0).build();
    }
    if (EvalOptions.text("tau") != null) {
      cfg = cfg.withTime(Double.parseDouble(EvalOptions.text("grace", "" + cfg.graceDays())),
          Double.parseDouble(EvalOptions.text("tau")), cfg.maxGapDays());
    }
    if (EvalOptions.text("core") != null) cfg = cfg.withCoreSize(EvalOptions.integer("core"));
    if (EvalOptions.text("lineThr") != null || EvalOptions.text("lineGap") != null) {
      cfg = cfg.withStoryline(Double.parseDouble(EvalOptions.text("lineThr", "" + cfg.storylineThreshold())),
          Double.parseDouble(EvalOptions.text("lineGap", "" + cfg.storylineMaxGapDays())));
    }
    String[] lineEmb = EvalOptions.text("lineEmb", "").split(",");
    if (lineEmb.length == 2) {
      emb = emb.with(emb.cfg().withStoryline(Double.parseDouble(lineEmb[0]), Double.parseDouble(lineEmb[1])));
    }
    if (EvalOptions.text("thr") != null) cfg = cfg.withThreshold(Double.parseDouble(EvalOptions.text("thr")));
    if (EvalOptions.text("bridge") != null) cfg = cfg.withBridge(Double.parseDouble(EvalOptions.text("bridge")));
    String[] follow = EvalOptions.text("follow", "").split(",");
    if (follow.length == 2) {
      emb = emb.with(emb.cfg().withFollow(Double.parseDouble(follow[0]), Double.parseDouble(follow[1])));
    }
    String[] late = EvalOptions.text("late", "").split(",");
    if (late.length == 2) {
      emb = emb.with(emb.cfg().withLate(Double.parseDouble(late[0]), Double.parseDouble(late[1])));
    }
    if (EvalOptions.text("slope") != null) {
      emb = emb.with(emb.cfg().withFollowSlope(Double.parseDouble(EvalOptions.text("slope"))));
    }
    String[] bonus = EvalOptions.text("bonus", "").split(",");
    if (bonus.length == 2) {
      emb = emb.with(emb.cfg().withBonus(Double.parseDouble(bonus[0]), Double.parseDouble(bonus[1])));
    }
    List<String> what = List.of(EvalOptions.text("what", "g5,ecb,lines").split(","));
    if (what.contains("g5")) trace(g5, cfg, emb, out);
    if (what.contains("ecb")) {
      for (String split : EvalOptions.text("splits", "dev").split(",")) {
        List<ClusterScores> all = new ArrayList<>();
        for (int o = 0; o < 5; o++) all.add(ClusteringSuite.ecbRun(ecb, split, cfg, o, null, emb));
        out.printf(Locale.ROOT, "ECB+ %s mean of 5 orders: %s%n", split, ClusteringSuite.average(all).line());
      }
    }
    if (what.contains("lines")) ClusteringSuite.storylines(g5, out, emb, cfg);
    if (what.contains("followbar")) followBar(ecb, emb, out);
    if (what.contains("ecbdated")) ecbDated(ecb, emb, out);
    if (what.contains("whole")) whole(data.resolve("corpora/giveme5w1h_news_cluster/news_cluster.jsonl.gz"), g5, out);
    if (what.contains("dumplines")) dumpLines(g5, emb, out);
    if (what.contains("seeds")) seeds(data.resolve("../seeds"), out);
    if (what.contains("allsides") || what.contains("aslines")) {
      List<ClusteringSuite.Doc> as = ClusteringSuite.loadAllSides(
          data.resolve("clustering/allsides_dev/allsides_roundups_2021-04_to_2021-06.jsonl.gz"));
      as = ClusteringSuite.cachedEntities(as, Path.of(prefix + "-names-as.json"));
      ClusteringSuite.Emb asEmb = embeddings(as, Path.of(prefix + "-emb-as.bin"), emb.cfg());
      if (what.contains("allsides")) allSides(as, cfg, asEmb, out);
      if (what.contains("aslines")) asLines(as, cfg, asEmb, out);
    }
    out.flush();
  }

  /**
   * How often ECB+ dev documents pass the follow-up bars (model probability and embedding cosine) against the gold
   * story of the other subtopic of their topic (the same kind of event, another instance: what the follow-up rule
   * must not link) and against their own subtopic's story (which includes the document itself).
   */
  static void followBar(List<ClusteringSuite.Doc> ecb, ClusteringSuite.Emb emb, PrintWriter out) {
    ClusterConfig cfg = ClusterConfig.DEFAULTS;
    Idf idf = Idf.withBackground();
    for (var d : ecb) if (d.split().equals("train")) idf.add(d.features(cfg).counts().keySet());
    List<ClusteringSuite.Doc> dev = ecb.stream().filter(d -> d.split().equals("dev")).toList();
    StoryIndex index = new StoryIndex(cfg, idf, emb.cfg());
    Map<String, String> member = new TreeMap<>();
    for (var d : dev) {
      index.addGold(d.features(cfg), emb.of(d), d.gold(), x -> { });
      member.putIfAbsent(d.gold(), d.article().id());
    }
    double[][] bars = {{0.9, 0.75}, {0.95, 0.75}, {0.9, 0.8}, {0.95, 0.8}, {0.85, 0.85}, {0.8, 0.85}, {0.85, 0.88},
        {0.8, 0.9}, {0.7, 0.85}, {-1, 0}, {-1, 1}};
    for (double[] b : bars) {
      // {-1, slope}: the follow-up rule of the embedding config with that followSlope
      EmbeddingConfig rule = b[0] < 0 ? emb.cfg().withFollowSlope(b[1]) : null;
      int cross = 0;
      int crossPass = 0;
      int own = 0;
      int ownPass = 0;
      for (var d : dev) {
        String topic = d.gold().substring(0, d.gold().indexOf('_'));
        for (var e : member.entrySet()) {
          if (!e.getKey().startsWith(topic + "_")) continue;
          StoryIndex.Probe p = index.probe(d.features(cfg), emb.of(d), e.getValue());
          boolean pass = rule != null ? rule.follows(p.probability(), p.embeddingCosine())
              : p.probability() >= b[0] && p.embeddingCosine() >= b[1];
          if (e.getKey().equals(d.gold())) {
            own++;
            if (pass) ownPass++;
          } else {
            cross++;
            if (pass) crossPass++;
          }
        }
      }
      String name = rule != null && rule.follow().isPresent() ? String.format(Locale.ROOT,
          "rule p>=%.2f-%.1f*(cos-%.2f) cos>=%.2f", rule.follow().get().probability(), rule.followSlope(),
          rule.follow().get().cosine(), rule.follow().get().cosine())
          : rule != null ? "rule off (no follow-up bars in the config)"
          : String.format(Locale.ROOT, "bars p>=%.2f cos>=%.2f", b[0], b[1]);
      out.printf(Locale.ROOT, "follow %s on ECB+ dev: other instance of the same kind of event"
          + " %d/%d (%.3f), own event %d/%d (%.3f)%n", name, crossPass, cross, crossPass / (double) cross,
          ownPass, own, ownPass / (double) own);
    }
  }

  /**
   * ECB+ dev and test with made-up publish dates, to see what the time rules (follow-ups, late reports) do to two
   * instances of one kind of event: each topic starts a week after the previous one, the second instance
   * ({@code _ecbplus}) {@code -DecbGap} days (default 120) after the first, each document 0-2 days into its
   * instance; streamed in date order. Scored with the defaults, without late reports, and without both rules.
   */
  static void ecbDated(List<ClusteringSuite.Doc> ecb, ClusteringSuite.Emb emb, PrintWriter out) {
    ClusterConfig cfg = ClusterConfig.DEFAULTS;
    int gap = EvalOptions.integer("ecbGap", 120);
    java.time.LocalDate base = java.time.LocalDate.of(2020, 1, 6);
    for (String split : List.of("dev", "test")) {
      List<ClusteringSuite.Doc> docs = new ArrayList<>();
      for (var d : ecb) {
        if (!d.split().equals(split)) continue;
        int topic = Integer.parseInt(d.gold().substring(0, d.gold().indexOf('_')));
        int day = topic * 7 + (d.gold().endsWith("ecbplus") ? gap : 0) + Math.floorMod(d.article().id().hashCode(), 3);
        var a = d.article().withPublished(base.plusDays(day) + "T12:00:00", false, null);
        docs.add(new ClusteringSuite.Doc(a, d.gold(), d.split(), d.names()));
      }
      docs.sort(Comparator.comparing((ClusteringSuite.Doc d) -> d.article().published())
          .thenComparing(d -> d.article().id()));
      for (int k = 0; k < 3; k++) {
        EmbeddingConfig c = k == 0 ? emb.cfg() : k == 1 ? emb.cfg().withoutLate()
            : emb.cfg().withoutLate().withoutFollow();
        ClusterScores sc = ClusteringSuite.stream(docs, cfg, trainIdf(ecb, cfg), null, emb.with(c));
        out.printf(Locale.ROOT, "ECB+ %s dated (instances %d days apart), %s: %s%n", split, gap,
            k == 0 ? "defaults" : k == 1 ? "no late reports" : "no late reports, no follow-ups", sc.line());
      }
      // the same order without the dates
      List<ClusteringSuite.Doc> undated = docs.stream().map(d -> new ClusteringSuite.Doc(
          d.article().withPublished(null, false, null), d.gold(), d.split(), d.names())).toList();
      out.printf(Locale.ROOT, "ECB+ %s in that order, undated: %s%n", split,
          ClusteringSuite.stream(undated, cfg, trainIdf(ecb, cfg), null, emb).line());
    }
  }

  /**
   * The whole pipeline on giveme5w1h, then its story stage again on the pipeline's own articles and entities with and
   * without the quotes, and on the suite's articles: where the end-to-end score and the suite's part ways.
   */
  static void whole(Path file, List<ClusteringSuite.Doc> g5, PrintWriter out) {
    var r = org.storyline.analyze.Analyzer.defaults().analyze(List.of(file));
    Map<String, String> gold = new HashMap<>();
    for (var d : g5) gold.put(d.article().id(), d.gold());
    List<String> ids = r.articles().stream().map(org.storyline.model.Article::id).filter(gold::containsKey).toList();
    List<org.storyline.model.Article> arts = r.articles().stream()
        .map(a -> a.publishedInferred() ? a.withPublished(null, false, null) : a).toList();
    var stage = org.storyline.cluster.OnlineStoryStage.defaults(true);
    for (int k = 0; k < 3; k++) {
      var res = k == 0 ? null : stage.apply(arts, r.entities(), k == 1 ? r.quotes() : List.of());
      Map<String, String> pred = new HashMap<>();
      for (var s : k == 0 ? r.stories() : res.stories()) for (String a : s.articles()) pred.put(a, s.id());
      out.printf(Locale.ROOT, "whole pipeline%s: %s%n", k == 0 ? "" : k == 1 ? ", story stage again" : ", without quotes",
          ClusterScores.of(ids, pred, gold).line());
    }
    // the suite's articles (its text and metadata) restricted to the same ids, through the same stage
    Map<String, org.storyline.model.Article> mine = new HashMap<>();
    for (var d : g5) mine.put(d.article().id(), d.article());
    List<org.storyline.model.Article> suiteArts = ids.stream().map(mine::get).toList();
    var ents = org.storyline.nlp.DefaultEntityStage.defaults().apply(suiteArts);
    Map<String, String> pred = new HashMap<>();
    for (var s : stage.apply(suiteArts, ents, List.of()).stories()) for (String a : s.articles()) pred.put(a, s.id());
    out.printf(Locale.ROOT, "suite articles, same ids, no quotes: %s%n", ClusterScores.of(ids, pred, gold).line());
    // the suite's articles with one part of the pipeline's article swapped in at a time
    Map<String, org.storyline.model.Article> piped = new HashMap<>();
    for (var a : arts) piped.put(a.id(), a);
    for (String part : List.of("credits", "text", "published", "title")) {
      List<org.storyline.model.Article> mix = new ArrayList<>();
      for (String id : ids) {
        var s0 = mine.get(id);
        var p = piped.get(id);
        mix.add(new org.storyline.model.Article(s0.id(), s0.source(), part.equals("title") ? p.title() : s0.title(),
            s0.outlet(), s0.url(), s0.byline(), part.equals("published") ? p.published() : s0.published(), false,
            part.equals("credits") ? p.credits() : s0.credits(), s0.language(),
            part.equals("text") ? p.text() : s0.text(), List.of(), List.of()));
      }
      var e2 = org.storyline.nlp.DefaultEntityStage.defaults().apply(mix);
      Map<String, String> pr = new HashMap<>();
      for (var st : stage.apply(mix, e2, List.of()).stories()) for (String a : st.articles()) pr.put(a, st.id());
      out.printf(Locale.ROOT, "suite articles with the pipeline's %s: %s%n", part, ClusterScores.of(ids, pr, gold).line());
      if (part.equals("text") && EvalOptions.flag("diffs")) {
        Map<String, java.util.Set<String>> a1 = new HashMap<>();
        Map<String, java.util.Set<String>> a2 = new HashMap<>();
        for (String id : ids) {
          a1.computeIfAbsent(pred.get(id), k -> new java.util.TreeSet<>()).add(id);
          a2.computeIfAbsent(pr.get(id), k -> new java.util.TreeSet<>()).add(id);
        }
        for (String id : ids) {
          var s1 = a1.get(pred.get(id));
          var s2 = a2.get(pr.get(id));
          if (s1.equals(s2)) continue;
          long good1 = s1.stream().filter(x -> gold.get(x).equals(gold.get(id))).count();
          long good2 = s2.stream().filter(x -> gold.get(x).equals(gold.get(id))).count();
          out.printf(Locale.ROOT, "DIFF %s ev %s raw-text story %d (%d right) / pipeline-text story %d (%d right) | %s%n"
              + "    RAW %s%n    PIPE %s%n", id.substring(0, 8), gold.get(id), s1.size(), good1, s2.size(), good2,
              mine.get(id).title(), abbreviate(mine.get(id).text()), abbreviate(piped.get(id).text()));
        }
      }
    }
  }

  private static String abbreviate(String t) {
    String one = t == null ? "" : t.replace('\n', ' ');
    return one.length() <= 300 ? one : one.substring(0, 300) + "...";
  }

  /** A fresh IDF table primed with ECB+ train, as the suite primes it (a stream adds to it). */
  private static Idf trainIdf(List<ClusteringSuite.Doc> ecb, ClusterConfig cfg) {
    Idf idf = Idf.withBackground();
    for (var d : ecb) if (d.split().equals("train")) idf.add(d.features(cfg).counts().keySet());
    return idf;
  }

  /** Each storyline's stories with their dates, labels and gold events; then stories in no storyline. */
  static void dumpLines(List<ClusteringSuite.Doc> g5, ClusteringSuite.Emb emb, PrintWriter out) {
    List<org.storyline.model.Article> arts = g5.stream().map(ClusteringSuite.Doc::article).toList();
    Map<String, String> gold = new HashMap<>();
    for (var d : g5) gold.put(d.article().id(), d.gold());
    var ents = org.storyline.nlp.DefaultEntityStage.defaults().apply(arts);
    ClusterConfig d = ClusterConfig.DEFAULTS;
    // (as before the builder: these runs have no story core)
    ClusterConfig c = d.toBuilder()
        .storylineThreshold(Double.parseDouble(EvalOptions.text("lineThr", "" + d.storylineThreshold())))
        .storylineMaxGapDays(Double.parseDouble(EvalOptions.text("lineGap", "" + d.storylineMaxGapDays())))
        .coreSize(0)
        .build();
    EmbeddingConfig ec = emb.cfg().withStoryline(
        Double.parseDouble(EvalOptions.text("lineW", "" + emb.cfg().storylineWeight())),
        Double.parseDouble(EvalOptions.text("lineOff", "" + emb.cfg().storylineOffset())));
    var r = new org.storyline.cluster.OnlineStoryStage(c, emb.embedder(), ec).apply(arts, ents, List.of());
    List<String> ids = arts.stream().map(org.storyline.model.Article::id).distinct().toList();
    Map<String, String> line = new HashMap<>();
    for (var s : r.stories()) for (String a : s.articles()) line.put(a, s.id());
    for (var l : r.storylines()) for (String sid : l.stories()) for (var s : r.stories()) {
      if (s.id().equals(sid)) for (String a : s.articles()) line.put(a, l.id());
    }
    out.println("storyline level: " + ClusterScores.of(ids, line, gold).line());
    Map<String, org.storyline.model.Story> byId = new HashMap<>();
    for (var s : r.stories()) byId.put(s.id(), s);
    java.util.Set<String> inLine = new java.util.HashSet<>();
    for (var l : r.storylines()) {
      out.println("LINE " + l.id() + " " + l.label());
      for (String sid : l.stories()) {
        inLine.add(sid);
        var s = byId.get(sid);
        Map<String, Integer> ev = new TreeMap<>();
        for (String a : s.articles()) ev.merge(gold.get(a), 1, Integer::sum);
        out.printf(Locale.ROOT, "   %s %3d %s %s%n", s.first(), s.articles().size(), ev, s.label());
      }
    }
    for (var s : r.stories()) {
      if (inLine.contains(s.id())) continue;
      Map<String, Integer> ev = new TreeMap<>();
      for (String a : s.articles()) ev.merge(gold.get(a), 1, Integer::sum);
      out.printf(Locale.ROOT, "ALONE %s %3d %s %s%n", s.first(), s.articles().size(), ev, s.label());
    }
  }

  /** The seeds through the real stages up to the story stage: assignments, stories and storylines. */
  static void seeds(Path dir, PrintWriter out) {
    var c = org.storyline.ingest.Inputs.defaults().readAll(List.of(dir));
    var ex = org.storyline.extract.Extractors.defaults();
    List<org.storyline.model.Article> arts = c.documents().stream().map(ex::extract)
        .filter(a -> !a.text().isBlank()).toList();
    var ents = org.storyline.nlp.DefaultEntityStage.defaults().apply(arts);
    var qs = new org.storyline.nlp.DefaultQuoteStage().apply(arts, ents);
    var o = org.storyline.cluster.OnlineStoryStage.defaults(true).run(arts, ents, qs);
    for (var a : arts) {
      var f = ArticleFeatures.of(a, List.of(), List.of(), ClusterConfig.DEFAULTS);
      out.println("SEED day " + a.id() + " published " + a.published() + " event day "
          + (f.eventDay() == ArticleFeatures.NO_DAY ? "-" : java.time.LocalDate.ofEpochDay(f.eventDay()))
          + " lead: " + a.text().substring(0, Math.min(200, a.text().length())).replace('\n', ' '));
    }
    for (Assignment a : o.assignments()) out.println("SEED " + a.explain());
    // the same stream by hand, probing each article against the story of every earlier one
    Map<String, List<String>> names = new HashMap<>();
    for (var e : ents) for (var m : e.mentions()) names.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(e.name());
    Map<String, List<String>> quoted = new HashMap<>();
    for (var q : qs) if (q.text() != null) quoted.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q.text());
    var embedder = MiniLmEmbedder.shared();
    List<ArticleFeatures> fs = new ArrayList<>();
    Map<String, float[]> ev = new HashMap<>();
    for (var a : arts) {
      fs.add(ArticleFeatures.of(a, names.getOrDefault(a.id(), List.of()), quoted.getOrDefault(a.id(), List.of()),
          ClusterConfig.DEFAULTS));
      ev.put(a.id(), embedder.embed(EmbeddingConfig.DEFAULTS.text(a)));
    }
    fs.sort(Comparator.comparingLong((ArticleFeatures f) -> f.day() == ArticleFeatures.NO_DAY ? Long.MAX_VALUE
        : f.day()).thenComparing(ArticleFeatures::id));
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground(), EmbeddingConfig.DEFAULTS);
    List<String> done = new ArrayList<>();
    for (ArticleFeatures f : fs) {
      for (String prev : done) {
        StoryIndex.Probe p = index.probe(f, ev.get(f.id()), prev);
        out.printf(Locale.ROOT, "SEED probe %s vs story of %s (%s): gap %.0f prob %.3f decay %.3f ecos %.3f score %.3f%n",
            f.id().substring(0, 3), prev.substring(0, 3), p.story(), p.gap(), p.probability(), p.decay(),
            p.embeddingCosine(), p.score());
      }
      index.add(f, ev.get(f.id()));
      done.add(f.id());
    }
    for (var s : o.result().stories()) out.println("SEED story " + s.articles());
    for (var l : o.result().storylines()) out.println("SEED storyline " + l.stories());
  }

  static ClusteringSuite.Emb embeddings(List<ClusteringSuite.Doc> docs, Path file, EmbeddingConfig cfg)
      throws IOException {
    Map<String, float[]> m = new HashMap<>();
    if (Files.exists(file)) {
      try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          String id = in.readUTF();
          float[] v = new float[in.readInt()];
          for (int k = 0; k < v.length; k++) v[k] = in.readFloat();
          m.put(id, v);
        }
      }
      return new ClusteringSuite.Emb(cfg, MiniLmEmbedder.shared(), m);
    }
    ClusteringSuite.Emb e = ClusteringSuite.Emb.compute(docs, MiniLmEmbedder.shared(), cfg);
    try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      o.writeInt(e.vectors().size());
      for (var x : new TreeMap<>(e.vectors()).entrySet()) {
        o.writeUTF(x.getKey());
        o.writeInt(x.getValue().length);
        for (float f : x.getValue()) o.writeFloat(f);
      }
    }
    return e;
  }

  /**
   * The AllSides dev stream (publish order) through a StoryIndex: its scores; with {@code -Dmisses=true} every article
   * that went elsewhere than the story of its roundup's first report, probed against it; with {@code -Dclusters=true}
   * every predicted story of two or more roundups with its reports (gold, date, title, how it joined).
   */
  static void allSides(List<ClusteringSuite.Doc> as, ClusterConfig cfg, ClusteringSuite.Emb emb, PrintWriter out) {
    List<ClusteringSuite.Doc> docs = new ArrayList<>(as);
    docs.sort(Comparator.comparing(ClusteringSuite.Doc::article, org.storyline.cluster.OnlineStoryStage.PUBLISH_ORDER));
    StoryIndex index = new StoryIndex(cfg, Idf.withBackground(), emb.cfg());
    Map<String, String> first = new HashMap<>();
    Map<String, String> gold = new HashMap<>();
    Map<String, String> why = new HashMap<>();
    Map<String, ClusteringSuite.Doc> byId = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (ClusteringSuite.Doc d : docs) {
      ArticleFeatures f = d.features(cfg);
      String prev = first.get(d.gold());
      StoryIndex.Probe p = prev == null ? null : index.probe(f, emb.of(d), prev);
      Map<String, StoryIndex.Probe> probes = new HashMap<>();
      if (EvalOptions.flag("clusters")) {
        for (String rep : first.values()) {
          StoryIndex.Probe q = index.probe(f, emb.of(d), rep);
          if (q != null) probes.putIfAbsent(q.story(), q);
        }
      }
      Assignment a = index.add(f, emb.of(d));
      StoryIndex.Probe chosen = probes.get(a.story());
      if (chosen != null) {
        why.put(d.article().id(), String.format(Locale.ROOT, "[gap %.0f prob %.3f decay %.3f ecos %.3f size %d] ",
            chosen.gap(), chosen.probability(), chosen.decay(), chosen.embeddingCosine(), chosen.size()) + a.explain());
      }
      if (p != null && !a.story().equals(p.story())) {
        lines.add(String.format(Locale.ROOT, "MISS gold %s %s | %s%n    gold story %s size %d cand term %s emb %s"
            + " storygap %.0f prob %.3f decay %.3f ecos %.3f score %.3f%n    %s", d.gold(), d.article().published(),
            d.article().title(), p.story(), p.size(), p.byTerm(), p.byEmbedding(), p.gap(), p.probability(),
            p.decay(), p.embeddingCosine(), p.score(), a.explain()));
      }
      first.putIfAbsent(d.gold(), d.article().id());
      gold.put(d.article().id(), d.gold());
      why.putIfAbsent(d.article().id(), a.explain());
      byId.put(d.article().id(), d);
      ids.add(d.article().id());
    }
    Map<String, String> pred = new HashMap<>();
    for (String id : ids) pred.put(id, index.storyOf(id));
    if (EvalOptions.flag("misses")) lines.forEach(out::println);
    if (EvalOptions.flag("clusters")) {
      Map<String, List<String>> byStory = new TreeMap<>();
      for (String id : ids) byStory.computeIfAbsent(pred.get(id), k -> new ArrayList<>()).add(id);
      for (var e : byStory.entrySet()) {
        if (e.getValue().stream().map(gold::get).distinct().count() < 2) continue;
        out.println("STORY " + e.getKey() + " " + e.getValue().size());
        for (String id : e.getValue()) {
          var d = byId.get(id);
          out.printf(Locale.ROOT, "   %s %s %-22s %s%n      %s%n", d.gold(), d.article().published().substring(0, 10),
              d.article().outlet(), d.article().title(), why.get(id));
        }
      }
      for (var ev : events(index)) out.println("EVENT " + ev);
    }
    out.printf(Locale.ROOT, "allsides stream: %s (%d misses vs the roundup's first report; %.3f of roundups whole)%n",
        ClusterScores.of(ids, pred, gold).line(), lines.size(), ClusteringSuite.whole(ids, pred, gold));
  }

  private static List<StoryIndex.Event> events(StoryIndex index) {
    return index.events();
  }

  /** AllSides dev through OnlineStoryStage (the entity stage run again): stories and storylines, with {@code -Ddump=true} each storyline. */
  static void asLines(List<ClusteringSuite.Doc> as, ClusterConfig cfg, ClusteringSuite.Emb emb, PrintWriter out) {
    List<org.storyline.model.Article> arts = as.stream().map(ClusteringSuite.Doc::article).toList();
    Map<String, String> gold = new HashMap<>();
    for (var d : as) gold.put(d.article().id(), d.gold());
    var ents = org.storyline.nlp.DefaultEntityStage.defaults().apply(arts);
    var r = new org.storyline.cluster.OnlineStoryStage(cfg, emb.embedder(), emb.cfg()).apply(arts, ents, List.of());
    List<String> ids = arts.stream().map(org.storyline.model.Article::id).toList();
    Map<String, String> pred = new HashMap<>();
    for (var s : r.stories()) for (String a : s.articles()) pred.put(a, s.id());
    Map<String, String> line = new HashMap<>(pred);
    Map<String, org.storyline.model.Story> byId = new HashMap<>();
    for (var s : r.stories()) byId.put(s.id(), s);
    for (var l : r.storylines()) for (String sid : l.stories()) for (String a : byId.get(sid).articles()) line.put(a, l.id());
    out.println("allsides stage stories: " + ClusterScores.of(ids, pred, gold).line());
    out.println("allsides stage storylines: " + ClusterScores.of(ids, line, gold).line());
    if (EvalOptions.flag("dump")) {
      for (var l : r.storylines()) {
        out.println("LINE " + l.id() + " " + l.label());
        for (String sid : l.stories()) {
          var s = byId.get(sid);
          Map<String, Integer> ev = new TreeMap<>();
          for (String a : s.articles()) ev.merge(gold.get(a), 1, Integer::sum);
          out.printf(Locale.ROOT, "   %s %3d %s %s%n", s.first(), s.articles().size(), ev, s.label());
        }
      }
    }
  }

  /** The giveme5w1h stream with a probe of every article against the story of its gold event's latest article. */
  static void trace(List<ClusteringSuite.Doc> g5, ClusterConfig cfg, ClusteringSuite.Emb emb, PrintWriter out) {
    List<ClusteringSuite.Doc> docs = new ArrayList<>(g5);
    docs.sort(Comparator.comparing(ClusteringSuite.Doc::article, org.storyline.cluster.OnlineStoryStage.PUBLISH_ORDER));
    if (EvalOptions.integer("shuffle") != null) {
      // the suite's random order is seed 7
      java.util.Collections.shuffle(docs, new java.util.Random(EvalOptions.integer("shuffle")));
    }
    StoryIndex index = new StoryIndex(cfg, Idf.withBackground(), emb.cfg());
    Map<String, String> latest = new HashMap<>();
    Map<String, Long> latestDay = new HashMap<>();
    Map<String, String> gold = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (ClusteringSuite.Doc d : docs) {
      ArticleFeatures f = d.features(cfg);
      String prev = latest.get(d.gold());
      StoryIndex.Probe p = prev == null ? null : index.probe(f, emb.of(d), prev);
      Assignment a = index.add(f, emb.of(d));
      if (p != null && !a.story().equals(p.story())) {
        long gap = f.day() != ArticleFeatures.NO_DAY && latestDay.get(d.gold()) != ArticleFeatures.NO_DAY ? f.day() - latestDay.get(d.gold())
            : -1;
        lines.add(String.format(Locale.ROOT, "MISS ev %s gap %d %s | %s%n    gold story %s size %d cand term %s emb %s"
            + " retired %s storygap %.0f prob %.3f decay %.3f ecos %.3f score %.3f%n    %s", d.gold(), gap,
            d.article().published(), d.article().title(), p.story(), p.size(), p.byTerm(), p.byEmbedding(),
            p.retired(), p.gap(), p.probability(), p.decay(), p.embeddingCosine(), p.score(), a.explain()));
      }
      latest.put(d.gold(), d.article().id());
      latestDay.put(d.gold(), f.day());
      gold.put(d.article().id(), d.gold());
      ids.add(d.article().id());
    }
    Map<String, String> pred = new HashMap<>();
    for (String id : ids) pred.put(id, index.storyOf(id));
    if (EvalOptions.flag("misses")) lines.forEach(out::println);
    out.printf(Locale.ROOT, "g5 stream: %s (%d misses vs the gold event's latest article)%n",
        ClusterScores.of(ids, pred, gold).line(), lines.size());
    for (String split : List.of("training", "test")) {
      out.printf(Locale.ROOT, "g5 stream, %s-split articles only (%d): %s%n", split,
          docs.stream().filter(d -> d.split().equals(split)).count(), ClusteringSuite.g5Split(docs, pred, split).line());
    }
    if (EvalOptions.flag("clusters")) {
      Map<String, List<ClusteringSuite.Doc>> byGold = new TreeMap<>();
      for (ClusteringSuite.Doc d : docs) byGold.computeIfAbsent(d.gold(), k -> new ArrayList<>()).add(d);
      for (var e : byGold.entrySet()) {
        out.println("EVENT " + e.getKey());
        for (ClusteringSuite.Doc d : e.getValue()) {
          out.printf(Locale.ROOT, "   %s %-40s %s%n", d.article().published(), pred.get(d.article().id()),
              d.article().title());
        }
      }
    }
  }
}
