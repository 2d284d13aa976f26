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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.storyline.analyze.Analyzer;
import org.storyline.cluster.StoryStage;
import org.storyline.cluster.Tokens;
import org.storyline.model.Article;
import org.storyline.model.OutletView;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Summary;
import org.storyline.nlp.Embedder;
import org.storyline.nlp.MiniLmEmbedder;
import org.storyline.nlp.SentenceSplitter;
import org.storyline.nlp.Span;
import org.storyline.pipeline.Pipeline;

/**
 * {@code storyline eval facts}: facts compared across outlets by meaning, and the summaries built from them.
 * <ul>
 *   <li>seeds: gold.json's {@code outlet_unique_facts} must come out among the unique facts of the right article (a
 *       listed fact matches the gold wording when their embedding cosine is at least {@link #GOLD_COS} or it has half
 *       of the gold's content words); every unique claim is checked against the hand judgements of
 *       {@code facts/seeds-unique.tsv} (article, offsets, verdict: no text), so a fact another article also reports
 *       in any wording, listed as unique, counts against precision;</li>
 *   <li>AllSides dev ({@code clustering/allsides_dev}, each roundup's left, centre and right reports as one story):
 *       the unique claims of the roundups judged by hand in {@code facts/allsides-unique.tsv} (roundup id, side,
 *       offsets, verdict), precision over the judged claims;</li>
 *   <li>summaries against AllSides' own neutral summary of each roundup ({@code roundup}) with ROUGE-1/2/L F1
 *       ({@link Rouge}), beside lead-3 (the first three sentences of the story's first report) and a centroid
 *       baseline (sentences nearest the story's tf-idf centroid, same length budget, redundancy removed) run on the
 *       same stories.</li>
 * </ul>
 * With {@code -Dstoryline.facts.list=true} it also prints every unique claim with its text, for judging by hand.
 */
public final class FactsSuite implements EvalSuite {
  /** Embedding cosine at which a listed fact states a gold fact (gold words are a paraphrase, not a quote). */
  static final double GOLD_COS = 0.5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SentenceSplitter SPLITTER = new SentenceSplitter();

