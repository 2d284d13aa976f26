package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.Story;

class OnlineStoryStageTest {
  private final OnlineStoryStage stage = new OnlineStoryStage();

  private static Story storyOf(List<Story> stories, String article) {
    return stories.stream().filter(s -> s.articles().contains(article)).findFirst().orElseThrow();
  }

  @Test
  void exactCopiesBySameTextAndSameUrlAreOneStoryWithExactCopies() {
    List<Article> in = List.of(
        Fixtures.article("a", "River floods Kestrel Bay", "2024-03-04", "Daily One",
            "https://www.daily.example/flood?utm_source=x", List.of(), Fixtures.FLOOD),
        Fixtures.article("b", "Kestrel Bay flooded", "2024-03-05", "Other Paper", null, List.of(), Fixtures.FLOOD),
        Fixtures.article("c", "River floods Kestrel Bay", "2024-03-05", "Daily One",
            "http://daily.example/flood/", List.of(), Fixtures.FLOOD + "\n\nUpdated with rail closure."),
        Fixtures.article("d", "Teen wins Silverton Open", "2024-03-04", Fixtures.CHESS));
    var r = stage.apply(in, List.of(), List.of());
    Story flood = storyOf(r.stories(), "a");
    assertEquals(List.of("a", "b", "c"), flood.articles());
    assertEquals(1, flood.duplicates().size());
    Story.DuplicateGroup g = flood.duplicates().get(0);
    assertEquals("a", g.original());
    for (Story.Copy c : g.copies()) {
      assertEquals("exact", c.kind(), c.toString());
      assertEquals(1.0, c.overlap());
    }
    assertNotEquals(flood.id(), storyOf(r.stories(), "d").id());
    assertEquals(List.of("Daily One", "Other Paper"), flood.outlets());
  }

  @Test
  void nearCopyReportsItsOverlap() {
    String edited = Fixtures.FLOOD.replace("Emergency crews used boats to reach families trapped on upper floors "
        + "near the old harbour.", "Soldiers joined the rescue on Monday evening.");
    var r = stage.apply(List.of(Fixtures.article("orig", "Flood", "2024-03-04", Fixtures.FLOOD),
        Fixtures.article("copy", "Flood", "2024-03-04", edited)), List.of(), List.of());
    Story s = storyOf(r.stories(), "orig");
    assertEquals(2, s.articles().size());
    Story.Copy c = s.duplicates().get(0).copies().get(0);
    assertEquals("copy", c.article());
    assertEquals("near", c.kind());
    assertTrue(c.overlap() >= 0.8 && c.overlap() < 1.0, "overlap " + c.overlap());
  }

  @Test
  void wireStoryRepublishedWithExtraParagraphIsACopyOfTheWireOriginal() {
    String wire = Fixtures.BUDGET;
    String outletCopy = "Lawmakers in the capital worked through the night before the final tally.\n\n" + wire
        + "\n\nOur correspondent adds that street protests by coal miners are planned for next week.";
    List<Article> in = List.of(
        Fixtures.article("outlet", "Lirania passes budget", "2024-05-10", "Northern Post", null, List.of("AP"),
            outletCopy),
        Fixtures.article("wire", "Lirania budget approved", "2024-05-09", "AP", null,
            List.of("The Associated Press"), wire),
        Fixtures.article("other", "Chess", "2024-05-09", Fixtures.CHESS));
    var r = stage.apply(in, List.of(), List.of());
    Story s = storyOf(r.stories(), "wire");
    assertTrue(s.articles().contains("outlet"));
    Story.DuplicateGroup g = s.duplicates().get(0);
    assertEquals("wire", g.original());
    Story.Copy c = g.copies().get(0);
    assertEquals("outlet", c.article());
    assertTrue(c.overlap() > 0.6, "overlap " + c.overlap());
    assertFalse(s.articles().contains("other"));
  }

  @Test
  void rewriteByAnotherOutletIsTheSameStoryButNotACopy() {
    var r = stage.apply(List.of(Fixtures.article("x", "Flood in Kestrel Bay", "2024-03-04", Fixtures.FLOOD),
        Fixtures.article("y", "Hundreds flee Kestrel Bay flood", "2024-03-04", Fixtures.FLOOD_REWRITE),
        Fixtures.article("z", "Budget", "2024-03-04", Fixtures.BUDGET)), List.of(), List.of());
    Story s = storyOf(r.stories(), "x");
    assertEquals(List.of("x", "y"), s.articles());
    assertEquals(2, r.stories().size());
  }

