package org.storyline.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.Timex;

class TimexTaggerTest {
  private static final TimexTagger TAGGER = new TimexTagger();
  /** A Wednesday. */
  private static final String WED = "2025-02-19";

  private static List<Timex> tag(String text, String published) {
    List<Timex> out = TAGGER.tag("a", text, published);
    for (Timex t : out) {
      assertEquals(text.substring(t.start(), t.end()), t.text(), "offsets must index the text exactly");
    }
    return out;
  }

  /** The timex whose surface is exactly {@code surface}; fails when there is none. */
  private static Timex find(String text, String published, String surface) {
    List<Timex> all = tag(text, published);
    for (Timex t : all) if (t.text().equals(surface)) return t;
    throw new AssertionError("no timex '" + surface + "' in " + all);
  }

  private static void check(String text, String published, String surface, String type, String value) {
    Timex t = find(text, published, surface);
    assertEquals(type, t.type(), "type of '" + surface + "'");
    assertEquals(value, t.value(), "value of '" + surface + "'");
    assertEquals(text.indexOf(surface), t.start());
  }

  @Test
  void weekdaysReferToThePublishDayOrTheMostRecentOne() {
    check("Putin spoke on Wednesday about the talks.", WED, "Wednesday", "DATE", "2025-02-19");
    check("The two delegations met in Riyadh on Tuesday.", WED, "Tuesday", "DATE", "2025-02-18");
    check("The ministers met on Monday.", WED, "Monday", "DATE", "2025-02-17");
    check("Fighting resumed on Thursday, officials said.", WED, "Thursday", "DATE", "2025-02-13");
  }

  @Test
  void weekdaysLookForwardWithNextOrFutureTense() {
    check("The talks will resume on Thursday in Istanbul.", WED, "Thursday", "DATE", "2025-02-20");
    check("A vote is scheduled for Friday.", WED, "Friday", "DATE", "2025-02-21");
    check("They meet again next Monday.", WED, "next Monday", "DATE", "2025-02-24");
    check("Flights were cancelled due to the storm on Monday.", WED, "Monday", "DATE", "2025-02-17");
    check("The vote is due to take place on Monday.", WED, "Monday", "DATE", "2025-02-24");
    check("The plans drawn up on Monday were scrapped.", WED, "Monday", "DATE", "2025-02-17");
    // news present tense for a scheduled event
    check("The trial begins Monday in The Hague.", WED, "Monday", "DATE", "2025-02-24");
    check("He resigned last Wednesday.", WED, "last Wednesday", "DATE", "2025-02-12");
    // a possessive weekday names a past event even after a future cue
    check("Lawyers will appeal Tuesday's ruling.", WED, "Tuesday", "DATE", "2025-02-18");
  }

  @Test
  void relativeDatesResolveAgainstThePublishDate() {
    check("Prices rose last month.", WED, "last month", "DATE", "2025-01");
    check("Talks continue this week.", WED, "this week", "DATE", "2025-W08");
    check("A summit is planned for next week.", WED, "next week", "DATE", "2025-W09");
    check("Sales fell last year.", WED, "last year", "DATE", "2024");
    check("The war began three years ago.", WED, "three years ago", "DATE", "2022");
    check("He arrived two days ago.", WED, "two days ago", "DATE", "2025-02-17");
    // an anniversary: the anchor period moved back, one date (the invasion of 2022-02-24 falls in 2022-W08)
    check("Moscow launched the invasion three years ago next week.", WED, "three years ago next week", "DATE",
        "2022-W08");
    check("The plant opened ten years ago this month.", WED, "ten years ago this month", "DATE", "2015-02");
    check("She said yesterday that it was over.", WED, "yesterday", "DATE", "2025-02-18");
    check("The ruling comes today.", WED, "today", "DATE", "2025-02-19");
    check("Results are due tomorrow.", WED, "tomorrow", "DATE", "2025-02-20");
  }

