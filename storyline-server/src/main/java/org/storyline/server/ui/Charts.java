package org.storyline.server.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Chart geometry computed on the server and drawn by the templates as inline SVG (no script, no library): a
 * sparkline of coverage (articles per day, or per week over long spans) and a timeline of dated items by row.
 * Coordinates are in the SVG's own units; the templates scale the SVG with CSS.
 */
public final class Charts {
  private Charts() {}

  /** The calendar day of an ISO date or date-time ({@code 2024-03-05}, {@code 2024-03-05T10:00:00Z}), else null. */
  public static LocalDate day(String iso) {
    if (iso == null || iso.length() < 10) return null;
    try {
      return LocalDate.parse(iso.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** One bar of a sparkline: position and size, and what it stands for. */
  public record Bar(double x, double y, double w, double h, String title) {
    public String fx() {
      return fmt(x);
    }

    public String fy() {
      return fmt(y);
    }

    public String fw() {
      return fmt(w);
    }

    public String fh() {
      return fmt(h);
    }
  }

  /** A sparkline: {@code width} x {@code height} with its bars; {@code summary} says it in words. */
  public record Spark(int width, int height, List<Bar> bars, String summary) {}

  public static final int SPARK_W = 120;
  public static final int SPARK_H = 24;

  /** Articles per day (per week when the span is over 90 days) between the first and last dated day. */
  public static Spark spark(Collection<String> publishDates) {
    return spark(publishDates, SPARK_W, SPARK_H);
  }

  /** {@link #spark(Collection)} drawn {@code width} x {@code height}. */
  public static Spark spark(Collection<String> publishDates, int width, int height) {
    TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
    for (String d : publishDates) {
      LocalDate day = day(d);
      if (day != null) perDay.merge(day, 1, Integer::sum);
    }
    if (perDay.isEmpty()) return new Spark(width, height, List.of(), "no dated articles");
    LocalDate first = perDay.firstKey();
    LocalDate last = perDay.lastKey();
    long span = ChronoUnit.DAYS.between(first, last) + 1;
    int step = span > 90 ? 7 : 1;
    int buckets = (int) ((span + step - 1) / step);
    int[] counts = new int[buckets];
    perDay.forEach((d, c) -> counts[(int) (ChronoUnit.DAYS.between(first, d) / step)] += c);
    int max = 1;
    for (int c : counts) max = Math.max(max, c);
    double bw = (double) width / Math.max(buckets, 1);
    double barW = Math.min(8, Math.max(1, bw - (bw > 3 ? 1 : 0)));
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < buckets; i++) {
      if (counts[i] == 0) continue;
      double h = Math.max(2, (height - 2) * counts[i] / (double) max);
      LocalDate from = first.plusDays((long) i * step);
      String when = step == 1 ? from.toString() : "week of " + from;
      bars.add(new Bar(i * bw + (bw - barW) / 2, height - h, barW, h,
          when + ": " + counts[i] + (counts[i] == 1 ? " article" : " articles")));
    }
    int total = perDay.values().stream().mapToInt(Integer::intValue).sum();
    String summary = total + (total == 1 ? " article" : " articles") + (first.equals(last) ? " on " + first
        : " from " + first + " to " + last);
    return new Spark(width, height, bars, summary);
  }

  /**
   * The first day of a TIMEX3 calendar value: a day ({@code 2024-03-05}, also a date-time), a month ({@code 2024-03})
   * or an ISO week ({@code 2024-W10}); null for a year or anything else (too coarse to place as a dot).
   */
  public static LocalDate firstDay(String value) {
    LocalDate d = day(value);
    if (d != null || value == null) return d;
    try {
      if (value.matches("\\d{4}-\\d{2}")) return java.time.YearMonth.parse(value).atDay(1);
      if (value.matches("\\d{4}-W\\d{2}")) {
        return LocalDate.parse(value + "-1", java.time.format.DateTimeFormatter.ISO_WEEK_DATE);
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }

  /** An item on a timeline: a span of days (a dot when from equals to) on a row, with its label and link. */
  public record Item(String row, LocalDate from, LocalDate to, String label, String href, boolean inferred) {}

  /** An item placed: {@code x1 <= x2}, {@code y} the row's middle. */
  public record Placed(Item item, double x1, double x2, double y) {
    public String fx1() {
      return fmt(x1);
    }

    public String fx2() {
      return fmt(Math.max(x2, x1 + 0.1));
    }

    public String fy() {
      return fmt(y);
    }

    public boolean dot() {
      return x2 - x1 < 6;
    }
  }

  /** A labelled tick on the time axis. */
  public record Tick(double x, String label, String anchor) {
    public String fx() {
      return fmt(x);
    }
  }

  /** A row's name, the middle of its line, and where its name stands (level with the line, or above it). */
  public record Row(String name, double y, double nameY) {
    public String fy() {
      return fmt(y);
    }

    public String fny() {
      return fmt(nameY);
    }
  }

  /** A timeline: rows top to bottom, items placed, ticks along the bottom. */
  public record Timeline(int width, int height, int left, List<Row> rows, List<Placed> items, List<Tick> ticks,
      String summary) {}

  public static final int ROW_H = 26;
  /** A row's height when its name stands above its line (a phone's layout). */
  public static final int STACKED_ROW_H = 38;
  /** The width of the phone layout: about a phone's page width in CSS pixels, so its text is drawn near 1:1. */
  public static final int NARROW = 360;

  /**
   * Lays out {@code items} (undated ones left out) on rows in first-seen order, over the days from the earliest to
   * the latest item; {@code left} units are kept for the row names.
   */
  public static Timeline timeline(List<Item> items, int width, int left) {
    return layout(items, width, left, false, 4);
  }

  /**
   * The same items laid out for a narrow screen, {@link #NARROW} wide: each row's name above its line, the days
   * across the whole width, at most three dates on the axis. Scaled to a phone's width, its dots spread over the
   * screen and its text stays at its size (the wide layout is either scrolled or shrunk there).
   */
  public static Timeline stacked(Timeline wide) {
    return layout(wide.items().stream().map(Placed::item).toList(), NARROW, 0, true, 2);
  }

  private static Timeline layout(List<Item> items, int width, int left, boolean stacked, int maxTicks) {
    int rowH = stacked ? STACKED_ROW_H : ROW_H;
    double lineAt = stacked ? 26 : ROW_H / 2.0; // the line's offset in its row
    List<String> rows = new ArrayList<>();
    LocalDate min = null;
    LocalDate max = null;
    for (Item it : items) {
      if (it.from() == null) continue;
      if (!rows.contains(it.row())) rows.add(it.row());
      LocalDate to = it.to() == null ? it.from() : it.to();
      if (min == null || it.from().isBefore(min)) min = it.from();
      if (max == null || to.isAfter(max)) max = to;
    }
    int top = 8;
    int height = top + rows.size() * rowH + 24;
    if (min == null) return new Timeline(width, height, left, List.of(), List.of(), List.of(), "nothing dated");
    long days = Math.max(1, ChronoUnit.DAYS.between(min, max));
    double plot = width - left - 16;
    List<Row> rowList = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      double y = top + i * rowH + lineAt;
      rowList.add(new Row(rows.get(i), y, stacked ? y - 17 : y));
    }
    List<Placed> placed = new ArrayList<>();
    for (Item it : items) {
      if (it.from() == null) continue;
      LocalDate to = it.to() == null ? it.from() : it.to();
      double x1 = left + 8 + plot * ChronoUnit.DAYS.between(min, it.from()) / days;
      double x2 = left + 8 + plot * ChronoUnit.DAYS.between(min, to) / days;
      placed.add(new Placed(it, x1, x2, top + rows.indexOf(it.row()) * rowH + lineAt));
    }
    List<Tick> ticks = new ArrayList<>();
    int n = (int) Math.min(days, maxTicks);
    for (int i = 0; i <= n; i++) {
      LocalDate d = min.plusDays(Math.round((double) days * i / Math.max(n, 1)));
      ticks.add(new Tick(left + 8 + plot * ChronoUnit.DAYS.between(min, d) / days, d.toString(),
          i == 0 ? "start" : i == n ? "end" : "middle"));
      if (n == 0) break;
    }
    return new Timeline(width, height, left, rowList, placed, ticks, min.equals(max) ? "on " + min
        : "from " + min + " to " + max);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
