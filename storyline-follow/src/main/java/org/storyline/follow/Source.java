package org.storyline.follow;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A followed source: an RSS/Atom feed, a sitemap (news sitemap, sitemap index) or a site's home page, polled every
 * {@code every}. {@link Kind#AUTO} is resolved at the first poll from what the URL serves.
 */
public record Source(String id, String url, String name, Kind kind, Duration every, long added) {
  public enum Kind { AUTO, FEED, SITEMAP, SITE }

  private static final Pattern EVERY = Pattern.compile("(\\d+)\\s*([smhd])");
  public static final Duration MIN_EVERY = Duration.ofMinutes(1);

  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(every, "every");
    if (every.compareTo(MIN_EVERY) < 0) throw new IllegalArgumentException("poll interval below 1m: " + every);
  }

  /** Checks a URL a user gave: absolute http(s) with a host. */
  public static String checkUrl(String url) {
    URI u;
    try {
      u = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
        || u.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) URL with a host: " + url);
    }
    return u.toString();
  }

  /** Parses an interval such as {@code 15m}, {@code 1h}, {@code 30s}, {@code 1d}. */
  public static Duration parseEvery(String s) {
    Matcher m = EVERY.matcher(s.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) throw new IllegalArgumentException("interval must look like 15m, 1h, 90s or 1d: " + s);
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** {@code 15m}, {@code 1h}: the interval as a user writes it. */
  public static String formatEvery(Duration d) {
    long s = d.getSeconds();
    if (s % 86400 == 0) return s / 86400 + "d";
    if (s % 3600 == 0) return s / 3600 + "h";
    if (s % 60 == 0) return s / 60 + "m";
    return s + "s";
  }

  /** The host part, for display. */
  public String host() {
    return URI.create(url).getHost();
  }
}
