package org.storyline.follow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the follower fetches: identity, politeness, limits and schedules. Immutable; {@link #defaults()} are the
 * values for following real sites, tests shorten the timeouts and zero the delays with the {@code with*} methods.
 *
 * @param userAgent the product token and version sent as User-Agent, followed by {@code contactUrl}
 * @param contactUrl where a site owner learns about the crawler (sent in the User-Agent)
 * @param robotsName the name matched against robots.txt {@code User-agent} lines
 * @param connectTimeout TCP connect timeout
 * @param readTimeout the whole response (headers and body) must arrive within this time
 * @param maxBytes largest response body accepted (also after gzip decompression)
 * @param maxRedirects redirects followed for one request
 * @param retries retries after a network error, a timeout or a 5xx answer
 * @param backoff first retry delay, doubled on each retry
 * @param minHostDelay least time between two requests to the same host (a robots.txt Crawl-delay may raise it)
 * @param maxCrawlDelay a larger Crawl-delay is capped to this
 * @param maxRetryAfterWait a Retry-After up to this is waited for; a longer one postpones the host instead
 * @param robotsTtl how long a robots.txt is cached
 * @param refetchAfter when an article is fetched again after it was first seen, to catch later edits
 * @param maxNewPerPoll new items taken from one source in one poll (the rest wait for the next poll)
 * @param fullContentChars a feed item with at least this much text is taken from the feed without fetching its page
 * @param threads sources polled at once (each host still gets one request at a time)
 */
public record FollowConfig(String userAgent, String contactUrl, String robotsName, Duration connectTimeout,
    Duration readTimeout, long maxBytes, int maxRedirects, int retries, Duration backoff, Duration minHostDelay,
    Duration maxCrawlDelay, Duration maxRetryAfterWait, Duration robotsTtl, List<Duration> refetchAfter,
    int maxNewPerPoll, int fullContentChars, int threads) {

  public static final String DEFAULT_CONTACT = "https://github.com/storyline-news/storyline";

  public FollowConfig {
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(contactUrl, "contactUrl");
    Objects.requireNonNull(robotsName, "robotsName");
    refetchAfter = List.copyOf(refetchAfter);
    if (maxBytes < 1024) throw new IllegalArgumentException("maxBytes must be at least 1024, got " + maxBytes);
    if (maxRedirects < 0 || retries < 0 || maxNewPerPoll < 1 || threads < 1) {
      throw new IllegalArgumentException("maxRedirects and retries must be >= 0, maxNewPerPoll and threads >= 1");
    }
    for (Duration d : List.of(connectTimeout, readTimeout, backoff, minHostDelay, maxCrawlDelay, maxRetryAfterWait,
        robotsTtl)) {
      if (d.isNegative()) throw new IllegalArgumentException("durations must not be negative: " + d);
    }
  }

  public static FollowConfig defaults() {
    return new FollowConfig("Storyline/0.1", DEFAULT_CONTACT, "storyline", Duration.ofSeconds(10),
        Duration.ofSeconds(30), 5L << 20, 5, 2, Duration.ofSeconds(2), Duration.ofSeconds(2),
        Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofHours(24),
        List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24)), 200, 1500, 4);
  }

  /** The User-Agent header: {@code Storyline/0.1 (+https://...)}. */
  public String userAgentHeader() {
    return userAgent + " (+" + contactUrl + ")";
  }

  public FollowConfig withContact(String url) {
    return new FollowConfig(userAgent, url, robotsName, connectTimeout, readTimeout, maxBytes, maxRedirects, retries,
        backoff, minHostDelay, maxCrawlDelay, maxRetryAfterWait, robotsTtl, refetchAfter, maxNewPerPoll,
        fullContentChars, threads);
  }

  public FollowConfig withTimeouts(Duration connect, Duration read) {
    return new FollowConfig(userAgent, contactUrl, robotsName, connect, read, maxBytes, maxRedirects, retries,
        backoff, minHostDelay, maxCrawlDelay, maxRetryAfterWait, robotsTtl, refetchAfter, maxNewPerPoll,
        fullContentChars, threads);
  }

  public FollowConfig withMaxBytes(long max) {
    return new FollowConfig(userAgent, contactUrl, robotsName, connectTimeout, readTimeout, max, maxRedirects,
        retries, backoff, minHostDelay, maxCrawlDelay, maxRetryAfterWait, robotsTtl, refetchAfter, maxNewPerPoll,
        fullContentChars, threads);
  }

  public FollowConfig withRetries(int n, Duration first) {
    return new FollowConfig(userAgent, contactUrl, robotsName, connectTimeout, readTimeout, maxBytes, maxRedirects,
        n, first, minHostDelay, maxCrawlDelay, maxRetryAfterWait, robotsTtl, refetchAfter, maxNewPerPoll,
        fullContentChars, threads);
  }

  public FollowConfig withMinHostDelay(Duration d) {
    return new FollowConfig(userAgent, contactUrl, robotsName, connectTimeout, readTimeout, maxBytes, maxRedirects,
        retries, backoff, d, maxCrawlDelay, maxRetryAfterWait, robotsTtl, refetchAfter, maxNewPerPoll,
        fullContentChars, threads);
  }

  public FollowConfig withThreads(int n) {
    return new FollowConfig(userAgent, contactUrl, robotsName, connectTimeout, readTimeout, maxBytes, maxRedirects,
        retries, backoff, minHostDelay, maxCrawlDelay, maxRetryAfterWait, robotsTtl, refetchAfter, maxNewPerPoll,
        fullContentChars, n);
  }

  public FollowConfig withMaxNewPerPoll(int n) {
    return new FollowConfig(userAgent, contactUrl, robotsName, connectTimeout, readTimeout, maxBytes, maxRedirects,
        retries, backoff, minHostDelay, maxCrawlDelay, maxRetryAfterWait, robotsTtl, refetchAfter, n,
        fullContentChars, threads);
  }
}
