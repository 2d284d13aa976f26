package org.storyline.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one month table and the readers built on it. */
class MonthsTest {
  @Test
  void everyRowGivesTwelveMonthsAndNoSpellingTwoMonths() {
    assertTrue(Months.rows().size() >= 13, "rows: " + Months.rows().size());
    Map<String, Integer> all = Months.numbers(null);
    for (Months.Row r : Months.rows()) {
      for (int m = 0; m < 12; m++) {
        for (String s : r.months().get(m)) {
          assertEquals(m + 1, all.get(s), r.language() + " " + r.form() + " " + s);
        }
      }
    }
  }

  @Test
  void theParsersReadTheirRows() {
    assertEquals(3, DateFinder.month("März"));
    assertEquals(2, DateFinder.month("fevrier"));
    assertEquals(9, DateFinder.month("Sept."));
    assertEquals(12, DateFinder.month("dez"));
    assertEquals("(?:january|february|march|april|may|june|july|august|september|october|november|december|"
        + "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?", DateFinder.MONTH, "English, in table order");
    assertEquals("2021-11-03", DateParser.parse("3 listopada 2021").iso());
    assertEquals("2021-02-03", DateParser.parse("3 fevrier 2021").iso());
    assertEquals(9, Months.englishAbbreviation("sep"));
    assertEquals(0, Months.englishAbbreviation("mai"));
    assertEquals("2025-09-02", FeedDates.normalize("Tue, 2 Sep 2025"));
  }

  @Test
  void urlPathDates() {
    assertEquals(LocalDate.of(2025, 2, 19), UrlDates.pathDate("https://x.example/2025/02/19/putin-praises"));
    assertEquals(LocalDate.of(2025, 2, 9), UrlDates.pathDate("https://x.example/news/2025-2-9-slug"));
    assertNull(UrlDates.pathDate("https://x.example/2025/02/30/impossible"));
    assertNull(UrlDates.pathDate("https://x.example/20250219/compact"), "the HTML path reads that form");
    assertNull(UrlDates.pathDate(null));
  }
}
