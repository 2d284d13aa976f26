package org.storyline.follow;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.store.Library;

/**
 * The scheduler: polls each source when due, takes what is new, fetches each new item's page (or takes a full-content
 * feed item as it is) and ingests it through the {@link Library}'s one pipeline, so each article joins its story on
 * arrival; re-fetches articles on the {@link FollowConfig#refetchAfter()} schedule so edits become revisions.
 *
 * <p>A failing source never stops the others: each poll's errors go to that source's health. Crash safety: the crawl
 * state is saved after each ingested batch is committed; a feed's validators are saved only once every item it
 * listed was taken, so a crash never turns a feed's new items into a 304. Sources are polled in parallel
 * ({@link FollowConfig#threads()}), each host still getting one request at a time ({@link Fetcher}).
 */
public final class Follower implements AutoCloseable {
  /** Told after each batch is in the store: the item URLs and the ingest's counts (for benchmarks and the UI). */
  public interface Listener {
    void ingested(List<String> urls, Library.IngestResult result);
  }

  /** What one round did. */
  public record Round(int sources, int polled, int notModified, int pagesFetched, int added, int revised,
      int unchanged, int duplicates, int errors, int refetched, List<String> messages, long ingestMillis) {}

  private static final int BATCH = 16;
  private static final int MAX_CHILD_SITEMAPS = 50;
  private static final Duration REDISCOVER = Duration.ofDays(7);
  private static final int MAX_REFETCH_PER_ROUND = 500;

