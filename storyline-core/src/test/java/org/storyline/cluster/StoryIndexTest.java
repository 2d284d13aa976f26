package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;

class StoryIndexTest {
  private static ArticleFeatures f(Article a) {
    return ArticleFeatures.of(a, List.of(), List.of(), ClusterConfig.DEFAULTS);
  }

  @Test
  void storyIdsNeverChangeWhenLaterArticlesArrive() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    Assignment a1 = index.add(f(Fixtures.article("flood-1", "Flood", "2024-03-04", Fixtures.FLOOD)));
    Assignment c1 = index.add(f(Fixtures.article("chess-1", "Chess", "2024-03-04", Fixtures.CHESS)));
    assertTrue(a1.created());
    assertTrue(c1.created());
    assertEquals("story-flood-1", a1.story());
    Map<String, List<String>> before = Map.of(a1.story(), List.of("flood-1"), c1.story(), List.of("chess-1"));
    Assignment a2 = index.add(f(Fixtures.article("flood-2", "Flood", "2024-03-05", Fixtures.FLOOD_REWRITE)));
    Assignment b1 = index.add(f(Fixtures.article("budget-1", "Budget", "2024-03-05", Fixtures.BUDGET)));
    assertEquals("story-flood-1", a2.story());
    assertFalse(a2.created());
    assertTrue(b1.created());
    for (StoryIndex.StoryView s : index.stories()) {
      if (before.containsKey(s.id())) {
        assertEquals(before.get(s.id()), s.articles().subList(0, before.get(s.id()).size()), s.id());
      }
    }
    assertEquals("story-flood-1", index.storyOf("flood-1"));
    assertEquals("story-chess-1", index.storyOf("chess-1"));
    assertEquals(3, index.stories().size());
    assertTrue(index.events().isEmpty());
  }

  @Test
  void assignmentExplainsItselfWithSharedTermsNamesAndScore() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    index.add(f(Fixtures.article("x", "Flood", "2024-03-04", Fixtures.FLOOD)));
    index.add(f(Fixtures.article("c", "Chess", "2024-03-04", Fixtures.CHESS)));
    Assignment a = index.add(f(Fixtures.article("y", "Flood", "2024-03-04", Fixtures.FLOOD_REWRITE)));
    assertEquals("story-x", a.story());
    assertTrue(a.score() >= ClusterConfig.DEFAULTS.threshold(), "score " + a.score());
    assertTrue(a.sharedNames().contains("Kestrel") || a.sharedNames().contains("Dravik"), a.sharedNames().toString());
    assertTrue(a.sharedTerms().contains("river") || a.sharedTerms().contains("varna")
        || a.sharedTerms().contains("flood"), a.sharedTerms().toString());
    String line = a.explain();
    assertTrue(line.startsWith("y -> story-x: score "), line);
    assertTrue(line.contains("shared terms") && line.contains("shared names"), line);
  }

  @Test
  void duplicateIsAssignedToItsOriginalsStoryAndSaysSo() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    index.add(f(Fixtures.article("orig", "Budget", "2024-05-09", Fixtures.BUDGET)));
    Assignment a = index.add(f(Fixtures.article("copy", "Budget", "2024-05-09",
        "LIRANIA (Wire) - " + Fixtures.BUDGET)));
    assertEquals("story-orig", a.story());
    assertEquals("orig", a.duplicateOf());
    assertEquals("near", a.duplicateKind());
    assertTrue(a.explain().contains("near copy of orig"), a.explain());
  }

  @Test
  void distantDatesSplitTheSameTopicIntoTwoStories() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    index.add(f(Fixtures.article("b-may", "Budget", "2024-05-09", Fixtures.BUDGET)));
    Assignment later = index.add(f(Fixtures.article("b-dec", "Budget", "2024-12-09",
        Fixtures.BUDGET.replace("Thursday", "Monday").replace("81 votes to 76", "90 votes to 70"))));
    assertTrue(later.created(), later.explain());
  }

  @Test
  void anUndatedArticleStillFindsAStoryRetiredFromTheTimeWindow() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    index.add(f(Fixtures.article("flood-1", "Flood", "2024-01-04", Fixtures.FLOOD)));
    String[] words = {"harbour", "orchard", "tunnel", "library", "stadium", "bakery", "glacier", "museum"};
    for (int i = 0; i < 300; i++) {
      String w = words[i % words.length];
      index.add(f(Fixtures.article("filler-" + i, "Report " + i, "2024-09-" + (10 + i % 15),
          "The " + w + " committee met again. Item " + i + " on the " + w + " agenda was the " + w
              + " budget for district " + i + ", and members voted on it.")));
    }
    assertTrue(index.activeStories() < index.stories().size(), "the flood story should have retired");
    Assignment dated = index.add(f(Fixtures.article("flood-late", "Flood", "2024-09-25", Fixtures.FLOOD_REWRITE)));
    assertTrue(dated.created(), "a dated article months later starts a new story: " + dated.explain());
    Assignment undated = index.add(f(Fixtures.article("flood-2", "Flood", null, Fixtures.FLOOD_REWRITE)));
    assertFalse(undated.created(), undated.explain());
  }

  @Test
  void theEventDayIsTheLeadsFirstWeekdayOnOrBeforePublication() {
    long thu = java.time.LocalDate.parse("2025-02-27").toEpochDay();
    assertEquals(thu, Tokens.eventDay("Putin on Thursday said that contacts give hope. On Monday he met", thu));
    assertEquals(thu - 2, Tokens.eventDay("Diplomats met on Tuesday in Istanbul.", thu));
    assertEquals(thu - 6, Tokens.eventDay("The vote on Friday was close.", thu));
    assertEquals(ArticleFeatures.NO_DAY, Tokens.eventDay("The Kremlin has stated that talks go on.", thu));
    assertEquals(ArticleFeatures.NO_DAY, Tokens.eventDay("Putin on Thursday said", ArticleFeatures.NO_DAY));
    ArticleFeatures f = ArticleFeatures.of(Fixtures.article("p", "Talks", "2025-02-27",
        "Putin said on Thursday that contacts give hope. The talks on Tuesday were long."), List.of(), List.of(),
        ClusterConfig.DEFAULTS);
    assertEquals(thu, f.eventDay());
    ArticleFeatures later = ArticleFeatures.of(Fixtures.article("q", "Talks", "2025-02-27",
        "Putin said that contacts give hope. The talks on Tuesday were long."), List.of(), List.of(),
        ClusterConfig.DEFAULTS);
    assertEquals(ArticleFeatures.NO_DAY, later.eventDay(), "a weekday after the lead sentence is background");
  }

  private static final String FLOOD_LATER = """
      Residents of Kestrel Bay began returning to their homes on Monday as the Varna River fell back within its \
      banks, Mayor Elena Dravik said, and volunteers cleared mud from the streets near the old harbour.

      The railway line to Port Alder stays closed while engineers rebuild the collapsed embankment. \
      Hydrologists at Northgate University said the flood was the worst since 1921.""";

  @Test
  void aReportOfANewEventDayScoresLowerThanAFollowUpWithoutOne() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    index.add(f(Fixtures.article("flood-1", "Flood", "2024-03-04", Fixtures.FLOOD)));
    index.add(f(Fixtures.article("chess-1", "Chess", "2024-03-04", Fixtures.CHESS)));
    String later = "2024-03-12"; // eight days after the flood story's Monday
    ArticleFeatures newDay = f(Fixtures.article("flood-mon", "Flood", later, FLOOD_LATER));
    ArticleFeatures followUp = f(Fixtures.article("flood-on", "Flood", later, FLOOD_LATER.replace(" on Monday", "")));
    assertEquals(java.time.LocalDate.parse("2024-03-11").toEpochDay(), newDay.eventDay());
    StoryIndex.Probe a = index.probe(newDay, null, "flood-1");
    StoryIndex.Probe b = index.probe(followUp, null, "flood-1");
    // the new day (a week after the story) decays the evidence the model reads as well as its probability
    assertTrue(a.probability() < b.probability() && a.score() < b.score(), a + " vs " + b);
    // a week after the story's first reports, even without a new day, it is a new development: a new story (the
    // storyline links the two)
    Assignment joined = index.add(followUp);
    assertTrue(joined.created(), joined.explain());
  }

  @Test
  void aBackfilledArticleMeetsTheRetiredStoriesOfItsOwnTime() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    index.add(f(Fixtures.article("flood-1", "Flood", "2024-03-04", Fixtures.FLOOD)));
    // months of later news (copies of one report) retire the flood story from the candidate window
    for (int i = 0; i < 300; i++) index.add(f(Fixtures.article("chess-" + i, "Chess", "2024-06-03", Fixtures.CHESS)));
    ArticleFeatures late = f(Fixtures.article("flood-2", "Flood", "2024-03-05", Fixtures.FLOOD_REWRITE));
    assertTrue(index.probe(late, null, "flood-1").retired());
    // an article of the flood's own days, arriving now (a backfill), still joins the flood story by its score
    Assignment a = index.add(late);
    assertEquals("story-flood-1", a.story(), a.explain());
    assertTrue(!a.explain().contains("late report"), a.explain());
    // an unrelated article of those days does not
    Assignment other = index.add(f(Fixtures.article("budget-1", "Budget", "2024-03-05", Fixtures.BUDGET)));
    assertEquals("story-budget-1", other.story(), other.explain());
  }

  @Test
  void anArticleMatchingTwoStoriesOfTheSameDaysBridgesThemOnlyWhenDated() {
    // plain cosine scores; a report that tells both halves matches each story at about 0.7
    ClusterConfig plain = ClusterConfig.PLAIN.withBridge(0.5);
    String both = Fixtures.FLOOD + "\n\n" + Fixtures.CHESS;
    for (int k = 0; k < 4; k++) {
      // k: 0 dated, same days; 1 bridging off; 2 undated; 3 the two stories 10 days apart
      StoryIndex index = new StoryIndex(k == 1 ? plain.withoutBridge() : plain, Idf.withBackground());
      String day = k == 2 ? null : "2024-03-04";
      index.add(f(Fixtures.article("flood-1", "Flood", day, Fixtures.FLOOD)));
      index.add(f(Fixtures.article("chess-1", "Chess", k == 3 ? "2024-03-14" : day, Fixtures.CHESS)));
      Assignment a = index.add(f(Fixtures.article("both", "Round-up", k == 3 ? "2024-03-09" : day, both)));
      boolean bridged = k == 0;
      assertEquals(bridged ? 1 : 0, a.events().size(), a.explain());
      if (bridged) {
        assertEquals("story-flood-1", index.storyOf("chess-1"));
        assertTrue(a.events().get(0).reason().contains("matches both stories"), a.events().get(0).reason());
      }
    }
  }

  @Test
  void aUrlSlugStandsInForAMissingTitle() {
    assertEquals("rihanna cousin shot dead", Tokens.urlTitle("https://www.rt.com/news/414348-rihanna-cousin-shot-dead/"));
    assertEquals("two injured thousands evacuated", Tokens.urlTitle(
        "http://www.example.com/national/two-injured-thousands-evacuated/news-story/3b2f.html?x=1"));
    assertEquals(null, Tokens.urlTitle("https://example.com/a/b/12345"));
    assertEquals(null, Tokens.urlTitle(null));
    ArticleFeatures withSlug = ArticleFeatures.of(Fixtures.article("s", null, "2024-01-01", "news.example",
        "https://news.example/2024/01/01/kestrel-river-flood-warning.html", List.of(), ""), List.of(), List.of(),
        ClusterConfig.DEFAULTS);
    assertTrue(withSlug.counts().containsKey("kestrel"), withSlug.counts().toString());
  }

  @Test
  void urlKeysIgnoreSchemeWwwTrackingAndTrailingSlash() {
    assertEquals(ArticleFeatures.urlKey("https://www.ex.example/a/b/?utm_source=t&id=3#top"),
        ArticleFeatures.urlKey("http://ex.example/a/b?id=3"));
    assertEquals("ex.example/a", ArticleFeatures.urlKey("HTTPS://WWW.EX.EXAMPLE/a/"));
  }

  @Test
  void wireCreditsAreNormalised() {
    assertEquals(java.util.Set.of("AP", "AFP", "Reuters"),
        ArticleFeatures.wires(List.of("The Associated Press", "Agence France-Presse", "Reuters", "agencies")));
    // in one order in every JVM (the saved stories write them in this order: an immutable set's order changed from
    // one run to the next, and so did stories.bin)
    assertEquals(List.of("AFP", "AP", "Reuters"), List.copyOf(
        ArticleFeatures.wires(List.of("Reuters", "The Associated Press", "Agence France-Presse"))));
  }

  @Test
  void anArticleBridgingTwoStoriesMergesThemWithARecordedEvent() {
    String[] paras = Fixtures.FLOOD.split("\n\n");
    String partA = paras[0] + "\n\n" + paras[1];
    String partB = paras[2] + "\n\n" + paras[3];
    // the plain cosine scorer (the two halves stay apart under it) and a lower merge threshold than the default, so
    // that two halves of one short text are enough
    StoryIndex index = new StoryIndex(ClusterConfig.PLAIN.withMergeThreshold(0.3), Idf.withBackground());
    Assignment a = index.add(f(Fixtures.article("part-a", null, "2024-03-04", partA)));
    Assignment b = index.add(f(Fixtures.article("part-b", null, "2024-03-04", partB)));
    assertTrue(b.created(), b.explain());
    Assignment c = index.add(f(Fixtures.article("whole", null, "2024-03-04", Fixtures.FLOOD)));
    assertEquals(1, c.events().size(), c.explain());
    StoryIndex.Event e = c.events().get(0);
    assertEquals("merge", e.kind());
    assertEquals(a.story(), e.into());
    assertEquals(b.story(), e.story());
    assertEquals(a.story(), index.storyOf("part-b"));
    assertEquals(List.of(a.story()), index.stories().stream().map(StoryIndex.StoryView::id).toList());
    assertEquals(index.events(), c.events());
    assertTrue(c.explain().contains("merged " + b.story() + " into " + a.story()), c.explain());
  }

  @Test
  void anExplicitSplitMovesArticlesToANewStoryAndIsRecorded() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    ArticleFeatures x = f(Fixtures.article("x", "Flood", "2024-03-04", Fixtures.FLOOD));
    ArticleFeatures y = f(Fixtures.article("y", "Flood", "2024-03-04", Fixtures.FLOOD_REWRITE));
    index.add(x);
    assertEquals("story-x", index.add(y).story());
    StoryIndex.Event e = index.split("story-x", List.of(y), "editor: y reports the second flood");
    assertEquals(new StoryIndex.Event("split", "story-x", "story-y", "y", 0, "editor: y reports the second flood"), e);
    assertEquals("story-x", index.storyOf("x"));
    assertEquals("story-y", index.storyOf("y"));
    assertEquals(List.of(e), index.events());
    assertEquals(List.of("story-x", "story-y"), index.stories().stream().map(StoryIndex.StoryView::id).toList());
    // a later copy of y follows y to its new story
    Assignment copy = index.add(f(Fixtures.article("y2", "Flood", "2024-03-04", Fixtures.FLOOD_REWRITE)));
    assertEquals("story-y", copy.story(), copy.explain());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> index.split("story-x", List.of(x), "would empty the story"));
  }

  @Test
  void aStoryIsAsOldAsItsCoreHoweverLongItIsFollowed() {
    // three reports of the flood on its day make the core; a copy re-published five days later joins as a copy and
    // stretches the story's dates, but the core's days stay: a report on day six is six days from the story's
    // identity (one day from its latest copy without a core)
    for (int core : new int[] {3, 0}) {
      StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS.withCoreSize(core), Idf.withBackground());
      index.add(f(Fixtures.article("a", "Flood", "2024-03-04", Fixtures.FLOOD)));
      index.add(f(Fixtures.article("b", "Flood", "2024-03-04", Fixtures.FLOOD_REWRITE)));
      index.add(f(Fixtures.article("c", "Flood", "2024-03-04", Fixtures.FLOOD_REWRITE + "\n\nMore soon.")));
      Assignment copy = index.add(f(Fixtures.article("d", "Flood", "2024-03-09", Fixtures.FLOOD)));
      assertEquals("story-a", copy.story(), copy.explain());
      StoryIndex.Probe p = index.probe(f(Fixtures.article("e", "Flood", "2024-03-10", FLOOD_LATER)), null, "a");
      assertEquals(core == 3 ? 6.0 : 1.0, p.gap(), 0.0, "core " + core);
    }
  }
}
