package org.storyline.follow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;
import org.storyline.ingest.Decoding;

/**
 * The polite HTTP client of the follower, on the JDK's {@code java.net.http}. For each request: robots.txt is
 * consulted ({@link Robots}); the host gets one request at a time and at least {@link FollowConfig#minHostDelay()}
 * (or its robots.txt {@code Crawl-delay}) between requests; conditional GET with the validators given; connect and
 * whole-response timeouts; retries with exponential backoff after network errors, timeouts and 5xx answers;
 * {@code Retry-After} on 429 and 503 honoured (waited for when short, else the host is postponed and the caller told
 * when to come back); redirects followed up to a limit, loops detected; bodies larger than the limit cut off (also
 * after gzip decompression); content types checked for what was asked (page, feed, sitemap).
 *
 * <p>Never throws for what a server does: every answer is a {@link Response} with an {@link Outcome}. Thread-safe;
 * waits go through the injected {@link FollowClock}.
 */
public final class Fetcher implements AutoCloseable {

  /** What is being fetched: decides the Accept header, the content types accepted and whether robots.txt applies. */
  public enum Kind { PAGE, FEED, SITEMAP, ROBOTS, SOURCE }

  public enum Outcome {
    OK, NOT_MODIFIED, HTTP_ERROR, ROBOTS_DENIED, TIMEOUT, NETWORK, TOO_LARGE, BAD_TYPE, REDIRECT_LOOP,
    TOO_MANY_REDIRECTS, RETRY_LATER, BAD_URL,
    /** Internal: a redirect to follow (its Location in the message); {@link #get} never returns it. */
    REDIRECT
  }