  @Test
  void explicitDates() {
    check("The diplomats were expelled in December 2016.", WED, "December 2016", "DATE", "2016-12");
    check("Russia invaded Ukraine in February 2022.", WED, "February 2022", "DATE", "2022-02");
    check("Crimea was annexed in 2014, and sanctions followed.", WED, "2014", "DATE", "2014");
    check("Relations have been frozen since 2022.", WED, "2022", "DATE", "2022");
    check("Talks are set for Feb. 27 in Istanbul.", WED, "Feb. 27", "DATE", "2025-02-27");
    check("The deal was signed on March 3, 2021.", WED, "March 3, 2021", "DATE", "2021-03-03");
    check("It happened on 4 July 1998 in Paris.", WED, "4 July 1998", "DATE", "1998-07-04");
    check("The file is dated 2024-11-05.", WED, "2024-11-05", "DATE", "2024-11-05");
  }

  @Test
  void monthWithoutYearIsThePastOneUnlessTheFutureIsSaid() {
    check("The factory closed in November.", WED, "November", "DATE", "2024-11");
    check("Elections will be held in November.", WED, "November", "DATE", "2025-11");
    check("Sales were weak in January.", WED, "January", "DATE", "2025-01");
    check("Contacts resumed after the start of his presidency in January.", "2025-03-11", "January", "DATE",
        "2025-01");
  }

  @Test
  void durations() {
    check("The three-year war has killed thousands.", WED, "three-year", "DURATION", "P3Y");
    check("The talks lasted two days.", WED, "two days", "DURATION", "P2D");
    check("He was held for 18 months.", WED, "18 months", "DURATION", "P18M");
    check("They waited more than four hours.", WED, "more than four hours", "DURATION", "PT4H");
    check("Prices doubled over the past two months.", WED, "the past two months", "DURATION", "P2M");
    check("The dispute has lasted several years.", WED, "several years", "DURATION", "PXY");
    check("The city was besieged for a decade.", WED, "a decade", "DURATION", "P10Y");
  }

  @Test
  void sets() {
    check("Inspectors visit every week.", WED, "every week", "SET", "P1W");
    check("The paper is published daily.", WED, "daily", "SET", "P1D");
    check("The market opens every Monday.", WED, "every Monday", "SET", "XXXX-WXX-1");
    check("The board meets twice a year.", WED, "twice a year", "SET", "P1Y");
  }

  @Test
  void presentAndPastReferences() {
    check("The company is now owned by the state.", WED, "now", "DATE", "PRESENT_REF");
    check("He is currently in Moscow.", WED, "currently", "DATE", "PRESENT_REF");
    check("She recently moved to Berlin.", WED, "recently", "DATE", "PAST_REF");
  }

  @Test
  void times() {
    check("The blast was heard at 18:56 local time.", WED, "18:56 local time", "TIME", "2025-02-19T18:56");
    check("The meeting ended at 3 p.m. on a cold day.", WED, "3 p.m.", "TIME", "2025-02-19T15:00");
    check("Polls close at 8:30 p.m. Tuesday.", WED, "8:30 p.m. Tuesday", "TIME", "2025-02-18T20:30");
    check("The offer expires at 5 p.m. EST Feb. 27.", WED, "5 p.m. EST Feb. 27", "TIME", "2025-02-27T17:00");
    check("He spoke Tuesday night to reporters.", WED, "Tuesday night", "TIME", "2025-02-18TNI");
    check("Explosions shook the city last night.", WED, "last night", "TIME", "2025-02-18TNI");
    check("The deadline is midnight.", WED, "midnight", "TIME", "2025-02-19T24:00");
  }

