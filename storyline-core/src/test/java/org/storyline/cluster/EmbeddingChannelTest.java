package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.nlp.Embedder;

/** The sentence-embedding evidence channel, with a fake embedder (no model needed). */
class EmbeddingChannelTest {
  /** Texts about a ship or a vessel map to one direction, everything else to another. */
  static final class FakeEmbedder implements Embedder {
    int calls;

    @Override
    public int dimension() {
      return 4;
    }

    @Override
    public synchronized float[] embed(String text) {
      calls++;
      String t = text.toLowerCase(Locale.ROOT);
      if (t.isBlank()) return new float[4];
      if (t.contains("ship") || t.contains("vessel")) return new float[] {1, 0, 0, 0};
      return new float[] {0, 1, 0, 0};
    }

    @Override
    public String name() {
      return "fake";
    }
  }

  static final String SHIP = """
      A tourist ship struck a highway bridge on the Rhine on Tuesday evening and twenty-five passengers were hurt,
      police in Cologne said. The ship was carrying holidaymakers back from a Christmas market.""";
  static final String VESSEL = """
      Emergency crews spent hours freeing a river cruise vessel that rammed a motorway span overnight. Dozens of
      travellers needed treatment, according to firefighters at the scene near Leverkusen.""";
  static final EmbeddingConfig STRONG = EmbeddingConfig.DEFAULTS.withBonus(1.0, 0.5);
  /** The follow-up rule at the bars it had when it was on by default. */
  static final EmbeddingConfig FOLLOW = EmbeddingConfig.DEFAULTS.withFollow(0.9, 0.8);

  private static ArticleFeatures f(Article a) {
    return ArticleFeatures.of(a, List.of(), List.of(), ClusterConfig.DEFAULTS);
  }

