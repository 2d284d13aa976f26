package org.storyline.dates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises feed dates to ISO 8601: RFC 822/1123 ({@code pubDate}, with the usual variants: no weekday, one-digit
 * day, two-digit year, named zones, {@code 26-FEB-1987 15:01:01.79}) and RFC 3339 / W3C-DTF ({@code updated}, {@code dc:date}). Output is
 * {@code yyyy-MM-dd'T'HH:mm:ssXXX} when the source gives a time (offset as stated), {@code yyyy-MM-dd} for a date
 * alone, null when unparseable. Never reads the clock.
 */
public final class FeedDates {
  private FeedDates() {}

  private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  /** North-American and military zone names RFC 822 allows, as fixed offsets (hours). */
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
      Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
      Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7),
      Map.entry("BST", 1), Map.entry("CET", 1), Map.entry("CEST", 2), Map.entry("IST", 5));

  private static final Pattern RFC822 = Pattern.compile(
      "^(?:[A-Za-z]{3,9},?\\s*)?(\\d{1,2})(?:\\s+|-)([A-Za-z]{3,9})\\.?(?:\\s+|-)(\\d{2,4})"
          + "(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*([+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5})?\\s*$");

  private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(java.time.format.ResolverStyle.STRICT) // 2025-02-30 is no date, not 2025-02-28
      .withChronology(java.time.chrono.IsoChronology.INSTANCE);

  /** The date in ISO 8601, or null when unparseable. */
  public static String normalize(String raw) {
    if (raw == null) return null;
    String s = raw.strip();
    if (s.isEmpty()) return null;
    if (Character.isDigit(s.charAt(0)) && s.length() >= 10 && s.charAt(4) == '-') {
      return iso(s);
    }
    return rfc822(s);
  }

  private static String iso(String s) {
    try {
      var t = ISO_LENIENT.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (t instanceof OffsetDateTime o) return OUT.format(o);
      if (t instanceof LocalDateTime l) return l.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss",
          Locale.ROOT));
      return ((LocalDate) t).toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String rfc822(String s) {
    Matcher m = RFC822.matcher(s);
    if (!m.matches()) return null;
    int day = Integer.parseInt(m.group(1));
    String mon = m.group(2).toLowerCase(Locale.ROOT);
    int month = mon.length() >= 3 ? Months.englishAbbreviation(mon.substring(0, 3)) : 0;
    if (month == 0) return null;
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) year += year < 50 ? 2000 : 1900;
    else if (m.group(3).length() == 3) return null;
    try {
      if (m.group(4) == null) return LocalDate.of(year, month, day).toString();
      LocalDateTime ldt = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      ZoneOffset off = offset(m.group(7));
      if (off == null) {
        return ldt.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT));
      }
      return OUT.format(ldt.atOffset(off));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String z) {
    if (z == null) return null;
    if (z.startsWith("+") || z.startsWith("-")) {
      String digits = z.replace(":", "");
      int sign = z.startsWith("-") ? -1 : 1;
      int h = Integer.parseInt(digits.substring(1, 3));
      int mi = Integer.parseInt(digits.substring(3, 5));
      return ZoneOffset.ofHoursMinutes(sign * h, sign * mi);
    }
    Integer h = ZONES.get(z.toUpperCase(Locale.ROOT));
    return h == null ? null : ZoneOffset.ofHours(h);
  }
}
