package org.storyline.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.storyline.dates.DateFinder;

/**
 * The working state of {@link TextCleaner} for one document: the kept body lines, the removed ones, and the metadata
 * each stage found (dates, title candidates, byline, url, outlet lines, credits) with its diagnostics. Made per
 * document and never shared; the stages ({@link TitleChooser}, {@link Bylines}, {@link DateLines},
 * {@link PublishDates}, {@link Paragraphs}) read and add to it.
 */
final class CleaningWork {
  /** How a date line dates the article: its publish date, an update, or a container's date (weakest). */
  enum DateKind { PUBLISHED, UPDATED, WEAK }

  /** A date found on a date line, with its kind and its label as printed (or null). */
  record DateCand(DateKind kind, DateFinder.Found found, String label) {}

  /** A body line: as read, with its markdown removed, and its index among the lines. */
  record Unit(String raw, String md, int line) {}

  /** A removed line with its index (removed lines are listed in text order). */
  record Removed(int line, String text) {}

  final List<Unit> body = new ArrayList<>();
  final List<Removed> removed = new ArrayList<>();
  /** The index of the line being read. */
  int at;
  final List<String> diagnostics = new ArrayList<>();
  final LinkedHashSet<String> credits = new LinkedHashSet<>();
  final List<DateCand> dates = new ArrayList<>();
  String hintTitle;
  final List<Unit> titleCands = new ArrayList<>();
  int titleLine = -1;
  boolean[] navRun;
  boolean[] markup; // wiki markup lines (WikiText), removed
  String title;
  String titleHow;
  String byline;
  String url;
  String urlBare;
  String outletLine;
  boolean outletLineInBody;
  String outletFurniture;
  boolean bodyStarted;
  boolean sentenceSeen; // a kept line that reads as a sentence of the body: no title candidates below it
  boolean teaser;
  boolean footer;

  /** Removes the line being read (listed in {@code removed} at its place). */
  void remove(String raw) {
    removed.add(new Removed(at, raw));
  }
}
