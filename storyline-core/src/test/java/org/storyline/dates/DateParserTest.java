package org.storyline.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DateParserTest {
  private static String iso(String s) {
    DateParser.Found f = DateParser.parse(s);
    return f == null ? null : f.iso();
  }

  @Test
  void parsesCommonForms() {
    assertEquals("2019-11-19", iso("2019-11-19"));
    assertEquals("2019-11-19T13:03:00Z", iso("2019-11-19T13:03:00.000Z"));
    assertEquals("2025-02-27T18:56:48+05:30", iso("2025-02-27T18:56:48+0530"));
    assertEquals("2019-11-19", iso("2019-11-19T13:03:00"), "no offset stated: date only");
    assertEquals("2019-11-05", iso("Published Nov. 5, 2019, 8:03 am ET"));
    assertEquals("2019-11-05", iso("5 November 2019"));
    assertEquals("2020-01-14", iso("14. Januar 2020"));
    assertEquals("2020-01-14", iso("( Pescasseroli, 14 Gennaio 2020 )"));
    assertEquals("2018-03-01", iso("01.03.2018"));
    assertEquals("2017-12-25", iso("12/25/2017"));
    assertEquals("2017-06-13", iso("13/06/2017"));
    assertEquals("2021-04-03", iso("2021年4月3日"));
    assertEquals("2019-11-19", iso("Tue, 19 Nov 2019 10:00:00 GMT"));
  }

  @Test
  void moreMonthNamesAndEarliestDate() {
    assertEquals("2016-08-15", iso("15 августа 2016, 13:43"));
    assertEquals("2020-09-20", iso("duminică, 20 septembrie 2020"));
    assertEquals("2020-03-15", iso("15 de março de 2020"));
    assertEquals("2021-05-04", iso("4 mei 2021"));
    assertEquals("2021-11-10", DateParser.earliest("10.11.2021 Bis 9. November 2021 registriert").iso());
    assertEquals("2012-05-08", DateParser.earliest("von Klaus Berg, 8.5.12").iso());
    assertNull(DateParser.earliest("version 1.2.3.4 only"));
    assertNull(DateParser.parse("von Klaus Berg, 8.5.12"), "two-digit years only where a date is expected");
  }

  @Test
  void oneDigitSlugNumberIsNotADay() {
    assertEquals("2023-10-03", DateParser.fromUrl("https://blog.example/2023/10/3/").iso());
    assertNull(DateParser.fromUrl("https://blog.example/2023/10/3-questions-for-tina/"));
    assertEquals("2023-10-31", DateParser.fromUrl("https://blog.example/2023/10/31-questions/").iso());
  }

  @Test
  void rejectsImpossibleDates() {
    assertNull(iso("2019-02-30"));
    assertNull(iso("1850-01-01"));
    assertNull(iso("no date here"));
    assertNull(iso("call 555-12-2019"));
  }

  @Test
  void findsDatesInUrls() {
    assertEquals("2019-11-19", DateParser.fromUrl("https://x.example/2019/11/19/story").iso());
    assertEquals("2020-01-02", DateParser.fromUrl("https://x.example/news/20200102/story").iso());
    assertEquals("2021-07-09", DateParser.fromUrl("https://x.example/2021-07-09-story.html").iso());
    assertNull(DateParser.fromUrl("https://x.example/story-12345"));
  }

  @Test
  void monthNameDatesInLongTextAreFoundNearTheirYear() {
    String filler = "Lorem ipsum dolor sit amet, in 12 villages and 300 towns. ".repeat(20);
    assertEquals("2019-11-05", iso(filler + "Published on November   5th,   2019 by the desk. " + filler));
    assertEquals("2020-01-14", iso(filler + "Pescasseroli, 14 de   Gennaio de 2020. " + filler));
    assertNull(iso(filler + "November 5, 21019 and 5 Nov 12019 " + filler), "not a year");
    int[] w = DateParser.yearWindows("x".repeat(100) + " May 3, 2021 " + "y".repeat(100) + "20211");
    assertEquals(2, w.length, "one window, around the only four-digit year");
    assertEquals(108 - 8 - 35, w[0], "40 non-space characters back: \" May 3, \" holds 5 of them, then 35 x");
  }

  @Test
  void numericFormsNearYearsFindWhatAWholeTextSearchFinds() {
    // text made of date pieces, so that dates, near-dates, overlaps and invalid ones crowd each other
    String[] pieces = {"2019", "2020", "1999", "2101", "1", "12", "31", "7", "05", "-", "/", ".", ". ", " ", "T",
        "10:30", ":00", "Z", "+02:00", "a", "0", "13", "\n", "2019-02-30", "29.02.2020", "1.1.2000", "31. 12. ",
        "1/1/", "4-7-", "12/31/", "1.", "3. "};
    java.util.Random r = new java.util.Random(7);
    int found = 0;
    for (int t = 0; t < 600; t++) {
      StringBuilder sb = new StringBuilder();
      int len = 300 + r.nextInt(400);
      while (sb.length() < len) sb.append(pieces[r.nextInt(pieces.length)]);
      String s = sb.toString();
      for (int limit : new int[] {1, 3, 50}) {
        java.util.List<DateParser.Found> plain = DateParser.all(s, limit, false);
        assertEquals(plain, DateParser.all(s, limit, true), s);
        found += plain.size();
      }
      // and the date that starts first, in the whole text and in its first stretch (the line under a heading)
      String head = s.substring(0, Math.min(s.length(), 120 + r.nextInt(200)));
      assertEquals(DateParser.earliest(s, false), DateParser.earliest(s, true), s);
      assertEquals(DateParser.earliest(head, false), DateParser.earliest(head, true), head);
    }
    org.junit.jupiter.api.Assertions.assertTrue(found > 600, "the texts hold dates: " + found);
  }
}
