package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Article;

class ArticleStoreTest {
  @TempDir Path data;

  static Article article(String id, String url, String outlet, String published, String title, String text) {
    return new Article(id, "test:" + id, title, outlet, url, "By Someone", published, false, List.of(), "en", text,
        List.of(), List.of("a diagnostic"));
  }

  private static final Article FLOOD = article("flood", "https://daily.example/flood", "Daily Example",
      "2025-03-04T09:30:00+01:00", "River floods the old town",
      "Heavy rain made the river burst its banks on Monday. The mayor said the old town would be rebuilt.");
  private static final Article ELECTION = article("vote", "https://herald.example/vote", "The Herald", "2025-03-10",
      "Election results are in", "The governing party lost its majority in Sunday's election, officials said.");
  private static final Article NO_URL = article("local-1", null, "Daily Example", null, "Bakery reopens",
      "The bakery on Main Street reopened after the flood, its owner said.");

  @Test
  void roundTripPersistsAcrossRuns() throws IOException {
    try (ArticleStore s = ArticleStore.open(data)) {
      assertEquals(ArticleStore.Outcome.ADDED, s.add(FLOOD).outcome());
      assertEquals(ArticleStore.Outcome.ADDED, s.add(ELECTION).outcome());
      assertEquals(ArticleStore.Outcome.ADDED, s.add(NO_URL).outcome());
    }
    try (ArticleStore s = ArticleStore.open(data)) {
      assertEquals(3, s.size());
      assertEquals(FLOOD, s.get("flood").orElseThrow());
      assertEquals(FLOOD, s.get("https://daily.example/flood").orElseThrow());
      assertEquals(NO_URL, s.get("local-1").orElseThrow());
      List<String> ids = new ArrayList<>();
      s.forEachArticle(a -> ids.add(a.id()));
      assertEquals(List.of("flood", "local-1", "vote"), ids);
      assertTrue(s.check().isEmpty());
    }
  }

  @Test
  void reIngestingTheSameArticleChangesNothing() throws IOException {
    try (ArticleStore s = ArticleStore.open(data)) {
      s.add(FLOOD);
      s.add(NO_URL);
    }
    try (ArticleStore s = ArticleStore.open(data)) {
      // Read again from elsewhere, with other diagnostics: same content, so unchanged.
      Article again = new Article("flood", "elsewhere/flood.html", FLOOD.title(), FLOOD.outlet(), FLOOD.url(),
          FLOOD.byline(), FLOOD.published(), false, List.of(), "en", FLOOD.text(), List.of(), List.of());
      assertEquals(new ArticleStore.AddResult(ArticleStore.Outcome.UNCHANGED, "flood", 1), s.add(again));
      assertEquals(ArticleStore.Outcome.UNCHANGED, s.add(NO_URL).outcome());
      assertEquals(ArticleStore.Outcome.UNCHANGED, s.add(FLOOD).outcome());
      assertEquals(2, s.size());
      assertEquals(1, s.revisions("flood").size());
    }
  }

  @Test
  void changedTextIsKeptAsANewRevision() throws IOException {
    Article updated = article("u-other-id", FLOOD.url() + "#update", "Daily Example", FLOOD.published(),
        "River floods the old town (updated)", FLOOD.text() + " Two people were rescued.");
    try (ArticleStore s = ArticleStore.open(data)) {
      s.add(FLOOD);
      s.commit();
      assertEquals(new ArticleStore.AddResult(ArticleStore.Outcome.REVISED, "u-other-id", 2), s.add(updated));
      // Revising twice within one batch (before a commit) also works.
      Article third = article("flood", FLOOD.url(), "Daily Example", FLOOD.published(), "Third", "Third text.");
      assertEquals(ArticleStore.Outcome.REVISED, s.add(third).outcome());
      assertEquals(ArticleStore.Outcome.UNCHANGED, s.add(third).outcome());
    }
    try (ArticleStore s = ArticleStore.open(data)) {
      assertEquals(1, s.size());
      var revs = s.revisions(FLOOD.url());
      assertEquals(List.of(1, 2, 3), revs.stream().map(ArticleStore.Revision::number).toList());
      assertEquals(FLOOD, revs.get(0).article());
      assertEquals(updated, revs.get(1).article());
      assertEquals("Third", s.get(FLOOD.url()).orElseThrow().title());
      // Only the current revision is searchable.
      assertEquals(List.of(), s.search(SearchQuery.of("rescued")));
      assertEquals(1, s.search(SearchQuery.of("third")).size());
      assertTrue(s.check().isEmpty(), s.check().toString());
    }
  }