  @Override
  public String name() {
    return "facts";
  }

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    Map<String, Double> m = new LinkedHashMap<>();
    boolean list = Boolean.getBoolean("storyline.facts.list");
    Path seeds = dataDir.resolveSibling("seeds");
    if (!Files.isDirectory(seeds)) seeds = dataDir.resolve("seeds");
    if (Files.exists(seeds.resolve("gold.json"))) seeds(seeds, m, out, list);
    else out.println("  seeds: not found beside " + dataDir + ", skipped");
    Path allsides = dataDir.resolve("clustering/allsides_dev/allsides_roundups_2021-04_to_2021-06.jsonl.gz");
    if (Files.exists(allsides)) allSides(allsides, m, out, list);
    else out.println("  allsides_dev: not found, skipped");
    return m;
  }

  /** A hand judgement of one unique claim: {@code key} names the article, {@code start..end} the claimed sentence. */
  record Judgement(String key, int start, int end, boolean unique) {}

  static Map<String, Judgement> judgements(String resource) throws IOException {
    Map<String, Judgement> out = new LinkedHashMap<>();
    try (InputStream in = FactsSuite.class.getResourceAsStream(resource)) {
      if (in == null) return out;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t");
        Judgement j = new Judgement(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3].equals("unique"));
        out.put(j.key() + "@" + j.start() + "-" + j.end(), j);
      }
    }
    return out;
  }

  private void seeds(Path seeds, Map<String, Double> m, PrintWriter out, boolean list) throws Exception {
    Report report = Analyzer.defaults().analyze(List.of(seeds));
    JsonNode gold = JSON.readTree(seeds.resolve("gold.json").toFile()).path("outlet_unique_facts");
    Embedder emb = MiniLmEmbedder.sharedOrNull();
    int found = 0;
    for (JsonNode g : gold) {
      String article = g.path("article").asText();
      String fact = g.path("fact").asText();
      String best = null;
      double bestScore = -1;
      for (OutletView v : report.outlets()) {
        for (OutletView.ArticleView a : v.articles()) {
          if (!a.article().equals(article)) continue;
          for (OutletView.Fact f : a.unique()) {
            double cos = emb == null ? 0 : Embedder.dot(emb.embed(fact), emb.embed(f.text()));
            double cover = cover(fact, f.text());
            double score = Math.max(cos / GOLD_COS, cover / 0.5);
            if (score >= 1) {
              out.printf(Locale.ROOT, "    gold %s matches listed %d-%d (cosine %.2f, cover %.2f)%n", article,
                  f.start(), f.end(), cos, cover);
            }
            if (score > bestScore) {
              bestScore = score;
              best = f.text();
            }
          }
        }
      }
      boolean ok = bestScore >= 1;
      if (ok) found++;
      out.printf(Locale.ROOT, "  seeds gold unique fact %s %s: %s%n", ok ? "found" : "MISSING", article,
          best == null ? "(no unique facts listed)" : "nearest listed at " + fmt(bestScore) + " of the bar");
    }
    m.put("seeds.goldUnique.found", gold.isEmpty() ? 0 : found / (double) gold.size());
    out.printf(Locale.ROOT, "  seeds: %d/%d gold unique facts among the listed unique facts%n", found, gold.size());
    Map<String, Judgement> judged = judgements("/facts/seeds-unique.tsv");
    Map<String, Article> byId = new HashMap<>();
    for (Article a : report.articles()) byId.put(a.id(), a);
    List<String[]> claims = new ArrayList<>();
    for (OutletView v : report.outlets()) {
      for (OutletView.ArticleView a : v.articles()) {
        for (OutletView.Fact f : a.unique()) claims.add(new String[] {a.article(), "" + f.start(), "" + f.end(),
            f.text()});
      }
    }
    precision("seeds", claims, judged, m, out, list);
    if (Boolean.getBoolean("storyline.facts.margins")) margins(report, judged, out);
  }

  /** With {@code -Dstoryline.facts.margins=true}: the nearest pairs of every judged claim (a tuning aid). */
  private static void margins(Report r, Map<String, Judgement> judged, PrintWriter out) {
    List<org.storyline.facts.FactsMargins.Claim> cs = new ArrayList<>();
    for (Judgement j : judged.values()) cs.add(new org.storyline.facts.FactsMargins.Claim(j.key(), j.start(), j.end(),
        j.unique()));
    org.storyline.facts.FactsMargins.print(r, cs, out);
  }

  /** Scores unique claims ({key, start, end, text}) against hand judgements. */
  private static void precision(String what, List<String[]> claims, Map<String, Judgement> judged,
      Map<String, Double> m, PrintWriter out, boolean list) {
    int right = 0;
    int wrong = 0;
    int unjudged = 0;
    for (String[] c : claims) {
      Judgement j = judged.get(c[0] + "@" + c[1] + "-" + c[2]);
      if (j == null) unjudged++;
      else if (j.unique()) right++;
      else wrong++;
      if (list || j == null || !j.unique()) {
        out.printf("  %s claim %s\t%s\t%s\t%s  %s%n", what, j == null ? "UNJUDGED" : j.unique() ? "ok" : "SHARED",
            c[0], c[1], c[2], list || j == null ? c[3].replace('\n', ' ') : "");
      }
    }
    double p = right + wrong == 0 ? 0 : right / (double) (right + wrong);
    double share = claims.isEmpty() ? 0 : (right + wrong) / (double) claims.size();
    out.printf(Locale.ROOT, "  %s unique-fact precision %.3f (%d right, %d shared facts claimed unique), "
        + "%d of %d claims judged%n", what, p, right, wrong, right + wrong, claims.size());
    m.put(what + ".unique.precision", p);
    m.put(what + ".unique.judged", share);
  }

  private void allSides(Path gz, Map<String, Double> m, PrintWriter out, boolean list) throws Exception {
    List<ClusteringSuite.Doc> docs = ClusteringSuite.loadAllSides(gz);
    Map<String, String> roundups = roundups(gz);
    Map<String, List<Article>> byStory = new TreeMap<>();
    for (ClusteringSuite.Doc d : docs) byStory.computeIfAbsent(d.gold(), k -> new ArrayList<>()).add(d.article());
    List<Story> stories = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (var e : byStory.entrySet()) {
      List<Article> as = new ArrayList<>(e.getValue());
      as.sort(java.util.Comparator.comparing(Article::id));
      articles.addAll(as);
      List<String> outlets = as.stream().map(Article::outlet).filter(java.util.Objects::nonNull).distinct().toList();
      stories.add(new Story("as" + e.getKey(), e.getKey(), as.stream().map(Article::id).toList(),
          as.get(0).published(), as.get(0).published(), outlets, List.of()));
    }
    Pipeline p = Pipeline.defaults(true);
    Report r = p.views(new StoryStage.Result(articles, stories, List.of()));
    String debug = System.getProperty("storyline.facts.debug");
    if (debug != null) for (String id : debug.split(",")) org.storyline.facts.FactsDebug.print(r, id, out);
    // unique claims of the judged roundups
    Map<String, Judgement> judged = judgements("/facts/allsides-unique.tsv");
    Set<String> judgedStories = new TreeSet<>();
    for (Judgement j : judged.values()) judgedStories.add(j.key().substring(0, j.key().indexOf('-')));
    List<String[]> claims = new ArrayList<>();
    int multi = 0;
    for (OutletView v : r.outlets()) {
      multi++;
      String roundup = v.story();
      if (!list && !judgedStories.contains(roundup)) continue;
      for (OutletView.ArticleView a : v.articles()) {
        for (OutletView.Fact f : a.unique()) {
          claims.add(new String[] {a.article(), "" + f.start(), "" + f.end(), f.text()});
        }
      }
    }
    out.printf("  allsides: %d roundups with several reports, %d judged by hand%n", multi, judgedStories.size());
    precision("allsides", claims, judged, m, out, list);
    if (Boolean.getBoolean("storyline.facts.margins")) margins(r, judged, out);
    m.put("allsides.unique.stories", (double) judgedStories.size());
    summaries(r, stories, roundups, m, out);
  }

  private static Map<String, String> roundups(Path gz) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode j = JSON.readTree(line);
        List<String> parts = new ArrayList<>();
        for (JsonNode x : j.path("roundup")) parts.add(x.asText().strip());
        out.put(j.path("id").asText(), String.join(" ", parts));
      }
    }
    return out;
  }

  /** ROUGE of the story summaries and of the two baselines against the roundups, side by side. */
  private static void summaries(Report r, List<Story> stories, Map<String, String> roundups, Map<String, Double> m,
      PrintWriter out) {
    Map<String, Article> byId = new HashMap<>();
    for (Article a : r.articles()) byId.put(a.id(), a);
    Map<String, Summary> ours = new HashMap<>();
    for (Summary s : r.summaries()) if (s.kind().equals("story")) ours.put(s.scope(), s);
    Map<String, Integer> df = new HashMap<>();
    int nSent = 0;
    for (Article a : r.articles()) {
      for (Span s : SPLITTER.split(a.text())) {
        nSent++;
        for (String t : new HashSet<>(Tokens.terms(s.text(a.text())))) df.merge(t, 1, Integer::sum);
      }
    }
    String[] names = {"storyline", "lead-3", "centroid"};
    double[][] sum = new double[3][3];
    double[] chars = new double[3];
    int n = 0;
    for (Story st : stories) {
      String ref = roundups.get(st.label());
      Summary s = ours.get(st.id());
      if (ref == null || ref.isBlank() || s == null) continue;
      List<Article> arts = st.articles().stream().map(byId::get).toList();
      String[] cands = {String.join(" ", s.sentences().stream().map(Summary.Sentence::text).toList()),
          lead3(arts.get(0)), centroid(arts, df, nSent, org.storyline.facts.FactTables.STORY_BUDGET)};
      for (int k = 0; k < 3; k++) {
        Rouge.Scores sc = Rouge.score(cands[k], ref);
        sum[k][0] += sc.r1();
        sum[k][1] += sc.r2();
        sum[k][2] += sc.rl();
        chars[k] += cands[k].length();
      }
      n++;
    }
    out.printf("  summaries vs AllSides roundups (%d stories; ROUGE F1, no stemming):%n", n);
    for (int k = 0; k < 3; k++) {
      out.printf(Locale.ROOT, "    %-10s R-1 %.4f  R-2 %.4f  R-L %.4f  (mean %.0f chars)%n", names[k],
          sum[k][0] / n, sum[k][1] / n, sum[k][2] / n, chars[k] / n);
    }
    m.put("summary.rouge1", sum[0][0] / n);
    m.put("summary.rouge2", sum[0][1] / n);
    m.put("summary.rougeL", sum[0][2] / n);
    m.put("summary.rouge2.vsLead3", sum[0][1] / n - sum[1][1] / n);
  }

  static String lead3(Article a) {
    List<Span> ss = SPLITTER.split(a.text());
    List<String> out = new ArrayList<>();
    for (Span s : ss.subList(0, Math.min(3, ss.size()))) out.add(s.text(a.text()));
    return String.join(" ", out);
  }

  /**
   * The centroid baseline (Radev et al.'s MEAD, simplified): each sentence's tf-idf vector, the story's centroid
   * (their sum), sentences by cosine with it, a sentence whose cosine with one already chosen exceeds 0.5 passed
   * over, while they fit {@code budget} characters (the first always).
   */
  static String centroid(List<Article> arts, Map<String, Integer> df, int nSent, int budget) {
    record S(String text, Map<String, Double> v) {}
    List<S> all = new ArrayList<>();
    Map<String, Double> c = new HashMap<>();
    for (Article a : arts) {
      for (Span s : SPLITTER.split(a.text())) {
        String t = s.text(a.text());
        Map<String, Double> v = new HashMap<>();
        for (String w : Tokens.terms(t)) v.merge(w, Math.log((nSent + 1.0) / (df.getOrDefault(w, 0) + 1.0)), Double::sum);
        if (v.isEmpty()) continue;
        all.add(new S(t, v));
        for (var e : v.entrySet()) c.merge(e.getKey(), e.getValue(), Double::sum);
      }
    }
    all.sort(java.util.Comparator.comparingDouble((S s) -> -cos(s.v(), c)));
    List<S> chosen = new ArrayList<>();
    int used = 0;
    for (S s : all) {
      if (!chosen.isEmpty() && used + s.text().length() > budget) continue;
      if (chosen.stream().anyMatch(k -> cos(k.v(), s.v()) > 0.5)) continue;
      chosen.add(s);
      used += s.text().length() + 1;
    }
    return String.join(" ", chosen.stream().map(S::text).toList());
  }

  private static double cos(Map<String, Double> a, Map<String, Double> b) {
    double d = 0;
    double na = 0;
    double nb = 0;
    for (var e : a.entrySet()) {
      d += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
      na += e.getValue() * e.getValue();
    }
    for (double x : b.values()) nb += x * x;
    return na == 0 || nb == 0 ? 0 : d / Math.sqrt(na * nb);
  }

  /** Share of {@code gold}'s content words found in {@code text}. */
  static double cover(String gold, String text) {
    Set<String> g = new HashSet<>(Tokens.terms(gold));
    Set<String> t = new HashSet<>(Tokens.terms(text));
    if (g.isEmpty()) return 0;
    int n = 0;
    for (String w : g) if (t.contains(w)) n++;
    return n / (double) g.size();
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
