package org.storyline.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publish date an article URL spells as year, month and day path segments ({@code /2025/02/19/},
 * {@code /2025-02-19-slug}), as the text cleaner reads it when the page prints no date. Only the first such run of
 * the URL is read, and an impossible date ({@code /2025/02/30/}) gives none. The HTML path reads more URL forms
 * (compact {@code /20250219/}, day-first segments): {@link DateParser#fromUrl}. Stateless, thread-safe.
 */
public final class UrlDates {
  private UrlDates() {}

  private static final Pattern PATH_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|-|$)");

  /** The date of the URL's first year/month/day path run, or null (no such run, an impossible date, no URL). */
  public static LocalDate pathDate(String url) {
    if (url == null) return null;
    Matcher m = PATH_DATE.matcher(url);
    if (!m.find()) return null;
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null; // not a date after all
    }
  }
}
