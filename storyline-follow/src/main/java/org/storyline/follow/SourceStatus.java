package org.storyline.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A source with its health, as {@code sources list} and {@code GET /api/sources} show it. The warning names a source
 * that keeps failing, or that answers but has brought nothing new for much longer than usual (three times its usual
 * gap between new items, at least four poll intervals and six hours), the silent failure users of feed collectors
 * complain of most.
 */
public record SourceStatus(String id, String url, String name, String kind, String every, long nextPoll,
    CrawlState.Health health, String warning) {

  private static final Duration MIN_QUIET = Duration.ofHours(6);

  public static List<SourceStatus> of(List<Source> sources, CrawlState state, Instant now) {
    List<SourceStatus> out = new ArrayList<>();
    var health = state.health();
    for (Source s : sources) {
      CrawlState.SourceState ss = state.sourceIfKnown(s.id());
      CrawlState.Health h = health.getOrDefault(s.id(), new CrawlState.Health());
      String kind = ss != null && ss.kind != null ? ss.kind : s.kind().name();
      out.add(new SourceStatus(s.id(), s.url(), s.name(), kind, Source.formatEvery(s.every()),
          ss == null ? 0 : ss.nextPoll, h, warning(s, h, now.toEpochMilli())));
    }
    return out;
  }

  static String warning(Source s, CrawlState.Health h, long now) {
    if (h.consecutiveErrors > 0) {
      return "failing (" + h.consecutiveErrors + (h.consecutiveErrors == 1 ? " time" : " times") + " in a row): "
          + h.lastErrorMessage;
    }
    if (h.lastSuccess == 0) return null;
    long since = h.lastNew > 0 ? h.lastNew : s.added();
    long quiet = now - since;
    long threshold = Math.max(Math.max(3 * h.meanNewGapMillis, 4 * s.every().toMillis()), MIN_QUIET.toMillis());
    if (h.lastNew == 0 && h.polls >= 3 && quiet > threshold) {
      return "answers but has brought nothing in " + human(quiet);
    }
    if (h.lastNew > 0 && quiet > threshold) {
      return "answers but nothing new for " + human(quiet) + (h.meanNewGapMillis > 0 ? " (usually every "
          + human(h.meanNewGapMillis) + ")" : "");
    }
    return null;
  }

  static String human(long millis) {
    Duration d = Duration.ofMillis(millis);
    if (d.toDays() >= 2) return d.toDays() + " days";
    if (d.toHours() >= 2) return d.toHours() + " hours";
    if (d.toMinutes() >= 2) return d.toMinutes() + " minutes";
    return d.toSeconds() + " seconds";
  }
}