  /** HTTP validators for a conditional GET; either may be null. */
  public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
  }

  /**
   * One fetch's result. {@code url} is the final URL after redirects; {@code body} is decompressed (empty unless OK);
   * {@code retryAt} is set for {@link Outcome#RETRY_LATER}; {@code attempts} counts requests sent (retries included).
   */
  public record Response(Outcome outcome, int status, String url, byte[] body, String contentType, String charset,
      Validators validators, long latencyMillis, int attempts, String message, Instant retryAt) {
    public boolean ok() {
      return outcome == Outcome.OK;
    }

    /** The body as text, decoded like the file readers do (BOM, header charset, meta, guess). */
    public String text() {
      return Decoding.decode(body, charset).text();
    }

    static Response fail(Outcome o, int status, String url, String message, int attempts, long latency) {
      return new Response(o, status, url, new byte[0], null, null, Validators.NONE, latency, attempts, message, null);
    }
  }

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final FollowConfig config;
  private final FollowClock clock;
  private final HttpClient client;
  private final Robots robots;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  /** The politeness state of one host: one request at a time, next allowed time, closed until (Retry-After). */
  private static final class Host {
    final ReentrantLock lock = new ReentrantLock(true);
    Instant nextAllowed = Instant.EPOCH;
    Instant closedUntil = Instant.EPOCH;
  }

  public Fetcher(FollowConfig config, FollowClock clock, CrawlState state) {
    this.config = config;
    this.clock = clock;
    this.client = HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout().isZero() ? Duration.ofSeconds(10) : config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.robots = new Robots(this, config, clock, state);
  }

  public FollowConfig config() {
    return config;
  }

  public Robots robots() {
    return robots;
  }

  /** Fetches {@code url} (following redirects) as {@code kind}, conditionally when validators are given. */
  public Response get(String url, Kind kind, Validators validators) throws InterruptedException {
    Set<String> visited = new HashSet<>();
    String current = url;
    Validators v = validators == null ? Validators.NONE : validators;
    int attempts = 0;
    for (int hop = 0; hop <= config.maxRedirects(); hop++) {
      URI uri;
      try {
        uri = URI.create(current);
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
          return Response.fail(Outcome.BAD_URL, 0, current, "not an http(s) URL: " + current, attempts, 0);
        }
      } catch (IllegalArgumentException e) {
        return Response.fail(Outcome.BAD_URL, 0, current, "bad URL: " + e.getMessage(), attempts, 0);
      }
      visited.add(current);
      Duration crawlDelay = Duration.ZERO;
      if (kind != Kind.ROBOTS) {
        Robots.Rules rules = robots.rules(uri);
        if (!rules.allowed(current)) {
          return Response.fail(Outcome.ROBOTS_DENIED, 0, current, "disallowed by robots.txt", attempts, 0);
        }
        crawlDelay = rules.crawlDelay();
      }
      Response r = withRetries(uri, kind, v, crawlDelay);
      attempts += r.attempts();
      r = new Response(r.outcome(), r.status(), r.url(), r.body(), r.contentType(), r.charset(), r.validators(),
          r.latencyMillis(), attempts, r.message(), r.retryAt());
      if (r.outcome() != Outcome.REDIRECT) return r;
      String location = r.message();
      String next;
      try {
        next = uri.resolve(location.strip()).toString();
      } catch (IllegalArgumentException e) {
        return Response.fail(Outcome.BAD_URL, r.status(), current, "bad redirect Location: " + location, attempts,
            r.latencyMillis());
      }
      if (visited.contains(next)) {
        return Response.fail(Outcome.REDIRECT_LOOP, r.status(), current, "redirect loop back to " + next, attempts,
            r.latencyMillis());
      }
      current = next;
      v = Validators.NONE;
    }
    return Response.fail(Outcome.TOO_MANY_REDIRECTS, 0, current, "more than " + config.maxRedirects()
        + " redirects", attempts, 0);
  }

  private Response withRetries(URI uri, Kind kind, Validators v, Duration crawlDelay) throws InterruptedException {
    Host host = hosts.computeIfAbsent(hostKey(uri), k -> new Host());
    Duration gap = config.minHostDelay().compareTo(crawlDelay) >= 0 ? config.minHostDelay() : crawlDelay;
    if (gap.compareTo(config.maxCrawlDelay()) > 0) gap = config.maxCrawlDelay();
    Response last = null;
    for (int attempt = 0; attempt <= config.retries(); attempt++) {
      Response r;
      host.lock.lockInterruptibly();
      try {
        Instant now = clock.now();
        if (host.closedUntil.isAfter(now)) {
          Duration wait = Duration.between(now, host.closedUntil);
          if (wait.compareTo(config.maxRetryAfterWait()) > 0) {
            return new Response(Outcome.RETRY_LATER, 0, uri.toString(), new byte[0], null, null, Validators.NONE, 0,
                attempt, "host asked to wait until " + host.closedUntil, host.closedUntil);
          }
          clock.sleep(wait);
          now = clock.now();
        }
        if (host.nextAllowed.isAfter(now)) clock.sleep(Duration.between(now, host.nextAllowed));
        r = send(uri, kind, v);
        host.nextAllowed = clock.now().plus(gap);
        if ((r.status() == 429 || r.status() == 503) && r.retryAt() != null) host.closedUntil = r.retryAt();
      } finally {
        host.lock.unlock();
      }
      r = new Response(r.outcome(), r.status(), r.url(), r.body(), r.contentType(), r.charset(), r.validators(),
          r.latencyMillis(), attempt + 1, r.message(), r.retryAt());
      last = r;
      boolean retryable = r.outcome() == Outcome.TIMEOUT || r.outcome() == Outcome.NETWORK
          || (r.outcome() == Outcome.HTTP_ERROR && (r.status() >= 500 || r.status() == 429));
      if (!retryable) return r;
      if (r.retryAt() != null) {
        Duration wait = Duration.between(clock.now(), r.retryAt());
        if (wait.compareTo(config.maxRetryAfterWait()) > 0 || attempt == config.retries()) {
          return new Response(Outcome.RETRY_LATER, r.status(), r.url(), new byte[0], null, null, Validators.NONE,
              r.latencyMillis(), attempt + 1, "HTTP " + r.status() + " with Retry-After until " + r.retryAt(),
              r.retryAt());
        }
        continue; // the host gate waits until closedUntil
      }
      if (attempt < config.retries()) clock.sleep(config.backoff().multipliedBy(1L << attempt));
    }
    return last;
  }

  static String hostKey(URI uri) {
    return uri.getHost().toLowerCase(Locale.ROOT) + ":" + (uri.getPort() < 0
        ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort());
  }

  private static String accept(Kind kind) {
    return switch (kind) {
      case PAGE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
      case FEED -> "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";
      case SITEMAP -> "application/xml,text/xml;q=0.9,text/plain;q=0.5,*/*;q=0.1";
      case ROBOTS -> "text/plain,*/*;q=0.1";
      case SOURCE -> "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
          + "text/html;q=0.8,*/*;q=0.1";
    };
  }

  /** Whether a content type fits what was asked; null or empty types are sniffed later. */
  static boolean acceptable(Kind kind, String type) {
    if (type == null || type.isBlank()) return true;
    String t = type.toLowerCase(Locale.ROOT);
    return switch (kind) {
      case PAGE -> t.contains("html") || t.startsWith("text/plain");
      case FEED -> t.contains("xml") || t.contains("rss") || t.contains("atom") || t.startsWith("text/plain")
          || t.startsWith("application/octet-stream");
      case SITEMAP -> t.contains("xml") || t.startsWith("text/plain") || t.contains("gzip")
          || t.startsWith("application/octet-stream");
      case ROBOTS -> true;
      case SOURCE -> acceptable(Kind.FEED, type) || acceptable(Kind.SITEMAP, type) || t.contains("html");
    };
  }

  private Response send(URI uri, Kind kind, Validators v) throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET()
        .timeout(config.readTimeout())
        .header("User-Agent", config.userAgentHeader())
        .header("Accept", accept(kind))
        .header("Accept-Encoding", "gzip");
    if (v.etag() != null) b.header("If-None-Match", v.etag());
    if (v.lastModified() != null) b.header("If-Modified-Since", v.lastModified());
    long t0 = System.nanoTime(); // latency is measured for health figures only, never used for decisions
    String url = uri.toString();
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(b.build(), info -> limited(info, config.maxBytes()));
    HttpResponse<byte[]> resp;
    try {
      resp = f.get(config.readTimeout().toMillis() + 50, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return Response.fail(Outcome.TIMEOUT, 0, url, "no complete answer within " + config.readTimeout().toMillis()
          + " ms", 1, millisSince(t0));
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      while (c instanceof java.util.concurrent.CompletionException || (c instanceof IOException
          && c.getCause() instanceof TooLarge)) {
        c = c.getCause();
      }
      if (c instanceof TooLarge) {
        return Response.fail(Outcome.TOO_LARGE, 0, url, "response larger than " + config.maxBytes() + " bytes", 1,
            millisSince(t0));
      }
      if (c instanceof HttpTimeoutException) {
        return Response.fail(Outcome.TIMEOUT, 0, url, "timed out: " + c.getMessage(), 1, millisSince(t0));
      }
      String msg = c instanceof ConnectException ? "connection refused" : String.valueOf(c.getMessage());
      return Response.fail(Outcome.NETWORK, 0, url, c.getClass().getSimpleName() + ": " + msg, 1, millisSince(t0));
    }
    long latency = millisSince(t0);
    int status = resp.statusCode();
    HttpHeaders h = resp.headers();
    if (REDIRECTS.contains(status)) {
      String loc = h.firstValue("Location").orElse(null);
      if (loc == null) return Response.fail(Outcome.HTTP_ERROR, status, url, "redirect without Location", 1, latency);
      return new Response(Outcome.REDIRECT, status, url, new byte[0], null, null, Validators.NONE, latency, 1, loc,
          null);
    }
    Validators got = new Validators(h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null));
    if (status == 304) {
      return new Response(Outcome.NOT_MODIFIED, 304, url, new byte[0], null, null, got.etag() == null
          && got.lastModified() == null ? v : got, latency, 1, "not modified", null);
    }
    if (status == 429 || status == 503) {
      Instant retryAt = retryAfter(h.firstValue("Retry-After").orElse(null));
      return new Response(Outcome.HTTP_ERROR, status, url, new byte[0], null, null, Validators.NONE, latency, 1,
          "HTTP " + status, retryAt);
    }
    if (status < 200 || status > 299) {
      return Response.fail(Outcome.HTTP_ERROR, status, url, "HTTP " + status, 1, latency);
    }
    String type = h.firstValue("Content-Type").orElse(null);
    if (!acceptable(kind, type)) {
      return Response.fail(Outcome.BAD_TYPE, status, url, "content type " + type + " is not a "
          + kind.name().toLowerCase(Locale.ROOT), 1, latency);
    }
    byte[] body = resp.body();
    if (h.firstValue("Content-Encoding").map(e -> e.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false)
        || ((kind == Kind.SITEMAP || kind == Kind.SOURCE) && body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b)) {
      try {
        body = gunzip(body, config.maxBytes());
      } catch (TooLarge e) {
        return Response.fail(Outcome.TOO_LARGE, status, url, "response larger than " + config.maxBytes()
            + " bytes after decompression", 1, latency);
      } catch (IOException e) {
        return Response.fail(Outcome.NETWORK, status, url, "bad gzip body: " + e.getMessage(), 1, latency);
      }
    }
    if (kind == Kind.PAGE || kind == Kind.FEED) {
      String binary = Decoding.binaryKind(body);
      if (binary != null) return Response.fail(Outcome.BAD_TYPE, status, url, binary, 1, latency);
    }
    return new Response(Outcome.OK, status, url, body, type, charsetOf(type), got, latency, 1, "OK", null);
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private Instant retryAfter(String value) {
    if (value == null || value.isBlank()) return null;
    String s = value.strip();
    try {
      long secs = Long.parseLong(s);
      return clock.now().plusSeconds(Math.max(0, secs));
    } catch (NumberFormatException e) {
      try {
        return ZonedDateTime.parse(s, HTTP_DATE).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  static String charsetOf(String contentType) {
    if (contentType == null) return null;
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) return p.substring(8).replace("\"", "").strip();
    }
    return null;
  }

  static byte[] gunzip(byte[] gz, long max) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + n > max) throw new TooLarge();
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** A body over the limit: the download is cancelled. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("response too large");
    }
  }

  private static HttpResponse.BodySubscriber<byte[]> limited(HttpResponse.ResponseInfo info, long max) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new LimitedBody(declared > max ? -1 : max);
  }

  /** Collects a body up to a limit; cancels the download past it. A limit of -1 fails at once (declared too big). */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final long max;
    private Flow.Subscription sub;

    LimitedBody(long max) {
      this.max = max;
    }

    @Override
    public CompletableFuture<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      sub = s;
      if (max < 0) {
        s.cancel();
        result.completeExceptionally(new TooLarge());
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) return;
      for (ByteBuffer bb : items) {
        if (buf.size() + (long) bb.remaining() > max) {
          sub.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] b = new byte[bb.remaining()];
        bb.get(b);
        buf.writeBytes(b);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buf.toByteArray());
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
