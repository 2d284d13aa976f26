/**
 * Live ingestion: following news sources (RSS/Atom feeds, sitemaps and news sitemaps, sites whose feeds are
 * discovered from their home page) from their URLs, politely and robustly, into a {@link org.storyline.store.Library}.
 *
 * <p>{@link org.storyline.follow.Follower} is the scheduler; {@link org.storyline.follow.Fetcher} the polite HTTP
 * client (robots.txt, one request at a time per host with a minimum delay and {@code Crawl-delay}, conditional GET,
 * timeouts, retries with backoff, {@code Retry-After}, redirect limit, size limit, gzip, content-type checks);
 * {@link org.storyline.follow.SourceList} the sources file the CLI and the server edit;
 * {@link org.storyline.follow.CrawlState} the crash-safe crawl state (seen URLs, validators, next fetch times, robots
 * cache, source health); {@link org.storyline.follow.RevisionChanges} what changed between two revisions. Time comes
 * from an injected {@link org.storyline.follow.FollowClock}, so tests never wait for or assert wall-clock time.
 */
package org.storyline.follow;
