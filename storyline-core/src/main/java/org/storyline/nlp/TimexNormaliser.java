package org.storyline.nlp;

import static org.storyline.nlp.TimexNumbers.durationValue;
import static org.storyline.nlp.TimexResult.date;
import static org.storyline.nlp.TimexText.prevWord;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import org.storyline.nlp.TimexValues.Gran;
import org.storyline.nlp.TimexValues.Point;

/**
 * Normalisation of the TIMEX rules' candidates: deictic expressions ("yesterday", "last month", "three years ago",
 * "Tuesday") against the publish date, anaphoric ones ("a year earlier", "the following day", a clock time without a
 * day) against the reference time, a date named without its year or week by the tense cues ({@link TimexCues}).
 * Unknown publish date: TIMEX3 X placeholders. Immutable; thread-safe.
 */
final class TimexNormaliser {
  /** Prepositions of a deadline: "by August", "until June" name the coming month, not last year's. */
  private static final Set<String> DEADLINE_PREPS = Set.of("by", "until", "till", "through");
  /** How far ahead of the publish date a month-day without year may lie before it is read as last year's. */
  static final int NEAR_FUTURE_DAYS = 60;
  /** A month without a year at most this many months after the publish month is the coming one, not last year's. */
  private static final int MONTHS_AHEAD = 2;

  private final TimexTables t;
  private final TimexPatterns p;
  private final TimexCues cues;

  TimexNormaliser(TimexTables t, TimexPatterns p, TimexCues cues) {
    this.t = Objects.requireNonNull(t);
    this.p = Objects.requireNonNull(p);
    this.cues = Objects.requireNonNull(cues);
  }

