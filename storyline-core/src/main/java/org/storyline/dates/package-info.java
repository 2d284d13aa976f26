/**
 * Calendar dates written in text, HTML pages, feeds and URLs, read with one month table ({@link
 * org.storyline.dates.Months}, {@code months.tsv}): {@link org.storyline.dates.DateFinder} (dates printed in the
 * lines of a text page, with time and zone), {@link org.storyline.dates.DateParser} (dates in HTML metadata, page
 * text and URLs), {@link org.storyline.dates.FeedDates} (RFC 822 and RFC 3339 feed dates) and {@link
 * org.storyline.dates.UrlDates} (the year/month/day path of an article URL). Relative time expressions (TIMEX) are
 * read by the {@code nlp} time tagger. Nothing here reads the clock.
 */
package org.storyline.dates;