  private final Library library;
  private final SourceList sources;
  private final CrawlState state;
  private final FollowConfig config;
  private final FollowClock clock;
  private final Fetcher fetcher;
  private final Listener listener;
  private final ExecutorService pool;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public Follower(Library library, CrawlState state, FollowConfig config, FollowClock clock, Listener listener) {
    this.library = library;
    this.sources = new SourceList(library.dataDir());
    this.state = state;
    this.config = config;
    this.clock = clock;
    this.fetcher = new Fetcher(config, clock, state);
    this.listener = listener == null ? (u, r) -> {} : listener;
    this.pool = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "storyline-follow");
      t.setDaemon(true);
      return t;
    });
  }

  /** A follower over a data directory's own state file. */
  public static Follower open(Library library, FollowConfig config, FollowClock clock) throws IOException {
    return new Follower(library, CrawlState.load(library.dataDir()), config, clock, null);
  }

  /**
   * Runs a follower over the library's data directory on a daemon thread (as {@code serve} does), until the returned
   * handle is closed. Rounds that fetched something go to {@code onRound}; an I/O failure of a round is reported
   * there as a message and the next round is tried a minute later.
   */
  public static AutoCloseable background(Library library, FollowConfig config, FollowClock clock,
      java.util.function.Consumer<Round> onRound) throws IOException {
    Follower f = open(library, config, clock);
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    Thread t = new Thread(() -> {
      while (!stop.get()) {
        try {
          f.run(stop::get, Duration.ofSeconds(5), onRound);
        } catch (InterruptedException e) {
          return;
        } catch (IOException | RuntimeException e) {
          if (onRound != null) {
            onRound.accept(new Round(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, List.of("follow: " + e), 0));
          }
          try {
            clock.sleep(Duration.ofMinutes(1));
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }, "storyline-follower");
    t.setDaemon(true);
    t.start();
    return () -> {
      stop.set(true);
      t.interrupt();
      t.join(10_000);
      f.close();
    };
  }

  public CrawlState state() {
    return state;
  }

  public SourceList sources() {
    return sources;
  }

  public Fetcher fetcher() {
    return fetcher;
  }

  /** Counters of one round, shared by the polling threads. */
  private static final class Tally {
    final AtomicInteger polled = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();
    final AtomicInteger pages = new AtomicInteger();
    final AtomicInteger added = new AtomicInteger();
    final AtomicInteger revised = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger refetched = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong ingestNanos = new java.util.concurrent.atomic.AtomicLong();
    final List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());
  }

  /**
   * One round: polls the sources that are due (every source when {@code all}), then the re-fetches that are due.
   * Returns when everything fetched is in the store and the state is saved.
   */
  public Round runOnce(boolean all) throws IOException, InterruptedException {
    List<Source> list = sources.all();
    long now = clock.now().toEpochMilli();
    Tally t = new Tally();
    List<Future<?>> futures = new ArrayList<>();
    for (Source s : list) {
      if (!all && state.source(s.id()).nextPoll > now) continue;
      futures.add(pool.submit(() -> {
        pollSafely(s, t);
        return null;
      }));
    }
    await(futures);
    refetchDue(t);
    state.save();
    return new Round(list.size(), t.polled.get(), t.notModified.get(), t.pages.get(), t.added.get(),
        t.revised.get(), t.unchanged.get(), t.duplicates.get(), t.errors.get(), t.refetched.get(),
        List.copyOf(t.messages), t.ingestNanos.get() / 1_000_000);
  }

  /**
   * Runs rounds until {@code stop} says so, sleeping until the next source or re-fetch is due (at most
   * {@code tick}, so sources added meanwhile are picked up).
   */
  public void run(BooleanSupplier stop, Duration tick, java.util.function.Consumer<Round> onRound)
      throws IOException, InterruptedException {
    while (!stop.getAsBoolean()) {
      Round r = runOnce(false);
      if (onRound != null && (r.polled() > 0 || r.refetched() > 0)) onRound.accept(r);
      long now = clock.now().toEpochMilli();
      long next = nextDue(now + tick.toMillis());
      clock.sleep(Duration.ofMillis(Math.max(50, next - now)));
    }
  }

  private long nextDue(long cap) throws IOException {
    long next = cap;
    for (Source s : sources.all()) next = Math.min(next, state.source(s.id()).nextPoll);
    List<String> due = state.dueRefetches(next);
    if (!due.isEmpty()) {
      CrawlState.Seen s = state.seen(due.get(0));
      if (s != null) next = Math.min(next, s.nextRefetch);
    }
    return next;
  }

  private static void await(List<Future<?>> futures) throws InterruptedException, IOException {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof IOException io) throw io;
        if (c instanceof InterruptedException ie) throw ie;
        throw new IllegalStateException(c);
      }
    }
  }

  // ---- polling ------------------------------------------------------------------------------------------------

  /** What a poll collected before any page is fetched. */
  private static final class Collected {
    final List<FeedItems.Item> items = new ArrayList<>();
    final List<String[]> validators = new ArrayList<>(); // url, etag, last-modified: applied when all is taken
    String error;
    Instant retryAt;
    long latency;
    int fetches;
    int notModified;

    void fail(Fetcher.Response r) {
      if (error == null) error = r.outcome() + ": " + r.message() + " (" + r.url() + ")";
      if (r.retryAt() != null) retryAt = r.retryAt();
    }
  }

  private void pollSafely(Source s, Tally t) throws IOException, InterruptedException {
    try {
      poll(s, t);
    } catch (InterruptedException | IOException e) {
      throw e;
    } catch (RuntimeException e) {
      // a bug or a hostile answer in one source must not stop the others
      t.errors.incrementAndGet();
      t.messages.add(s.url() + ": " + e);
      CrawlState.SourceState ss = state.source(s.id());
      synchronized (state) {
        Health.error(ss.health, clock.now().toEpochMilli(), e.toString());
        ss.nextPoll = clock.now().plus(s.every()).toEpochMilli();
      }
    }
  }

  private void poll(Source s, Tally t) throws IOException, InterruptedException {
    CrawlState.SourceState ss = state.source(s.id());
    long start = clock.now().toEpochMilli();
    Collected c = new Collected();
    t.polled.incrementAndGet();
    String kind = ss.kind != null ? ss.kind : s.kind() == Source.Kind.AUTO ? null : s.kind().name();
    if ("SITE".equals(kind)) {
      if (ss.feeds.isEmpty() || start - ss.discoveredAt > REDISCOVER.toMillis()) {
        collect(s, ss, s.url(), c, 0, true);
      } else {
        for (String f : List.copyOf(ss.feeds)) collect(s, ss, f, c, 1, false);
      }
    } else {
      collect(s, ss, s.url(), c, 0, kind == null);
    }
    if (c.notModified > 0 && c.items.isEmpty() && c.error == null) t.notModified.incrementAndGet();
    int[] taken = take(s, c, t);
    int newItems = taken[0];
    boolean complete = taken[1] == 1;
    long now = clock.now().toEpochMilli();
    synchronized (state) {
      if (complete) {
        for (String[] v : c.validators) state.putValidators(v[0], new Fetcher.Validators(v[1], v[2]));
      }
      CrawlState.Health h = ss.health;
      h.polls++;
      h.lastPoll = now;
      if (c.notModified > 0) h.notModified++;
      if (c.fetches > 0) {
        h.lastLatencyMillis = c.latency / c.fetches;
        h.meanLatencyMillis = h.meanLatencyMillis == 0 ? h.lastLatencyMillis
            : (h.meanLatencyMillis * 7 + h.lastLatencyMillis) / 8;
      }
      if (c.error == null) {
        h.lastSuccess = now;
        h.consecutiveErrors = 0;
      } else {
        Health.error(h, now, c.error);
        t.errors.incrementAndGet();
        t.messages.add(s.url() + ": " + c.error);
      }
      if (newItems > 0) Health.newItems(h, now, newItems);
      long next = start + s.every().toMillis();
      if (c.retryAt != null) next = Math.max(next, c.retryAt.toEpochMilli());
      ss.nextPoll = next;
    }
    state.save();
  }

  /** Fetches a source URL and collects its items, by what it turns out to be: feed, sitemap (index) or web page. */
  private void collect(Source s, CrawlState.SourceState ss, String url, Collected c, int depth, boolean discover)
      throws InterruptedException {
    Fetcher.Response r = fetcher.get(url, Fetcher.Kind.SOURCE, state.validators(url));
    c.fetches++;
    c.latency += r.latencyMillis();
    if (r.outcome() == Fetcher.Outcome.NOT_MODIFIED) {
      c.notModified++;
      return;
    }
    if (!r.ok()) {
      c.fail(r);
      return;
    }
    String text = r.text();
    String root = Pages.rootOf(text);
    switch (root) {
      case "rss", "feed", "rdf" -> {
        if (depth == 0 && ss.kind == null) ss.kind = "FEED";
        FeedItems.Parsed p = FeedItems.parse(r.url(), text, config.fullContentChars());
        c.items.addAll(p.items());
        if (!p.problems().isEmpty() && c.error == null) c.error = "feed " + r.url() + ": " + p.problems().get(0);
        c.validators.add(new String[] {url, r.validators().etag(), r.validators().lastModified()});
      }
      case "urlset", "sitemapindex" -> {
        if (depth == 0 && ss.kind == null) ss.kind = "SITEMAP";
        SitemapItems.Parsed p = SitemapItems.parse(r.url(), r.body(), r.contentType());
        if (p.error() != null) {
          if (c.error == null) c.error = p.error();
          return;
        }
        for (SitemapItems.Entry e : p.pages()) {
          c.items.add(new FeedItems.Item(e.url(), null, false,
              new RawDocument.Hints(e.url(), e.title(), null, null, e.published())));
        }
        if (depth < 2) {
          for (String child : p.children().subList(0, Math.min(MAX_CHILD_SITEMAPS, p.children().size()))) {
            collect(s, ss, child, c, depth + 1, false);
          }
        }
        c.validators.add(new String[] {url, r.validators().etag(), r.validators().lastModified()});
      }
      case "html" -> {
        if (!discover) {
          if (c.error == null) c.error = url + " is a web page, not a feed or sitemap";
          return;
        }
        List<String> feeds = discover(r.url(), text);
        synchronized (state) {
          ss.kind = "SITE";
          ss.feeds = new ArrayList<>(feeds);
          ss.discoveredAt = clock.now().toEpochMilli();
        }
        if (feeds.isEmpty()) {
          if (c.error == null) c.error = "no feed or sitemap found on " + r.url();
          return;
        }
        for (String f : feeds) collect(s, ss, f, c, depth + 1, false);
      }
      default -> {
        if (c.error == null) c.error = url + " is not a feed or sitemap" + (root.isEmpty() ? "" : " (<" + root + ">)");
      }
    }
  }

  /** A home page's feeds: announced ones, else the first common path that serves a feed, else robots sitemaps. */
  private List<String> discover(String pageUrl, String html) throws InterruptedException {
    List<String> announced = Discovery.announced(pageUrl, html);
    if (!announced.isEmpty()) return announced;
    for (String candidate : Discovery.commonPaths(pageUrl)) {
      Fetcher.Response r = fetcher.get(candidate, Fetcher.Kind.FEED, Fetcher.Validators.NONE);
      if (r.ok()) {
        String root = Pages.rootOf(r.text());
        if (root.equals("rss") || root.equals("feed") || root.equals("rdf")) return List.of(candidate);
      }
    }
    Robots.Rules rules = fetcher.robots().rules(URI.create(pageUrl));
    return rules.sitemaps();
  }

  /** A document ready for the store and what the state learns once it is in. */
  private record Pending(RawDocument doc, String url, CrawlState.Seen seen, String alias) {}

  /**
   * Takes the new items: fetches pages (or takes full feed items), skips duplicates, ingests in batches. Returns
   * {new items taken, 1 when every listed item was dealt with (the validators may then be saved)}.
   */
  private int[] take(Source s, Collected c, Tally t) throws IOException, InterruptedException {
    List<FeedItems.Item> todo = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (FeedItems.Item it : c.items) {
      if (!listed.add(it.url())) continue;
      CrawlState.Seen seen = state.seen(it.url());
      if (seen == null) {
        todo.add(it);
      } else if (seen.fromFeed && it.feedDoc() != null && it.full()
          && !Pages.hash(it.feedDoc().content()).equals(seen.hash)) {
        todo.add(it); // a full-content feed item whose text changed: a revision
      }
    }
    boolean complete = todo.size() <= config.maxNewPerPoll();
    if (!complete) todo = todo.subList(0, config.maxNewPerPoll());
    List<Pending> batch = new ArrayList<>();
    Set<String> batchHashes = new HashSet<>();
    int taken = 0;
    for (FeedItems.Item it : todo) {
      if (!inFlight.add(it.url())) continue; // another source's thread is taking it
      try {
        Pending p = prepare(s, it, t, batchHashes);
        if (p == null) {
          complete = false; // a transient failure: try again at the next poll
          continue;
        }
        if (p.doc() == null) {
          state.putSeen(p.url(), p.seen());
          if (!p.seen().duplicateOf.startsWith("!")) t.duplicates.incrementAndGet(); // "!": a page that failed for good
          continue;
        }
        batch.add(p);
        taken++;
        if (batch.size() >= BATCH) flush(batch, t);
      } finally {
        inFlight.remove(it.url());
      }
    }
    flush(batch, t);
    return new int[] {taken, complete ? 1 : 0};
  }

  private Pending prepare(Source s, FeedItems.Item it, Tally t, Set<String> batchHashes)
      throws InterruptedException {
    long now = clock.now().toEpochMilli();
    CrawlState.Seen seen = new CrawlState.Seen();
    seen.source = s.id();
    seen.firstSeen = now;
    CrawlState.Seen before = state.seen(it.url());
    if (before != null) {
      seen.firstSeen = before.firstSeen;
      seen.revisions = before.revisions;
    }
    if (it.feedDoc() != null && it.full()) {
      seen.fromFeed = true;
      seen.hash = Pages.hash(it.feedDoc().content());
      seen.id = it.feedDoc().id();
      if (before == null && isDuplicate(it.url(), null, seen.hash, batchHashes, seen)) {
        return new Pending(null, it.url(), seen, null);
      }
      batchHashes.add(seen.hash);
      return new Pending(it.feedDoc(), it.url(), seen, null);
    }
    Fetcher.Response r = fetcher.get(it.url(), Fetcher.Kind.PAGE, Fetcher.Validators.NONE);
    t.pages.incrementAndGet();
    if (!r.ok()) {
      boolean transientFailure = switch (r.outcome()) {
        case TIMEOUT, NETWORK, RETRY_LATER -> true;
        case HTTP_ERROR -> r.status() >= 500 || r.status() == 429;
        default -> false;
      };
      t.messages.add(it.url() + ": " + r.outcome() + " " + r.message());
      if (it.feedDoc() != null && r.outcome() != Fetcher.Outcome.ROBOTS_DENIED) {
        // the page cannot be had: what the feed says of it is better than nothing
        seen.fromFeed = true;
        seen.hash = Pages.hash(it.feedDoc().content());
        seen.id = it.feedDoc().id();
        return new Pending(it.feedDoc(), it.url(), seen, null);
      }
      if (transientFailure) return null;
      seen.duplicateOf = "!" + r.outcome(); // permanent failure: remembered so it is not asked again every poll
      return new Pending(null, it.url(), seen, null);
    }
    RawDocument.Hints feedHints = it.feedDoc() != null ? it.feedDoc().hints() : it.hints();
    Pages.Page page = Pages.of(r.url(), r.text(), feedHints);
    seen.hash = page.hash();
    seen.id = page.doc().id();
    seen.etag = r.validators().etag();
    seen.lastModified = r.validators().lastModified();
    seen.nextRefetch = refetchAt(seen.firstSeen, 0);
    if (before == null && isDuplicate(it.url(), page.canonical(), page.hash(), batchHashes, seen)) {
      return new Pending(null, it.url(), seen, null);
    }
    batchHashes.add(page.hash());
    String alias = page.canonical() != null && !page.canonical().equals(it.url()) ? page.canonical() : null;
    return new Pending(page.doc(), it.url(), seen, alias);
  }

  /** The same article at another URL: its canonical URL or its text was already taken. Marks {@code seen}. */
  private boolean isDuplicate(String url, String canonical, String hash, Set<String> batchHashes,
      CrawlState.Seen seen) {
    String other = null;
    if (canonical != null && !canonical.equals(url) && state.seen(canonical) != null) other = canonical;
    if (other == null) {
      String byHash = state.urlWithHash(hash);
      if (byHash != null && !byHash.equals(url) && !byHash.equals(canonical)) other = byHash;
    }
    if (other == null && batchHashes.contains(hash)) other = "(same batch)";
    if (other == null) return false;
    seen.duplicateOf = other;
    seen.nextRefetch = 0;
    return true;
  }

  private long refetchAt(long firstSeen, int done) {
    List<Duration> after = config.refetchAfter();
    return done < after.size() ? firstSeen + after.get(done).toMillis() : 0;
  }

  /** Batches waiting for the store; the thread that gets the ingest lock takes them all (group commit). */
  private final List<Group> waiting = new ArrayList<>();
  private final Object ingestLock = new Object();

  private static final class Group {
    final List<Pending> batch;
    final Tally tally;
    boolean done;
    IOException failure;

    Group(List<Pending> batch, Tally tally) {
      this.batch = batch;
      this.tally = tally;
    }
  }

  /**
   * Puts a batch into the store and records it in the state. Batches from several polling threads are ingested
   * together: one thread ingests every batch waiting, so the store commits (and the stories are saved) once for all
   * of them, which is what bounds throughput; the others find their batch done.
   */
  private void flush(List<Pending> batch, Tally t) throws IOException {
    if (batch.isEmpty()) return;
    Group mine = new Group(List.copyOf(batch), t);
    batch.clear();
    synchronized (waiting) {
      waiting.add(mine);
    }
    synchronized (ingestLock) {
      if (!mine.done) {
        List<Group> groups;
        synchronized (waiting) {
          groups = new ArrayList<>(waiting);
          waiting.clear();
        }
        ingestGroups(groups);
      }
    }
    if (mine.failure != null) throw mine.failure;
  }

  private void ingestGroups(List<Group> groups) {
    List<RawDocument> docs = new ArrayList<>();
    for (Group g : groups) for (Pending p : g.batch) docs.add(p.doc());
    Library.IngestResult res;
    try {
      long t0 = System.nanoTime(); // measured for the benchmark's split only
      res = library.ingestDocuments(docs, p -> groups.get(0).tally.messages.add(p.source() + ": " + p.reason()));
      groups.get(0).tally.ingestNanos.addAndGet(System.nanoTime() - t0);
      List<String> urls = new ArrayList<>();
      synchronized (state) {
        for (Group g : groups) {
          for (Pending p : g.batch) {
            state.putSeen(p.url(), p.seen());
            if (p.alias() != null && state.seen(p.alias()) == null) {
              CrawlState.Seen a = new CrawlState.Seen();
              a.id = p.seen().id;
              a.source = p.seen().source;
              a.firstSeen = p.seen().firstSeen;
              a.duplicateOf = p.url();
              state.putSeen(p.alias(), a);
            }
            urls.add(p.url());
          }
        }
      }
      state.save();
      // the counts are of the whole group commit; they go to the first batch's round (all share one round here)
      Tally t = groups.get(0).tally;
      t.added.addAndGet(res.added());
      t.revised.addAndGet(res.revised());
      t.unchanged.addAndGet(res.unchanged());
      listener.ingested(urls, res);
    } catch (IOException e) {
      for (Group g : groups) g.failure = e;
    } finally {
      for (Group g : groups) g.done = true;
    }
  }

  // ---- re-fetching --------------------------------------------------------------------------------------------

  private void refetchDue(Tally t) throws IOException, InterruptedException {
    List<String> due = state.dueRefetches(clock.now().toEpochMilli());
    if (due.size() > MAX_REFETCH_PER_ROUND) due = due.subList(0, MAX_REFETCH_PER_ROUND);
    List<Future<?>> futures = new ArrayList<>();
    for (String url : due) {
      futures.add(pool.submit(() -> {
        refetch(url, t);
        return null;
      }));
    }
    await(futures);
  }

  private void refetch(String url, Tally t) throws IOException, InterruptedException {
    CrawlState.Seen s = state.seen(url);
    if (s == null) return;
    Fetcher.Response r = fetcher.get(url, Fetcher.Kind.PAGE, new Fetcher.Validators(s.etag, s.lastModified));
    t.refetched.incrementAndGet();
    CrawlState.Seen next = copy(s);
    next.refetches = s.refetches + 1;
    next.nextRefetch = refetchAt(s.firstSeen, next.refetches);
    if (r.ok()) {
      Optional<Article> stored = library.store().get(url);
      RawDocument.Hints hints = stored.map(a -> new RawDocument.Hints(url, null, a.outlet(), a.byline(),
          a.publishedInferred() ? null : a.published())).orElse(new RawDocument.Hints(url, null, null, null, null));
      Pages.Page page = Pages.of(r.url(), r.text(), hints);
      next.etag = r.validators().etag();
      next.lastModified = r.validators().lastModified();
      next.hash = page.hash();
      Library.IngestResult res = library.ingestDocuments(List.of(page.doc()),
          p -> t.messages.add(p.source() + ": " + p.reason()));
      t.revised.addAndGet(res.revised());
      t.unchanged.addAndGet(res.unchanged());
      t.added.addAndGet(res.added());
      if (res.revised() > 0) next.revisions++;
      listener.ingested(List.of(url), res);
    } else if (r.outcome() != Fetcher.Outcome.NOT_MODIFIED) {
      t.messages.add(url + " (re-fetch): " + r.outcome() + " " + r.message());
    }
    state.putSeen(url, next);
    state.save();
  }

  private static CrawlState.Seen copy(CrawlState.Seen s) {
    CrawlState.Seen c = new CrawlState.Seen();
    c.id = s.id;
    c.source = s.source;
    c.firstSeen = s.firstSeen;
    c.refetches = s.refetches;
    c.nextRefetch = s.nextRefetch;
    c.etag = s.etag;
    c.lastModified = s.lastModified;
    c.hash = s.hash;
    c.duplicateOf = s.duplicateOf;
    c.fromFeed = s.fromFeed;
    c.revisions = s.revisions;
    return c;
  }

  @Override
  public void close() throws IOException {
    pool.shutdownNow();
    fetcher.close();
    state.save();
  }

  /** Health bookkeeping. */
  static final class Health {
    private Health() {}

    static void error(CrawlState.Health h, long now, String message) {
      h.lastError = now;
      h.lastErrorMessage = message.length() > 300 ? message.substring(0, 300) + "..." : message;
      h.consecutiveErrors++;
    }

    static void newItems(CrawlState.Health h, long now, int n) {
      if (h.lastNew > 0) {
        long gap = now - h.lastNew;
        h.meanNewGapMillis = h.meanNewGapMillis == 0 ? gap : (h.meanNewGapMillis * 3 + gap) / 4;
      }
      h.lastNew = now;
      h.itemsTotal += n;
      String day = Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC).toLocalDate().toString();
      h.itemsPerDay.merge(day, n, Integer::sum);
      while (h.itemsPerDay.size() > 14) h.itemsPerDay.pollFirstEntry();
    }
  }
}
