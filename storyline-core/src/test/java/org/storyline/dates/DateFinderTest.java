package org.storyline.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DateFinderTest {
  private final DateFinder f = new DateFinder();

  private String iso(String s) {
    var all = f.find(s);
    assertFalse(all.isEmpty(), () -> "no date in " + s);
    return all.get(0).iso();
  }

  @Test
  void readsCommonNewsFormats() {
    assertEquals("2025-02-19", iso("February 19, 2025"));
    assertEquals("2025-02-19", iso("19 February 2025"));
    assertEquals("2025-02-19", iso("Feb. 19, 2025"));
    assertEquals("2025-02-27T18:56:48+05:30", iso("Updated: Feb 27, 2025 18:56:48 IST"));
    assertEquals("2025-02-27T18:56:00Z", iso("Thu 27 Feb 2025 18.56 GMT"));
    assertEquals("2025-03-11T09:30:00+03:00", iso("2025-03-11T09:30:00+03:00"));
    assertEquals("2025-12-31", iso("Wed, Dec 31 2025 12:35:16 pm"));
    assertEquals("2025-03-04T21:05:00-05:00", iso("March 4, 2025 9:05 p.m. EST"));
    assertEquals("2025-02-19", iso("19/02/2025"));
  }

  @Test
  void readsDatesInOtherNewsLanguages() {
    assertEquals("2025-03-05", iso("5 de marzo de 2025"));
    assertEquals("2025-03-05", iso("5. März 2025"));
    assertEquals("2025-03-05T14:30:00+01:00", iso("5 mars 2025 à 14:30 CET"));
    assertEquals("2025-08-01", iso("1er août 2025"));
    assertEquals("2025-03-05", iso("5 marzo 2025"));
    assertEquals("2025-12-05", iso("5 de dezembro de 2025"));
  }

  @Test
  void zoneIdsFollowDaylightSaving() {
    assertEquals("2025-07-01T10:00:00-04:00", iso("July 1, 2025 10:00 ET"));
    assertEquals("2025-01-15T10:00:00-05:00", iso("January 15, 2025 10:00 ET"));
  }

  @Test
  void flagsAmbiguousNumericDatesAndChecksWeekdays() {
    var d = f.find("03/04/2025").get(0);
    assertTrue(d.ambiguous());
    var w = f.find("Wednesday, February 19, 2025").get(0);
    assertEquals(java.time.DayOfWeek.WEDNESDAY, w.printedWeekday());
    assertEquals(w.printedWeekday(), w.date().getDayOfWeek());
  }

  @Test
  void ignoresNonDates() {
    assertTrue(f.find("The 2022 invasion and 35 diplomats").isEmpty());
    assertTrue(f.find("February 30, 2025").isEmpty());
  }
}
