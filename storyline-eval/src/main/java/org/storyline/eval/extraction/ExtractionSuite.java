package org.storyline.eval.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.storyline.eval.EvalSuite;
import org.storyline.ingest.Decoding;
import org.storyline.model.Article;

/**
 * {@code storyline eval extraction}: main-content and metadata extraction on four benchmarks (data README:
 * ../shared/data/extraction/README.md), each scored with its published method, ours beside Readability4J and
 * boilerpipe in the same run. All pages of every benchmark are used (WCXB: the dev split; test is held out).
 */
public final class ExtractionSuite implements EvalSuite {
  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  @Override
  public String name() {
    return "extraction";
  }

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    Path root = dataDir.resolve("extraction");
    Map<String, Double> gates = new LinkedHashMap<>();
    List<Systems.System> systems = List.of(new Systems.Ours(), new Systems.Readability(), new Systems.Boilerpipe());

    gates.put("aeb_scorer_check", scorerCheck(root.resolve("scrapinghub-aeb"), out));
    aeb(root.resolve("scrapinghub-aeb"), systems, gates, out);
    trafilatura(root.resolve("trafilatura-eval"), systems, gates, out);
    wcxb(root.resolve("wcxb-articles/dev"), systems, gates, out);
    htmldate(root.resolve("htmldate-eval"), systems.get(0), gates, out);