  @Test
  void decadesSeasonsQuartersFiscalYears() {
    check("Growth was strong in the 1990s.", WED, "1990s", "DATE", "199");
    check("Prices fell in the late 1980s.", WED, "late 1980s", "DATE", "198");
    check("Talks may resume in the summer.", WED, "the summer", "DATE", "2025-SU");
    check("Troops withdrew last summer.", WED, "last summer", "DATE", "2024-SU");
    check("Profit rose in the third quarter of 2024.", WED, "the third quarter of 2024", "DATE", "2024-Q3");
    check("Third-quarter profit rose.", "2025-10-28", "Third-quarter", "DATE", "2025-Q3");
    // a quarter after the current one is last year's, reported now
    check("The fourth quarter was weak.", WED, "The fourth quarter", "DATE", "2024-Q4");
    check("Revenue in fiscal 2023 fell.", WED, "fiscal 2023", "DATE", "2023");
    check("It was built in the 19th century.", WED, "the 19th century", "DATE", "18");
    check("Shops close on Christmas Day.", WED, "Christmas Day", "DATE", "2024-12-25");
  }

  @Test
  void anaphoricExpressionsUseTheReferenceTime() {
    String text = "The accord was signed on March 3, 2021. The next day, fighting resumed. "
        + "A year earlier, talks had failed.";
    check(text, WED, "The next day", "DATE", "2021-03-04");
    // "a year earlier" keeps year granularity after a day, the period's own after a quarter or month
    check(text, WED, "A year earlier", "DATE", "2020");
    check("Third-quarter profit rose 5% from a year earlier.", "2025-10-28", "a year earlier", "DATE", "2024-Q3");
  }

  @Test
  void unknownPublishDateLeavesDeicticValuesUnderspecified() {
    check("The two sides met on Tuesday.", null, "Tuesday", "DATE", "XXXX-WXX-2");
    check("Prices rose last month.", null, "last month", "DATE", "XXXX-XX");
    check("She said yesterday it was over.", null, "yesterday", "DATE", "XXXX-XX-XX");
    check("Talks are set for Feb. 27 in Istanbul.", null, "Feb. 27", "DATE", "XXXX-02-27");
    check("The war began three years ago.", null, "three years ago", "DATE", "XXXX");
    // absolute dates, durations and references do not need the anchor
    check("Russia invaded Ukraine in February 2022.", null, "February 2022", "DATE", "2022-02");
    check("The talks lasted two days.", null, "two days", "DURATION", "P2D");
    check("He is now in Moscow.", "not a date", "now", "DATE", "PRESENT_REF");
  }

  @Test
  void publishDateTimeWithOffsetIsReadAsItsLocalDate() {
    check("The talks ended on Thursday.", "2025-02-27T18:56:48+05:30", "Thursday", "DATE", "2025-02-27");
    check("Talks continue this week.", "2025-02-27T18:56:48+05:30", "this week", "DATE", "2025-W09");
  }

  @Test
  void moreDateForms() {
    check("He was elected in nineteen ninety-six.", WED, "nineteen ninety-six", "DATE", "1996");
    check("Sales slumped this past spring.", WED, "this past spring", "DATE", "2024-SP");
    check("Prices peaked in mid-February.", WED, "mid-February", "DATE", "2025-02");
    check("The plant opened in January this year.", WED, "January this year", "DATE", "2025-01");
    check("Growth slowed in early 2024.", WED, "early 2024", "DATE", "2024");
    check("The deal should close by year-end.", WED, "year-end", "DATE", "2025");
    check("The army withdrew a decade ago.", WED, "a decade ago", "DATE", "2015");
    check("Ties were cut in the 20th century.", WED, "the 20th century", "DATE", "19");
    check("He was shot last Oct. 23 at home.", WED, "last Oct. 23", "DATE", "2024-10-23");
    check("A hearing is set for the week of March 10.", WED, "the week of March 10", "DATE", "2025-W11");
    check("He was shot on March 3, 2021. That same day, police closed the road.", WED, "That same day", "DATE",
        "2021-03-03");
    String text = "The vote took place on March 3, 2021. The previous Friday, protests began.";
    check(text, WED, "The previous Friday", "DATE", "2021-02-26");
  }