  @Test
  void sameStoriesWhateverTheInputOrder() {
    List<Article> in = new ArrayList<>(List.of(
        Fixtures.article("f1", "Flood", "2024-03-04", Fixtures.FLOOD),
        Fixtures.article("f2", "Flood", "2024-03-04", Fixtures.FLOOD_REWRITE),
        Fixtures.article("c1", "Chess", "2024-03-03", Fixtures.CHESS),
        Fixtures.article("b1", "Budget", null, Fixtures.BUDGET),
        Fixtures.article("b2", "Budget vote", "2024-03-07", Fixtures.BUDGET.replace("Thursday", "Friday"))));
    var expected = stage.apply(in, List.of(), List.of());
    for (int seed = 0; seed < 5; seed++) {
      List<Article> shuffled = new ArrayList<>(in);
      Collections.shuffle(shuffled, new Random(seed));
      var got = stage.apply(shuffled, List.of(), List.of());
      assertEquals(expected.stories(), got.stories());
      assertEquals(expected.storylines(), got.storylines());
    }
  }

  @Test
  void undatedArticleGetsTheDateOfTheStoryMateWhoseWeekdayItMentions() {
    String undated = Fixtures.FLOOD_REWRITE;
    var r = stage.apply(List.of(
        Fixtures.article("dated", "Flood", "2024-03-04", Fixtures.FLOOD),
        Fixtures.article("undated", "Flood", null, undated)), List.of(), List.of());
    Article a = r.articles().stream().filter(x -> x.id().equals("undated")).findFirst().orElseThrow();
    // 2024-03-04 is a Monday and the text says "on Monday"
    assertEquals("2024-03-04", a.published());
    assertTrue(a.publishedInferred());
    assertTrue(a.diagnostics().get(0).contains("Monday"), a.diagnostics().toString());
    Article d = r.articles().get(0);
    assertFalse(d.publishedInferred());
    assertEquals(List.of("dated", "undated"), r.articles().stream().map(Article::id).toList());
  }

  @Test
  void undatedStoryLeavesDatesUnknown() {
    var r = stage.apply(List.of(Fixtures.article("u", "Chess", null, Fixtures.CHESS)), List.of(), List.of());
    assertNull(r.articles().get(0).published());
    assertNull(r.stories().get(0).first());
    assertEquals("Chess", r.stories().get(0).label());
  }

  @Test
  void labelIsATitleOrTheLeadSentence() {
    var r = stage.apply(List.of(Fixtures.article("n", null, "2024-01-01", Fixtures.CHESS)), List.of(), List.of());
    assertTrue(r.stories().get(0).label().startsWith("Grandmaster Tomas Orvell won the Silverton Open"),
        r.stories().get(0).label());
    assertTrue(r.stories().get(0).label().split(" ").length <= 26);
  }

  @Test
  void sameStoriesOnOneThreadOrMany() throws Exception {
    List<Article> in = List.of(
        Fixtures.article("f1", "Flood", "2024-03-04", Fixtures.FLOOD),
        Fixtures.article("f2", "Flood", "2024-03-04", Fixtures.FLOOD_REWRITE),
        Fixtures.article("c1", "Chess", "2024-03-03", Fixtures.CHESS),
        Fixtures.article("b1", "Budget", "2024-03-05", Fixtures.BUDGET));
    var one = new java.util.concurrent.ForkJoinPool(1);
    var four = new java.util.concurrent.ForkJoinPool(4);
    try {
      var a = one.submit(() -> stage.apply(in, List.of(), List.of())).get();
      var b = four.submit(() -> stage.apply(in, List.of(), List.of())).get();
      assertEquals(a, b);
    } finally {
      one.shutdown();
      four.shutdown();
    }
  }

  @Test
  void badInputGivesDataNotExceptions() {
    List<Article> in = List.of(
        Fixtures.article("empty", "", "not a date", ""),
        Fixtures.article("blank", null, "2024-13-45", "   \n\n  "),
        Fixtures.article("tiny", null, null, "Hi."),
        Fixtures.article("dup-id", "Chess", "2024-03-03", Fixtures.CHESS),
        Fixtures.article("dup-id", "Chess again", "2024-03-03", Fixtures.CHESS),
        Fixtures.article("odd", "\u201c", "2024-03-03T10:00:00+05:30", "\u201c\u201d \"\" \u201cunclosed " + "word ".repeat(2000)));
    var r = stage.apply(in, List.of(), List.of());
    assertEquals(in.size(), r.articles().size());
    long filed = r.stories().stream().mapToLong(s -> s.articles().size()).sum();
    assertEquals(5, filed); // each distinct id in exactly one story
    assertEquals("not a date", r.articles().get(0).published()); // nothing dated to infer from: left as is
  }
}
