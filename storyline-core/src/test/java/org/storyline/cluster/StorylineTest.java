package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

class StorylineTest {
  static final String TALKS_1 = """
      Foreign ministers of Lirania and Dorvania met in Geneva on Tuesday for their first direct talks in four years, \
      agreeing to reopen consulates in Velgrad and Portamar. Liranian Foreign Minister Anja Berisk called it "a first \
      step toward normal relations", while Dorvanian Foreign Minister Kaspar Holm said trust would take time.""";
  static final String TALKS_2 = """
      Liranian President Marek Volan said on Thursday that the Geneva contacts with Dorvania "give some hope", \
      speaking two weeks after the foreign ministers Anja Berisk and Kaspar Holm agreed to reopen consulates. \
      Diplomats from Lirania and Dorvania met again in Velgrad on Thursday to discuss embassy staffing.""";
  static final String TALKS_3 = """
      Relations between Lirania and Dorvania are only in the initial stages of recovery, a spokesman for President \
      Marek Volan said on Monday. He said the consulates in Velgrad and Portamar would reopen next month, and that \
      Foreign Minister Anja Berisk would meet Kaspar Holm again before the summer.""";

  @Test
  void storiesWithTheSameActorsWeeksApartFormOneStorylineInTimeOrder() {
    List<Article> in = List.of(
        Fixtures.article("t3", "Lirania-Dorvania ties in early stages of recovery", "2024-04-29", TALKS_3),
        Fixtures.article("t1", "Lirania and Dorvania hold first talks in four years", "2024-04-02", TALKS_1),
        Fixtures.article("t2", "Volan says contacts with Dorvania give hope", "2024-04-18", TALKS_2),
        Fixtures.article("chess", "Teen wins Silverton Open", "2024-04-18", Fixtures.CHESS));
    var r = new OnlineStoryStage().apply(in, List.of(), List.of());
    assertEquals(4, r.stories().size(), r.stories().toString());
    assertEquals(1, r.storylines().size(), r.storylines().toString());
    Storyline l = r.storylines().get(0);
    assertEquals(List.of("story-t1", "story-t2", "story-t3"), l.stories());
    assertEquals("storyline-t1", l.id());
    assertTrue(l.label().endsWith("(April 2024)"), l.label());
    for (Story s : r.stories()) assertFalse(s.id().equals("story-chess") && l.stories().contains(s.id()));
  }

  @Test
  void weekdayMentionsAreFound() {
    assertEquals(Set.of(DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
        DateInference.weekdays("He spoke on Wednesday. Thursday\u2019s meeting was short."));
  }

  @Test
  void weekdayMatchPicksTheMatchingMateDate() {
    Article undated = Fixtures.article("u", null, null, "Officials met on Thursday in Velgrad.");
    Article wed = Fixtures.article("w", null, "2025-02-19", "x");
    Article thu = Fixtures.article("t", null, "2025-02-27", "y");
    Article got = DateInference.infer(undated, List.of(undated, wed, thu));
    assertEquals("2025-02-27", got.published());
    assertTrue(got.publishedInferred());
    Article noWeekday = DateInference.infer(Fixtures.article("n", null, null, "No day named."), List.of(wed, thu));
    assertEquals("2025-02-19", noWeekday.published());
    assertTrue(noWeekday.diagnostics().get(0).contains("no weekday"));
  }

  @Test
  void storylineLabelSpansMonths() {
    assertEquals("February\u2013March 2025", Labels.range(java.time.LocalDate.parse("2025-02-19").toEpochDay(),
        java.time.LocalDate.parse("2025-03-11").toEpochDay()));
  }
}
