package org.storyline.ingest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.dates.FeedDates;

/**
 * Checks a publish date given with an article (a JSONL or feed field): a value in ISO 8601 form must name a real day
 * and time (no 30 February, no 25:61, an offset within ±18:00); a value in no date form at all is no date. Such a
 * value is rejected, never bent into a nearby date or kept. A real date after {@link #FAR_FUTURE_YEAR} is flagged.
 * Never reads the clock, so the same input gives the same answer on any day.
 */
public final class PublishedValues {
  private PublishedValues() {}

  /** Dates from this year on are flagged as far in the future (a typo, or a placeholder such as 3000-01-01). */
  public static final int FAR_FUTURE_YEAR = 2100;

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d+)?)?"
          + "(Z|[+-](\\d{2}):?(\\d{2}))?)?", Pattern.CASE_INSENSITIVE);

  /** Why {@code raw} is no valid publish date (null when it is one, or when it is not in ISO form). */
  public static String invalid(String raw) {
    if (raw == null) return null;
    String s = raw.strip();
    Matcher m = ISO.matcher(s);
    if (!m.matches()) {
      if (s.length() >= 5 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-') {
        return "published value \"" + clip(s) + "\" is not an ISO 8601 date: rejected";
      }
      return null;
    }
    try {
      LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return "published value \"" + clip(s) + "\" names no day of the calendar: rejected";
    }
    if (m.group(4) != null) {
      try {
        LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      } catch (java.time.DateTimeException e) {
        return "published value \"" + clip(s) + "\" names no time of day: rejected";
      }
      if (m.group(8) != null) {
        try {
          int h = Integer.parseInt(m.group(8));
          int mi = Integer.parseInt(m.group(9));
          ZoneOffset.ofHoursMinutes(h, mi);
        } catch (java.time.DateTimeException e) {
          return "published value \"" + clip(s) + "\" has an offset beyond ±18:00: rejected";
        }
      }
    }
    return null;
  }

  /** A note when an otherwise valid ISO date is far in the future, else null. */
  public static String farFuture(String iso) {
    if (iso == null || iso.length() < 4) return null;
    Matcher m = ISO.matcher(iso.strip());
    if (!m.matches() || Integer.parseInt(m.group(1)) < FAR_FUTURE_YEAR) return null;
    return "published date " + clip(iso.strip()) + " is far in the future (year " + m.group(1) + "): kept, but check it";
  }

  private static final org.storyline.dates.DateFinder WRITTEN = new org.storyline.dates.DateFinder();

  /**
   * Why a given publish value is rejected: invalid in ISO form ({@link #invalid}), or in no form a date is read in
   * (ISO, a feed's RFC 822, a written date such as "March 4, 2025"); null when it is a date.
   */
  public static String rejected(String raw) {
    if (raw == null || raw.isBlank()) return null;
    String why = invalid(raw);
    if (why != null) return why;
    if (ISO.matcher(raw.strip()).matches() || FeedDates.normalize(raw) != null) return null;
    if (!WRITTEN.find(raw.strip()).isEmpty()) return null;
    return "published value \"" + clip(raw.strip()) + "\" is not a date: rejected";
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
