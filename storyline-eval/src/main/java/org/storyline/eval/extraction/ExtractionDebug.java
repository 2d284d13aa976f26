package org.storyline.eval.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.storyline.model.Article;

/**
 * Developer tool, not a suite: per-page AEB or WCXB scores of ours (worst first), or one page's output beside its
 * gold. {@code java -cp ... ExtractionDebug DATA aeb|wcxb [ID]}. {@code dump} and {@code dumpurls} print one hash of our
 * output per benchmark page (diff two builds' dumps to check a change keeps the output identical); {@code speed}
 * races ours against Readability4J and {@code profile} times ours alone (for a profiler).
 */
public final class ExtractionDebug {
  private ExtractionDebug() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).resolve("extraction");
    String which = args[1];
    ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    Systems.System ours = new Systems.Ours();
    record Row(String id, double p, double r, int gold, int pred) {}
    List<Row> rows = new ArrayList<>();
    Scorers.Aeb total = new Scorers.Aeb();
    Scorers.Wcxb wtotal = new Scorers.Wcxb();
    if (which.equals("date")) {
      Path dir = root.resolve("htmldate-eval");
      Scorers.Dates all = new Scorers.Dates();
      for (String set : List.of("eval_mediacloud_2020.json", "eval_default.json")) {
        JsonNode eval = json.readTree(dir.resolve(set).toFile());
        List<String> urls = new ArrayList<>();
        eval.fieldNames().forEachRemaining(urls::add);
        urls.sort(null);
        for (String url : urls) {
          JsonNode item = eval.get(url);
          Path f = dir.resolve("html/" + item.get("file").asText() + ".gz");
          String gold = item.get("date").asText();
          if (!Files.exists(f)) {
            all.add(gold, null);
            continue;
          }
          Article a = ours.extract(org.storyline.ingest.Decoding.decode(gunzip(f)).text(), url);
          all.add(gold, a.published());
          if (a.published() == null || !a.published().startsWith(gold)) {
            System.out.println(gold + " " + a.published() + " " + item.get("file").asText() + " " + url + " "
                + a.diagnostics());
          }
        }
      }
      System.out.printf(Locale.ROOT, "DATE acc %.4f P %.4f R %.4f%n", all.accuracy(), all.precision(), all.recall());
      return;
    }
    if (which.equals("dump")) {
      // one line per page of every benchmark: a hash of our whole output, to check that a change keeps it identical
      List<Path> files = new ArrayList<>();
      for (String sub : List.of("scrapinghub-aeb/html", "trafilatura-eval/html", "wcxb-articles/dev/html",
          "htmldate-eval/html")) {
        try (var st = Files.list(root.resolve(sub))) {
          files.addAll(st.sorted().toList());
        }
      }
      for (Path f : files) {
        Article a = ours.extract(org.storyline.ingest.Decoding.decode(gunzip(f)).text(), "https://example.org/x");
        String all = a.title() + "|" + a.byline() + "|" + a.published() + "|" + a.outlet() + "|" + a.text() + "|"
            + a.removed() + "|" + a.diagnostics();
        System.out.println(root.relativize(f) + " " + Integer.toHexString(all.hashCode()) + " " + a.published());
      }
      return;
    }
    if (which.equals("dumpurls")) {
      // as dump, but each page with the URL its benchmark gives (dates from URLs count) and a hash of the whole
      // Article (every field): diff two builds' outputs to check that a change keeps the output identical
      List<String[]> items = new ArrayList<>(); // path under extraction/, url, "u" when read as UTF-8
      JsonNode aeb = json.readTree(root.resolve("scrapinghub-aeb/ground-truth.json").toFile());
      aeb.fieldNames().forEachRemaining(id -> items.add(new String[] {"scrapinghub-aeb/html/" + id + ".html.gz",
          aeb.get(id).path("url").asText(null), "u"}));
      for (String set : List.of("eval_mediacloud_2020.json", "eval_default.json")) {
        JsonNode e = json.readTree(root.resolve("htmldate-eval/" + set).toFile());
        e.fieldNames().forEachRemaining(u -> items.add(new String[] {"htmldate-eval/html/"
            + e.get(u).get("file").asText() + ".gz", u, "d"}));
      }
      JsonNode traf = json.readTree(root.resolve("trafilatura-eval/evaldata.json").toFile());
      traf.fieldNames().forEachRemaining(u -> items.add(new String[] {"trafilatura-eval/html/"
          + traf.get(u).get("file").asText() + ".gz", u, "d"}));
      try (var st = Files.list(root.resolve("wcxb-articles/dev/ground-truth"))) {
        for (Path gp : st.sorted().toList()) {
          String id = gp.getFileName().toString().replace(".json.gz", "");
          items.add(new String[] {"wcxb-articles/dev/html/" + id + ".html.gz",
              json.readTree(gunzip(gp)).path("url").asText(null), "u"});
        }
      }
      for (String[] it : items) {
        Path f = root.resolve(it[0]);
        if (!Files.exists(f)) continue;
        byte[] b = gunzip(f);
        String html = it[2].equals("u") ? new String(b, StandardCharsets.UTF_8)
            : org.storyline.ingest.Decoding.decode(b).text();
        Article a = ours.extract(html, it[1]);
        System.out.println(it[0] + " " + Integer.toHexString(a.toString().hashCode()) + " " + a.published());
      }
      return;
    }
    if (which.equals("speed") || which.equals("profile")) {
      // speed: SpeedRace over the AEB pages (ours vs Readability4J); profile: ours alone, for a profiler
      ExtractionSuite.AebPages aeb = ExtractionSuite.aebPages(root.resolve("scrapinghub-aeb"));
      List<String> pages = aeb.pages();
      List<String> urls = aeb.urls();
      int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
      if (args.length > 3 && args[3].equals("all")) {
        // the bench's page set: AEB and trafilatura-eval, no URLs
        pages = HtmlBench.loadPages(Path.of(args[0]));
        urls = new ArrayList<>(java.util.Collections.nCopies(pages.size(), (String) null));
      }
      if (which.equals("profile")) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int p = 0; p < pages.size(); p++) ours.extract(pages.get(p), urls.get(p));
        long best = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
          long t0 = mx.getCurrentThreadCpuTime();
          for (int p = 0; p < pages.size(); p++) ours.extract(pages.get(p), urls.get(p));
          best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
        }
        System.out.printf(Locale.ROOT, "ours %.3f ms/page (thread CPU, best round)%n", best / 1e6 / pages.size());
        return;
      }
      SpeedRace.Result r = SpeedRace.run(List.of(ours, new Systems.Readability()), pages, urls, 1, rounds);
      System.out.printf(Locale.ROOT, "ours %.2f ms/page (best %.2f, cpu %.2f, %.0f KB)  R4J %.2f ms/page (best %.2f,"
          + " cpu %.2f, %.0f KB)  ratio %.2fx%n", r.medianMsPerPage()[0], r.minMsPerPage()[0], r.cpuMsPerPage()[0],
          r.allocKbPerPage()[0], r.medianMsPerPage()[1], r.minMsPerPage()[1], r.cpuMsPerPage()[1],
          r.allocKbPerPage()[1], r.slowerThanFirst()[1]);
      return;
    }
    if (which.equals("otherdates")) {
      // publish-date accuracy on the trafilatura-eval and WCXB dev golds (as the suite scores them), misses listed
      int[] traf = {0, 0};
      JsonNode eval = json.readTree(root.resolve("trafilatura-eval/evaldata.json").toFile());
      List<String> urls = new ArrayList<>();
      eval.fieldNames().forEachRemaining(urls::add);
      urls.sort(null);
      for (String url : urls) {
        JsonNode item = eval.get(url);
        String gold = item.path("date").asText("");
        Path f = root.resolve("trafilatura-eval/html/" + item.get("file").asText() + ".gz");
        if (gold.isEmpty() || !Files.exists(f)) continue;
        Article a = ours.extract(org.storyline.ingest.Decoding.decode(gunzip(f)).text(), url);
        traf[1]++;
        if (a.published() != null && a.published().startsWith(gold)) traf[0]++;
        else System.out.println("TRAF " + gold + " " + a.published() + " " + item.get("file").asText() + " " + a.diagnostics());
      }
      int[] wcxb = {0, 0};
      Path dir = root.resolve("wcxb-articles/dev");
      List<Path> gts;
      try (var st = Files.list(dir.resolve("ground-truth"))) {
        gts = st.sorted().toList();
      }
      for (Path gp : gts) {
        String id = gp.getFileName().toString().replace(".json.gz", "");
        JsonNode d = json.readTree(gunzip(gp));
        String gold = d.path("ground_truth").path("publish_date").asText("");
        if (gold.isEmpty() || gold.equals("null")) continue;
        String html = new String(gunzip(dir.resolve("html/" + id + ".html.gz")), StandardCharsets.UTF_8);
        Article a = ours.extract(html, d.path("url").asText(null));
        wcxb[1]++;
        if (a.published() != null && a.published().startsWith(gold)) wcxb[0]++;
        else System.out.println("WCXB " + gold + " " + a.published() + " " + id + " " + a.diagnostics());
      }
      System.out.printf(Locale.ROOT, "TRAF date %d/%d  WCXB date %d/%d%n", traf[0], traf[1], wcxb[0], wcxb[1]);
      return;
    }
    if (which.equals("traf")) {
      Path dir = root.resolve("trafilatura-eval");
      JsonNode eval = json.readTree(dir.resolve("evaldata.json").toFile());
      List<String> urls = new ArrayList<>();
      eval.fieldNames().forEachRemaining(urls::add);
      urls.sort(null);
      Scorers.Snippets all = new Scorers.Snippets();
      for (String url : urls) {
        JsonNode item = eval.get(url);
        if (args.length > 2 && !item.get("file").asText().startsWith(args[2])) continue;
        Path f = dir.resolve("html/" + item.get("file").asText() + ".gz");
        if (!Files.exists(f)) continue;
        Article a = ours.extract(org.storyline.ingest.Decoding.decode(gunzip(f)).text(), url);
        Scorers.Snippets s = new Scorers.Snippets();
        List<String> with = new ArrayList<>();
        item.path("with").forEach(n -> with.add(n.asText()));
        List<String> without = new ArrayList<>();
        item.path("without").forEach(n -> without.add(n.asText()));
        s.add(a.text(), with, without);
        all.add(a.text(), with, without);
        if (s.fn + s.fp > 0) {
          System.out.println(item.get("file").asText() + " fn " + s.fn + " fp " + s.fp);
          if (args.length > 2) {
            for (String w : with) if (!Scorers.norm(a.text()).contains(Scorers.norm(w))) System.out.println("  MISSING " + w);
            for (String w : without) if (Scorers.norm(a.text()).contains(Scorers.norm(w))) System.out.println("  JUNK " + w);
            show("", a, url);
          }
        }
      }
      System.out.printf(Locale.ROOT, "TRAF P %.4f R %.4f F %.4f%n", all.precision(), all.recall(), all.f1());
      return;
    }
    if (which.equals("aeb")) {
      Path dir = root.resolve("scrapinghub-aeb");
      JsonNode gold = json.readTree(dir.resolve("ground-truth.json").toFile());
      List<String> ids = new ArrayList<>();
      gold.fieldNames().forEachRemaining(ids::add);
      ids.sort(null);
      for (String id : ids) {
        if (args.length > 2 && !id.startsWith(args[2])) continue;
        String html = new String(gunzip(dir.resolve("html/" + id + ".html.gz")), StandardCharsets.UTF_8);
        Article a = ours.extract(html, gold.get(id).path("url").asText(null));
        String g = gold.get(id).get("articleBody").asText();
        Scorers.Aeb s = new Scorers.Aeb();
        s.add(g, a.text());
        total.add(g, a.text());
        rows.add(new Row(id, s.precision(), s.recall(), g.length(), a.text().length()));
        if (args.length > 2) show(g, a, gold.get(id).path("url").asText());
        if (System.getenv("REMOVED") != null) {
          for (String r : a.removed()) {
            String n = Scorers.norm(r);
            if (n.length() > 3 && Scorers.norm(g).contains(n)) System.out.println("WRONGLY REMOVED " + n);
          }
        }
      }
    } else {
      Path dir = root.resolve("wcxb-articles/dev");
      List<Path> gts;
      try (var st = Files.list(dir.resolve("ground-truth"))) {
        gts = st.sorted().toList();
      }
      for (Path gp : gts) {
        String id = gp.getFileName().toString().replace(".json.gz", "");
        if (args.length > 2 && !id.equals(args[2])) continue;
        JsonNode d = json.readTree(gunzip(gp));
        String html = new String(gunzip(dir.resolve("html/" + id + ".html.gz")), StandardCharsets.UTF_8);
        Article a = ours.extract(html, d.path("url").asText(null));
        String g = d.path("ground_truth").path("main_content").asText("");
        Scorers.Wcxb s = new Scorers.Wcxb();
        s.add(g, a.text(), List.of(), List.of());
        wtotal.add(g, a.text(), List.of(), List.of());
        rows.add(new Row(id, s.p, s.r, g.length(), a.text().length()));
        if (args.length > 2) show(g, a, d.path("url").asText());
      }
    }
    System.out.printf(Locale.ROOT, "AEB F1 %.4f P %.4f R %.4f | WCXB F1 %.4f P %.4f R %.4f%n", total.f1(),
        total.precision(), total.recall(), wtotal.f / Math.max(1, wtotal.n), wtotal.p / Math.max(1, wtotal.n),
        wtotal.r / Math.max(1, wtotal.n));
    rows.sort((x, y) -> Double.compare(f(x.p(), x.r()), f(y.p(), y.r())));
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "%s  P %.2f R %.2f  gold %d pred %d%n", r.id().substring(0, Math.min(12,
          r.id().length())), r.p(), r.r(), r.gold(), r.pred());
    }
  }

  private static double f(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static void show(String gold, Article a, String url) {
    System.out.println("URL " + url);
    System.out.println("TITLE " + a.title() + " | BY " + a.byline() + " | DATE " + a.published() + " | OUTLET "
        + a.outlet() + " | DIAG " + a.diagnostics());
    System.out.println("=== GOLD\n" + gold + "\n=== OURS\n" + a.text() + "\n=== REMOVED\n" + a.removed());
  }

  private static byte[] gunzip(Path p) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }
}
