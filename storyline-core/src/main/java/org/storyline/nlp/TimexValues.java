package org.storyline.nlp;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TIMEX3 value arithmetic: a calendar point at some granularity (day, week, month, quarter, year, decade, century),
 * shifted by units and printed as a TIMEX3 value ("2025-02-18", "2025-W08", "2025-Q1", "199"). Pure functions.
 */
final class TimexValues {
  private TimexValues() {}

  enum Gran { DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY }

  /** A point in time: {@code date} is any day inside the period, {@code gran} its size. */
  record Point(LocalDate date, Gran gran) {
    String value() {
      LocalDate d = date;
      return switch (gran) {
        case DAY -> day(d);
        case WEEK -> week(d);
        case MONTH -> month(d.getYear(), d.getMonthValue());
        case QUARTER -> year(d.getYear()) + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
        case YEAR -> year(d.getYear());
        case DECADE -> year(d.getYear()).substring(0, 3);
        case CENTURY -> year(d.getYear()).substring(0, 2);
      };
    }

    /** This point moved by {@code n} units of {@code unit} ("Y", "M", "W", "D", "Q", "DE", "CE"). */
    Point shift(String unit, long n) {
      LocalDate d = switch (unit) {
        case "Y" -> date.plusYears(n);
        case "M" -> date.plusMonths(n);
        case "W", "WE" -> date.plusWeeks(n);
        case "FN" -> date.plusWeeks(2 * n);
        case "D" -> date.plusDays(n);
        case "Q" -> date.plusMonths(3 * n);
        case "DE" -> date.plusYears(10 * n);
        case "CE" -> date.plusYears(100 * n);
        case "ML" -> date.plusYears(1000 * n);
        default -> date;
      };
      return new Point(d, gran);
    }

    Point at(Gran g) {
      return new Point(date, g);
    }
  }

  static Gran granOf(String unit) {
    return switch (unit) {
      case "D" -> Gran.DAY;
      case "W", "WE", "FN" -> Gran.WEEK;
      case "M" -> Gran.MONTH;
      case "Q" -> Gran.QUARTER;
      case "Y" -> Gran.YEAR;
      case "DE" -> Gran.DECADE;
      case "CE", "ML" -> Gran.CENTURY;
      default -> null;
    };
  }

  /** The unanchored form of a value at this granularity, used when the publish date is unknown. */
  static String unknown(Gran g) {
    return switch (g) {
      case DAY -> "XXXX-XX-XX";
      case WEEK -> "XXXX-WXX";
      case MONTH -> "XXXX-XX";
      case QUARTER -> "XXXX-QX";
      case YEAR -> "XXXX";
      case DECADE -> "XXX";
      case CENTURY -> "XX";
    };
  }

  static String day(LocalDate d) {
    return year(d.getYear()) + String.format(Locale.ROOT, "-%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
  }

  static String month(int y, int m) {
    return year(y) + String.format(Locale.ROOT, "-%02d", m);
  }

  static String year(int y) {
    return String.format(Locale.ROOT, "%04d", y);
  }

  static String week(LocalDate d) {
    return year(d.get(IsoFields.WEEK_BASED_YEAR))
        + String.format(Locale.ROOT, "-W%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** Reads a value this class prints back into a point (null when it is not a plain calendar value). */
  static Point parse(String v) {
    Matcher m = VALUE.matcher(v);
    if (!m.matches()) return null;
    try {
      int y = Integer.parseInt(m.group(1));
      String rest = m.group(2);
      if (rest == null) return new Point(LocalDate.of(y, 1, 1), Gran.YEAR);
      if (rest.startsWith("Q")) return new Point(LocalDate.of(y, 3 * (rest.charAt(1) - '0') - 2, 1), Gran.QUARTER);
      if (rest.startsWith("W")) {
        LocalDate d = LocalDate.of(y, 1, 4)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(rest.substring(1)))
            .with(DayOfWeek.MONDAY);
        return new Point(d, Gran.WEEK);
      }
      int mo = Integer.parseInt(rest.substring(0, 2));
      if (m.group(3) == null) return new Point(LocalDate.of(y, mo, 1), Gran.MONTH);
      return new Point(LocalDate.of(y, mo, Integer.parseInt(m.group(3))), Gran.DAY);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Plain calendar values: 2025, 2025-02, 2025-02-19 (with any time), 2025-Q1, 2025-W08. */
  private static final Pattern VALUE =
      Pattern.compile("(\\d{4})(?:-(Q[1-4]|W\\d{2}|\\d{2})(?:-(\\d{2})(?:T.*)?)?)?");

  /** The n-th (n = -1: last) given weekday of a month. */
  static LocalDate nthWeekday(int year, int month, int isoDow, int n) {
    LocalDate first = LocalDate.of(year, month, 1);
    DayOfWeek dow = DayOfWeek.of(isoDow);
    if (n < 0) return first.with(TemporalAdjusters.lastInMonth(dow));
    return first.with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
  }

  /** Western Easter Sunday (anonymous Gregorian algorithm). */
  static LocalDate easter(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(y, month, day);
  }

  /** The date of a holiday rule from the holidays table in a given year, or null. */
  static LocalDate holiday(String rule, int year) {
    try {
      if (rule.startsWith("NTH:")) {
        String[] f = rule.split(":");
        LocalDate d = nthWeekday(year, Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
        // optional day offset: US Election Day is the Tuesday after the first Monday of November
        return f.length > 4 && d != null ? d.plusDays(Integer.parseInt(f[4])) : d;
      }
      if (rule.startsWith("EASTER:")) return easter(year).plusDays(Integer.parseInt(rule.substring(7)));
      return LocalDate.of(year, Integer.parseInt(rule.substring(0, 2)), Integer.parseInt(rule.substring(3, 5)));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