  @Test
  void aStrongFollowUpWithoutANewEventDayJoinsOverAGapThatOtherwiseSplits() {
    float[] one = {1, 0, 0, 0};
    String later = "2024-03-25"; // three weeks after the flood story; a Monday
    String followUp = Fixtures.FLOOD_REWRITE.replace(" on Monday", "");
    // with the follow-up bars, without them, and the same report naming its own (new) day: another event
    for (int k = 0; k < 3; k++) {
      // the rule is off by default (a later development starts a new story of the storyline); here it is switched on
      EmbeddingConfig ec = k == 1 ? EmbeddingConfig.DEFAULTS.withoutFollow() : FOLLOW;
      StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground(), ec);
      index.add(f(Fixtures.article("flood-1", "Flood", "2024-03-04", Fixtures.FLOOD)), one);
      index.add(f(Fixtures.article("chess-1", "Chess", "2024-03-04", Fixtures.CHESS)), new float[] {0, 1, 0, 0});
      Assignment a = index.add(f(Fixtures.article("flood-3w", "Flood", later,
          k == 2 ? Fixtures.FLOOD_REWRITE : followUp)), one);
      assertEquals(k == 0 ? "story-flood-1" : "story-flood-3w", a.story(), a.explain());
      // the explanation says which rule joined it
      assertEquals(k == 0, a.explain().contains("joined as a follow-up: 21 days after the story"), a.explain());
    }
  }

  @Test
  void aNearCopyMonthsLaterJoinsItsOldStoryAsALateReportEvenOnceRetired() {
    float[] one = {1, 0, 0, 0};
    float[] other = {0, 1, 0, 0};
    String lateText = Fixtures.FLOOD_REWRITE.replace(" on Monday", "");
    // k: 0 beyond the follow-up gap but still in the index; 1 retired to the archive (window passed, swept);
    // 2 as 1 with late reports off; 3 as 1 but the report names its own (new) day: another event
    for (int k = 0; k < 4; k++) {
      EmbeddingConfig ec = k == 2 ? EmbeddingConfig.DEFAULTS.withoutLate() : EmbeddingConfig.DEFAULTS;
      StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground(), ec);
      index.add(f(Fixtures.article("flood-1", "Flood", "2024-03-04", Fixtures.FLOOD)), one);
      if (k >= 1) {
        // enough later articles (copies of one chess report) for a sweep to retire the flood story
        for (int i = 0; i < 300; i++) {
          index.add(f(Fixtures.article("chess-" + i, "Chess", "2024-06-03", Fixtures.CHESS)), other);
        }
        assertTrue(index.probe(f(Fixtures.article("x", "Flood", "2024-07-01", lateText)), one, "flood-1").retired());
      }
      Assignment a = index.add(f(Fixtures.article("flood-late", "Flood", "2024-07-01",
          k == 3 ? Fixtures.FLOOD_REWRITE : lateText)), one);
      boolean joins = k <= 1;
      assertEquals(joins ? "story-flood-1" : "story-flood-late", a.story(), a.explain());
      assertEquals(joins, a.explain().contains("joined as a late report: 119 days after the story"), a.explain());
    }
  }

  @Test
  void theFollowUpBarTradesWordEvidenceForMeaning() {
    EmbeddingConfig d = FOLLOW;
    assertTrue(d.follows(0.9, 0.8));
    assertTrue(!d.follows(0.89, 0.8) && !d.follows(0.99, 0.79));
    // a closer match in meaning needs less word evidence: about 0.85 at cosine 0.85, 0.8 at 0.9
    assertTrue(d.follows(0.86, 0.85) && d.follows(0.81, 0.9));
    assertTrue(!d.follows(0.84, 0.85) && !d.withFollowSlope(0).follows(0.86, 0.85));
  }

  @Test
  void sameEventInOtherWordsJoinsOnlyWithTheEmbeddingChannel() {
    Embedder e = new FakeEmbedder();
    Article a = Fixtures.article("ship-1", "Tourist ship strikes bridge", "2024-03-04", SHIP);
    Article b = Fixtures.article("ship-2", "Cruise vessel rams motorway span", "2024-03-04", VESSEL);
    Article c = Fixtures.article("chess-1", "Chess", "2024-03-04", Fixtures.CHESS);

    StoryIndex words = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    words.add(f(a));
    words.add(f(c));
    assertTrue(words.add(f(b)).created(), "by words alone the two reports share too little");

    StoryIndex both = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground(), STRONG);
    both.add(f(a), e.embed(STRONG.text(a)));
    both.add(f(c), e.embed(STRONG.text(c)));
    Assignment joined = both.add(f(b), e.embed(STRONG.text(b)));
    assertEquals("story-ship-1", joined.story(), joined.explain());
    assertEquals("story-chess-1", both.storyOf("chess-1"));
    float[] centroid = both.embeddingOf("story-ship-1");
    assertEquals(1.0, Embedder.dot(centroid, centroid), 1e-6);
  }

  @Test
  void unrelatedEmbeddingsKeepWordMatesApartNoMoreThanWordsDo() {
    Embedder e = new FakeEmbedder();
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground(), STRONG);
    Article x = Fixtures.article("flood-1", "Flood", "2024-03-04", Fixtures.FLOOD);
    Article y = Fixtures.article("flood-2", "Flood", "2024-03-05", Fixtures.FLOOD_REWRITE);
    index.add(f(x), e.embed(STRONG.text(x)));
    Assignment a = index.add(f(y), e.embed(STRONG.text(y)));
    assertEquals("story-flood-1", a.story(), a.explain());
  }

  @Test
  void stageWithoutEmbedderEqualsWordsOnlyAndWithOneIsDeterministic() {
    List<Article> arts = List.of(
        Fixtures.article("ship-1", "Tourist ship strikes bridge", "2024-03-04", SHIP),
        Fixtures.article("ship-2", "Cruise vessel rams motorway span", "2024-03-04", VESSEL),
        Fixtures.article("chess-1", "Chess", "2024-03-04", Fixtures.CHESS),
        Fixtures.article("flood-1", "Flood", "2024-03-04", Fixtures.FLOOD),
        Fixtures.article("flood-2", "Flood", "2024-03-05", Fixtures.FLOOD_REWRITE));
    var plain = new OnlineStoryStage().apply(arts, List.of(), List.of());
    var off = new OnlineStoryStage(ClusterConfig.DEFAULTS, null, STRONG).apply(arts, List.of(), List.of());
    assertEquals(plain, off);
    FakeEmbedder fake = new FakeEmbedder();
    var on1 = new OnlineStoryStage(ClusterConfig.DEFAULTS, fake, STRONG).apply(arts, List.of(), List.of());
    var on2 = new OnlineStoryStage(ClusterConfig.DEFAULTS, fake, STRONG)
        .apply(arts.reversed(), List.of(), List.of());
    assertEquals(on1.stories(), on2.stories());
    assertEquals(arts.size() * 2, fake.calls, "each article embedded once per run");
    assertNotEquals(plain.stories().size(), on1.stories().size());
  }

  @Test
  void oneArticleAloneIsNotEmbeddedAndReadsTheSame() {
    // nothing to compare it with: the model run could not change its story
    Article ship = Fixtures.article("ship-1", "Tourist ship strikes bridge", "2024-03-04", SHIP);
    FakeEmbedder fake = new FakeEmbedder();
    var on = new OnlineStoryStage(ClusterConfig.DEFAULTS, fake, STRONG).apply(List.of(ship, ship), List.of(),
        List.of());
    assertEquals(0, fake.calls);
    assertEquals(new OnlineStoryStage(ClusterConfig.DEFAULTS, null, STRONG).apply(List.of(ship, ship), List.of(),
        List.of()), on);
    new OnlineStoryStage(ClusterConfig.DEFAULTS, fake, STRONG).apply(List.of(ship,
        Fixtures.article("ship-2", "Cruise vessel rams motorway span", "2024-03-04", VESSEL)), List.of(), List.of());
    assertEquals(2, fake.calls, "two articles: each embedded");
  }

  @Test
  void embeddedTextIsTitleThenLeadCutAtASentence() {
    Article a = Fixtures.article("s", "Tourist ship strikes bridge", "2024-03-04", SHIP);
    String t = EmbeddingConfig.DEFAULTS.withMaxChars(200).text(a);
    assertTrue(t.startsWith("Tourist ship strikes bridge.\nA tourist ship struck"), t);
    assertTrue(t.endsWith("police in Cologne said."), t);
    String words = EmbeddingConfig.DEFAULTS.withMaxChars(80).text(a);
    assertTrue(words.length() <= 80 && words.endsWith(" Rhine"), words);
  }
}
