package org.storyline.extract;

import static org.storyline.extract.LineShapes.hasDigit;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.dates.DateFinder;
import org.storyline.extract.CleaningWork.DateCand;
import org.storyline.extract.CleaningWork.DateKind;

/**
 * The date-line stage of {@link TextCleaner}: a line that is only dates (with labels such as "Published on" or
 * "Updated:", separators and an optional leading byline), a place dateline on its own line ("LONDON 1996-08-30"),
 * and a container's date normalised to ISO 8601. Records each date with its kind in the work; the choice of the
 * publish date among them is {@link PublishDates}'. Immutable; thread-safe.
 */
final class DateLines {
  private static final String MONTH = DateFinder.MONTH;
  private static final String WEEKDAY = DateFinder.WEEKDAY;
  private static final int CI = Pattern.CASE_INSENSITIVE;
  private static final Pattern DATE_LABEL = Pattern.compile(
      "(?:(?:first|last|originally|date)\\s+)?(?:published|updated|posted|modified|edited|released|created|date|"
          + "dated|document date|publication date|pub date|pubdate|retrieved|accessed|crawled|fetched|downloaded|"
          + "scraped|indexed|load date|archived|saved|on|pubdate|datepublished|datemodified|lastmod|"
          + "publié|publie|mis à jour|veröffentlicht|aktualisiert|stand|publicado|actualizado|pubblicato|"
          + "aggiornato|atualizado|gepubliceerd|bijgewerkt)"
          + "(?:\\s+(?:on|at|time|date|le|am|el|em|il|op|à|a las|às))?", CI);
  private static final Pattern DATE_PREFIX = Pattern.compile(
      "^(?<pre>.*?)[\\s|,·•/–—-]*(?<label>" + DATE_LABEL.pattern() + ")?\\s*:?\\s*$", CI);
  private static final Pattern SEPARATORS = Pattern.compile("[\\s|,·•/:()\\[\\]–—-]*");
  private static final Pattern AFTER_DATE = Pattern.compile(
      "[\\s|,·•/()–—-]*(?:\\d+\\s*min(?:ute)?s?\\s*read|\\(?[A-Z]{2,5}\\)?|(?i:updated\\s+)?\\d+\\s*(?i:minutes?|mins?|hours?|"
          + "hrs?|days?)\\s+(?i:ago))?[\\s|,·•/()–—-]*");
  private static final Pattern ISO_DATE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  static final Pattern LABEL_WORD = Pattern.compile(
      "(?<![\\p{L}])(?:published|updated|posted|modified|date|time|created|edited|released|issued|last|first|publié|"
          + "veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|atualizado|mis à jour)(?![\\p{L}])",
      CI);
  private static final Pattern PLACE_DATELINE = Pattern.compile(
      "(?<place>\\p{Lu}[\\p{Lu}\\p{M}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.'’-]+){0,3}"
          + "(?:,\\s*(?!(?i:" + MONTH + "|" + WEEKDAY + ")\\b)\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})?)"
          + "[\\s,]+(?<date>(?:\\d|(?i:" + MONTH + "|" + WEEKDAY + ")\\b).*)");

  private final DateFinder dates;
  private final Bylines bylines;
  private final Boilerplate boilerplate;

  DateLines(DateFinder dates, Bylines bylines, Boilerplate boilerplate) {
    this.dates = Objects.requireNonNull(dates);
    this.bylines = Objects.requireNonNull(bylines);
    this.boilerplate = Objects.requireNonNull(boilerplate);
  }

