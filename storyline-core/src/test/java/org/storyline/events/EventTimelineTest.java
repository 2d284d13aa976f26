package org.storyline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.Event;
import org.storyline.model.Quote;
import org.storyline.model.Story;
import org.storyline.model.Timex;
import org.storyline.nlp.TimexTagger;

class EventTimelineTest {
  private final EventTimeline timeline = new EventTimeline();
  private final TimexTagger tagger = new TimexTagger();

  private static Article article(String id, String published, String text) {
    return new Article(id, id + ".txt", null, null, null, null, published, false, List.of(), "en", text, List.of(),
        List.of());
  }

  private List<Event> events(List<Article> articles, List<Quote> quotes) {
    List<Timex> tx = new ArrayList<>();
    for (Article a : articles) tx.addAll(tagger.apply(a));
    List<String> ids = articles.stream().map(Article::id).toList();
    Story s = new Story("s", "label", ids, null, null, List.of(), List.of());
    return timeline.find(articles, List.of(), quotes, tx, List.of(s), List.of());
  }

  @Test
  void relativeDatesResolveAndOneEventCollectsEveryArticleReportingIt() {
    Article a = article("a", "2025-02-19", "Flood waters reached the old town of Kestrel on Tuesday, closing the river "
        + "bridge and the railway station.\n\nIn December 2016, a smaller flood closed the same bridge for a week.");
    Article b = article("b", "2025-02-20", "Officials said the river bridge and the railway station in Kestrel closed on "
        + "Tuesday as flood waters rose.");
    List<Event> es = events(List.of(a, b), List.of());
    assertEquals(List.of("2016-12", "2025-02-18"), es.stream().map(Event::date).toList());
    Event flood = es.get(1);
    assertEquals("day", flood.granularity());
    assertEquals("text", flood.dateFrom());
    assertEquals(List.of("a", "b"), flood.evidence().stream().map(Event.Evidence::article).distinct().toList());
    for (Event e : es) {
      for (Event.Evidence ev : e.evidence()) {
        String text = (ev.article().equals("a") ? a : b).text();
        assertEquals(ev.text(), text.substring(ev.start(), ev.end()));
        assertTrue(ev.timexStart() >= ev.start() && ev.timexEnd() <= ev.end());
      }
    }
    assertEquals("month", es.get(0).granularity());
  }

  @Test
  void aLeadWithoutADateReportsThePublishDayAndQuotedDatesAreTheSpeakers() {
    String text = "Relations between the two countries are improving slowly, the ministry said in a statement.\n\n"
        + "\u201cToday we saw real progress in the long talks,\u201d the minister said.";
    Article a = article("a", "2025-03-11", text);
    int qs = text.indexOf("Today");
    int qe = text.indexOf(",\u201d");
    Quote q = new Quote("a", text.substring(qs, qe), qs, qe, "said", -1, -1, null, null, "direct", false);
    List<Event> es = events(List.of(a), List.of(q));
    assertEquals(1, es.size());
    assertEquals("2025-03-11", es.get(0).date());
    assertEquals("published", es.get(0).dateFrom());
    assertEquals(-1, es.get(0).evidence().get(0).timexStart());
  }

  /** Issue 16: one event per happening, with a short what; a date mentioned in passing is the earlier event's. */
  @Test
  void reportsOfOneHappeningAreOneEventAndARecalledDateIsEvidenceOfTheEarlierEvent() {
    Article a = article("a", "2025-02-19", "Officials from both countries met Tuesday in Riyadh for their first talks "
        + "since the 2022 invasion of the neighbouring country.\n\nThe invasion began in February 2022 after months "
        + "of tension.");
    Article b = article("b", "2025-02-20", "The delegations held talks on Tuesday in the Saudi capital.\n\n"
        + "Separately, a flood closed the river bridge in Kestrel on Tuesday.");
    List<Event> es = events(List.of(a, b), List.of());
    assertEquals(List.of("2022-02", "2025-02-18", "2025-02-18"), es.stream().map(Event::date).toList(),
        es.toString());
    Event invasion = es.get(0);
    assertTrue(invasion.background());
    assertEquals("invade", invasion.kind());
    Event.Evidence passing = invasion.evidence().stream().filter(x -> x.start() == 0).findFirst().orElseThrow();
    assertTrue(passing.recalls(), "the talks sentence names the invasion's date only in passing");
    Event talks = es.stream().filter(e -> "meet".equals(e.kind())).findFirst().orElseThrow();
    assertTrue(!talks.background());
    assertEquals(List.of("a", "b"), talks.evidence().stream().map(Event.Evidence::article).distinct().toList());
    assertTrue(talks.evidence().stream().noneMatch(Event.Evidence::recalls));
    assertTrue(talks.what().length() < 80 && talks.what().contains("meet"), talks.what());
    Event flood = es.stream().filter(e -> "close".equals(e.kind())).findFirst().orElseThrow();
    assertEquals(List.of("b"), flood.evidence().stream().map(Event.Evidence::article).distinct().toList());
    assertEquals("A flood closes the river bridge in Kestrel", flood.what());
  }

