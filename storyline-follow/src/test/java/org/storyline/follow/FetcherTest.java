package org.storyline.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storyline.follow.Fetcher.Kind;
import org.storyline.follow.Fetcher.Outcome;
import org.storyline.follow.Fetcher.Validators;

/** Polite, robust fetching against a local server; time is a manual clock, so no test waits for politeness. */
class FetcherTest {
  static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
  FixtureSite site;
  FollowClock.Manual clock;

  @BeforeEach
  void start() throws Exception {
    site = new FixtureSite();
    clock = FollowClock.manual(T0);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  static FollowConfig config() {
    return FollowConfig.defaults().withContact("https://example.org/bot").withTimeouts(Duration.ofSeconds(2),
        Duration.ofSeconds(5)).withRetries(2, Duration.ofSeconds(1)).withMinHostDelay(Duration.ZERO);
  }

  Fetcher fetcher(FollowConfig c) {
    return new Fetcher(c, clock, CrawlState.inMemory());
  }

  @Test
  void sendsAUserAgentWithAContactUrl() throws Exception {
    site.html("/a", "<p>hello</p>");
    try (Fetcher f = fetcher(config())) {
      assertTrue(f.get(site.url("/a"), Kind.PAGE, Validators.NONE).ok());
    }
    String ua = site.log().stream().filter(r -> r.path().equals("/a")).findFirst().orElseThrow().userAgent();
    assertTrue(ua.startsWith("Storyline/") && ua.contains("+https://example.org/bot"), ua);
  }

  @Test
  void robotsTxtIsObeyedAndFetchedOncePerHost() throws Exception {
    site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n");
    site.html("/private/x", "<p>secret</p>");
    site.html("/public/y", "<p>open</p>");
    try (Fetcher f = fetcher(config())) {
      Fetcher.Response denied = f.get(site.url("/private/x"), Kind.PAGE, Validators.NONE);
      assertEquals(Outcome.ROBOTS_DENIED, denied.outcome());
      assertTrue(f.get(site.url("/public/y"), Kind.PAGE, Validators.NONE).ok());
      assertTrue(f.get(site.url("/public/y"), Kind.PAGE, Validators.NONE).ok());
    }
    assertEquals(0, site.hits("/private/x"));
    assertEquals(1, site.hits("/robots.txt"));
  }

  @Test
  void robotsTxtCacheSurvivesInTheStateAndExpires() throws Exception {
    site.page("/robots.txt", "text/plain", "User-agent: storyline\nDisallow: /no\n");
    site.html("/yes", "<p>ok</p>");
    CrawlState state = CrawlState.inMemory();
    try (Fetcher f = new Fetcher(config(), clock, state)) {
      f.get(site.url("/yes"), Kind.PAGE, Validators.NONE);
    }
    try (Fetcher f = new Fetcher(config(), clock, state)) { // a restart: the cached robots.txt is used
      assertEquals(Outcome.ROBOTS_DENIED, f.get(site.url("/no"), Kind.PAGE, Validators.NONE).outcome());
      assertEquals(1, site.hits("/robots.txt"));
      clock.advance(Duration.ofHours(25));
      f.get(site.url("/yes"), Kind.PAGE, Validators.NONE);
      assertEquals(2, site.hits("/robots.txt"));
    }
  }

  @Test
  void robotsTxtServerErrorDisallowsEverything() throws Exception {
    site.on("/robots.txt", ex -> FixtureSite.send(ex, 500, "text/plain", "oops"));
    site.html("/a", "<p>x</p>");
    try (Fetcher f = fetcher(config().withRetries(0, Duration.ZERO))) {
      assertEquals(Outcome.ROBOTS_DENIED, f.get(site.url("/a"), Kind.PAGE, Validators.NONE).outcome());
    }
    assertEquals(0, site.hits("/a"));
  }

  @Test
  void minimumDelayAndCrawlDelayAreKeptBetweenRequestsToAHost() throws Exception {
    site.html("/a", "<p>a</p>");
    try (Fetcher f = fetcher(config().withMinHostDelay(Duration.ofSeconds(2)))) {
      f.get(site.url("/a"), Kind.PAGE, Validators.NONE);
      f.get(site.url("/a"), Kind.PAGE, Validators.NONE);
      f.get(site.url("/a"), Kind.PAGE, Validators.NONE);
    }
    // robots.txt (404), then three pages: each request after the first waits 2 s
    assertEquals(Duration.ofSeconds(6), clock.slept());

    FixtureSite other = new FixtureSite();
    try (other) {
      other.page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 7\n");
      other.html("/b", "<p>b</p>");
      FollowClock.Manual c2 = FollowClock.manual(T0);
      try (Fetcher f = new Fetcher(config().withMinHostDelay(Duration.ofSeconds(1)), c2, CrawlState.inMemory())) {
        f.get(other.url("/b"), Kind.PAGE, Validators.NONE);
        f.get(other.url("/b"), Kind.PAGE, Validators.NONE);
      }
      // robots.txt then /b: 1 s (the minimum, before the Crawl-delay is known); then /b again: 7 s
      assertEquals(Duration.ofSeconds(8), c2.slept());
    }
  }

  @Test
  void oneRequestAtATimePerHost() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    site.on("/slow", ex -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet(); // before answering: the client cannot start its next request before the answer
      FixtureSite.send(ex, 200, "text/html", "<p>ok</p>");
    });
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (Fetcher f = fetcher(config())) {
      List<Future<Fetcher.Response>> fs = new ArrayList<>();
      for (int i = 0; i < 12; i++) fs.add(pool.submit(() -> f.get(site.url("/slow"), Kind.PAGE, Validators.NONE)));
      for (Future<Fetcher.Response> x : fs) assertTrue(x.get().ok());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, most.get());
  }

  @Test
  void conditionalGetWithETagAndLastModifiedGets304() throws Exception {
    site.conditional("/feed.xml", "application/rss+xml", () -> FixtureSite.rssFeed("F", site.url("/"), List.of()));
    site.on("/lm", ex -> {
      String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
      ex.getResponseHeaders().set("Last-Modified", "Sat, 05 Dec 2026 10:00:00 GMT");
      if ("Sat, 05 Dec 2026 10:00:00 GMT".equals(ims)) {
        ex.sendResponseHeaders(304, -1);
      } else {
        FixtureSite.send(ex, 200, "text/xml", "<rss><channel></channel></rss>");
      }
    });
    try (Fetcher f = fetcher(config())) {
      Fetcher.Response first = f.get(site.url("/feed.xml"), Kind.FEED, Validators.NONE);
      assertTrue(first.ok());
      assertNotNull(first.validators().etag());
      Fetcher.Response second = f.get(site.url("/feed.xml"), Kind.FEED, first.validators());
      assertEquals(Outcome.NOT_MODIFIED, second.outcome());
      assertEquals(0, second.body().length);

      Fetcher.Response a = f.get(site.url("/lm"), Kind.FEED, Validators.NONE);
      assertEquals("Sat, 05 Dec 2026 10:00:00 GMT", a.validators().lastModified());
      assertEquals(Outcome.NOT_MODIFIED, f.get(site.url("/lm"), Kind.FEED, a.validators()).outcome());
    }
    List<FixtureSite.Req> feedReqs = site.log().stream().filter(r -> r.path().equals("/feed.xml")).toList();
    assertEquals(null, feedReqs.get(0).ifNoneMatch());
    assertNotNull(feedReqs.get(1).ifNoneMatch());
    assertNotNull(site.log().stream().filter(r -> r.path().equals("/lm")).toList().get(1).ifModifiedSince());
  }

  @Test
  void aSlowResponsePastTheTimeoutFailsAndIsRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    site.on("/slow", ex -> {
      calls.incrementAndGet();
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        return;
      }
      FixtureSite.send(ex, 200, "text/html", "<p>late</p>");
    });
    FollowConfig c = config().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
        .withRetries(1, Duration.ofSeconds(4));
    try (Fetcher f = fetcher(c)) {
      Fetcher.Response r = f.get(site.url("/slow"), Kind.PAGE, Validators.NONE);
      assertEquals(Outcome.TIMEOUT, r.outcome());
      assertEquals(2, r.attempts());
    }
    assertEquals(Duration.ofSeconds(4), clock.slept()); // the backoff before the retry, on the injected clock
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoff() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    site.on("/flaky", ex -> {
      if (calls.incrementAndGet() <= 2) FixtureSite.send(ex, 500, "text/plain", "boom");
      else FixtureSite.send(ex, 200, "text/html", "<p>fine</p>");
    });
    site.on("/broken", ex -> FixtureSite.send(ex, 500, "text/plain", "boom"));
    try (Fetcher f = fetcher(config())) {
      Fetcher.Response r = f.get(site.url("/flaky"), Kind.PAGE, Validators.NONE);
      assertTrue(r.ok());
      assertEquals(3, r.attempts());
      assertEquals(Duration.ofSeconds(3), clock.slept()); // 1 s, then 2 s
      Fetcher.Response b = f.get(site.url("/broken"), Kind.PAGE, Validators.NONE);
      assertEquals(Outcome.HTTP_ERROR, b.outcome());
      assertEquals(500, b.status());
      assertEquals(3, b.attempts());
    }
  }

  @Test
  void retryAfterOn429IsWaitedForWhenShort() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    site.on("/busy", ex -> {
      if (calls.incrementAndGet() == 1) {
        ex.getResponseHeaders().set("Retry-After", "5");
        FixtureSite.send(ex, 429, "text/plain", "slow down");
      } else {
        FixtureSite.send(ex, 200, "text/html", "<p>ok</p>");
      }
    });
    try (Fetcher f = fetcher(config())) {
      Fetcher.Response r = f.get(site.url("/busy"), Kind.PAGE, Validators.NONE);
      assertTrue(r.ok());
      assertEquals(2, r.attempts());
    }
    assertEquals(Duration.ofSeconds(5), clock.slept());
  }

  @Test
  void longRetryAfterOn503PostponesTheHost() throws Exception {
    site.on("/down", ex -> {
      ex.getResponseHeaders().set("Retry-After", "3600");
      FixtureSite.send(ex, 503, "text/plain", "maintenance");
    });
    site.html("/other", "<p>x</p>");
    try (Fetcher f = fetcher(config())) {
      Fetcher.Response r = f.get(site.url("/down"), Kind.PAGE, Validators.NONE);
      assertEquals(Outcome.RETRY_LATER, r.outcome());
      assertEquals(T0.plusSeconds(3600), r.retryAt());
      // the host is closed until then: no request is sent
      Fetcher.Response o = f.get(site.url("/other"), Kind.PAGE, Validators.NONE);
      assertEquals(Outcome.RETRY_LATER, o.outcome());
      assertEquals(0, site.hits("/other"));
      clock.advance(Duration.ofSeconds(3601));
      assertTrue(f.get(site.url("/other"), Kind.PAGE, Validators.NONE).ok());
    }
    assertEquals(1, site.hits("/down"));
  }

  @Test
  void redirectsAreFollowedWithALimitAndLoopsDetected() throws Exception {
    site.on("/old", ex -> {
      ex.getResponseHeaders().set("Location", "/new");
      FixtureSite.send(ex, 301, null, new byte[0]);
    });
    site.html("/new", "<p>moved</p>");
    site.on("/loop-a", ex -> {
      ex.getResponseHeaders().set("Location", site.url("/loop-b"));
      FixtureSite.send(ex, 302, null, new byte[0]);
    });
    site.on("/loop-b", ex -> {
      ex.getResponseHeaders().set("Location", "/loop-a");
      FixtureSite.send(ex, 302, null, new byte[0]);
    });
    for (int i = 0; i < 10; i++) {
      int next = i + 1;
      site.on("/chain" + i, ex -> {
        ex.getResponseHeaders().set("Location", "/chain" + next);
        FixtureSite.send(ex, 307, null, new byte[0]);
      });
    }
    site.on("/nowhere", ex -> FixtureSite.send(ex, 302, null, new byte[0]));
    try (Fetcher f = fetcher(config())) {
      Fetcher.Response nowhere = f.get(site.url("/nowhere"), Kind.PAGE, Validators.NONE);
      assertEquals(Outcome.HTTP_ERROR, nowhere.outcome());
      assertEquals("redirect without Location", nowhere.message());
      Fetcher.Response r = f.get(site.url("/old"), Kind.PAGE, Validators.NONE);
      assertTrue(r.ok());
      assertEquals(site.url("/new"), r.url());
      assertEquals(Outcome.REDIRECT_LOOP, f.get(site.url("/loop-a"), Kind.PAGE, Validators.NONE).outcome());
      assertEquals(Outcome.TOO_MANY_REDIRECTS, f.get(site.url("/chain0"), Kind.PAGE, Validators.NONE).outcome());
    }
    assertEquals(1, site.hits("/loop-a"));
    assertEquals(0, site.hits("/chain7"));
  }

  @Test
  void hugeResponsesAreCutOffWhetherDeclaredStreamedOrGzipped() throws Exception {
    byte[] big = "<p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</p>\n".repeat(40_000)
        .getBytes(StandardCharsets.UTF_8); // ~2.8 MB
    site.on("/declared", ex -> FixtureSite.send(ex, 200, "text/html", big));
    site.on("/streamed", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 0); // chunked: no length announced
      try (var o = ex.getResponseBody()) {
        for (int i = 0; i < 100; i++) o.write(big);
      }
    });
    byte[] bomb = FixtureSite.gzip(big);
    site.on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      FixtureSite.send(ex, 200, "text/html", bomb);
    });
    try (Fetcher f = fetcher(config().withMaxBytes(1 << 20))) {
      assertEquals(Outcome.TOO_LARGE, f.get(site.url("/declared"), Kind.PAGE, Validators.NONE).outcome());
      assertEquals(Outcome.TOO_LARGE, f.get(site.url("/streamed"), Kind.PAGE, Validators.NONE).outcome());
      assertTrue(bomb.length < (1 << 20));
      assertEquals(Outcome.TOO_LARGE, f.get(site.url("/bomb"), Kind.PAGE, Validators.NONE).outcome());
    }
  }

  @Test
  void gzipBodiesAreDecompressed() throws Exception {
    byte[] gz = FixtureSite.gzip("<p>compressed news</p>".getBytes(StandardCharsets.UTF_8));
    site.on("/gz", ex -> {
      assertEquals("gzip", ex.getRequestHeaders().getFirst("Accept-Encoding"));
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      FixtureSite.send(ex, 200, "text/html; charset=utf-8", gz);
    });
    try (Fetcher f = fetcher(config())) {
      Fetcher.Response r = f.get(site.url("/gz"), Kind.PAGE, Validators.NONE);
      assertTrue(r.ok(), r.message());
      assertEquals("<p>compressed news</p>", r.text());
    }
  }

  @Test
  void contentTypesAreCheckedAndTheCharsetDetected() throws Exception {
    site.page("/img", "image/png", "\u0089PNG....");
    site.page("/feed-as-html", "text/html", "<html><body>not a feed</body></html>");
    byte[] latin = "<p>Caf\u00e9 ol\u00e9 \u2013 na\u00efve</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
    site.on("/latin", ex -> FixtureSite.send(ex, 200, "text/html; charset=windows-1252", latin));
    site.page("/binary", "text/html", "%PDF-1.4 binary");
    try (Fetcher f = fetcher(config())) {
      assertEquals(Outcome.BAD_TYPE, f.get(site.url("/img"), Kind.PAGE, Validators.NONE).outcome());
      assertEquals(Outcome.BAD_TYPE, f.get(site.url("/feed-as-html"), Kind.FEED, Validators.NONE).outcome());
      assertEquals(Outcome.BAD_TYPE, f.get(site.url("/binary"), Kind.PAGE, Validators.NONE).outcome());
      Fetcher.Response r = f.get(site.url("/latin"), Kind.PAGE, Validators.NONE);
      assertEquals("<p>Caf\u00e9 ol\u00e9 \u2013 na\u00efve</p>", r.text());
    }
  }

  @Test
  void aRefusedConnectionIsANetworkErrorNotAnException() throws Exception {
    FixtureSite gone = new FixtureSite();
    String url = gone.url("/x");
    gone.close();
    try (Fetcher f = fetcher(config().withRetries(1, Duration.ofSeconds(1)))) {
      Fetcher.Response r = f.get(url, Kind.PAGE, Validators.NONE);
      // robots.txt could not be fetched either: the host is treated as disallowed until it answers
      assertFalse(r.ok());
    }
  }
}
