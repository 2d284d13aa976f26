package org.storyline.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period: the TIMEX3 value it was read from, its granularity (day, week, month, year) and its first and
 * last day (epoch days). Parses the calendar values only ({@link #of}); other values (PRESENT_REF, durations,
 * seasons) have no period.
 */
record Period(String value, String granularity, long first, long last) {
  private static final Pattern CALENDAR = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?|-W(\\d{2}))?(?:T.*)?$");

  /** Whether {@code o} lies within this period. */
  boolean contains(Period o) {
    return first <= o.first && o.last <= last;
  }

  /** The calendar period of a TIMEX3 value, or null when it is none (PRESENT_REF, durations, seasons). */
  static Period of(String value) {
    if (value == null) return null;
    Matcher m = CALENDAR.matcher(value);
    if (!m.matches()) return null;
    try {
      int y = Integer.parseInt(m.group(1));
      if (m.group(4) != null) {
        int w = Integer.parseInt(m.group(4));
        LocalDate monday = LocalDate.of(y, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(m.group(1) + "-W" + m.group(4), "week", monday.toEpochDay(), monday.toEpochDay() + 6);
      }
      if (m.group(2) == null) {
        return new Period(m.group(1), "year", LocalDate.of(y, 1, 1).toEpochDay(), LocalDate.of(y, 12, 31)
            .toEpochDay());
      }
      int mo = Integer.parseInt(m.group(2));
      if (m.group(3) == null) {
        LocalDate f = LocalDate.of(y, mo, 1);
        return new Period(String.format(Locale.ROOT, "%04d-%02d", y, mo), "month", f.toEpochDay(),
            f.plusMonths(1).toEpochDay() - 1);
      }
      LocalDate d = LocalDate.of(y, mo, Integer.parseInt(m.group(3)));
      return new Period(d.toString(), "day", d.toEpochDay(), d.toEpochDay());
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * "Three years ago next week" resolves to a week, but reporters count years loosely: a date counted back in years
   * (months) is only as fine as its year (month), so it joins the event others date exactly ("February 2022").
   */
  static Period loose(Period p, String expression) {
    if (p == null || expression == null) return p;
    String e = expression.toLowerCase(Locale.ROOT);
    if (!e.contains("ago")) return p;
    LocalDate d = LocalDate.ofEpochDay(p.first());
    if (e.contains("year")) return of(String.format(Locale.ROOT, "%04d", d.getYear()));
    if (e.contains("month")) return of(String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue()));
    return p;
  }
}
