package org.storyline.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The time marks of a story: the years, months and weekdays its member articles name, with how many members name
 * each, and the kinds of mark on which an article or another story conflicts with them (some of that kind named on
 * both sides, none shared: two events of one kind).
 *
 * <p>Its map and per-kind counts are the owning {@link StoryState}'s saved fields (so the saved shape,
 * {@link StoryStream#FORMAT}, did not change when this moved out); this object reads and updates them. Not
 * thread-safe.
 */
final class TimeMarks {
  private static final String[] NAMES = {"year", "month", "weekday"};

  /** How many members name each mark. */
  private final Map<String, Integer> marks;
  /** Distinct marks per kind in {@link #marks}. */
  private final int[] kinds;

  TimeMarks(Map<String, Integer> marks, int[] kinds) {
    this.marks = Objects.requireNonNull(marks);
    this.kinds = Objects.requireNonNull(kinds);
  }

  /** The kind of a time mark (0 year, 1 month, 2 weekday) or -1 for any other feature. */
  static int kind(String term) {
    if (Tokens.isYear(term)) return 0;
    if (term.startsWith("%m:")) return 1;
    if (term.startsWith("%w:")) return 2;
    return -1;
  }

  /** A feature as printed: "%n:6.1" -> "6.1", "%d:sep-19" -> "sep-19", "%w:sat" -> "sat", a year as is. */
  static String label(String t) {
    return t.startsWith("%") && t.length() > 3 ? t.substring(3) : t;
  }

  /** Counts (sign +1) or uncounts (-1) an article's time marks. */
  void count(Collection<String> terms, int sign) {
    for (String t : terms) {
      int k = kind(t);
      if (k < 0) continue;
      int n = marks.getOrDefault(t, 0) + sign;
      if (n <= 0) {
        if (marks.remove(t) != null) kinds[k]--;
      } else {
        if (!marks.containsKey(t)) kinds[k]++;
        marks.put(t, n);
      }
    }
  }

  /**
   * The kinds of time mark on which an article (its terms) and these marks conflict: both name some of that kind (a year, a
   * month, a weekday), and none is shared. Bit {@code k} set for kind {@code k}.
   */
  int conflicts(Collection<String> terms) {
    int has = 0;
    int shared = 0;
    for (String t : terms) {
      int k = kind(t);
      if (k < 0) continue;
      has |= 1 << k;
      if (marks.containsKey(t)) shared |= 1 << k;
    }
    int c = 0;
    for (int k = 0; k < 3; k++) {
      if ((has & 1 << k) != 0 && (shared & 1 << k) == 0 && kinds[k] > 0) c |= 1 << k;
    }
    return c;
  }

  /** Whether these marks and {@code other} conflict on some kind (the fewer marks looked up in the more). */
  boolean conflictsWith(TimeMarks other) {
    TimeMarks small = marks.size() <= other.marks.size() ? this : other;
    TimeMarks big = small == this ? other : this;
    return big.conflicts(small.marks.keySet()) != 0;
  }

  /** Takes in the marks of a story merged into this one. */
  void absorb(TimeMarks other) {
    for (var e : other.marks.entrySet()) {
      if (!marks.containsKey(e.getKey())) kinds[kind(e.getKey())]++;
      marks.merge(e.getKey(), e.getValue(), Integer::sum);
    }
  }

  /**
   * The conflicts of an article's marks (the keys of {@code v}) with these, readable: "year 2005 vs 2008" (the
   * article's marks of that kind vs the most named of these).
   */
  List<String> describe(Map<String, Double> v) {
    int c = conflicts(v.keySet());
    List<String> out = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      if ((c & 1 << k) == 0) continue;
      final int kind = k;
      List<String> mine = v.keySet().stream().filter(t -> kind(t) == kind).sorted().limit(2)
          .map(TimeMarks::label).toList();
      List<String> theirs = marks.entrySet().stream().filter(e -> kind(e.getKey()) == kind)
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(2).map(e -> label(e.getKey())).toList();
      out.add(NAMES[k] + " " + String.join("/", mine) + " vs " + String.join("/", theirs));
    }
    return out;
  }

  /** The score factor for the conflicts of an article's time marks with these. */
  double factor(Collection<String> terms, ArgumentRules r) {
    if (r.yearConflict() >= 1 && r.monthConflict() >= 1 && r.weekdayConflict() >= 1) return 1.0;
    int c = conflicts(terms);
    double f = 1.0;
    for (int k = 0; k < 3; k++) if ((c & 1 << k) != 0) f *= r.conflict(k);
    return f;
  }
}