  @Test
  void identityIsTheUrlElseTheId() throws IOException {
    Article fromFile = article("story", null, null, null, "Story", "First text of the story.");
    Article withUrl = article("story", "https://a.example/story", "A", null, "Story", "Second text of the story.");
    Article otherId = article("u123", "https://a.example/story", "A", null, "Story", "Third text of the story.");
    Article sameIdOtherUrl = article("story", "https://b.example/story", "B", null, "Story", "Another story.");
    for (boolean commitBetween : new boolean[] {false, true}) {
      Path d = data.resolve("c" + commitBetween);
      try (ArticleStore s = ArticleStore.open(d)) {
        assertEquals(ArticleStore.Outcome.ADDED, s.add(fromFile).outcome());
        if (commitBetween) s.commit();
        assertEquals(ArticleStore.Outcome.REVISED, s.add(withUrl).outcome()); // same id, no URL before
        if (commitBetween) s.commit();
        assertEquals(ArticleStore.Outcome.REVISED, s.add(otherId).outcome()); // same URL
        if (commitBetween) s.commit();
        assertEquals(ArticleStore.Outcome.ADDED, s.add(sameIdOtherUrl).outcome()); // another URL: another article
        assertEquals(2, s.size());
        assertEquals(3, s.revisions("https://a.example/story").size());
        assertEquals(1, s.revisions("https://b.example/story").size());
        assertTrue(s.check().isEmpty(), s.check().toString());
      }
    }
  }

  @Test
  void searchWithSyntaxFiltersAndSnippets() throws IOException {
    try (ArticleStore s = ArticleStore.open(data)) {
      s.add(FLOOD);
      s.add(ELECTION);
      s.add(NO_URL);
      List<SearchHit> flood = s.search(SearchQuery.of("flood*"));
      assertEquals(java.util.Set.of("flood", "local-1"), flood.stream().map(SearchHit::id).collect(
          java.util.stream.Collectors.toSet()));
      assertTrue(flood.get(0).score() > 0);
      SearchHit h = s.search(SearchQuery.of("mayor")).get(0);
      assertEquals("flood", h.id());
      assertEquals("River floods the old town", h.title());
      assertEquals("Daily Example", h.outlet());
      assertEquals("2025-03-04T09:30:00+01:00", h.published());
      assertTrue(h.snippet().contains("«mayor»"), h.snippet());

      assertEquals(List.of("vote"), ids(s.search(SearchQuery.of("\"lost its majority\""))));
      assertEquals(List.of(), ids(s.search(SearchQuery.of("\"majority lost\""))));
      assertEquals(List.of("vote"), ids(s.search(SearchQuery.of("title:election"))));
      assertEquals(List.of("flood"), ids(s.search(SearchQuery.of("said NOT bakery NOT election"))));

      assertEquals(java.util.Set.of("flood", "local-1"),
          java.util.Set.copyOf(ids(s.search(new SearchQuery("said", "daily example", null, null, 10)))));
      assertEquals(List.of("vote"),
          ids(s.search(new SearchQuery("said", null, LocalDate.of(2025, 3, 5), null, 10))));
      assertEquals(List.of("flood"), ids(s.search(new SearchQuery("said", null, LocalDate.of(2025, 3, 4),
          LocalDate.of(2025, 3, 4), 10))));
      assertEquals(3, s.search(new SearchQuery("*", null, null, null, 10)).size());
      assertEquals(1, s.search(new SearchQuery("said", null, null, null, 1)).size());
      assertThrows(IllegalArgumentException.class, () -> s.search(SearchQuery.of("title:(unclosed")));
    }
  }

  @Test
  void readOnlyStoreSearchesWhileAWriterHoldsTheLock() throws IOException {
    try (ArticleStore w = ArticleStore.open(data)) {
      w.add(FLOOD);
      w.commit();
      assertThrows(IOException.class, () -> ArticleStore.open(data));
      try (ArticleStore r = ArticleStore.openReadOnly(data)) {
        assertEquals(List.of("flood"), ids(r.search(SearchQuery.of("river"))));
        assertThrows(IllegalStateException.class, () -> r.add(ELECTION));
      }
    }
    assertThrows(IOException.class, () -> ArticleStore.openReadOnly(data.resolve("nothing-here")));
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }
}
