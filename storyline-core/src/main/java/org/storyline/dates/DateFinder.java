package org.storyline.dates;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.resources.Resources;

/**
 * Finds printed dates (with time and zone where given) in a line: "February 19, 2025", "Feb 27, 2025, 18:56:48 IST",
 * "Thu 27 Feb 2025 18.56 GMT", "2025-03-11T09:30:00+03:00", "Wed, Dec 31 2025 12:35:16 pm", "19/02/2025". Zone
 * abbreviations come from {@code timezones.tsv}, month names from {@link Months} (English and the other
 * {@link Months#TEXT_LANGUAGES}). Immutable, thread-safe.
 */
public final class DateFinder {
  /** English month names and abbreviations, a regex group with an optional final period. */
  public static final String MONTH = "(?:" + String.join("|", Months.english()) + ")\\.?";
  /** Month spellings of the text languages, by spelling (English ones included). */
  private static final Map<String, Integer> TEXT_MONTHS = Months.numbers(Months.TEXT_LANGUAGES);
  /** {@link #MONTH} and the other text languages' months (longest first), a regex group with an optional period. */
  static final String MONTH_ANY = "(?:" + String.join("|", Months.english()) + "|"
      + TEXT_MONTHS.keySet().stream().filter(k -> !Months.english().contains(k))
          .sorted(java.util.Comparator.comparingInt(String::length).reversed())
          .collect(java.util.stream.Collectors.joining("|")) + ")\\.?";
  /** English weekday names and abbreviations, a regex group with an optional final period. */
  public static final String WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
      + "mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\\.?";
  private static final Pattern DATE = Pattern.compile(
      "(?<![\\p{L}\\d])(?:(?<wd>" + WEEKDAY + ")[,\\s]+)?(?:"
          + "(?<mon1>" + MONTH_ANY + ")\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y1>(?:19|20)\\d{2})"
          + "|(?<d2>\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?\\s+(?:of\\s+|de\\s+)?(?<mon2>" + MONTH_ANY + "),?\\s+(?:de\\s+)?"
          + "(?<y2>(?:19|20)\\d{2})"
          + "|(?<y3>(?:19|20)\\d{2})-(?<m3>\\d{2})-(?<d3>\\d{2})"
          + "|(?<y4>(?:19|20)\\d{2})/(?<m4>\\d{1,2})/(?<d4>\\d{1,2})"
          + "|(?<a5>\\d{1,2})[/.-](?<b5>\\d{1,2})[/.-](?<y5>(?:19|20)\\d{2})"
          + ")(?:(?:\\s*(?:,|\\||/|-|–|—|·|•|\\bat\\b|à|\\bum\\b|\\ba las\\b|às)\\s*|\\s+|T|(?=\\d{1,2}:\\d{2}))"
          + "(?<hh>\\d{1,2})[:.](?<mm>\\d{2})(?::(?<ss>\\d{2})(?:\\.\\d+)?)?"
          + "(?:\\s*(?<ampm>[ap]\\.?\\s?m\\.?)(?![\\p{L}]))?"
          + "(?:\\s*\\(?(?-i:(?<tz>Z|(?:UTC|GMT)\\s?[+-]\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|[A-Z]{2,5}))\\)?)?"
          + ")?(?![\\p{L}\\d])",
      Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter OFFSET_FMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX",
      Locale.ROOT);

  /** One printed date: where it is in the line, the date, and the date-time with offset when the line gives both. */
  public record Found(int start, int end, LocalDate date, String iso, boolean hasTime, boolean zoneKnown,
      DayOfWeek printedWeekday, boolean ambiguous) {}

  private final Map<String, String> zones = new HashMap<>();

  public DateFinder() {
    for (String line : Resources.entries(DateFinder.class, "timezones.tsv")) {
      String[] f = line.split("\t");
      if (f.length == 2) zones.put(f[0].strip(), f[1].strip());
    }
  }

  /** Every date printed in {@code line}, in order. */
  public List<Found> find(String line) {
    List<Found> out = new ArrayList<>();
    Matcher m = DATE.matcher(line);
    while (m.find()) {
      Found f = toFound(m);
      if (f != null) out.add(f);
    }
    return out;
  }

