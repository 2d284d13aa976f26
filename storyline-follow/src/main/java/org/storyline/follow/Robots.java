package org.storyline.follow;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per host, parsed by crawler-commons and cached (in memory and in the {@link CrawlState}, so a restart
 * does not fetch them again) for {@link FollowConfig#robotsTtl()}. As RFC 9309 says: a 4xx robots.txt allows
 * everything; a 5xx or a network failure disallows everything for the host until the next try (an hour later).
 * Thread-safe; one fetch per host at a time.
 */
public final class Robots {
  /** The rules for one host: what may be fetched, the Crawl-delay, the sitemaps it names. */
  public record Rules(BaseRobotRules rules, Duration crawlDelay, List<String> sitemaps) {
    public boolean allowed(String url) {
      return rules.isAllowed(url);
    }
  }

  private static final Duration FAILURE_TTL = Duration.ofHours(1);

  private final Fetcher fetcher;
  private final FollowConfig config;
  private final FollowClock clock;
  private final CrawlState state;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Map<String, Rules> parsed = new ConcurrentHashMap<>();

  Robots(Fetcher fetcher, FollowConfig config, FollowClock clock, CrawlState state) {
    this.fetcher = fetcher;
    this.config = config;
    this.clock = clock;
    this.state = state;
  }

  /** The rules for the URL's host, fetching robots.txt when not cached or expired. */
  public Rules rules(URI uri) throws InterruptedException {
    String key = uri.getScheme() + "://" + uri.getRawAuthority();
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      CrawlState.RobotsEntry e = state.robots(key);
      Instant now = clock.now();
      if (e != null) {
        Duration ttl = e.status >= 500 || e.status == 0 ? FAILURE_TTL : config.robotsTtl();
        if (Instant.ofEpochMilli(e.fetchedAt).plus(ttl).isAfter(now)) {
          Rules r = parsed.get(key);
          if (r == null || r.rules() == null) {
            r = parse(key, e);
            parsed.put(key, r);
          }
          return r;
        }
      }
      Fetcher.Response resp = fetcher.get(key + "/robots.txt", Fetcher.Kind.ROBOTS, Fetcher.Validators.NONE);
      CrawlState.RobotsEntry fresh = new CrawlState.RobotsEntry();
      fresh.fetchedAt = now.toEpochMilli();
      fresh.status = resp.ok() ? 200 : resp.status();
      fresh.body = resp.ok() ? new String(resp.body(), StandardCharsets.UTF_8) : null;
      state.putRobots(key, fresh);
      Rules r = parse(key, fresh);
      parsed.put(key, r);
      return r;
    }
  }

  private Rules parse(String key, CrawlState.RobotsEntry e) {
    SimpleRobotRulesParser p = new SimpleRobotRulesParser(config.maxCrawlDelay().toMillis(), 10);
    BaseRobotRules rules;
    if (e.status == 200 && e.body != null) {
      rules = p.parseContent(key + "/robots.txt", e.body.getBytes(StandardCharsets.UTF_8), "text/plain",
          List.of(config.robotsName()));
    } else if (e.status >= 400 && e.status < 500) {
      rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    } else {
      rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE); // 5xx or unreachable
    }
    long delay = rules.getCrawlDelay();
    Duration d = delay <= 0 ? Duration.ZERO : Duration.ofMillis(delay);
    return new Rules(rules, d, List.copyOf(rules.getSitemaps()));
  }
}