  /** A container date as ISO 8601 ("Wed, 19 Feb 2025 10:00:00 +0000" -> "2025-02-19T10:00:00Z"); kept when unreadable. */
  String normaliseHintDate(String given, CleaningWork w) {
    String g = given.strip();
    if (ISO_DATE.matcher(g).matches()) return g;
    List<DateFinder.Found> f = dates.find(g);
    if (f.isEmpty()) {
      w.diagnostics.add("container date not understood, kept as given: " + g);
      return g;
    }
    return f.get(0).zoneKnown() ? f.get(0).iso() : f.get(0).date().toString();
  }
  /**
   * A line that is only dates (with labels, separators, an optional leading byline). Records each date and the
   * byline; true when the line was such a line.
   */
  boolean dateLine(String md, CleaningWork w) {
    if (md.length() > 200 || !hasDigit(md)) return false;
    List<DateFinder.Found> found = dates.find(md);
    if (found.isEmpty()) return false;
    List<DateCand> cands = new ArrayList<>();
    String by = null;
    int prev = 0;
    for (int k = 0; k < found.size(); k++) {
      DateFinder.Found f = found.get(k);
      String before = md.substring(prev, f.start());
      String label = null;
      String b = before.strip();
      Matcher lm = DATE_PREFIX.matcher(b);
      if (lm.matches()) {
        label = lm.group("label");
        String pre = lm.group("pre").strip();
        if (!SEPARATORS.matcher(pre).matches()) {
          if (k > 0) return false;
          String who = bylines.bylinePrefix(pre);
          if (who == null) return false;
          by = who.isEmpty() ? null : who;
        }
      } else {
        return false;
      }
      cands.add(new DateCand(kindOf(label), f, label));
      prev = f.end();
    }
    if (!AFTER_DATE.matcher(md.substring(prev)).matches()) return false;
    w.dates.addAll(cands);
    if (by != null && w.byline == null) w.byline = by;
    for (DateCand c : cands) {
      DayOfWeek wd = c.found().printedWeekday();
      if (wd != null && wd != c.found().date().getDayOfWeek()) {
        w.diagnostics.add("printed weekday disagrees with date: " + md);
      }
      if (c.found().ambiguous()) w.diagnostics.add("ambiguous numeric date read day-first: " + md);
      if (c.found().hasTime() && !c.found().zoneKnown()) {
        w.diagnostics.add("time without a known zone ignored: " + md);
      }
    }
    return true;
  }
  private static DateKind kindOf(String label) {
    if (label == null) return DateKind.PUBLISHED;
    String l = label.toLowerCase(Locale.ROOT);
    if (l.matches(".*(?:updat|modif|edit|mis à jour|aktualisiert|actualizado|aggiornato|atualizado|bijgewerkt|stand).*")) {
      return DateKind.UPDATED;
    }
    if (l.matches(".*(?:document|retriev|access|crawl|fetch|download|scrap|index|load|archiv|saved).*")) {
      return DateKind.WEAK;
    }
    return DateKind.PUBLISHED;
  }
  /**
   * A dateline on a line of its own: a place in capitals, optionally its region, and a date ("LONDON 1996-08-30",
   * "BIRMINGHAM, England 1996-08-31"). The date is recorded as a published date; the line stays in the text, as an
   * agency dateline does (it names a place). False for any other line.
   */
  boolean placeDateline(String md, CleaningWork w) {
    if (md.length() > 80 || !hasDigit(md)) return false;
    Matcher m = PLACE_DATELINE.matcher(md);
    if (!m.matches()) return false;
    String place = m.group("place");
    if (Bylines.byline(place) != null || boilerplate.onlySectionWords(place) || LABEL_WORD.matcher(place).find()) {
      return false; // "By JANE DOE", "WORLD NEWS", "UPDATED 3 March 2025"
    }
    String date = m.group("date");
    List<DateFinder.Found> found = dates.find(date);
    if (found.size() != 1 || !SEPARATORS.matcher(date.substring(0, found.get(0).start())).matches()
        || !AFTER_DATE.matcher(date.substring(found.get(0).end())).matches()) {
      return false;
    }
    w.dates.add(new DateCand(DateKind.PUBLISHED, found.get(0), null));
    return true;
  }
}