  TimexResult dayMonth(TimexContext c, String y, int mo, int day) {
    if (y != null) return date(TimexValues.day(LocalDate.of(Integer.parseInt(y), mo, day)));
    if (c.dct == null) return date(String.format(Locale.ROOT, "XXXX-%02d-%02d", mo, day));
    int yr = c.dct.getYear();
    LocalDate d = safeDate(yr, mo, day);
    if (d == null) return null;
    boolean future = cues.futureCue(c.text, c.start) && !TimexCues.possessive(c.text, c.end);
    if (d.isAfter(c.dct.plusDays(NEAR_FUTURE_DAYS)) && !future) d = safeDate(yr - 1, mo, day);
    else if (future && d.isBefore(c.dct.minusDays(31))) d = safeDate(yr + 1, mo, day);
    return d == null ? null : date(TimexValues.day(d));
  }
  /** The year of a month named without one: the past one by default, the coming one after a future cue. */
  int monthYear(TimexContext c, int mo) {
    int yr = c.dct.getYear();
    int cur = c.dct.getMonthValue();
    int ahead = Math.floorMod(mo - cur, 12);
    // a deadline ("by August", "until January") looks ahead, at most half a year ("this year through August": past)
    boolean deadline = ahead >= 1 && ahead <= 6 && DEADLINE_PREPS.contains(prevWord(c.text, c.start));
    boolean future = (cues.futureCue(c.text, c.start) || deadline) && !TimexCues.possessive(c.text, c.end);
    if (ahead >= 1 && ahead <= MONTHS_AHEAD) return mo < cur ? yr + 1 : yr; // the coming one: "by May" in March
    if (mo > cur && !future) return yr - 1;
    if (mo < cur && future) return yr + 1;
    return yr;
  }
  /**
   * The month-day after "ended"/"ending" right behind a period ("the quarter ended Sept. 30"), in a leap year so
   * Feb. 29 parses; null when none follows.
   */
  LocalDate endedDate(String s, int end) {
    Matcher m = p.ended.matcher(s);
    m.region(end, Math.min(s.length(), end + 40));
    if (!m.lookingAt()) return null;
    Integer mo = t.months.get(TimexTables.key(m.group("mon")));
    if (mo == null) mo = t.months.get(TimexTables.key(m.group("mon")) + ".");
    return mo == null ? null : safeDate(2000, mo, Integer.parseInt(m.group("d")));
  }
  static LocalDate safeDate(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (RuntimeException e) {
      return null;
    }
  }
  String weekday(TimexContext c, int dow, String dir) {
    if (dir != null && dir.startsWith("the ")) {
      // "the previous Friday", "the following Monday": relative to the reference day
      LocalDate r = c.ref != null && c.ref.gran() == Gran.DAY ? c.ref.date() : c.dct;
      if (r == null) return "XXXX-WXX-" + dow;
      int cur = r.getDayOfWeek().getValue();
      if (dir.equals("the following")) {
        int fwd = (dow - cur + 7) % 7;
        return TimexValues.day(r.plusDays(fwd == 0 ? 7 : fwd));
      }
      int back = (cur - dow + 7) % 7;
      return TimexValues.day(r.minusDays(back == 0 ? 7 : back));
    }
    if (c.dct == null) return "XXXX-WXX-" + dow;
    int cur = c.dct.getDayOfWeek().getValue();
    LocalDate d;
    if ("last".equals(dir)) {
      int back = (cur - dow + 7) % 7;
      d = c.dct.minusDays(back == 0 ? 7 : back);
    } else if ("next".equals(dir)) {
      int fwd = (dow - cur + 7) % 7;
      d = c.dct.plusDays(fwd == 0 ? 7 : fwd);
    } else if (dow == cur) {
      d = c.dct;
    } else if ("this".equals(dir) || (cues.futureCue(c.text, c.start) && !TimexCues.possessive(c.text, c.end))) {
      d = c.dct.plusDays((dow - cur + 7) % 7);
    } else {
      d = c.dct.minusDays((cur - dow + 7) % 7);
    }
    return TimexValues.day(d);
  }
  TimexResult relative(TimexContext c, String det, String u, String code, String ed) {
    Gran g = TimexValues.granOf(code.equals("WE") ? "W" : code);
    boolean durationLike = Set.of("the past", "the last", "the coming", "the next").contains(det);
    if (u.equals("day") || Set.of("morning", "afternoon", "evening", "night").contains(u)) {
      if (det.equals("the past")) return new TimexResult("DURATION", "P1D");
      if (c.dct == null && c.ref == null) return date("XXXX-XX-XX");
      Point ref = c.ref != null && c.ref.gran() == Gran.DAY ? c.ref : new Point(c.dct, Gran.DAY);
      int shift = switch (det) {
        case "the next", "the following" -> 1;
        case "the previous", "the prior", "the preceding" -> -1;
        default -> 0;
      };
      String day = ref.shift("D", shift).value();
      if (u.equals("day")) return date(day);
      return new TimexResult("TIME", day + "T" + t.dayparts.get(u));
    }
    if (durationLike && ed == null) {
      if (code.equals("WE")) {
        if (c.dct == null) return date("XXXX-WXX-WE");
        Point w = new Point(c.dct, Gran.WEEK).shift("W", det.equals("the past") || det.equals("the last") ? -1 : 0);
        return date(w.value() + "-WE");
      }
      return new TimexResult("DURATION", durationValue("1", code));
    }
    if (c.dct == null) return date(TimexValues.unknown(g) + (code.equals("WE") ? "-WE" : ""));
    Point base = new Point(c.dct, g);
    Point p;
    switch (det) {
      case "last", "past", "the past", "the last", "this past" -> p = base.shift(code, -1);
      case "next", "coming", "the coming", "the next" -> p = base.shift(code, 1);
      case "the previous", "the prior", "the preceding" -> p = refAt(c, g).shift(code, -1);
      case "the following" -> p = refAt(c, g).shift(code, 1);
      case "the same", "that", "that same" -> p = refAt(c, g);
      default -> {
        p = base;
        if (code.equals("WE") && det.equals("the")) {
          int dow = c.dct.getDayOfWeek().getValue();
          if (dow <= 3 && !cues.futureCue(c.text, c.start)) p = base.shift("W", -1);
        }
      }
    }
    return date(p.value() + (code.equals("WE") ? "-WE" : ""));
  }
  private static Point refAt(TimexContext c, Gran g) {
    Point r = c.ref != null && c.ref.gran().compareTo(g) <= 0 ? c.ref : new Point(c.dct, Gran.DAY);
    return r.at(g);
  }
  TimexResult ago(TimexContext c, String n, String unit, String dir) {
    boolean future = dir.equals("later") || dir.equals("from now") || dir.equals("hence");
    boolean anaphoric = dir.equals("earlier") || dir.equals("later");
    if (n.equals("X")) return date(future ? "FUTURE_REF" : "PAST_REF");
    Gran g = TimexValues.granOf(unit);
    if (g == Gran.DECADE || g == Gran.CENTURY) g = Gran.YEAR; // "a decade ago": 1989, not the 1980s
    if (g == null) {
      // hours, minutes, seconds ago: a time on the publish day
      if (c.dct == null) return new TimexResult("TIME", "XXXX-XX-XXTXX:XX");
      return date(future ? "FUTURE_REF" : "PAST_REF");
    }
    if (c.dct == null && (!anaphoric || c.ref == null)) return date(TimexValues.unknown(g));
    long k;
    try {
      k = Math.round(Double.parseDouble(n));
    } catch (NumberFormatException e) {
      return null;
    }
    Point base;
    if (!anaphoric && g == Gran.YEAR && c.ref != null && c.ref.gran() == Gran.QUARTER
        && c.ref.date().getYear() == c.dct.getYear()) {
      base = c.ref; // "profit rose from a year ago" after "third-quarter": the same quarter a year back
    } else if (anaphoric && c.ref != null) {
      base = c.ref;
      Gran out = g;
      if (g == Gran.YEAR && (base.gran() == Gran.QUARTER || base.gran() == Gran.MONTH)) out = base.gran();
      else if (base.gran().compareTo(g) > 0) out = base.gran(); // coarser reference: keep its precision
      base = base.at(out);
    } else {
      base = new Point(c.dct, g);
    }
    return date(base.shift(unit, future ? k : -k).value()).comparison();
  }
  /**
   * "three years ago next week": the anchor period ("next week" from the publish date) moved back by the amount,
   * at the anchor's precision (2025-02-19 gives next week 2025-W09, three years back 2022-W08).
   */
  TimexResult agoFrom(TimexContext c, String n, String unit, String anchorUnit, int shift) {
    Gran ga = anchorUnit == null ? null : TimexValues.granOf(anchorUnit);
    if (ga == null) return ago(c, n, unit, "ago");
    if (c.dct == null) return date(TimexValues.unknown(ga));
    long k;
    try {
      k = Math.round(Double.parseDouble(n));
    } catch (NumberFormatException e) {
      return null;
    }
    Point anchor = new Point(c.dct, ga).shift(anchorUnit, shift);
    return date(anchor.shift(unit, -k).value());
  }
  TimexResult time(TimexContext c, String day, String clock) {
    String d;
    if (day == null) {
      // "10:30 a.m. local time (0930 GMT) on Wednesday": the day named right after the clock
      Matcher dm = p.dayAfter.matcher(c.text);
      dm.region(c.end, Math.min(c.text.length(), c.end + 50));
      if (dm.lookingAt()) day = dm.group("day");
    }
    if (day == null) {
      Point r = c.ref != null && c.ref.gran() == Gran.DAY ? c.ref : null;
      d = r != null ? r.value() : c.dct == null ? "XXXX-XX-XX" : TimexValues.day(c.dct);
    } else {
      String k = TimexTables.key(day);
      Integer dow = t.weekdays.get(k);
      if (dow != null) d = weekday(c, dow, null);
      else if (c.dct == null) d = "XXXX-XX-XX";
      else if (k.equals("yesterday")) d = TimexValues.day(c.dct.minusDays(1));
      else if (k.equals("tomorrow")) d = TimexValues.day(c.dct.plusDays(1));
      else d = TimexValues.day(c.dct);
    }
    return new TimexResult("TIME", d + clock);
  }
  TimexResult lexical(TimexContext c, String type, String tmpl) {
    if (!tmpl.startsWith("DCT")) return new TimexResult(type, tmpl);
    String[] parts = tmpl.split(":");
    String base = parts[0];
    String suffix = parts.length > 1 ? "T" + parts[1].substring(1) : "";
    if (c.dct == null) return new TimexResult(type, "XXXX-XX-XX" + suffix);
    LocalDate d = c.dct;
    if (base.length() > 3) {
      int k = Integer.parseInt(base.substring(4, base.length() - 1));
      d = base.charAt(3) == '-' ? d.minusDays(k) : d.plusDays(k);
    }
    return new TimexResult(type, TimexValues.day(d) + suffix);
  }
}
