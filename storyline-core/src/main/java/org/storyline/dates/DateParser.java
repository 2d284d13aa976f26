package org.storyline.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates in strings: ISO 8601 (with time and offset kept when stated), numeric day-first and
 * month-first forms, month names in several languages, CJK year-month-day, and dates in URL paths. Rejects
 * impossible dates and years outside {@link #MIN_YEAR}..{@link #MAX_YEAR}. Month names: every row of
 * {@link Months}. Stateless, thread-safe.
 */
public final class DateParser {
  static final int MIN_YEAR = 1990;
  static final int MAX_YEAR = 2099;

  /** A found date: {@code iso} is {@code yyyy-MM-dd} or an ISO offset date-time. */
  public record Found(LocalDate date, String iso) {}

  private static final Map<String, Integer> MONTHS = new HashMap<>();
  private static final String MONTH_ALT;

  static {
    MONTHS.putAll(Months.numbers(null));
    MONTH_ALT = String.join("|", MONTHS.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .toList());
  }

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern ISO = Pattern.compile(
      "(?<!\\d)((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?:[T ](\\d\\d):(\\d\\d)(?::(\\d\\d))?(?:[.,]\\d+)?\\s?(Z|[+-]\\d\\d:?\\d\\d)?)?(?!\\d)");
  private static final Pattern YMD_SLASH = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)[/.](\\d{1,2})[/.](\\d{1,2})(?!\\d)");
  private static final Pattern DMY_DOT = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?((?:19|20)\\d\\d)(?!\\d)");
  private static final Pattern NUM_SLASH = Pattern.compile("(?<![\\d/])(\\d{1,2})[/-](\\d{1,2})[/-]((?:19|20)\\d\\d)(?!\\d)");
  private static final Pattern D_MONTH_Y = Pattern.compile(
      "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s*(?:de\\s+)?(" + MONTH_ALT + ")\\.?,?\\s*(?:de\\s+)?((?:19|20)\\d\\d)(?!\\d)", FLAGS);
  private static final Pattern MONTH_D_Y = Pattern.compile(
      "(?<![\\p{L}])(" + MONTH_ALT + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)(?!\\d)", FLAGS);
  private static final Pattern CJK = Pattern.compile("((?:19|20)\\d\\d)\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]");
  private static final Pattern URL_YMD = Pattern.compile(
      "(?<!\\d)((?:19|20)\\d\\d)[/_-](\\d{1,2})[/_-](\\d{1,2})(?:[/_-]|$)|/((?:19|20)\\d\\d)(\\d\\d)(\\d\\d)(?:[/_-]|$)");

  /** A day-first date as a whole URL path segment ({@code /29-10-2021/}), tried after the year-first forms. */
  private static final Pattern URL_DMY = Pattern.compile(
      "/(\\d{1,2})[_-](\\d{1,2})[_-]((?:19|20)\\d\\d)(?:[/?#.]|$)");
  /** Day-first numeric date with a two-digit year ({@code 28.01.22}), trusted only in short date-like text. */
  private static final Pattern DMY_SHORT = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d\\d)(?!\\d|\\.\\d)");

  private static final java.time.format.DateTimeFormatter ISO_SECONDS =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private DateParser() {}

  /** The first date in {@code s}, trying the unambiguous forms first; null when none. */
  public static Found parse(String s) {
    if (s == null || s.isBlank()) return null;
    List<Found> all = all(s, 1);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Up to {@code limit} dates of {@code s}, in the order of the forms tried (most reliable first). */
  public static List<Found> all(String s, int limit) {
    return all(s, limit, s.length() > WINDOWED_LENGTH);
  }

  /** As {@link #all(String, int)}; {@code nearYears}: the numeric forms tried only where a year allows (see Near). */
  static List<Found> all(String s, int limit, boolean nearYears) {
    List<Found> out = new ArrayList<>();
    // every form holds a year 19xx or 20xx; the forms after the one that filled the list are not tried
    if (limit <= 0 || !hasYear(s)) return out;
    // and each numeric form its separators: a form whose separators are absent is not searched
    boolean dash = s.indexOf('-') >= 0;
    boolean dot = s.indexOf('.') >= 0;
    boolean slash = s.indexOf('/') >= 0;
    // in long text the numeric forms are tried only where their year lets a match start (see Near)
    int[] years = nearYears ? years(s) : null;
    Matcher m = ISO.matcher(s);
    Near near = Near.of(m, years, 0, 0);
    while (dash && out.size() < limit && near.find()) {
      Found f = iso(m);
      if (f != null) out.add(f);
    }
    if (out.size() >= limit) return out;
    if (cjk(s)) addAll(out, limit, CJK.matcher(s), 1, 2, 3);
    if (out.size() >= limit) return out;
    // the month-name forms try a long alternation at every position: in long text, only near a year
    int[] windows = s.length() > WINDOWED_LENGTH ? yearWindows(s) : null;
    addAll(out, limit, D_MONTH_Y.matcher(s), windows, 3, 2, 1);
    if (out.size() >= limit) return out;
    addAll(out, limit, MONTH_D_Y.matcher(s), windows, 3, 1, 2);
    if (out.size() >= limit) return out;
    // "31. 12. " before the year at most, "1.1." at least
    if (dot) addAll(out, limit, Near.of(DMY_DOT.matcher(s), years, 4, 8), 3, 2, 1);
    if (out.size() >= limit) return out;
    if (dot || slash) addAll(out, limit, Near.of(YMD_SLASH.matcher(s), years, 0, 0), 1, 2, 3);
    if (out.size() >= limit) return out;
    m = NUM_SLASH.matcher(s);
    // "31/12/" before the year at most, "1/1/" at least
    near = Near.of(m, years, 4, 6);
    while ((slash || dash) && near.find() && out.size() < limit) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      int y = Integer.parseInt(m.group(3));
      Found f = a > 12 ? date(y, b, a) : date(y, a, b);
      if (f != null) out.add(f);
    }
    return out;
  }

  /** A date in a URL path ({@code /2019/11/05/}, {@code /2019-11-05-}, {@code /20191105/}); null when none. */
  public static Found fromUrl(String url) {
    if (url == null) return null;
    Matcher m = URL_YMD.matcher(url);
    while (m.find()) {
      // "/2023/10/3-questions-for/": a one-digit number that starts a slug is not a day
      if (m.group(3) != null && m.group(3).length() == 1 && m.end(3) < url.length()
          && (url.charAt(m.end(3)) == '-' || url.charAt(m.end(3)) == '_')) continue;
      Found f = m.group(1) != null
          ? date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          : date(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
      if (f != null) return f;
    }
    m = URL_DMY.matcher(url);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      Found f = b > 12 ? date(Integer.parseInt(m.group(3)), a, b) : date(Integer.parseInt(m.group(3)), b, a);
      if (f != null) return f;
    }
    return null;
  }

  /**
   * The date that starts first in {@code s} (any form of {@link #parse}, and day-first dates with a two-digit
   * year read as 20yy), for text where the position matters, such as the line under a heading; null when none.
   */
  public static Found earliest(String s) {
    return earliest(s, true);
  }

  /** As {@link #earliest(String)}; {@code nearYears}: the numeric forms tried only where a year allows (see Near). */
  static Found earliest(String s, boolean nearYears) {
    if (s == null || s.isBlank() || !hasDigit(s)) return null; // every date form has digits
    Found best = null;
    int bestAt = Integer.MAX_VALUE;
    // all forms but the two-digit-year one hold a year 19xx or 20xx; the month-name ones can only match near it
    boolean year = hasYear(s);
    int[] windows = year ? yearWindows(s) : null;
    int[] years = year && nearYears ? years(s) : null;
    boolean dash = s.indexOf('-') >= 0;
    boolean dot = s.indexOf('.') >= 0;
    boolean slash = s.indexOf('/') >= 0;
    Matcher m = ISO.matcher(s);
    Near near = Near.of(m, years, 0, 0);
    while (year && dash && near.find() && m.start() < bestAt) {
      Found f = iso(m);
      if (f != null) {
        best = f;
        bestAt = m.start();
        break;
      }
    }
    Pattern[] forms = {CJK, D_MONTH_Y, MONTH_D_Y, DMY_DOT, YMD_SLASH, NUM_SLASH, DMY_SHORT};
    int[][] groups = {{1, 2, 3}, {3, 2, 1}, {3, 1, 2}, {3, 2, 1}, {1, 2, 3}, {3, 1, 2}, {3, 2, 1}};
    for (int i = 0; i < forms.length; i++) {
      if (!year && forms[i] != DMY_SHORT) continue;
      // a form whose separators are absent cannot match
      if (forms[i] == CJK && !cjk(s) || forms[i] == DMY_DOT && !dot || forms[i] == YMD_SLASH && !dot && !slash
          || forms[i] == NUM_SLASH && !slash && !dash || forms[i] == DMY_SHORT && !dot) {
        continue;
      }
      m = forms[i].matcher(s);
      // the numeric forms with a four-digit year: where their year lets them start (as in all)
      near = forms[i] == DMY_DOT ? Near.of(m, years, 4, 8) : forms[i] == YMD_SLASH ? Near.of(m, years, 0, 0)
          : forms[i] == NUM_SLASH ? Near.of(m, years, 4, 6) : Near.of(m, null, 0, 0);
      boolean windowed = forms[i] == D_MONTH_Y || forms[i] == MONTH_D_Y;
      if (windowed) m.useTransparentBounds(true).useAnchoringBounds(false);
      // the whole text is one window for the other forms
      int regions = windowed ? windows.length : 2;
      search:
      for (int k = 0; k < regions; k += 2) {
        if (windowed) {
          if (windows[k] >= bestAt) break;
          m.region(windows[k], windows[k + 1]);
        }
        while (near.find() && m.start() < bestAt) {
          Found f = fromGroups(m, groups[i], forms[i] == NUM_SLASH, forms[i] == DMY_SHORT);
          if (f != null) {
            best = f;
            bestAt = m.start();
            break search;
          }
        }
      }
    }
    return best;
  }


  private static Found fromGroups(Matcher m, int[] g, boolean ambiguous, boolean shortYear) {
    String mon = m.group(g[1]);
    int month;
    if (Character.isDigit(mon.charAt(0))) month = Integer.parseInt(mon);
    else {
      Integer mm = MONTHS.get(mon.toLowerCase(Locale.ROOT));
      if (mm == null) return null;
      month = mm;
    }
    int y = Integer.parseInt(m.group(g[0])) + (shortYear ? 2000 : 0);
    int d = Integer.parseInt(m.group(g[2]));
    if (ambiguous && month > 12) return date(y, d, month);
    return date(y, month, d);
  }

  /**
   * A date in a short label such as a byline ({@code 8.5.12}, {@code 28.01.22}): the full forms of
   * {@link #parse}, then a day-first date with a two-digit year read as 20yy; null when none.
   */
  public static Found parseLabel(String s) {
    Found f = parse(s);
    if (f != null || s == null) return f;
    Matcher m = DMY_SHORT.matcher(s);
    while (m.find()) {
      int y = 2000 + Integer.parseInt(m.group(3));
      f = date(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      if (f != null) return f;
    }
    return null;
  }

  /** Text longer than this is searched for month-name dates only in {@link #yearWindows}. */
  private static final int WINDOWED_LENGTH = 256;
  /** Non-space characters a month-name date can put before its year ({@code 23rd de septiembre, }: 23 at most). */
  private static final int YEAR_REACH = 40;

  /**
   * The regions of {@code s} where a month-name date can match, as sorted, disjoint {@code [start, end)} pairs:
   * such a date ends with a four-digit year 19xx/20xx (digits on neither side) and starts at most
   * {@link #YEAR_REACH} non-space characters before it.
   */
  static int[] yearWindows(String s) {
    int[] w = new int[8];
    int len = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        i++;
        continue;
      }
      int j = i;
      while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++;
      if (j - i == 4 && (s.startsWith("19", i) || s.startsWith("20", i))) {
        int start = i;
        for (int seen = 0; start > 0 && seen < YEAR_REACH; start--) {
          if (!Character.isWhitespace(s.charAt(start - 1))) seen++;
        }
        if (len > 0 && start <= w[len - 1]) {
          w[len - 1] = j;
        } else {
          if (len == w.length) w = Arrays.copyOf(w, 2 * len);
          w[len++] = start;
          w[len++] = j;
        }
      }
      i = j;
    }
    return Arrays.copyOf(w, len);
  }

  /** As {@link #addAll(List, int, Matcher, int, int, int)}, searching only the regions of {@code windows} if given. */
  private static void addAll(List<Found> out, int limit, Matcher m, int[] windows, int yg, int mg, int dg) {
    if (windows == null) {
      addAll(out, limit, m, yg, mg, dg);
      return;
    }
    // transparent bounds: look-behinds and look-aheads see past the region, as in a whole-text search
    m.useTransparentBounds(true).useAnchoringBounds(false);
    for (int k = 0; k < windows.length && out.size() < limit; k += 2) {
      m.region(windows[k], windows[k + 1]);
      addAll(out, limit, m, yg, mg, dg);
    }
  }

  private static void addAll(List<Found> out, int limit, Matcher m, int yg, int mg, int dg) {
    addAll(out, limit, Near.of(m, null, 0, 0), yg, mg, dg);
  }

  private static void addAll(List<Found> out, int limit, Near near, int yg, int mg, int dg) {
    Matcher m = near.m;
    while (out.size() < limit && near.find()) {
      String mon = m.group(mg);
      int month;
      if (Character.isDigit(mon.charAt(0))) month = Integer.parseInt(mon);
      else {
        Integer mm = MONTHS.get(mon.toLowerCase(Locale.ROOT));
        if (mm == null) continue;
        month = mm;
      }
      Found f = date(Integer.parseInt(m.group(yg)), month, Integer.parseInt(m.group(dg)));
      if (f != null) out.add(f);
    }
  }

  private static Found iso(Matcher m) {
    int y = Integer.parseInt(m.group(1));
    int mo = Integer.parseInt(m.group(2));
    int d = Integer.parseInt(m.group(3));
    Found day = date(y, mo, d);
    if (day == null) return null;
    if (m.group(4) == null || m.group(7) == null) return day;
    try {
      int h = Integer.parseInt(m.group(4));
      int mi = Integer.parseInt(m.group(5));
      int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      String off = m.group(7);
      ZoneOffset zo = off.equalsIgnoreCase("Z") ? ZoneOffset.UTC
          : ZoneOffset.of(off.length() == 5 ? off.substring(0, 3) + ":" + off.substring(3) : off);
      OffsetDateTime odt = OffsetDateTime.of(LocalDateTime.of(y, mo, d, h, mi, sec), zo);
      return new Found(day.date(), odt.format(ISO_SECONDS));
    } catch (DateTimeException | NumberFormatException e) {
      return day;
    }
  }

  static Found date(int y, int m, int d) {
    if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return null;
    try {
      LocalDate ld = LocalDate.of(y, m, d);
      return new Found(ld, ld.toString());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The positions of {@code s} where four digits in a row start with 19 or 20 (a full form's year), ascending. */
  private static int[] years(String s) {
    int[] out = new int[8];
    int len = 0;
    for (int i = 0, n = s.length() - 3; i < n; i++) {
      char c = s.charAt(i);
      if ((c == '1' && s.charAt(i + 1) == '9' || c == '2' && s.charAt(i + 1) == '0') && digit(s.charAt(i + 2))
          && digit(s.charAt(i + 3))) {
        if (len == out.length) out = Arrays.copyOf(out, 2 * len);
        out[len++] = i;
      }
    }
    return Arrays.copyOf(out, len);
  }

  /**
   * {@link Matcher#find()} over the whole text for a numeric form whose year starts between {@code min} and
   * {@code max} characters after the match's start: with the year positions known, only the starts they allow are
   * tried, in ascending order, each as an anchored match that sees the whole text (transparent bounds, region to the
   * end), which is what {@code find()} tries at each start; so the matches, and their groups, are the same, without
   * a regex attempt at every character of a long text. Without year positions, plain {@code find()}.
   */
  private static final class Near {
    final Matcher m;
    private final int[] years;
    private final int min;
    private final int max;
    /** The first start not yet tried: the end of the last match, as for {@code find()}. */
    private int next;
    /** The first year whose starts may not all have been tried. */
    private int year;

    private Near(Matcher m, int[] years, int min, int max) {
      this.m = m;
      this.years = years;
      this.min = min;
      this.max = max;
      if (years != null) m.useTransparentBounds(true).useAnchoringBounds(false);
    }

    static Near of(Matcher m, int[] years, int min, int max) {
      return new Near(m, years, min, max);
    }

    boolean find() {
      if (years == null) return m.find();
      int n = m.regionEnd();
      for (; year < years.length; year++) {
        int hi = years[year] - min;
        for (int p = Math.max(next, years[year] - max); p <= hi; p++) {
          m.region(p, n);
          if (m.lookingAt()) {
            next = m.end();
            return true;
          }
        }
        next = Math.max(next, hi + 1);
      }
      return false;
    }
  }

  /** Whether {@code s} holds four digits in a row that start with 19 or 20, as the year of every full form. */
  private static boolean hasYear(String s) {
    for (int i = 0, n = s.length() - 3; i < n; i++) {
      char c = s.charAt(i);
      if ((c == '1' && s.charAt(i + 1) == '9' || c == '2' && s.charAt(i + 1) == '0') && digit(s.charAt(i + 2))
          && digit(s.charAt(i + 3))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} holds the year sign of the CJK form. */
  private static boolean cjk(String s) {
    return s.indexOf('年') >= 0 || s.indexOf('년') >= 0;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
    return false;
  }
}
