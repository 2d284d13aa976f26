package org.storyline.follow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A fixture web site on the loopback interface, random port (the JDK's HttpServer): routes set per test, every
 * request logged with its headers, the most requests in flight at once recorded. Unknown paths are 404.
 */
final class FixtureSite implements AutoCloseable {
  interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  record Req(String path, String userAgent, String ifNoneMatch, String ifModifiedSince) {}

  private final HttpServer server;
  private final ExecutorService exec = Executors.newCachedThreadPool();
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<Req> log = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final String base;

  FixtureSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(exec);
    server.createContext("/", ex -> {
      int n = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(n, Math::max);
      try {
        String path = ex.getRequestURI().getRawPath()
            + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        log.add(new Req(path, ex.getRequestHeaders().getFirst("User-Agent"),
            ex.getRequestHeaders().getFirst("If-None-Match"), ex.getRequestHeaders().getFirst("If-Modified-Since")));
        Handler h = routes.get(path);
        if (h == null) send(ex, 404, "text/plain", "not found");
        else h.handle(ex);
      } catch (IOException | RuntimeException e) {
        // the client went away (timeouts, size limits): nothing to answer
      } finally {
        inFlight.decrementAndGet();
        ex.close();
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String path) {
    return base + path;
  }

  void on(String path, Handler h) {
    routes.put(path, h);
  }

  void page(String path, String type, String body) {
    on(path, ex -> send(ex, 200, type, body));
  }

  void html(String path, String body) {
    page(path, "text/html; charset=utf-8", body);
  }

  void rss(String path, String body) {
    page(path, "application/rss+xml; charset=utf-8", body);
  }

  /** A resource served with an ETag and Last-Modified, answering 304 to a matching conditional GET. */
  void conditional(String path, String type, java.util.function.Supplier<String> body) {
    on(path, ex -> {
      String b = body.get();
      String etag = "\"" + Integer.toHexString(b.hashCode()) + "\"";
      ex.getResponseHeaders().set("ETag", etag);
      ex.getResponseHeaders().set("Last-Modified", "Sun, 06 Dec 2026 00:00:00 GMT");
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      send(ex, 200, type, b);
    });
  }

  List<Req> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  long hits(String path) {
    return log().stream().filter(r -> r.path().equals(path)).count();
  }

  void clearLog() {
    log.clear();
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    if (type != null) ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(body);
    }
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(b);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    exec.shutdownNow();
  }

  // ---- content ------------------------------------------------------------------------------------------------

  /** A news article page. */
  static String article(String headline, String canonical, String... paragraphs) {
    StringBuilder sb = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(headline).append(" | Fixture News</title>");
    if (canonical != null) sb.append("<link rel=\"canonical\" href=\"").append(canonical).append("\">");
    sb.append("</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>")
        .append(headline).append("</h1><p class=\"byline\">By Ana Ruiz</p>");
    for (String p : paragraphs) sb.append("<p>").append(p).append("</p>");
    return sb.append("</article><footer>Copyright Fixture News</footer></body></html>").toString();
  }

  /** Paragraphs of a plausible news report on a topic, numbered so each article differs. */
  static String[] report(String place, String topic, int n) {
    return new String[] {
        "Officials in " + place + " said on Tuesday that the " + topic + " had affected thousands of residents, "
            + "and that emergency teams had been working through the night in report number " + n + ".",
        "\"We are doing everything we can to help the people of " + place + ",\" said Mayor Elena Torres at a "
            + "press conference outside the city hall, adding that more help would arrive on Wednesday.",
        "The regional government approved additional funds for the " + topic + " response, and the national "
            + "weather service warned that conditions could change again before the weekend.",
        "Residents of " + place + " described long queues at shelters and schools that had been turned into "
            + "temporary housing, while volunteers handed out food, blankets and drinking water.",
        "Local businesses in " + place + " reported losses, and insurers said claims related to the " + topic
            + " were expected to rise sharply over the coming weeks according to update " + n + "."};
  }

  /** An RSS feed; each item is {link, title, description-or-null, content-or-null}. */
  static String rssFeed(String title, String link, List<String[]> items) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
        + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>").append(title)
        .append("</title><link>").append(link).append("</link>");
    for (String[] it : items) {
      sb.append("<item><title>").append(it[1]).append("</title><link>").append(it[0]).append("</link>")
          .append("<pubDate>Sun, 06 Dec 2026 00:00:00 GMT</pubDate>");
      if (it.length > 2 && it[2] != null) sb.append("<description><![CDATA[").append(it[2]).append("]]></description>");
      if (it.length > 3 && it[3] != null) {
        sb.append("<content:encoded><![CDATA[").append(it[3]).append("]]></content:encoded>");
      }
      sb.append("</item>");
    }
    return sb.append("</channel></rss>").toString();
  }
}