  @Test
  void ratesAgesAndFractions() {
    // "a year" after an amount is a rate, "N years old" an age: neither is a duration here
    assertTrue(tag("The bonds pay $1.76 a year.", WED).isEmpty());
    assertTrue(tag("Mr. Smith, 55 years old, will retire.", WED).isEmpty());
    check("The truce held barely a month before collapsing.", WED, "a month", "DURATION", "P1M");
    check("They lived in camps for 2 1/2 years.", WED, "2 1/2 years", "DURATION", "P2Y6M");
    check("The flight took an hour and a half.", WED, "an hour and a half", "DURATION", "PT1H30M");
    check("At least 20 more years of leases remain.", WED, "At least 20 more years", "DURATION", "P20Y");
  }

  @Test
  void noFalseTimexesInOrdinaryWords() {
    assertTrue(tag("The troops may march to the capital.", WED).isEmpty());
    assertTrue(tag("He paid $2014 for 1,500 shares and 2000 people came.", WED).stream()
        .noneMatch(t -> t.text().contains("2014") || t.text().contains("2000")));
    assertTrue(tag("A second attempt failed.", WED).isEmpty());
    assertTrue(tag("Sun Microsystems and Jan Smith met.", WED).isEmpty());
    assertTrue(tag("Shares began to fall in trading.", WED).isEmpty());
    assertTrue(tag("See https://example.com/2025/02/19/story for more.", WED).stream()
        .noneMatch(t -> t.text().equals("2025")));
  }

  @Test
  void articleStageUsesTextAndPublishDate() {
    Article a = new Article("x", "src", "t", null, null, null, WED, false, List.of(), "en",
        "Officials met on Tuesday.", List.of(), List.of());
    List<Timex> out = TAGGER.apply(a);
    assertEquals(1, out.size());
    assertEquals("x", out.get(0).article());
    assertEquals("2025-02-18", out.get(0).value());
  }

  @Test
  void emptyAndOddTextsProduceNoException() {
    assertTrue(tag("", WED).isEmpty());
    assertNotNull(tag("Feb. 30 and 13/45/2020 and 99:99 and 31 February", WED));
    assertFalse(tag("On Feb. 29, 2024, it rained.", WED).isEmpty());
  }

  @Test
  void monthsShortlyAheadAreTheComingOnes() {
    // two months after the publish month reads as the coming one, also across the new year
    check("The talks are supposed to conclude by May.", "2025-03-22", "May", "DATE", "2025-05");
    check("The deal should close in January.", "2025-11-02", "January", "DATE", "2026-01");
    // further ahead without a future cue stays in the past
    check("Sales dropped in August.", "2025-02-13", "August", "DATE", "2024-08");
  }

  @Test
  void periodsEndedOnADayAndYearAgoAdjectives() {
    check("In the quarter ended July 31, the firm earned $2 million.", "2025-10-30", "the quarter", "DATE", "2025-Q2");
    check("Sales for the quarter ended Sept. 29 rose 39%.", "2025-11-02", "the quarter", "DATE", "2025-Q3");
    // "year-ago" counts back from the publish date even after another year was named
    check("Net was $5 million in the 2024 period. The year-ago results were restated.", "2025-11-02", "year-ago",
        "DATE", "2024");
  }

  @Test
  void weekdayDateBeforeAColonLastHalfAndGenericToday() {
    check("The paper said in an editorial on Saturday, April 25: the court erred.", "2025-04-24",
        "Saturday, April 25", "DATE", "2025-04-25");
    check("Earnings will be lower for the last half of 2024.", WED, "the last half of 2024", "DATE", "2024-H2");
    // "today's world" is the present era, not the publish day; "today's vote" is the day
    assertTrue(tag("Such chips run in many of today's personal computers.", WED).isEmpty());
    check("Ahead of today's vote, leaders met.", WED, "today", "DATE", WED);
  }

  @Test
  void floatingHolidays() {
    // the Tuesday after the first Monday of November: Nov. 8 in 2022 (Nov. 1 was a Tuesday), Nov. 5 in 2024
    check("Voters go to the polls on Election Day.", "2022-10-26", "Election Day", "DATE", "2022-11-08");
    check("Voters go to the polls on Election Day.", "2024-10-20", "Election Day", "DATE", "2024-11-05");
    check("Banks close on Columbus Day.", "2025-10-01", "Columbus Day", "DATE", "2025-10-13");
    check("Thanksgiving fell late.", "2025-11-20", "Thanksgiving", "DATE", "2025-11-27");
  }