  @Test
  void aPronounSubjectStandsForThePersonNamedBefore() {
    String text = "Mayor Jane Holt visited the harbour.\n\nShe opened the new ferry terminal on Tuesday.";
    Article a = article("a", "2025-02-19", text);
    int at = text.indexOf("Jane Holt");
    var holt = new org.storyline.model.Entity("per:jane-holt", "Jane Holt", "PER", List.of("Jane Holt"), List.of(),
        List.of(new org.storyline.model.Mention("a", at, at + 9, "Jane Holt")));
    List<Timex> tx = new ArrayList<>(tagger.apply(a));
    Story s = new Story("s", "label", List.of("a"), null, null, List.of(), List.of());
    List<Event> es = timeline.find(List.of(a), List.of(holt), List.of(), tx, List.of(s), List.of());
    Event opened = es.stream().filter(e -> e.date().equals("2025-02-18")).findFirst().orElseThrow();
    assertEquals("Holt opens the new ferry terminal", opened.what());
    assertEquals(List.of("Jane Holt"), opened.who());
  }

  @Test
  void periodsAndClauses() {
    assertEquals("week", Period.of("2025-W08").granularity());
    assertTrue(Period.of("2025-W08").contains(Period.of("2025-02-18")));
    assertTrue(Period.of("2022").contains(Period.of("2022-02")));
    assertNull(Period.of("PRESENT_REF"));
    assertNull(Period.of("P3Y"));
    String s = "In December 2016, the old administration expelled 35 diplomats in response to hacking.";
    var c = DatedSentences.clause(s, new org.storyline.nlp.Span(0, s.length()), 3, 16);
    assertEquals("In December 2016, the old administration expelled 35 diplomats in response to hacking.",
        s.substring(c.start(), c.end()));
    assertTrue(DatedSentences.continues("Speaking at the meeting, she said the talks went well."));
    assertTrue(!DatedSentences.continues("The talks went well."));
  }

  /**
   * Issue 14, case 8: a text dense with dates cost time quadratic in its length (0.5 MB 10.8 s, 2 MB 108 s). The work
   * per article is now capped and said in its diagnostics: four times the text costs at most about four times the
   * work, with or without full stops, and never more than a fixed amount per character.
   */
  @Test
  void aTextDenseWithDatesCostsWorkLinearInItsLength() {
    for (boolean stops : new boolean[] {true, false}) {
      long small = workOn(2_000, stops);
      long large = workOn(8_000, stops);
      assertTrue(large <= 5 * small, (stops ? "sentences" : "one sentence") + ": " + small + " -> " + large);
    }
  }

  private long workOn(int sentences, boolean stops) {
    StringBuilder sb = new StringBuilder();
    List<Timex> tx = new ArrayList<>();
    List<org.storyline.model.Mention> acme = new ArrayList<>();
    List<org.storyline.model.Mention> paris = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      String date = "March " + (1 + i % 28) + ", 2025";
      sb.append("On ");
      tx.add(new Timex("dense", sb.length(), sb.length() + date.length(), date, "DATE",
          String.format("2025-03-%02d", 1 + i % 28)));
      sb.append(date).append(" the board of ");
      acme.add(new org.storyline.model.Mention("dense", sb.length(), sb.length() + 4, "Acme"));
      sb.append("Acme met the bankers in ");
      paris.add(new org.storyline.model.Mention("dense", sb.length(), sb.length() + 5, "Paris"));
      sb.append("Paris about the merger").append(stops ? ". " : " and ");
    }
    Article a = article("dense", "2025-03-31", sb.toString());
    List<org.storyline.model.Entity> ents = List.of(
        new org.storyline.model.Entity("org:acme", "Acme", "ORG", List.of("Acme"), List.of(), acme),
        new org.storyline.model.Entity("loc:paris", "Paris", "LOC", List.of("Paris"), List.of(), paris));
    EventTimeline t = new EventTimeline();
    Story s = new Story("s", "label", List.of("dense"), null, null, List.of(), List.of());
    EventTimeline.Found found = t.findAll(List.of(a), ents, List.of(), tx, List.of(s), List.of());
    assertTrue(!found.events().isEmpty());
    assertTrue(found.diagnostics().getOrDefault("dense", "").contains("capped"), found.diagnostics().toString());
    assertTrue(t.work() <= 40L * a.text().length(), t.work() + " units for " + a.text().length() + " characters");
    return t.work();
  }
}
