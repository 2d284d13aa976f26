package org.storyline.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Article;
import org.storyline.store.ArticleStore;
import org.storyline.store.Library;

/** The follower end to end against a local fixture site: sources, the store, stories, revisions, health, state. */
class FollowerTest {
  static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
  @TempDir Path tmp;
  FixtureSite site;
  FollowClock.Manual clock;
  Path data;

  @BeforeEach
  void start() throws Exception {
    site = new FixtureSite();
    clock = FollowClock.manual(T0);
    data = tmp.resolve("data");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  static FollowConfig config() {
    return FetcherTest.config().withRetries(0, Duration.ofSeconds(1)).withThreads(2);
  }

  Library library() throws Exception {
    return Library.open(data, Library.Options.defaults().withEmbeddings(false));
  }

  Source add(String path) throws Exception {
    return new SourceList(data).add(site.url(path), null, Source.Kind.AUTO, Duration.ofMinutes(15),
        clock.now().toEpochMilli());
  }

  /** One round with a fresh follower over the data directory's saved state (as {@code follow --once} does). */
  Follower.Round once(Library lib) throws Exception {
    try (Follower f = new Follower(lib, CrawlState.load(data), config(), clock, null)) {
      return f.runOnce(true);
    }
  }

  /** Serves n article pages under /news/{topic}-{i}.html and returns feed items for them (no content). */
  List<String[]> articles(String topic, String place, int n) {
    List<String[]> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String path = "/news/" + topic + "-" + i + ".html";
      String headline = place + " " + topic + " update " + i;
      site.html(path, FixtureSite.article(headline, null, FixtureSite.report(place, topic, i)));
      items.add(new String[] {site.url(path), headline, "Summary of " + headline, null});
    }
    return items;
  }

  @Test
  void aFeedWithoutFullContentFillsTheStoreAndStories() throws Exception {
    List<String[]> items = articles("flood", "Riverton", 3);
    site.conditional("/feed.xml", "application/rss+xml", () -> FixtureSite.rssFeed("Fixture News", site.url("/"),
        items));
    add("/feed.xml");
    try (Library lib = library()) {
      Follower.Round r = once(lib);
      assertEquals(3, r.added(), r.messages().toString());
      assertEquals(3, r.pagesFetched());
      assertEquals(3, lib.store().size());
      Article a = lib.store().get(site.url("/news/flood-0.html")).orElseThrow();
      assertEquals("Riverton flood update 0", a.title());
      assertEquals("Fixture News", a.outlet());
      assertTrue(a.text().contains("Mayor Elena Torres"));
      assertFalse(lib.snapshot().stories().isEmpty(), "the articles joined stories on arrival");

      // second poll: the feed answers 304, nothing is fetched again
      site.clearLog();
      Follower.Round r2 = once(lib);
      assertEquals(1, r2.notModified());
      assertEquals(0, r2.pagesFetched());
      assertEquals(0, site.log().stream().filter(q -> q.path().startsWith("/news/")).count());
      assertNotNull(site.log().stream().filter(q -> q.path().equals("/feed.xml")).findFirst().orElseThrow()
          .ifNoneMatch());
    }
  }

