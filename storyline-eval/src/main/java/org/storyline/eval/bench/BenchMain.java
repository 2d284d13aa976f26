package org.storyline.eval.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storyline.analyze.Analyzer;
import org.storyline.analyze.StageTimes;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.model.Report;

/**
 * {@code storyline bench [--data DIR] [--corpora reuters,wikinews,bbc] [--sizes 1000,10000,100000]
 * [--latency-sample N] [--out DIR] [--no-embeddings]}: runs the whole pipeline over real corpora and prints, per
 * stage and end to end, articles/s, per-article latency p50/p99 and peak heap, and how the cost per article changes
 * with volume.
 * Writes {@code latest.md} and {@code latest.json} to the output folder. Timing only; never a test.
 */
public final class BenchMain {
  private BenchMain() {}

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(option + " takes whole numbers above 0, not \"" + value + "\"");
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("follow")) { // the follower against local sites
      FollowBench.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Path data = Path.of("../shared/data");
    List<String> corpora = List.of("reuters", "wikinews", "bbc");
    List<Integer> sizes = List.of(1000, 10000, 100000);
    int latencySample = 500;
    Path outDir = Path.of("bench/results");
    boolean embeddings = true;
    String usage = "usage: storyline bench [--data DIR] [--corpora reuters,wikinews,bbc] [--sizes 1000,10000,100000]"
        + " [--latency-sample N] [--out DIR] [--no-embeddings]";
    try {
      for (int i = 0; i < args.length; i++) {
        String opt = args[i];
        if (!opt.equals("--no-embeddings") && i + 1 >= args.length) throw new IllegalArgumentException(opt
            + " needs a value");
        switch (opt) {
          case "--data" -> data = Path.of(args[++i]);
          case "--corpora" -> corpora = Arrays.asList(args[++i].split(","));
          case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(x -> positive("--sizes", x)).toList();
          case "--latency-sample" -> latencySample = positive("--latency-sample", args[++i]);
          case "--out" -> outDir = Path.of(args[++i]);
          case "--no-embeddings" -> embeddings = false;
          default -> throw new IllegalArgumentException("unknown option " + opt);
        }
      }
      if (!java.nio.file.Files.isDirectory(data)) throw new IllegalArgumentException("no data folder at " + data);
    } catch (IllegalArgumentException e) {
      System.err.println("storyline bench: " + e.getMessage() + "\n" + usage);
      System.exit(2);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));
    StringBuilder md = new StringBuilder();
    md.append("# Storyline benchmark\n\n").append(String.format(Locale.ROOT,
        "Machine: %d cores, max heap %d MB, Java %s. Command: `bin/storyline bench%s`.%n%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), String.join(" ", prefix(args))));

    Analyzer analyzer = Analyzer.defaults(embeddings);
    boolean embeddingsOn = embeddings && org.storyline.nlp.MiniLmEmbedder.sharedOrNull() != null;
    json.put("sentenceEmbeddings", embeddingsOn);
    md.append(embeddingsOn ? "Story clustering with sentence embeddings (all-MiniLM-L6-v2; `--no-embeddings` to "
        + "leave them out).\n\n" : "Story clustering without sentence embeddings (`--no-embeddings`).\n\n");
    List<RawDocument> all = new ArrayList<>();
    md.append("## Per corpus, whole pipeline\n\n| corpus | articles | read art/s | extract | entities | quotes | "
        + "stories | timexes | quote variants | events | outlets | facts | end-to-end art/s | peak heap MB | "
        + "CPU ms/article | art/s at full cores | load avg |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    List<Map<String, Object>> perCorpus = new ArrayList<>();
    for (String c : corpora) {
      long r0 = System.nanoTime();
      List<RawDocument> docs = BenchCorpora.load(data, c);
      long readNs = System.nanoTime() - r0;
      all.addAll(docs);
      analyzer.analyzeDocuments(docs.subList(0, Math.min(300, docs.size())), List.of()); // warm-up
      resetPeaks();
      StageTimes.Totals t = new StageTimes.Totals();
      long e0 = System.nanoTime();
      long cpu0 = processCpuNs();
      Report r = analyzer.analyzeDocuments(docs, List.of(), t);
      long endNs = System.nanoTime() - e0;
      long cpuNs = processCpuNs() - cpu0;
      double load = loadAverage();
      long peak = peakHeapMb();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("corpus", c);
      row.put("articles", docs.size());
      row.put("readArticlesPerSec", rate(docs.size(), readNs));
      Map<String, Double> stageRates = new LinkedHashMap<>();
      for (var e : t.ordered().entrySet()) stageRates.put(e.getKey(), rate(docs.size(), e.getValue()));
      row.put("stageArticlesPerSec", stageRates);
      row.put("endToEndArticlesPerSec", rate(docs.size(), endNs));
      row.put("peakHeapMb", peak);
      row.put("stories", r.stories().size());
      row.put("cpuMsPerArticle", cpuNs / 1e6 / docs.size());
      row.put("articlesPerSecAtFullCores", cpuRate(docs.size(), cpuNs));
      row.put("loadAverage", load);
      perCorpus.add(row);
      md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s "
          + "| **%.0f** | %d | %.2f | %.0f | %.1f |%n", c, docs.size(), rate(docs.size(), readNs),
          f(stageRates.get("extract")), f(stageRates.get("entities")),
          f(stageRates.get("quotes")), f(stageRates.get("stories")), f(stageRates.get("timexes")),
          f(stageRates.get("quoteVariants")), f(stageRates.get("events")), f(stageRates.get("outlets")),
          f(stageRates.get("facts")),
          rate(docs.size(), endNs), peak, cpuNs / 1e6 / docs.size(), cpuRate(docs.size(), cpuNs), load));
      System.out.printf(Locale.ROOT, "%s: %d articles, %.0f articles/s end to end, peak heap %d MB, %.2f CPU ms per "
          + "article (%.0f articles/s if the cores were ours alone), load average %.1f%n", c, docs.size(),
          rate(docs.size(), endNs), peak, cpuNs / 1e6 / docs.size(), cpuRate(docs.size(), cpuNs), load);
    }
    json.put("perCorpus", perCorpus);
    md.append("\nCPU ms/article is the process's CPU time (every thread: stages, JIT, GC) per article; art/s at full "
        + "cores is the core count divided by it, what the run would reach with the cores to itself. Load avg is the "
        + "machine's one-minute load average at the end of the run (other work on the same cores slows the wall-clock "
        + "figures most, but contention for caches and hyper-threads inflates CPU time too (BBC at load average 22: "
        + "25.7 ms per article, against 11.6 ms over BBC and Reuters on a quieter machine): compare runs made side by "
        + "side).\n");

    // Latency: one article alone through the whole pipeline (a 1-article batch), single-threaded caller.
    int n = Math.min(latencySample, all.size());
    long[] lat = new long[n];
    for (int i = 0; i < n; i++) {
      RawDocument d = all.get((int) ((long) i * all.size() / n));
      long s0 = System.nanoTime();
      analyzer.analyzeDocuments(List.of(d), List.of());
      lat[i] = System.nanoTime() - s0;
    }
    Arrays.sort(lat);
    double p50 = lat[n / 2] / 1e6;
    double p99 = lat[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6;
    double latLoad = loadAverage();
    json.put("latencyMs", Map.of("sample", n, "p50", p50, "p99", p99, "loadAverage", latLoad));
    md.append(String.format(Locale.ROOT, "%n## Latency, one article alone through the pipeline%n%n"
        + "Sample of %d articles spread over the corpora: p50 **%.2f ms**, p99 **%.2f ms** (load average %.1f).%n", n,
        p50, p99, latLoad));
    System.out.printf(Locale.ROOT, "latency (1-article batches, n=%d): p50 %.2f ms, p99 %.2f ms%n", n, p50, p99);

    // Growth: one store filled chunk by chunk through the library (what `storyline ingest` and the server do: store,
    // read model, stories assigned against every stored one, story state saved), measured as it passes each size.
    md.append("\n## Growth: ingest cost per article as the store grows (`storyline ingest`'s path: the library's "
        + "store, read model and stories, each new article assigned against every stored story and the story state "
        + "saved; corpora replayed with shifted ids, URLs and dates; at each size the same 1,000-article probe, "
        + "spread over all corpora and dated a year after the stored news, is ingested)\n\n"
        + "| stored articles | ingest art/s (probe) | µs/article | ratio to first | CPU ms/article | "
        + "story state load s | store MB on disk | KB/article on disk | peak heap MB (probe) | live heap MB | load avg |"
        + "\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    List<Map<String, Object>> growth = new ArrayList<>();
    int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
    List<RawDocument> docs = BenchCorpora.replay(all, max);
    Path storeDir = Files.createTempDirectory("storyline-bench-store");
    double first = 0;
    int chunk = 1000;
    System.gc();
    resetPeaks();
    long ingestStart = System.nanoTime();
    org.storyline.store.Library.Options options = org.storyline.store.Library.Options.defaults()
        .withEmbeddings(embeddings);
    try (org.storyline.store.Library lib = org.storyline.store.Library.open(storeDir, options)) {
      for (int from = 0; from < max; from += chunk) {
        int to = Math.min(max, from + chunk);
        lib.ingestDocuments(docs.subList(from, to), p -> {});
        if (sizes.contains(to)) {
          // The probe: the same 1,000 documents (fresh ids and URLs, dated a year after the newest stored round) at
          // every size, so only the store's size differs.
          List<RawDocument> probe = probe(all, chunk, to, (to - 1) / all.size() + 1);
          resetPeaks();
          long c0 = System.nanoTime();
          long cpu0 = processCpuNs();
          lib.ingestDocuments(probe, p -> {});
          long ns = System.nanoTime() - c0;
          long cpuNs = processCpuNs() - cpu0;
          double usPer = ns / 1e3 / probe.size();
          if (first == 0) first = usPer;
          long disk = diskMb(storeDir);
          long peak = peakHeapMb();
          double gl = loadAverage();
          System.gc();
          long live = usedHeapMb(); // what the library holds with this many articles stored
          // what a new process (a CLI ingest, a server starting) pays once before assigning anything
          long l0 = System.nanoTime();
          org.storyline.cluster.OnlineStoryStage.defaults(embeddings)
              .resume(org.storyline.store.Library.storiesFile(storeDir));
          double loadS = (System.nanoTime() - l0) / 1e9;
          growth.add(Map.of("storedArticles", to, "articlesPerSec", rate(probe.size(), ns), "usPerArticle", usPer,
              "ratioToFirst", usPer / first, "cpuMsPerArticle", cpuNs / 1e6 / probe.size(), "storyStateLoadSeconds",
              loadS, "storeMbOnDisk", disk, "peakHeapMb", peak, "liveHeapMb", live, "loadAverage", gl));
          md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.1f | %.2f | %d | %.1f | %d | %d | %.1f |%n",
              to, rate(probe.size(), ns), usPer, usPer / first, cpuNs / 1e6 / probe.size(), loadS, disk,
              disk * 1024.0 / lib.store().size(), peak, live, gl));
          System.out.printf(Locale.ROOT, "growth %d stored: %.0f articles/s, %.0f us/article (x%.2f), %.1f CPU ms "
              + "per article, story state loads in %.2f s, store %d MB, peak heap %d MB, live heap %d MB%n", to,
              rate(probe.size(), ns), usPer, usPer / first, cpuNs / 1e6 / probe.size(), loadS, disk, peak, live);
        }
      }
    } finally {
      deleteTree(storeDir);
    }
    double total = (System.nanoTime() - ingestStart) / 1e9;
    md.append(String.format(Locale.ROOT, "%nWhole run: %d articles ingested in %.1f s (%.0f articles/s).%n", max,
        total, max / total));
    json.put("growth", growth);
    json.put("ingestTotalSeconds", total);

    // The HTML path: main-content extraction, ours and the peers side by side on the same raw pages.
    List<String> pages = org.storyline.eval.extraction.HtmlBench.loadPages(data);
    if (!pages.isEmpty()) {
      Map<String, Double> pps = org.storyline.eval.extraction.HtmlBench.pagesPerSecond(pages);
      double ours = pps.values().iterator().next();
      md.append(String.format(Locale.ROOT, "%n## HTML extraction, side by side (%d raw pages: AEB + trafilatura-eval;"
          + " one thread, systems interleaved in blocks of pages, median of 3 rounds after a warm-up)%n%n"
          + "Load average %.1f.%n%n| system | pages/s | ms/page | ours ÷ it |%n"
          + "|---|---|---|---|%n", pages.size(), loadAverage()));
      for (var e : pps.entrySet()) {
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2fx |%n", e.getKey(), e.getValue(),
            1000 / e.getValue(), ours / e.getValue()));
        System.out.printf(Locale.ROOT, "html %s: %.0f pages/s (ours/it %.2fx)%n", e.getKey(), e.getValue(),
            ours / e.getValue());
      }
      // The whole pipeline over the same pages as HTML documents (extraction + language stages + stories).
      List<RawDocument> htmlDocs = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        htmlDocs.add(new RawDocument("page-" + i, "page-" + i, RawDocument.Format.HTML, pages.get(i), null));
      }
      long h0 = System.nanoTime();
      long hc0 = processCpuNs();
      analyzer.analyzeDocuments(htmlDocs, List.of());
      double hps = rate(htmlDocs.size(), System.nanoTime() - h0);
      double hcpu = cpuRate(htmlDocs.size(), processCpuNs() - hc0);
      double hl = loadAverage();
      md.append(String.format(Locale.ROOT, "%nWhole pipeline from raw HTML (both cores): **%.0f pages/s** (%.0f pages/s"
          + " at full cores by CPU time; load average %.1f).%n", hps, hcpu, hl));
      System.out.printf(Locale.ROOT, "html whole pipeline: %.0f pages/s (%.0f at full cores), load average %.1f%n",
          hps, hcpu, hl);
      json.put("html", Map.of("pages", pages.size(), "pagesPerSec", pps, "pipelinePagesPerSec", hps,
          "pipelinePagesPerSecAtFullCores", hcpu, "loadAverage", hl));
    }

    Files.createDirectories(outDir);
    Files.writeString(outDir.resolve("latest.md"), md.toString());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outDir.resolve("latest.json").toFile(),
        json);
    System.out.println();
    System.out.println(md);
    System.out.println("wrote " + outDir.resolve("latest.md") + " and " + outDir.resolve("latest.json"));
  }

  /** {@code n} documents spread evenly over {@code all}, with ids unique to this probe point. */
  private static List<RawDocument> probe(List<RawDocument> all, int n, int point, int years) {
    List<RawDocument> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RawDocument d = BenchCorpora.shifted(all.get((int) ((long) i * all.size() / n)), years);
      var h = d.hints();
      out.add(new RawDocument(d.id() + "~probe" + point, d.source(), d.format(), d.content(),
          new RawDocument.Hints(h.url() == null ? null : h.url() + "#probe" + point, h.title(), h.outlet(),
              h.byline(), h.published())));
    }
    return out;
  }

  private static long diskMb(Path dir) throws java.io.IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() >> 20;
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  private static List<String> prefix(String[] args) {
    List<String> l = new ArrayList<>();
    for (String a : args) l.add(a);
    if (!l.isEmpty()) l.add(0, "");
    return l;
  }

  private static String f(Double d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.0f", d);
  }

  static double rate(int n, long nanos) {
    return nanos <= 0 ? 0 : n / (nanos / 1e9);
  }

  /** CPU time of the whole process so far (every thread), or 0 when the platform does not say. */
  static long processCpuNs() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  /** Articles per second the cores would give this process alone: cores x articles / CPU seconds. */
  static double cpuRate(int n, long cpuNanos) {
    return cpuNanos <= 0 ? 0 : Runtime.getRuntime().availableProcessors() * n / (cpuNanos / 1e9);
  }

  /** The machine's one-minute load average (negative when unknown). */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }
  }

  /** The heap in use now (after a collection: what is live). */
  private static long usedHeapMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }

  /** Sum of the heap pools' peaks since the last reset: an upper bound on the peak heap in use. */
  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    }
    return sum >> 20;
  }

}
