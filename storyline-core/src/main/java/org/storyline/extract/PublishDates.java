package org.storyline.extract;

import static org.storyline.extract.LineShapes.hasDigit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.dates.DateFinder;
import org.storyline.dates.UrlDates;
import org.storyline.extract.CleaningWork.DateCand;
import org.storyline.extract.CleaningWork.DateKind;
import org.storyline.util.Searches;

/**
 * The publish-date stage of {@link TextCleaner}: chooses the article's date among those its date lines gave (a
 * "published" line over an "updated" one, over a date in the URL, over a container's date that the text does not
 * contradict), or infers it from a dateline or a weekday printed with a date in the text; never today. Each choice
 * leaves a diagnostic. Immutable; thread-safe.
 */
final class PublishDates {
  private static final String MONTH = DateFinder.MONTH;
  private static final String WEEKDAY = DateFinder.WEEKDAY;
  private static final int CI = Pattern.CASE_INSENSITIVE;
  private static final Pattern MONTH_YEAR = Pattern.compile("(?<![\\p{L}])(" + MONTH + ")\\s+((?:19|20)\\d{2})(?!\\d)", CI);
  private static final Pattern DATELINE = Pattern.compile(
      "^[\\p{Lu}][\\p{L} .,'’-]{1,40}?,?\\s+(?<mon>" + MONTH + ")\\s+(?<d>\\d{1,2})(?:,?\\s+(?<y>(?:19|20)\\d{2}))?"
          + "\\s*(?:\\([^)]{1,40}\\))?\\s*[-–—:]", CI);
  // The look-aheads below name the characters a match can start with (a weekday's first letter, a year's first digit):
  // they save trying the look-behind and the alternatives at every other character of the text.
  private static final Pattern WEEKDAY_DATE = Pattern.compile(
      "(?=[mtwfsMTWFS])(?<![\\p{L}])(?<wd>" + WEEKDAY + "),?\\s+\\(?(?:(?<mon>" + MONTH + ")\\s+(?<d>\\d{1,2})"
          + "(?:st|nd|rd|th)?"
          + "|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<mon2>" + MONTH + "))\\)?(?:,?\\s+(?<y>(?:19|20)\\d{2}))?(?![\\p{L}\\d])",
      CI);
  private static final Pattern YEAR = Pattern.compile("(?=[12])(?<![\\d.,])((?:19|20)\\d{2})(?![\\d])");
  private static final Pattern RELATIVE = Pattern.compile(
      "(?=[mtwfsylMTWFSYL])(?<![\\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
          + "tonight|"
          + "this week|last week|this month|last month)(?![\\p{L}])", CI);

  private final DateFinder dates;

  PublishDates(DateFinder dates) {
    this.dates = Objects.requireNonNull(dates);
  }