  @Test
  void laterIsASignalAfterADuration() {
    check("The talks failed. Three days later, fighting resumed.", WED, "Three days", "DURATION", "P3D");
    check("He was freed a few days later.", WED, "a few days", "DURATION", "PXD");
  }

  @Test
  void yearAgoQuartersAmountsAndApproximateAgo() {
    check("In the year-ago third quarter, the bank earned $2 million.", "2025-10-30", "the year-ago third quarter",
        "DATE", "2024-Q3");
    // an amount of years is no spelled-out year
    assertTrue(tag("Families kept the secret for two thousand years.", WED).stream()
        .noneMatch(t -> t.value().equals("2000")));
    check("Then, a week or so ago, the general flew in.", WED, "a week or so ago", "DATE", "2025-W07");
  }

  @Test
  void clockTakesTheDayNamedAfterItAndHalfOfTheYear() {
    // published Friday 2025-02-21: the clock time is on the Wednesday named after it, not on the publish day
    Timex t = find("The blast happened at 10:30 a.m. local time (0930 GMT) on Wednesday.", "2025-02-21",
        "10:30 a.m. local time");
    assertEquals("2025-02-19T10:30", t.value());
    check("Sales will recover in the second half of the year.", "2025-03-20", "the second half of the year",
        "DATE", "2025-H2");
  }

  @Test
  void seasonalSetsRangesAndTheDaysAhead() {
    check("The festival is held every summer.", WED, "every summer", "SET", "XXXX-SU");
    // the end of a month range follows its start: June after January, not last year's June
    check("The report covers the period from January to June.", "2025-03-20", "June", "DATE", "2025-06");
    check("Officials said the toll could rise in the days ahead.", WED, "the days ahead", "DURATION", "PXD");
  }

  @Test
  void verbLastAndAsMany() {
    check("The trial is expected to last several weeks.", WED, "several weeks", "DURATION", "PXW");
    assertTrue(tag("It is the third time in as many weeks that the plant shut.", WED).isEmpty());
  }

  @Test
  void pastPerfectCancelsAFutureCue() {
    check("The offer was extended. It had been due to expire Friday.", WED, "Friday", "DATE", "2025-02-14");
    check("The offer will expire Friday.", WED, "Friday", "DATE", "2025-02-21");
  }

  @Test
  void fourDigitClockTimesWithAZone() {
    Timex t = find("The quake struck at 0432 GMT on Tuesday.", WED, "0432 GMT");
    assertEquals("TIME", t.type());
    assertEquals("2025-02-18T04:32", t.value());
    // a gloss in brackets is neither tagged again nor read as the year 2000
    assertTrue(tag("Voting ends at 8 p.m. (2000 GMT).", WED).stream().noneMatch(x -> x.text().startsWith("2000")));
  }

  @Test
  void deadlinePrepositionsLookUpToHalfAYearAhead() {
    check("The airline wants to double its flights by August.", "2025-02-13", "August", "DATE", "2025-08");
    check("The bank must repay the loan by February.", "2025-10-30", "February", "DATE", "2026-02");
    // a period up to a month behind us stays in the past
    check("Sales this year through August were flat.", "2025-10-27", "August", "DATE", "2025-08");
  }

  @Test
  void monthWithASpelledOutYear() {
    check("One person is killed. January nineteen ninety-seven. Atlanta again.", WED,
        "January nineteen ninety-seven", "DATE", "1997-01");
  }

  @Test
  void partsOfDayWithAnEdge() {
    check("In London at mid-afternoon yesterday, shares were up.", WED, "mid-afternoon yesterday", "TIME",
        "2025-02-18TAF");
    check("By late afternoon the fire was contained.", WED, "late afternoon", "TIME", "2025-02-19TAF");
  }
}
