package org.storyline.eval.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.storyline.follow.CrawlState;
import org.storyline.follow.FollowClock;
import org.storyline.follow.FollowConfig;
import org.storyline.follow.Follower;
import org.storyline.follow.Source;
import org.storyline.follow.SourceList;
import org.storyline.store.Library;

/**
 * {@code storyline bench follow [--pages 10000] [--hosts 50] [--waves 10] [--threads 4] [--no-embeddings]}: the
 * follower against local sites (loopback only, one HTTP server per host on a random port, no politeness delay for
 * these hosts). Each wave adds items to every host's feed, then one follower round polls every feed, fetches the new
 * pages and ingests them. Prints pages/s fetched and processed (fetch, pipeline, store, stories) and the time from an
 * item appearing in its feed to its story assignment, p50 and p99 (the poll happens at once after the wave; a real
 * poll interval adds to this). Timing only; never a test.
 */
public final class FollowBench {
  private FollowBench() {}

  private static final String[] PLACES = {"Riverton", "Lakeside", "Northbay", "Eastport", "Hilltown", "Greenvale",
      "Portsmouth", "Westfield", "Sunville", "Dryfield"};
  private static final String[] TOPICS = {"flood", "election", "strike", "wildfire", "budget vote", "train crash",
      "heat wave", "port closure", "school reform", "hospital strike"};