  @Test
  void aFeedWithFullContentNeedsNoPageFetches() throws Exception {
    List<String[]> items = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String body = "<p>" + String.join("</p><p>", FixtureSite.report("Lakeside", "wildfire", i)) + "</p><p>"
          + String.join("</p><p>", FixtureSite.report("Lakeside", "wildfire", 100 + i)) + "</p>";
      items.add(new String[] {site.url("/full/" + i), "Lakeside wildfire " + i, null, body});
    }
    site.rss("/full.xml", FixtureSite.rssFeed("Full Feed", site.url("/"), items));
    add("/full.xml");
    try (Library lib = library()) {
      Follower.Round r = once(lib);
      assertEquals(2, r.added(), r.messages().toString());
      assertEquals(0, r.pagesFetched());
      assertEquals(0, site.log().stream().filter(q -> q.path().startsWith("/full/")).count());
      assertEquals("Lakeside wildfire 1", lib.store().get(site.url("/full/1")).orElseThrow().title());
    }
  }

  @Test
  void aSitemapIndexWithANewsSitemapIsFollowed() throws Exception {
    List<String[]> items = articles("strike", "Portsmouth", 2);
    site.page("/sitemap_index.xml", "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<sitemap><loc>" + site.url("/sitemaps/news.xml") + "</loc><lastmod>2026-12-06</lastmod></sitemap>"
        + "</sitemapindex>");
    StringBuilder sm = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset "
        + "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
    for (String[] it : items) {
      sm.append("<url><loc>").append(it[0]).append("</loc><news:news><news:publication><news:name>Fixture News"
          + "</news:name><news:language>en</news:language></news:publication><news:publication_date>"
          + "2026-12-05T10:00:00Z</news:publication_date><news:title>").append(it[1])
          .append("</news:title></news:news></url>");
    }
    site.page("/sitemaps/news.xml", "application/xml", sm.append("</urlset>").toString());
    Source s = add("/sitemap_index.xml");
    try (Library lib = library()) {
      Follower.Round r = once(lib);
      assertEquals(2, r.added(), r.messages().toString());
      Article a = lib.store().get(site.url("/news/strike-1.html")).orElseThrow();
      assertTrue(a.published().startsWith("2026-12-05"), a.published());
      assertEquals("SITEMAP", CrawlState.load(data).sourceIfKnown(s.id()).kind);
    }
  }

  @Test
  void aSiteHomePageLeadsToItsFeedByLinkOrByCommonPath() throws Exception {
    List<String[]> items = articles("election", "Northbay", 2);
    site.rss("/rss/main.xml", FixtureSite.rssFeed("Northbay Times", site.url("/"), items.subList(0, 1)));
    site.html("/", "<html><head><title>Northbay Times</title><link rel=\"alternate\" "
        + "type=\"application/rss+xml\" href=\"/rss/main.xml\"></head><body>Home</body></html>");
    Source s = add("/");

    FixtureSite other = new FixtureSite();
    try (other) {
      other.html("/", "<html><head><title>No links</title></head><body>Home</body></html>");
      String page = FixtureSite.article("Southbay budget vote", null, FixtureSite.report("Southbay", "budget", 1));
      other.html("/budget.html", page);
      other.rss("/feed.xml", FixtureSite.rssFeed("Southbay", other.url("/"), List.<String[]>of(
          new String[] {other.url("/budget.html"), "Southbay budget vote", "summary", null})));
      Source s2 = new SourceList(data).add(other.url("/"), "Southbay", Source.Kind.SITE, Duration.ofHours(1), 0);
      try (Library lib = library()) {
        Follower.Round r = once(lib);
        assertEquals(2, r.added(), r.messages().toString());
        CrawlState st = CrawlState.load(data);
        assertEquals(List.of(site.url("/rss/main.xml")), st.sourceIfKnown(s.id()).feeds);
        assertEquals("SITE", st.sourceIfKnown(s.id()).kind);
        assertEquals(List.of(other.url("/feed.xml")), st.sourceIfKnown(s2.id()).feeds);
        assertTrue(lib.store().get(other.url("/budget.html")).isPresent());
      }
    }
  }

  @Test
  void aMalformedFeedKeepsTheItemsBeforeTheErrorAndReportsIt() throws Exception {
    List<String[]> items = articles("storm", "Eastport", 2);
    String feed = FixtureSite.rssFeed("Broken", site.url("/"), items);
    String broken = feed.replace("</item><item>", "</item><item><title>bad & worse <</title></item><item>");
    site.rss("/broken.xml", broken);
    Source s = add("/broken.xml");
    try (Library lib = library()) {
      Follower.Round r = once(lib);
      assertTrue(r.added() >= 1, r.messages().toString());
      CrawlState.Health h = CrawlState.load(data).health().get(s.id());
      assertTrue(h.lastErrorMessage.contains("malformed"), h.lastErrorMessage);
    }
  }

  @Test
  void aFailingSourceNeverStopsTheOthersAndShowsInItsHealth() throws Exception {
    List<String[]> items = articles("quake", "Hilltown", 2);
    site.rss("/good.xml", FixtureSite.rssFeed("Good", site.url("/"), items));
    site.on("/bad.xml", ex -> FixtureSite.send(ex, 500, "text/plain", "down"));
    site.on("/slow.xml", ex -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        return;
      }
      FixtureSite.send(ex, 200, "application/rss+xml", "<rss/>");
    });
    site.on("/huge.xml", ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, 0);
      try (var o = ex.getResponseBody()) {
        byte[] chunk = new byte[65536];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 200; i++) o.write(chunk);
      }
    });
    site.on("/loop.xml", ex -> {
      ex.getResponseHeaders().set("Location", "/loop.xml");
      FixtureSite.send(ex, 302, null, new byte[0]);
    });
    Source bad = add("/bad.xml");
    Source slow = add("/slow.xml");
    Source huge = add("/huge.xml");
    Source loop = add("/loop.xml");
    add("/good.xml");
    FollowConfig c = config().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400)).withMaxBytes(1 << 20);
    try (Library lib = library(); Follower f = new Follower(lib, CrawlState.load(data), c, clock, null)) {
      Follower.Round r = f.runOnce(true);
      assertEquals(2, r.added(), r.messages().toString());
      assertEquals(4, r.errors());
      var status = SourceStatus.of(f.sources().all(), f.state(), clock.now());
      var byId = new java.util.HashMap<String, SourceStatus>();
      status.forEach(x -> byId.put(x.id(), x));
      assertTrue(byId.get(bad.id()).health().lastErrorMessage.contains("HTTP 500"));
      assertTrue(byId.get(slow.id()).health().lastErrorMessage.startsWith("TIMEOUT"));
      assertTrue(byId.get(huge.id()).health().lastErrorMessage.startsWith("TOO_LARGE"));
      assertTrue(byId.get(loop.id()).health().lastErrorMessage.startsWith("REDIRECT_LOOP"));
      assertTrue(byId.get(bad.id()).warning().startsWith("failing"));
      assertEquals(0, byId.get(bad.id()).health().lastSuccess);
    }
  }

  @Test
  void retryAfterOnAFeedPostponesItsNextPoll() throws Exception {
    site.on("/busy.xml", ex -> {
      ex.getResponseHeaders().set("Retry-After", "7200");
      FixtureSite.send(ex, 429, "text/plain", "too many");
    });
    Source s = add("/busy.xml");
    try (Library lib = library()) {
      once(lib);
      long next = CrawlState.load(data).sourceIfKnown(s.id()).nextPoll;
      assertEquals(T0.plusSeconds(7200).toEpochMilli(), next);
    }
  }

  @Test
  void robotsTxtKeepsDisallowedArticlesOut() throws Exception {
    List<String[]> items = articles("fire", "Westfield", 2);
    site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /news/fire-1.html\n");
    site.rss("/feed.xml", FixtureSite.rssFeed("F", site.url("/"), items));
    add("/feed.xml");
    try (Library lib = library()) {
      once(lib);
      assertTrue(lib.store().get(site.url("/news/fire-0.html")).isPresent());
      assertFalse(lib.store().get(site.url("/news/fire-1.html")).isPresent());
      assertEquals(0, site.hits("/news/fire-1.html"));
    }
  }

  @Test
  void theSameArticleAtTwoUrlsIsStoredOnce() throws Exception {
    String[] body = FixtureSite.report("Greenvale", "train crash", 1);
    String canonical = site.url("/news/train-crash.html");
    site.html("/news/train-crash.html", FixtureSite.article("Greenvale train crash", canonical, body));
    site.html("/amp/train-crash.html", FixtureSite.article("Greenvale train crash", canonical, body));
    site.html("/print/train-crash.html", FixtureSite.article("Greenvale train crash", null, body));
    site.rss("/feed.xml", FixtureSite.rssFeed("F", site.url("/"), List.<String[]>of(
        new String[] {site.url("/news/train-crash.html"), "Greenvale train crash", "s", null},
        new String[] {site.url("/amp/train-crash.html"), "Greenvale train crash", "s", null},
        new String[] {site.url("/print/train-crash.html"), "Greenvale train crash", "s", null})));
    add("/feed.xml");
    try (Library lib = library()) {
      Follower.Round r = once(lib);
      assertEquals(1, r.added(), r.messages().toString());
      assertEquals(2, r.duplicates());
      assertEquals(1, lib.store().size());
    }
  }

  @Test
  void anArticleThatChangesBetweenPollsBecomesARevisionWithItsChanges() throws Exception {
    String[] v1 = FixtureSite.report("Riverton", "flood", 7);
    AtomicReference<String> page = new AtomicReference<>(FixtureSite.article("Flood hits Riverton", null, v1));
    site.conditional("/news/flood.html", "text/html; charset=utf-8", page::get);
    site.rss("/feed.xml", FixtureSite.rssFeed("F", site.url("/"), List.<String[]>of(
        new String[] {site.url("/news/flood.html"), "Flood hits Riverton", "s", null})));
    add("/feed.xml");
    try (Library lib = library()) {
      assertEquals(1, once(lib).added());
      // an hour later: unchanged (a 304 to the conditional re-fetch)
      clock.advance(Duration.ofMinutes(61));
      Follower.Round r1 = once(lib);
      assertEquals(1, r1.refetched());
      assertEquals(0, r1.revised());
      // the page is edited: new headline, a quote added, a correction
      String[] v2 = v1.clone();
      v2[1] = "\"The water is receding but the danger is not over,\" said Mayor Elena Torres on Wednesday.";
      String[] v3 = java.util.Arrays.copyOf(v2, v2.length + 1);
      v3[v2.length] = "Correction: an earlier version of this article gave the wrong date for the evacuation.";
      page.set(FixtureSite.article("Riverton flood: thousands evacuated", null, v3));
      clock.advance(Duration.ofHours(5));
      Follower.Round r2 = once(lib);
      assertEquals(1, r2.refetched());
      assertEquals(1, r2.revised(), r2.messages().toString());
      List<ArticleStore.Revision> revs = lib.store().revisions(site.url("/news/flood.html"));
      assertEquals(2, revs.size());
      RevisionChanges ch = RevisionChanges.of(revs).get(0);
      assertTrue(ch.headlineChanged());
      assertEquals("Riverton flood: thousands evacuated", ch.headlineAfter());
      assertEquals(List.of("The water is receding but the danger is not over,"), ch.quotesAdded());
      assertEquals(1, ch.quotesRemoved().size());
      assertEquals(1, ch.corrections().size());
      assertTrue(ch.summary().contains("headline changed"), ch.summary());
      // after the 24 h re-fetch the schedule is done
      clock.advance(Duration.ofHours(20));
      assertEquals(1, once(lib).refetched());
      clock.advance(Duration.ofHours(48));
      assertEquals(0, once(lib).refetched());
    }
  }

  @Test
  void aSourceThatAnswersButBringsNothingNewIsFlagged() throws Exception {
    List<String[]> items = articles("drought", "Dryfield", 1);
    site.conditional("/feed.xml", "application/rss+xml", () -> FixtureSite.rssFeed("F", site.url("/"), items));
    Source s = add("/feed.xml");
    try (Library lib = library()) {
      once(lib);
      assertNull(SourceStatus.of(List.of(s), CrawlState.load(data), clock.now()).get(0).warning());
      for (int i = 0; i < 8; i++) {
        clock.advance(Duration.ofHours(1));
        once(lib);
      }
      SourceStatus st = SourceStatus.of(List.of(s), CrawlState.load(data), clock.now()).get(0);
      assertTrue(st.warning() != null && st.warning().startsWith("answers but nothing new"), st.warning());
      assertEquals(9, st.health().polls);
      assertEquals(1, st.health().itemsPerDay.get("2026-12-06"));
    }
  }

  @Test
  void stateSurvivesACrashBetweenStoreCommitAndStateSave() throws Exception {
    List<String[]> items = articles("flood", "Riverton", 3);
    site.rss("/feed.xml", FixtureSite.rssFeed("F", site.url("/"), items));
    add("/feed.xml");
    try (Library lib = library()) {
      once(lib);
    }
    // the articles are in the store; now pretend the follower died before saving its state (an empty state file)
    Files.delete(CrawlState.file(data));
    CrawlState.load(data).save();
    try (Library lib = library()) {
      site.clearLog();
      Follower.Round r = once(lib);
      assertEquals(0, r.added(), "nothing is added twice");
      assertEquals(3, r.unchanged());
      assertEquals(3, lib.store().size());
      // and with the state saved, a restart fetches nothing again
      site.clearLog();
      Follower.Round again = once(lib);
      assertEquals(0, again.pagesFetched());
      assertEquals(0, site.log().stream().filter(q -> q.path().startsWith("/news/")).count());
    }
  }

  @Test
  void itemsBeyondThePerPollLimitWaitForTheNextPollEvenIfTheFeedIsUnchanged() throws Exception {
    List<String[]> items = articles("heat", "Sunville", 5);
    site.conditional("/feed.xml", "application/rss+xml", () -> FixtureSite.rssFeed("F", site.url("/"), items));
    add("/feed.xml");
    FollowConfig c = config().withMaxNewPerPoll(3);
    try (Library lib = library()) {
      try (Follower f = new Follower(lib, CrawlState.load(data), c, clock, null)) {
        assertEquals(3, f.runOnce(true).added());
      }
      try (Follower f = new Follower(lib, CrawlState.load(data), c, clock, null)) {
        assertEquals(2, f.runOnce(true).added()); // the validators were not kept: the feed was read again
      }
      assertEquals(5, lib.store().size());
    }
  }
}
