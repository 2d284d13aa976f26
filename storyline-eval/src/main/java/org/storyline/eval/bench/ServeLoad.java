package org.storyline.eval.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.storyline.ingest.RawDocument;
import org.storyline.server.ServerConfig;
import org.storyline.server.StorylineServer;
import org.storyline.store.Library;

/**
 * {@code storyline eval serve-load}: the server under load. Builds (or reuses) a store of Reuters-21578 replayed
 * with shifted ids and dates to {@code --articles} articles, starts the server on a random loopback port, drives it
 * with {@code --clients} concurrent clients for {@code --seconds} over the story page, the story API, search, the
 * entity API and the article API while an ingest of {@code --ingest} new articles runs through {@code POST
 * /api/ingest}, prints throughput and p50/p99 per endpoint, then checks that every ingested article is readable.
 * Without {@code --think} the clients ask again as soon as they have an answer (the server's saturation: latency is
 * then the clients' count over the throughput); with {@code --think MS} each waits about that long between two
 * requests, as a reader does between two pages.
 * Clients are bounded in count and time and talk to 127.0.0.1 only, each over one keep-alive connection
 * ({@link LoadClient}). Before the load it prints what one request of each endpoint costs the process in CPU time.
 */
public final class ServeLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Articles per POST of the ingest that runs during the load. */
  private static final int INGEST_BATCH = 100;
  /** Stories the "front" endpoints pick from: the newest, as the front page lists them. */
  private static final int FRONT = 200;
  /** Articles ingested (two POSTs, not measured) before the load, so the JIT has compiled the ingest path too. */
  private static final int WARM_INGEST = 200;
  /** Sequential requests per endpoint for the CPU-per-request figures. */
  private static final int CPU_REQUESTS = 300;

  private ServeLoad() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("../shared/data");
    Path storeDir = Path.of("target/serve-load-store");
    int articles = 100_000;
    int clients = 50;
    int seconds = 60;
    int ingest = 1000;
    int warmup = 30;
    int think = 0;
    boolean embeddings = true;
    boolean buildOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--store" -> storeDir = Path.of(args[++i]);
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--ingest" -> ingest = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--think" -> think = Integer.parseInt(args[++i]);
        case "--no-embeddings" -> embeddings = false;
        case "--build-only" -> buildOnly = true;
        default -> {
          System.err.println("storyline eval serve-load: unknown option " + args[i] + "\nusage: storyline eval "
              + "serve-load [--data DIR] [--store DIR] [--articles 100000] [--clients 50] [--seconds 60] "
              + "[--ingest 1000] [--warmup 30] [--think MS] [--no-embeddings] [--build-only]");
          System.exit(2);
        }
      }
    }
    if (clients < 1 || clients > 500) throw new IllegalArgumentException("--clients must be 1..500");
    if (seconds < 1 || seconds > 3600) throw new IllegalArgumentException("--seconds must be 1..3600");
    if (think < 0 || think > 60_000) throw new IllegalArgumentException("--think must be 0..60000 ms");
    List<RawDocument> base = BenchCorpora.load(data, "reuters");
    List<RawDocument> all = BenchCorpora.replay(base, articles);
    Library.Options opts = Library.Options.defaults().withEmbeddings(embeddings);
    try (Library lib = Library.open(storeDir, opts)) {
      build(lib, all);
      // the articles the run ingests are new to the store (a reused store holds those of earlier runs): the next
      // ones of the replay that it lacks; the first WARM_INGEST of them warm the ingest path up
      List<RawDocument> fresh = new ArrayList<>();
      int need = WARM_INGEST + ingest;
      int from = articles;
      while (fresh.size() < need) {
        List<RawDocument> more = BenchCorpora.replay(base, from + 4 * need + 1000);
        for (RawDocument d : more.subList(from, more.size())) {
          if (fresh.size() < need && lib.store().get(d.id()).isEmpty()) fresh.add(d);
        }
        from = more.size();
      }
      long v0 = System.nanoTime();
      lib.snapshot();
      long v1 = System.nanoTime();
      int views = lib.precomputeViews(() -> false);
      System.out.printf(Locale.ROOT, "snapshot %.1f s; story views computed: %d (%.0f s)%n", (v1 - v0) / 1e9, views,
          (System.nanoTime() - v1) / 1e9);
      if (buildOnly) return;
      run(lib, fresh, clients, seconds, warmup, think);
    }
  }

  /** Fills the store up to {@code docs.size()} articles (what it holds already is skipped by id). */
  static void build(Library lib, List<RawDocument> docs) throws IOException {
    int have = lib.store().size();
    if (have >= docs.size()) {
      System.out.printf(Locale.ROOT, "store %s: %d articles (reused)%n", lib.dataDir(), have);
      return;
    }
    long t0 = System.nanoTime();
    int chunk = 5000;
    for (int i = have; i < docs.size(); i += chunk) {
      List<RawDocument> part = docs.subList(i, Math.min(docs.size(), i + chunk));
      Library.IngestResult r = lib.ingestDocuments(part, p -> {});
      System.out.printf(Locale.ROOT, "store: %d articles, %d stories (%.0f s)%n", r.articles(), r.stories(),
          (System.nanoTime() - t0) / 1e9);
    }
  }

  /** One endpoint's latencies. */
  private static final class Stats {
    final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicLong errors = new AtomicLong();
  }

  static void run(Library lib, List<RawDocument> fresh, int clients, int seconds, int warmup, int think)
      throws Exception {
    List<RawDocument> warmIngest = fresh.subList(0, Math.min(WARM_INGEST, fresh.size()));
    List<RawDocument> toIngest = fresh.subList(warmIngest.size(), fresh.size());
    var snap = lib.snapshot();
    List<String> storyIds = snap.stories().stream().map(s -> s.id()).toList();
    // what the front page and the story list show first: the newest stories
    List<String> frontIds = snap.stories().reversed().stream().limit(FRONT).map(s -> s.id()).toList();
    List<String> articleIds = snap.articles().stream().map(a -> a.id()).toList();
    List<String> entityIds = lib.entities().entities(null, 0, 500).items().stream().map(e -> e.id()).toList();
    List<String> words = new ArrayList<>();
    // search words from the titles of every 13th stored article (thousands of different words, so a page kept
    // by the server's search cache is the exception, not the rule)
    for (int i = 0; i < snap.articles().size(); i += 13) {
      String t = snap.articles().get(i).title();
      if (t == null) continue;
      for (String w : t.split("[^A-Za-z]+")) if (w.length() > 4) words.add(w.toLowerCase(Locale.ROOT));
    }
    if (storyIds.isEmpty() || entityIds.isEmpty() || words.isEmpty()) throw new IllegalStateException("empty store");
    try (StorylineServer server = StorylineServer.start(lib, ServerConfig.local(0))) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      boolean storyPage = http.send(HttpRequest.newBuilder(URI.create(base + "/stories/" + enc(storyIds.get(0))))
          .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      Map<String, Stats> stats = new ConcurrentHashMap<>();
      List<String> endpoints = new ArrayList<>(List.of("story api (front)", "story api (any)", "search",
          "search+facets", "entity", "article"));
      if (storyPage) {
        endpoints.add(0, "story page (any)");
        endpoints.add(0, "story page (front)");
      }
      else System.out.println("(the story page /stories/{id} is not served by this build: left out)");
      for (String e : endpoints) stats.put(e, new Stats());
      Stats ingestStats = new Stats();
      // warm-up (JIT, caches, the first story views): the same requests, not recorded, without the ingest
      // with the clients of the load, so the JIT sees the load's mix and concurrency before anything is recorded,
      // and an ingest of new articles for the ingest path
      for (int i = 0; i < warmIngest.size(); i += INGEST_BATCH) {
        post(http, base, warmIngest.subList(i, Math.min(warmIngest.size(), i + INGEST_BATCH)));
      }
      warm(server.port(), clients, warmup, endpoints, storyIds, frontIds, articleIds, entityIds, words);
      var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
      long jitWarm = jit.getTotalCompilationTime();
      Random wr = new Random(7);
      try (LoadClient warm = new LoadClient(server.port(), 30_000)) {
        // what one request costs the process (server and this client, on every thread: CPU time, so it holds on a
        // busy machine), one request at a time without the ingest
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean();
        System.out.println("\nCPU per request (process CPU time over " + CPU_REQUESTS + " sequential requests each):");
        Random cr = new Random(11);
        for (String ep : endpoints) {
          long c0 = os.getProcessCpuTime();
          for (int i = 0; i < CPU_REQUESTS; i++) warm.get(path(ep, storyIds, frontIds, articleIds, entityIds, words, cr), accept(ep));
          System.out.printf(Locale.ROOT, "  %-20s %.2f ms%n", ep, (os.getProcessCpuTime() - c0) / 1e6 / CPU_REQUESTS);
        }
      }
      List<String> ingested = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicLong skipped = new AtomicLong();
      AtomicLong posted = new AtomicLong();
      // one POST alone first: what an ingest of INGEST_BATCH articles costs without readers
      var osq = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();
      int alone = Math.min(INGEST_BATCH, toIngest.size());
      if (alone > 0) {
        long c0 = osq.getProcessCpuTime();
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(http, base, toIngest.subList(0, alone));
        System.out.printf(Locale.ROOT, "one ingest POST of %d articles alone: %.1f s, %.1f s of process CPU (HTTP %d)%n",
            alone, (System.nanoTime() - t0) / 1e9, (osq.getProcessCpuTime() - c0) / 1e9, r.statusCode());
        if (r.statusCode() == 200) accepted(r.body(), ingested, skipped);
      }
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      Thread writer = new Thread(() -> {
        try {
          for (int i = alone; i < toIngest.size() && System.nanoTime() < deadline; i += INGEST_BATCH) {
            List<RawDocument> part = toIngest.subList(i, Math.min(toIngest.size(), i + INGEST_BATCH));
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(http, base, part);
            ingestStats.nanos.add(System.nanoTime() - t0);
            posted.addAndGet(part.size());
            if (r.statusCode() != 200) {
              ingestStats.errors.incrementAndGet();
              System.out.println("ingest: HTTP " + r.statusCode() + " " + r.body());
            } else {
              accepted(r.body(), ingested, skipped);
            }
          }
        } catch (Exception e) {
          System.out.println("ingest failed: " + e);
        }
      });
      var osb = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();
      long gc0 = gcMillis();
      long cpu0 = osb.getProcessCpuTime();
      writer.start();
      long start = System.nanoTime();
      drive(server.port(), clients, deadline, endpoints, storyIds, frontIds, articleIds, entityIds, words, stats,
          think, 1000);
      double wall = (System.nanoTime() - start) / 1e9;
      double cpuCores = (osb.getProcessCpuTime() - cpu0) / 1e9 / wall;
      long jitLoad = jit.getTotalCompilationTime() - jitWarm;
      long gc = gcMillis() - gc0;
      // the POST in flight when the time is up may still be building the next snapshot (its articles are committed
      // first, so they are readable before it answers): wait for it a bounded time
      writer.join(180_000);
      if (writer.isAlive()) System.out.println("(the last ingest POST had not answered 180 s after the load ended)");
      System.out.printf(Locale.ROOT, "%n%d stored articles, %d stories, %d clients, %s, %.0f s, server on 127.0.0.1%n",
          lib.store().size(), lib.snapshot().stories().size(), clients, think == 0 ? "no think time (each client "
          + "asks again as soon as it has its answer)" : "think time " + think / 2 + ".." + (think + think / 2)
          + " ms between a client's requests", wall);
      System.out.println("| endpoint | requests | req/s | p50 ms | p99 ms | max ms | errors |");
      System.out.println("|---|---|---|---|---|---|---|");
      long total = 0;
      for (String e : endpoints) {
        total += line(e, stats.get(e), wall);
      }
      line("ingest (POST " + INGEST_BATCH + ")", ingestStats, wall);
      System.out.printf(Locale.ROOT, "all reads: %d requests, %.0f req/s; process CPU %.2f of %d cores; GC %d ms; "
          + "JIT compiling after the %d s warm-up: %d ms%n", total, total / wall, cpuCores,
          Runtime.getRuntime().availableProcessors(), gc, warmup, jitLoad);

      // every article the ingest stored is readable
      int missing = 0;
      List<String> check;
      synchronized (ingested) {
        check = List.copyOf(ingested);
      }
      for (String id : check) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles/" + enc(id)))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          if (missing++ < 5) System.out.println("not readable: " + id + " (HTTP " + r.statusCode() + ")");
        }
      }
      System.out.printf(Locale.ROOT, "ingested during the load: %d articles; readable afterwards: %d; missing: %d%s%n",
          check.size(), check.size() - missing, missing, skipped.get() == 0 ? "" : "; " + skipped.get()
          + " posted articles the server did not add (its answer says why: a problem, or unchanged)");
      if (missing > 0) System.exit(1);
    }
  }

  /** {@code clients} clients over the endpoints for {@code seconds}, nothing recorded. */
  private static void warm(int port, int clients, int seconds, List<String> endpoints, List<String> storyIds,
      List<String> frontIds, List<String> articleIds, List<String> entityIds, List<String> words)
      throws InterruptedException {
    drive(port, clients, System.nanoTime() + seconds * 1_000_000_000L, endpoints, storyIds, frontIds, articleIds,
        entityIds, words, null, 0, 7);
  }

  /**
   * {@code clients} clients, each on its own connection, over the endpoints in turn until {@code deadline}; each
   * request's latency and errors go to {@code stats} by endpoint (null: not recorded); {@code think} ms as in
   * {@code --think}. Returns when every client has stopped.
   */
  private static void drive(int port, int clients, long deadline, List<String> endpoints, List<String> storyIds,
      List<String> frontIds, List<String> articleIds, List<String> entityIds, List<String> words,
      Map<String, Stats> stats, int think, long seed) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Random rnd = new Random(seed + c);
      int first = c;
      Thread t = new Thread(() -> {
        try (LoadClient client = new LoadClient(port, 30_000)) {
          // paced readers arrive at random moments, not all at once: fifty first requests in the same millisecond
          // were a burst two cores answer in ~100 ms, about 1.5% of a paced run's requests and so its p99
          if (think > 0) Thread.sleep(rnd.nextInt(think + 1));
          for (int i = first; System.nanoTime() < deadline; i++) {
            String ep = endpoints.get(i % endpoints.size());
            String path = path(ep, storyIds, frontIds, articleIds, entityIds, words, rnd);
            long t0 = System.nanoTime();
            Stats st = stats == null ? null : stats.get(ep);
            try {
              if (client.get(path, accept(ep)) != 200 && st != null) st.errors.incrementAndGet();
            } catch (IOException e) {
              if (st != null) st.errors.incrementAndGet(); // counted (a timeout at its 30 s), the client goes on
            }
            if (st != null) st.nanos.add(System.nanoTime() - t0);
            if (think > 0) Thread.sleep(think / 2 + rnd.nextInt(think + 1)); // a reader between two pages
          }
        } catch (Exception e) {
          System.out.println("client failed: " + e);
        }
      });
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) t.join();
  }

  private static HttpResponse<String> post(HttpClient http, String base, List<RawDocument> part)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (RawDocument d : part) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", d.id());
      m.put("title", d.hints().title());
      m.put("outlet", d.hints().outlet());
      m.put("published", d.hints().published());
      m.put("text", d.content());
      body.append(JSON.writeValueAsString(m)).append('\n');
    }
    return http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest"))
        .timeout(Duration.ofMinutes(10))
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The ids an ingest answer says it stored ({@code addedIds}): those are checked for afterwards. A posted article
   * the server did not add (skipped with a problem, as a Reuters item whose body is only a headline) is counted apart.
   */
  private static void accepted(String body, List<String> ingested, AtomicLong skipped) throws IOException {
    var json = JSON.readTree(body);
    for (var id : json.path("addedIds")) ingested.add(id.asText());
    skipped.addAndGet(json.path("read").asLong() - json.path("added").asLong());
  }

  private static String accept(String ep) {
    return ep.startsWith("story page") ? "text/html" : "application/json";
  }

  private static String path(String ep, List<String> storyIds, List<String> frontIds, List<String> articleIds,
      List<String> entityIds, List<String> words, Random rnd) {
    return switch (ep) {
      case "story page (front)" -> "/stories/" + enc(pick(frontIds, rnd));
      case "story page (any)" -> "/stories/" + enc(pick(storyIds, rnd));
      case "story api (front)" -> "/api/stories/" + enc(pick(frontIds, rnd));
      case "story api (any)" -> "/api/stories/" + enc(pick(storyIds, rnd));
      case "search" -> "/api/search?facets=false&q=" + enc(pick(words, rnd));
      case "search+facets" -> "/api/search?q=" + enc(pick(words, rnd));
      case "entity" -> "/api/entities/" + enc(pick(entityIds, rnd));
      default -> "/api/articles/" + enc(pick(articleIds, rnd));
    };
  }

  private static long line(String name, Stats s, double wall) {
    long[] a;
    synchronized (s.nanos) {
      a = s.nanos.stream().mapToLong(Long::longValue).toArray();
    }
    Arrays.sort(a);
    if (a.length == 0) {
      System.out.printf(Locale.ROOT, "| %s | 0 | | | | | %d |%n", name, s.errors.get());
      return 0;
    }
    System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", name, a.length, a.length / wall,
        a[a.length / 2] / 1e6, a[Math.min(a.length - 1, (int) Math.ceil(a.length * 0.99) - 1)] / 1e6,
        a[a.length - 1] / 1e6, s.errors.get());
    return a.length;
  }

  private static long gcMillis() {
    long t = 0;
    for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, b.getCollectionTime());
    return t;
  }

  private static String pick(List<String> l, Random r) {
    return l.get(r.nextInt(l.size()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