  public static void main(String[] args) throws Exception {
    int pages = 10_000;
    int hosts = 50;
    int waves = 10;
    int threads = 4;
    boolean embeddings = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--pages" -> pages = Integer.parseInt(args[++i]);
        case "--hosts" -> hosts = Integer.parseInt(args[++i]);
        case "--waves" -> waves = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--no-embeddings" -> embeddings = false;
        default -> {
          System.err.println("usage: storyline bench follow [--pages N] [--hosts N] [--waves N] [--threads N] "
              + "[--no-embeddings]");
          System.exit(2);
        }
      }
    }
    int perHost = pages / hosts;
    int perWave = Math.max(1, perHost / waves);
    List<Site> sites = new ArrayList<>();
    Path data = Files.createTempDirectory("storyline-follow-bench");
    Map<String, Long> appeared = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger processed = new AtomicInteger();
    try {
      for (int h = 0; h < hosts; h++) sites.add(new Site(h));
      SourceList list = new SourceList(data);
      for (Site s : sites) list.add(s.base + "/feed.xml", "host" + s.n, Source.Kind.FEED, Duration.ofMinutes(1), 0);
      FollowConfig cfg = FollowConfig.defaults().withMinHostDelay(Duration.ZERO).withThreads(threads)
          .withMaxNewPerPoll(Math.max(200, perWave)).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
      long fetchedAndProcessedNs = 0;
      long ingestMs = 0;
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      int rounds = 0;
      try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(embeddings));
          Follower f = new Follower(lib, CrawlState.load(data), cfg, FollowClock.system(), (urls, res) -> {
            long now = System.nanoTime();
            for (String u : urls) {
              Long t = appeared.get(u);
              if (t != null) latencies.add(now - t);
            }
            processed.addAndGet(urls.size());
          })) {
        int published = 0;
        while (published < perHost) {
          int n = Math.min(perWave, perHost - published);
          long t = System.nanoTime();
          for (Site s : sites) {
            for (int k = 0; k < n; k++) appeared.put(s.publish(published + k), t);
          }
          published += n;
          long r0 = System.nanoTime();
          Follower.Round r = f.runOnce(true);
          fetchedAndProcessedNs += System.nanoTime() - r0;
          ingestMs += r.ingestMillis();
          rounds++;
          System.err.printf(Locale.ROOT, "wave %d: %d pages fetched, %d new articles, %d errors%n", rounds,
              r.pagesFetched(), r.added(), r.errors());
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double secs = fetchedAndProcessedNs / 1e9;
        int stories = lib.snapshot().stories().size();
        System.out.printf(Locale.ROOT, "follow benchmark: %d pages on %d local hosts in %d waves, %d polling threads,"
            + " sentence embeddings %s%n", processed.get(), hosts, rounds, threads, embeddings ? "on" : "off");
        System.out.printf(Locale.ROOT, "  fetched and processed: %.1f pages/s (%d pages in %.1f s; %d articles, %d "
            + "stories)%n", processed.get() / secs, processed.get(), secs, lib.store().size(), stories);
        System.out.printf(Locale.ROOT, "  of which in the store's ingest (pipeline, commit, stories): %.1f s; process "
            + "CPU %.1f s over %.1f s wall on %d cores (system load average %.1f)%n", ingestMs / 1e3,
            (os.getProcessCpuTime() - cpu0) / 1e9, secs, Runtime.getRuntime().availableProcessors(),
            os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  item in feed -> story assigned: p50 %.0f ms, p99 %.0f ms (n=%d)%n",
            pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6, sorted.length);
      }
    } finally {
      for (Site s : sites) s.close();
      try (var w = Files.walk(data)) {
        w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  /** One local news site: a feed of the items published so far (newest 100) and the article pages. */
  private static final class Site implements AutoCloseable {
    final int n;
    final HttpServer server;
    final String base;
    final List<Integer> items = new java.util.concurrent.CopyOnWriteArrayList<>();

    Site(int n) throws IOException {
      this.n = n;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(2));
      base = "http://127.0.0.1:" + server.getAddress().getPort();
      server.createContext("/", ex -> {
        String path = ex.getRequestURI().getPath();
        byte[] body;
        String type = "text/html; charset=utf-8";
        int status = 200;
        if (path.equals("/robots.txt")) {
          body = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);
          type = "text/plain";
        } else if (path.equals("/feed.xml")) {
          String feed = feed();
          String etag = "\"" + Integer.toHexString(feed.hashCode()) + "\"";
          ex.getResponseHeaders().set("ETag", etag);
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
          }
          body = feed.getBytes(StandardCharsets.UTF_8);
          type = "application/rss+xml; charset=utf-8";
        } else if (path.startsWith("/a/") && path.endsWith(".html")) {
          body = article(Integer.parseInt(path.substring(3, path.length() - 5))).getBytes(StandardCharsets.UTF_8);
        } else {
          body = "not found".getBytes(StandardCharsets.UTF_8);
          status = 404;
          type = "text/plain";
        }
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream o = ex.getResponseBody()) {
          o.write(body);
        }
      });
      server.start();
    }

    String publish(int i) {
      items.add(i);
      return base + "/a/" + i + ".html";
    }

    String feed() {
      StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
          + "<title>Local News ").append(n).append("</title><link>").append(base).append("/</link>");
      List<Integer> all = new ArrayList<>(items);
      for (int k = all.size() - 1; k >= Math.max(0, all.size() - 100); k--) {
        int i = all.get(k);
        sb.append("<item><title>").append(headline(i)).append("</title><link>").append(base).append("/a/").append(i)
            .append(".html</link><description>").append(headline(i)).append("</description><pubDate>")
            .append("Sun, 06 Dec 2026 00:00:00 GMT</pubDate></item>");
      }
      return sb.append("</channel></rss>").toString();
    }

    private String headline(int i) {
      int story = (n * 7 + i) % 100;
      return PLACES[story % PLACES.length] + " " + TOPICS[story / PLACES.length] + ": update " + i + " from site " + n;
    }

    /** Words of each topic, so that articles on one topic in one place form a story and others do not. */
    private static final String[][] TOPIC_WORDS = {
        {"river", "levees", "sandbags", "evacuation", "rainfall"}, {"ballots", "candidates", "turnout", "polling",
        "coalition"}, {"union", "wages", "picket", "walkout", "negotiators"}, {"blaze", "firefighters", "acres",
        "smoke", "containment"}, {"council", "spending", "deficit", "taxes", "amendment"}, {"carriages", "derailment",
        "signals", "passengers", "investigators"}, {"temperatures", "cooling", "centres", "drought", "advisories"},
        {"cargo", "containers", "dockworkers", "shipping", "harbour"}, {"curriculum", "teachers", "pupils",
        "exams", "inspectors"}, {"nurses", "wards", "surgeries", "patients", "staffing"}};
    private static final String[] NAMES = {"Elena Torres", "Marcus Webb", "Priya Nair", "Tomas Lindgren",
        "Aisha Bello", "Henrik Olsen", "Mei Chen", "Jorge Alvarez", "Fatima Rahman", "Owen Price"};

    String article(int i) {
      int story = (n * 7 + i) % 100;
      String place = PLACES[story % PLACES.length];
      int ti = story / PLACES.length;
      String topic = TOPICS[ti];
      String[] w = TOPIC_WORDS[ti];
      String who = NAMES[(story * 3) % NAMES.length];
      String[] ps = {
          place + " " + topic + ": " + w[0] + " and " + w[1] + " dominated the day as officials in " + place
              + " described the " + topic + " (report " + i + " from site " + n + ").",
          "\"The " + w[2] + " are our first concern in " + place + ",\" said " + who + ", who leads the " + place
              + " " + topic + " response, speaking about the " + w[3] + ".",
          who + " said the " + w[4] + " in " + place + " would be reviewed, and that the " + w[0] + " and the "
              + w[2] + " figures would be published on Friday.",
          "In " + place + ", the " + topic + " has drawn attention to " + w[1] + " and " + w[3] + ", according to "
              + "people familiar with the " + w[4] + "."};
      return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + headline(i) + "</title></head><body>"
          + "<nav><a href=\"/\">Home</a></nav><article><h1>" + headline(i) + "</h1><p>By Staff " + n + "</p><p>"
          + String.join("</p><p>", Arrays.asList(ps)) + "</p></article><footer>Local News " + n + "</footer></body>"
          + "</html>";
    }

    @Override
    public void close() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}