    speed(root.resolve("scrapinghub-aeb"), systems, gates, out);
    return gates;
  }

  private static Article safe(Systems.System s, String html, String url) {
    try {
      return s.extract(html, url);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /**
   * Speed: the AEB pages held in memory, all systems interleaved in blocks of a few pages after a warm-up pass, over
   * {@link #SPEED_ROUNDS} rounds; the ratio is the median over rounds of each round's time ratio (see
   * {@link SpeedRace}: robust to load swings on a shared machine). Single thread, parsing included.
   */
  private void speed(Path dir, List<Systems.System> systems, Map<String, Double> gates, PrintWriter out)
      throws IOException {
    AebPages aeb = aebPages(dir);
    List<String> pages = aeb.pages();
    SpeedRace.Result r = SpeedRace.run(systems, pages, aeb.urls(), 1, SPEED_ROUNDS);
    out.printf(Locale.ROOT, "-- speed on the %d AEB pages (single thread, in memory, parse included; systems interleaved"
        + " in blocks of %d pages, %d rounds after a warm-up pass; median round, best round in brackets)%n",
        pages.size(), SpeedRace.BLOCK, r.rounds());
    for (int i = 0; i < systems.size(); i++) {
      out.printf(Locale.ROOT, "  %-36s %8.1f pages/s  %6.2f ms/page  (best %6.2f; thread cpu %6.2f ms, alloc %6.0f KB)%n",
          r.names().get(i), 1000 / r.medianMsPerPage()[i], r.medianMsPerPage()[i], r.minMsPerPage()[i],
          r.cpuMsPerPage()[i], r.allocKbPerPage()[i]);
    }
    double ratio = r.slowerThanFirst()[1];
    out.printf(Locale.ROOT, "  speed ratio ours/Readability4J: %.2fx (median of per-round ratios; target >= 4x)%n",
        ratio);
    gates.put("speed_ratio_vs_readability4j", ratio);
  }

  private static final int SPEED_ROUNDS = 5;

  // ---------------- AEB ----------------

  private double scorerCheck(Path dir, PrintWriter out) throws IOException {
    JsonNode gold = JSON.readTree(dir.resolve("ground-truth.json").toFile());
    // published F1/P/R of the upstream README for the systems that have all three
    Map<String, double[]> published = Map.ofEntries(Map.entry("trafilatura", new double[] {0.958, 0.938, 0.978}),
        Map.entry("readability_js", new double[] {0.947, 0.914, 0.982}),
        Map.entry("rs_trafilatura", new double[] {0.970, 0.951, 0.990}),
        Map.entry("go_trafilatura", new double[] {0.960, 0.940, 0.980}),
        Map.entry("readability", new double[] {0.922, 0.913, 0.931}),
        Map.entry("goose3", new double[] {0.896, 0.940, 0.856}),
        Map.entry("justext", new double[] {0.804, 0.858, 0.756}),
        Map.entry("newspaper", new double[] {0.949, 0.964, 0.934}),
        Map.entry("news_please", new double[] {0.948, 0.964, 0.933}),
        Map.entry("AutoExtract", new double[] {0.970, 0.984, 0.956}),
        Map.entry("Diffbot", new double[] {0.951, 0.958, 0.944}),
        Map.entry("dragnet", new double[] {0.907, 0.925, 0.889}),
        Map.entry("boilerpipe", new double[] {0.860, 0.850, 0.870}));
    out.println("-- AEB scorer check: reference outputs (F1/P/R/acc); published figures in brackets");
    boolean ok = true;
    List<Path> refs;
    try (var st = Files.list(dir.resolve("reference-outputs"))) {
      refs = st.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
    }
    for (Path p : refs) {
      JsonNode pred = JSON.readTree(gunzip(p));
      if (pred.has("output") && pred.size() <= 3) pred = pred.get("output");
      Scorers.Aeb s = new Scorers.Aeb();
      for (Iterator<String> it = gold.fieldNames(); it.hasNext(); ) {
        String id = it.next();
        JsonNode pr = pred.get(id);
        s.add(gold.get(id).get("articleBody").asText(), pr == null ? "" : pr.path("articleBody").asText(""));
      }
      String name = p.getFileName().toString().replace(".json.gz", "");
      double[] pub = published.get(name);
      String note = "";
      if (pub != null) {
        boolean match = Math.abs(s.f1() - pub[0]) < 5e-4 && Math.abs(s.precision() - pub[1]) < 5e-4
            && Math.abs(s.recall() - pub[2]) < 5e-4;
        ok &= match;
        note = String.format(Locale.ROOT, "  [published %.3f/%.3f/%.3f %s]", pub[0], pub[1], pub[2],
            match ? "MATCH" : "MISMATCH");
      }
      out.printf(Locale.ROOT, "  %-22s %.3f / %.3f / %.3f / %.3f%s%n", name, s.f1(), s.precision(), s.recall(),
          s.accuracy(), note);
    }
    return ok ? 1.0 : 0.0;
  }

  private void aeb(Path dir, List<Systems.System> systems, Map<String, Double> gates,
      PrintWriter out) throws IOException {
    JsonNode gold = JSON.readTree(dir.resolve("ground-truth.json").toFile());
    List<String> ids = new ArrayList<>();
    gold.fieldNames().forEachRemaining(ids::add);
    ids.sort(null);
    List<Scorers.Aeb> scores = new ArrayList<>();
    for (int i = 0; i < systems.size(); i++) scores.add(new Scorers.Aeb());
    for (String id : ids) {
      String html = read(dir.resolve("html/" + id + ".html.gz"), true);
      String url = gold.get(id).path("url").asText(null);
      String g = gold.get(id).get("articleBody").asText();
      for (int i = 0; i < systems.size(); i++) {
        Article a = safe(systems.get(i), html, url);
        scores.get(i).add(g, a == null ? "" : a.text());
      }
    }
    out.printf(Locale.ROOT, "-- AEB (ScrapingHub article-extraction-benchmark), %d pages: F1 / P / R / acc%n", ids.size());
    for (int i = 0; i < systems.size(); i++) {
      Scorers.Aeb s = scores.get(i);
      out.printf(Locale.ROOT, "  %-36s %.3f / %.3f / %.3f / %.3f%n", systems.get(i).name(), s.f1(), s.precision(),
          s.recall(), s.accuracy());
    }
    out.println("  published: trafilatura 2.0.0 0.958/0.938/0.978, Readability.js 0.947/0.914/0.982,"
        + " boilerpipe (python) 0.860/0.850/0.870");
    gates.put("aeb_f1", scores.get(0).f1());
  }

  // ---------------- trafilatura-eval ----------------

  private void trafilatura(Path dir, List<Systems.System> systems,
      Map<String, Double> gates, PrintWriter out) throws IOException {
    JsonNode eval = JSON.readTree(dir.resolve("evaldata.json").toFile());
    List<String> urls = new ArrayList<>();
    eval.fieldNames().forEachRemaining(urls::add);
    urls.sort(null);
    List<Scorers.Snippets> scores = new ArrayList<>();
    for (int i = 0; i < systems.size(); i++) scores.add(new Scorers.Snippets());
    Meta meta = new Meta();
    int pages = 0;
    for (String url : urls) {
      JsonNode item = eval.get(url);
      Path f = dir.resolve("html/" + item.get("file").asText() + ".gz");
      if (!Files.exists(f)) continue;
      pages++;
      String html = read(f, false);
      List<String> with = strings(item.get("with"));
      List<String> without = strings(item.get("without"));
      for (int i = 0; i < systems.size(); i++) {
        Article a = safe(systems.get(i), html, url);
        scores.get(i).add(a == null ? null : a.text(), with, without);
        if (i == 0) meta.add(a, text(item, "title"), authorsOf(item.get("author"), "; "), text(item, "date"));
      }
    }
    out.printf(Locale.ROOT, "-- trafilatura-eval, %d pages: P / R / acc / F (micro over with/without snippets)%n", pages);
    for (int i = 0; i < systems.size(); i++) {
      Scorers.Snippets s = scores.get(i);
      out.printf(Locale.ROOT, "  %-36s %.3f / %.3f / %.3f / %.3f   (tp %d fn %d fp %d tn %d)%n", systems.get(i).name(),
          s.precision(), s.recall(), s.accuracy(), s.f1(), s.tp, s.fn, s.fp, s.tn);
    }
    out.println("  published: trafilatura 2.2.0 0.906/0.943/0.923/0.924, readability-lxml 0.898/0.764/0.839/0.826,"
        + " boilerpy3 F 0.807");
    meta.print("  metadata (ours; exact match after normalisation; author exact string as upstream)", out);
    gates.put("trafilatura_f1", scores.get(0).f1());
  }

  // ---------------- WCXB ----------------

  private void wcxb(Path dir, List<Systems.System> systems, Map<String, Double> gates,
      PrintWriter out) throws IOException {
    List<Path> gts;
    try (var st = Files.list(dir.resolve("ground-truth"))) {
      gts = st.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
    }
    List<Scorers.Wcxb> scores = new ArrayList<>();
    for (int i = 0; i < systems.size(); i++) scores.add(new Scorers.Wcxb());
    Meta meta = new Meta();
    for (Path g : gts) {
      String id = g.getFileName().toString().replace(".json.gz", "");
      JsonNode d = JSON.readTree(gunzip(g));
      JsonNode gt = d.path("ground_truth");
      String url = d.path("url").asText(null);
      String html = read(dir.resolve("html/" + id + ".html.gz"), true);
      for (int i = 0; i < systems.size(); i++) {
        Article a = safe(systems.get(i), html, url);
        scores.get(i).add(gt.path("main_content").asText(""), a == null ? "" : a.text(), strings(gt.get("with")),
            strings(gt.get("without")));
        if (i == 0) meta.addNameSet(a, text(gt, "title"), text(gt, "author"), text(gt, "publish_date"));
      }
    }
    out.printf(Locale.ROOT, "-- WCXB dev, article pages, %d pages: F1 / P / R (per-page means), with-rate, without-rate%n",
        gts.size());
    for (int i = 0; i < systems.size(); i++) {
      Scorers.Wcxb s = scores.get(i);
      out.printf(Locale.ROOT, "  %-36s %.3f / %.3f / %.3f   with %.1f%%  without %.1f%%%n", systems.get(i).name(),
          s.f / s.n, s.p / s.n, s.r / s.n, 100 * s.with / s.n, 100 * s.without / s.n);
    }
    out.println("  published (dev, article type, F1): rs-trafilatura 0.932, Trafilatura 0.926, dom-smoothie 0.908,"
        + " Readability 0.825");
    meta.print("  metadata (ours; title case/space-insensitive, author as a name set, date YYYY-MM-DD)", out);
    gates.put("wcxb_dev_f1", scores.get(0).f / scores.get(0).n);
  }

  // ---------------- htmldate-eval ----------------

  private void htmldate(Path dir, Systems.System ours, Map<String, Double> gates,
      PrintWriter out) throws IOException {
    Scorers.Dates all = new Scorers.Dates();
    for (String set : List.of("eval_mediacloud_2020.json", "eval_default.json")) {
      JsonNode eval = JSON.readTree(dir.resolve(set).toFile());
      List<String> urls = new ArrayList<>();
      eval.fieldNames().forEachRemaining(urls::add);
      urls.sort(null);
      Scorers.Dates s = new Scorers.Dates();
      for (String url : urls) {
        JsonNode item = eval.get(url);
        Path f = dir.resolve("html/" + item.get("file").asText() + ".gz");
        String gold = item.get("date").asText();
        if (!Files.exists(f)) {
          s.add(gold, null);
          all.add(gold, null);
          continue;
        }
        Article a = safe(ours, read(f, false), url);
        String p = a == null ? null : a.published();
        s.add(gold, p);
        all.add(gold, p);
      }
      out.printf(Locale.ROOT, "  %-26s n=%d  P %.3f  R %.3f  acc %.3f  F %.3f%n", set, s.n(), s.precision(),
          s.recall(), s.accuracy(), s.f1());
    }
    out.printf(Locale.ROOT, "-- htmldate-eval, %d pages (ours): P %.3f / R %.3f / acc %.3f / F %.3f%n", all.n(),
        all.precision(), all.recall(), all.accuracy(), all.f1());
    out.println("  published: htmldate 1.10.0 extensive 0.908/0.993/0.903/0.949, fast 0.924/0.927/0.861/0.925,"
        + " newspaper4k 0.912/0.728/0.680/0.810");
    gates.put("htmldate_accuracy", all.accuracy());
  }

  // ---------------- helpers ----------------

  /** Metadata exact-match counts for ours. */
  private static final class Meta {
    int titleN;
    int titleOk;
    int authorN;
    int authorOk;
    int dateN;
    int dateOk;

    void add(Article a, String title, String author, String date) {
      if (title != null) {
        titleN++;
        if (a != null && a.title() != null && normTitle(a.title()).equals(normTitle(title))) titleOk++;
      }
      if (author != null) {
        authorN++;
        if (a != null && author.equals(a.byline())) authorOk++;
      }
      if (date != null) {
        dateN++;
        if (a != null && a.published() != null && a.published().startsWith(date)) dateOk++;
      }
    }

    void addNameSet(Article a, String title, String author, String date) {
      add(a, title, null, date);
      if (author != null) {
        authorN++;
        if (a != null && a.byline() != null && nameSet(a.byline()).equals(nameSet(author))) authorOk++;
      }
    }

    void print(String label, PrintWriter out) {
      out.println(label);
      out.printf(Locale.ROOT, "    title %.3f (%d/%d)  author %.3f (%d/%d)  date %.3f (%d/%d)%n", ratio(titleOk, titleN),
          titleOk, titleN, ratio(authorOk, authorN), authorOk, authorN, ratio(dateOk, dateN), dateOk, dateN);
    }

    private static double ratio(int a, int b) {
      return b == 0 ? 0 : (double) a / b;
    }
  }

  static String normTitle(String s) {
    return Scorers.norm(s).toLowerCase(Locale.ROOT);
  }

  static Set<String> nameSet(String s) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : s.split("\\s*(?:;|,|&|\\band\\b|\\bund\\b)\\s*")) {
      String t = Scorers.norm(p).toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) out.add(t);
    }
    return new java.util.TreeSet<>(out);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static String authorsOf(JsonNode n, String joiner) {
    if (n == null || n.isNull()) return null;
    if (n.isArray()) {
      List<String> l = strings(n);
      return l.isEmpty() ? null : String.join(joiner, l);
    }
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) return out;
    if (n.isArray()) for (JsonNode c : n) out.add(c.asText());
    else out.add(n.asText());
    return out;
  }

  /** The AEB pages (UTF-8) and their URLs, in id order. */
  record AebPages(List<String> pages, List<String> urls) {}

  static AebPages aebPages(Path dir) throws IOException {
    JsonNode gold = JSON.readTree(dir.resolve("ground-truth.json").toFile());
    List<String> ids = new ArrayList<>();
    gold.fieldNames().forEachRemaining(ids::add);
    ids.sort(null);
    List<String> pages = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (String id : ids) {
      pages.add(read(dir.resolve("html/" + id + ".html.gz"), true));
      urls.add(gold.get(id).path("url").asText(null));
    }
    return new AebPages(pages, urls);
  }

  private static byte[] gunzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }

  private static String read(Path p, boolean utf8) throws IOException {
    byte[] b = gunzip(p);
    // pages of unknown encoding go through the product's own decoding, as `storyline ingest` reads files
    return utf8 ? new String(b, StandardCharsets.UTF_8) : Decoding.decode(b).text();
  }

}