  /** Returns {published, inferredFlag-or-null}. */
  String[] published(CleaningWork w, String url, String text) {
    DateCand pub = first(w, DateKind.PUBLISHED);
    DateCand upd = first(w, DateKind.UPDATED);
    DateCand weak = first(w, DateKind.WEAK);
    DateCand chosen = pub != null ? pub : upd;
    if (chosen != null) {
      if (chosen == upd) w.diagnostics.add("publish date taken from an updated line: " + upd.found().iso());
      if (weak != null && !weak.found().date().equals(chosen.found().date())) {
        w.diagnostics.add("container date " + weak.found().date() + " (" + weak.label() + ") ignored: the article's "
            + "own date is " + chosen.found().date());
      }
      return new String[] {bestIso(w, chosen), null};
    }
    LocalDate fromUrl = UrlDates.pathDate(url);
    if (fromUrl != null) {
      w.diagnostics.add("publish date taken from the URL");
      return new String[] {fromUrl.toString(), null};
    }
    LocalDate inferredDate = inferFromText(text, weak == null ? null : weak.found().date(), w);
    if (weak != null) {
      LocalDate wd = weak.found().date();
      String why = contradiction(text, wd);
      if (why == null) {
        w.diagnostics.add("publish date taken from the container's " + weak.label() + " line (not the article's own)");
        return new String[] {weak.found().iso(), "inferred"};
      }
      w.diagnostics.add("container date " + wd + " (" + weak.label() + ") rejected: " + why);
    }
    if (inferredDate != null) return new String[] {inferredDate.toString(), "inferred"};
    Matcher rel = RELATIVE.matcher(text);
    w.diagnostics.add(rel.find()
        ? "publish date unknown: the text dates events only relatively ('" + rel.group().strip()
            + "'); a later stage may infer it"
        : "publish date unknown");
    return new String[] {null, null};
  }
  private static DateCand first(CleaningWork w, DateKind kind) {
    for (DateCand c : w.dates) if (c.kind() == kind) return c;
    return null;
  }
  /** The chosen date with its time and zone when another line of the same kind gives them for the same day. */
  private static String bestIso(CleaningWork w, DateCand chosen) {
    if (chosen.found().zoneKnown()) return chosen.found().iso();
    for (DateCand c : w.dates) {
      if (c.kind() == chosen.kind() && c.found().zoneKnown() && c.found().date().equals(chosen.found().date())) {
        return c.found().iso();
      }
    }
    return chosen.found().date().toString();
  }
  /**
   * Why a container date cannot be the publish date: the text reports recent events ("on Tuesday", "this week")
   * whose latest explicit date is more than a month earlier. Null when nothing contradicts it.
   */
  private String contradiction(String text, LocalDate container) {
    if (!RELATIVE.matcher(text).find()) return null;
    LocalDate latest = null;
    for (DateFinder.Found f : dates.find(text)) {
      if (latest == null || f.date().isAfter(latest)) latest = f.date();
    }
    Matcher my = MONTH_YEAR.matcher(text);
    while (my.find()) {
      LocalDate end = LocalDate.of(Integer.parseInt(my.group(2)), DateFinder.month(my.group(1)), 1).plusMonths(1)
          .minusDays(1);
      if (latest == null || end.isAfter(latest)) latest = end;
    }
    if (latest != null && container.isAfter(latest.plusDays(31))) {
      return "the text reports recent events, the latest dated " + latest;
    }
    return null;
  }
  /**
   * A date inferred from the article's own text: a dateline ("MOSCOW, Feb 19 (Reuters) -") or a weekday printed with
   * a date ("on Wednesday, February 19"), the year taken from the text when not printed. Null when neither.
   */
  private LocalDate inferFromText(String text, LocalDate container, CleaningWork w) {
    List<Integer> years = new ArrayList<>();
    if (hasDigit(text)) {
      Matcher y = YEAR.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      for (int at = 0; (at = Searches.findAt(y, text, at, "12")) >= 0; ) years.add(Integer.parseInt(y.group(1)));
    }
    if (container != null) years.add(container.getYear());
    int firstBreak = text.indexOf("\n\n");
    String first = firstBreak < 0 ? text : text.substring(0, firstBreak);
    Matcher d = DATELINE.matcher(first);
    if (d.lookingAt()) {
      int mo = DateFinder.month(d.group("mon"));
      int day = Integer.parseInt(d.group("d"));
      Integer year = d.group("y") != null ? Integer.valueOf(d.group("y")) : latestYear(years, container, mo, day);
      if (year != null) {
        try {
          LocalDate date = LocalDate.of(year, mo, day);
          w.diagnostics.add("publish date inferred from the dateline: " + d.group().strip());
          return date;
        } catch (java.time.DateTimeException e) {
          // ignore impossible dates
        }
      }
    }
    LocalDate latest = null;
    String evidence = null;
    Matcher m = WEEKDAY_DATE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    boolean days = text.contains("day");
    for (int at = 0; days && (at = Searches.findAt(m, text, at, "mtwfsMTWFS")) >= 0; ) {
      DayOfWeek wd = DateFinder.weekday(m.group("wd"));
      int mo = DateFinder.month(m.group("mon") != null ? m.group("mon") : m.group("mon2"));
      int day = Integer.parseInt(m.group("d") != null ? m.group("d") : m.group("d2"));
      LocalDate date = null;
      if (m.group("y") != null) {
        date = safeDate(Integer.parseInt(m.group("y")), mo, day);
        if (date != null && date.getDayOfWeek() != wd) date = null;
      } else {
        LocalDate best = null;
        for (int yr : new LinkedHashSet<>(years)) {
          for (int cand = yr - 1; cand <= yr + 1; cand++) {
            LocalDate c = safeDate(cand, mo, day);
            if (c != null && c.getDayOfWeek() == wd && (best == null || c.isAfter(best))
                && (container == null || !c.isAfter(container))) {
              best = c;
            }
          }
        }
        date = best;
      }
      if (date != null && (latest == null || date.isAfter(latest))) {
        latest = date;
        evidence = m.group();
      }
    }
    if (latest != null) w.diagnostics.add("publish date inferred from '" + evidence + "' in the text");
    return latest;
  }
  private static Integer latestYear(List<Integer> years, LocalDate container, int mo, int day) {
    if (container != null) {
      LocalDate c = safeDate(container.getYear(), mo, day);
      if (c != null) return c.isAfter(container) ? container.getYear() - 1 : container.getYear();
    }
    return years.stream().max(Integer::compare).orElse(null);
  }
  private static LocalDate safeDate(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