  private Found toFound(Matcher m) {
    try {
      int y;
      int mo;
      int d;
      boolean ambiguous = false;
      if (m.group("y1") != null) {
        y = Integer.parseInt(m.group("y1"));
        mo = month(m.group("mon1"));
        d = Integer.parseInt(m.group("d1"));
      } else if (m.group("y2") != null) {
        y = Integer.parseInt(m.group("y2"));
        mo = month(m.group("mon2"));
        d = Integer.parseInt(m.group("d2"));
      } else if (m.group("y3") != null) {
        y = Integer.parseInt(m.group("y3"));
        mo = Integer.parseInt(m.group("m3"));
        d = Integer.parseInt(m.group("d3"));
      } else if (m.group("y4") != null) {
        y = Integer.parseInt(m.group("y4"));
        mo = Integer.parseInt(m.group("m4"));
        d = Integer.parseInt(m.group("d4"));
      } else {
        y = Integer.parseInt(m.group("y5"));
        int a = Integer.parseInt(m.group("a5"));
        int b = Integer.parseInt(m.group("b5"));
        if (a > 12 && b <= 12) { d = a; mo = b; }
        else if (b > 12 && a <= 12) { mo = a; d = b; }
        else { d = a; mo = b; ambiguous = a != b; } // day-first, the world's majority reading; flagged
      }
      LocalDate date = LocalDate.of(y, mo, d);
      DayOfWeek wd = m.group("wd") == null ? null : weekday(m.group("wd"));
      String iso = date.toString();
      boolean hasTime = m.group("hh") != null;
      boolean zoneKnown = false;
      if (hasTime) {
        int hh = Integer.parseInt(m.group("hh"));
        int mm = Integer.parseInt(m.group("mm"));
        int ss = m.group("ss") == null ? 0 : Integer.parseInt(m.group("ss"));
        String ampm = m.group("ampm");
        if (ampm != null) {
          boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
          if (hh == 12) hh = pm ? 12 : 0;
          else if (pm) hh += 12;
        }
        LocalDateTime ldt = LocalDateTime.of(date, LocalTime.of(hh, mm, ss));
        ZoneOffset off = offset(m.group("tz"), ldt);
        if (off != null) {
          zoneKnown = true;
          iso = ldt.atOffset(off).format(OFFSET_FMT);
        }
      }
      return new Found(m.start(), m.end(), date, iso, hasTime, zoneKnown, wd, ambiguous);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private ZoneOffset offset(String tz, LocalDateTime at) {
    if (tz == null) return null;
    String t = tz.replace(" ", "");
    if (t.length() > 3 && (t.startsWith("UTC") || t.startsWith("GMT"))) t = t.substring(3);
    if (t.startsWith("+") || t.startsWith("-")) {
      String sign = t.substring(0, 1);
      String rest = t.substring(1).replace(":", "");
      int h;
      int mi = 0;
      if (rest.length() <= 2) h = Integer.parseInt(rest);
      else {
        h = Integer.parseInt(rest.substring(0, rest.length() - 2));
        mi = Integer.parseInt(rest.substring(rest.length() - 2));
      }
      int total = h * 3600 + mi * 60;
      return ZoneOffset.ofTotalSeconds(sign.equals("-") ? -total : total);
    }
    String v = zones.get(t.equals("Z") ? "Z" : t.toUpperCase(Locale.ROOT));
    if (v == null) return null;
    if (v.startsWith("+") || v.startsWith("-")) return ZoneOffset.of(v);
    return ZoneId.of(v).getRules().getOffset(at);
  }

  /** The number of a month spelling matched by {@link #MONTH} or {@link #MONTH_ANY} (case and period ignored). */
  public static int month(String s) {
    String k = s.toLowerCase(Locale.ROOT).replace(".", "");
    Integer n = TEXT_MONTHS.get(k);
    if (n != null) return n;
    return switch (k.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new NumberFormatException(s);
    };
  }

  /** The day of a weekday spelling matched by {@link #WEEKDAY}. */
  public static DayOfWeek weekday(String s) {
    String k = s.toLowerCase(Locale.ROOT).replace(".", "");
    return switch (k.substring(0, 2)) {
      case "mo" -> DayOfWeek.MONDAY;
      case "tu" -> DayOfWeek.TUESDAY;
      case "we" -> DayOfWeek.WEDNESDAY;
      case "th" -> DayOfWeek.THURSDAY;
      case "fr" -> DayOfWeek.FRIDAY;
      case "sa" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY;
    };
  }
}
