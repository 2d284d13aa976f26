package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityIndexTest {
  @TempDir Path dir;

  static final String ARTICLES = """
      {"id":"flood-a","title":"River floods Port Alder","outlet":"Coast News","published":"2024-03-04","text":"The river Alder burst its banks on Monday and flooded the lower town of Port Alder, Mayor Jane Holt said. \\"The water came in an hour,\\" Holt said."}
      {"id":"flood-b","title":"Port Alder flood: mayor asks for help","outlet":"Daily Post","published":"2024-03-05","text":"Mayor Jane Holt asked the government for help after the river Alder flooded the lower town of Port Alder on Monday. \\"We need pumps and we need them now,\\" Holt said."}
      {"id":"budget","title":"Parliament passes the budget","outlet":"Daily Post","published":"2024-04-10","text":"Parliament passed the budget on Wednesday. Finance minister Tom Reed said the plan would cut the deficit. \\"It is a fair budget,\\" Reed told reporters in Westbridge."}
      """;

  private Library library() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, ARTICLES);
    Library lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false));
    lib.ingest(List.of(in), p -> {});
    return lib;
  }

  @Test
  void keepsEntitiesQuotesAndFacetsOfEveryStoredArticle() throws Exception {
    try (Library lib = library()) {
      EntityIndex ix = lib.entities();
      assertEquals(3, ix.size());
      EntityIndex.Page<EntityIndex.EntityCount> people = ix.entities("PER", 0, 10);
      assertTrue(people.items().stream().anyMatch(e -> e.id().equals("per:jane-holt") && e.articles() == 2),
          people.toString());
      assertTrue(people.items().stream().allMatch(e -> e.type().equals("PER")), people.toString());
      EntityIndex.EntityDetail holt = ix.entity("per:jane-holt").orElseThrow();
      assertEquals("Jane Holt", holt.name());
      assertEquals(List.of(new EntityIndex.DayCount("2024-03-04", 1), new EntityIndex.DayCount("2024-03-05", 1)),
          holt.byDay());
      assertTrue(holt.cooccurring().stream().anyMatch(e -> e.name().contains("Alder")), holt.toString());
      assertTrue(ix.entity("per:nobody").isEmpty());
      assertTrue(ix.contains("per:jane-holt"), "contains agrees with entity()");
      assertFalse(ix.contains("per:nobody"));

      EntityIndex.Page<EntityIndex.StoredQuote> said = ix.quotesBy("per:jane-holt", 0, 10);
      assertEquals(2, said.total(), said.toString());
      assertEquals("flood-b", said.items().get(0).article(), "newest first");
      assertTrue(said.items().get(0).quote().text().contains("pumps"));
      assertEquals(1, ix.quotesBy("per:jane-holt", 1, 10).items().size());

      EntityIndex.SearchResult r = ix.search(EntityIndex.Search.of("Alder"));
      assertEquals(2, r.total());
      assertEquals(List.of(new EntityIndex.FacetValue("2024-03", "2024-03", 2)), r.facets().get("date"));
      assertTrue(r.facets().get("speaker").stream().anyMatch(f -> f.value().equals("per:jane-holt")),
          r.facets().toString());
      EntityIndex.SearchResult bySpeaker = ix.search(new EntityIndex.Search("*", null, null, null, null,
          "per:tom-reed", 0, 10, EntityIndex.DateBucket.DAY));
      assertEquals(List.of("budget"), bySpeaker.hits().stream().map(EntityIndex.Hit::article).toList());
      assertEquals("Daily Post", bySpeaker.facets().get("outlet").get(0).value());
      assertThrows(IllegalArgumentException.class, () -> ix.search(EntityIndex.Search.of("title:(")));

      EntityIndex.ArticleAnnotations a = ix.article("flood-a").orElseThrow();
      String text = lib.store().get("flood-a").orElseThrow().text();
      for (EntityIndex.ArticleEntity e : a.entities()) {
        e.mentions().forEach(m -> assertEquals(m.text(), text.substring(m.start(), m.end())));
      }
    }
  }

  @Test
  void rebuildsTheEntriesOfArticlesThatLackThem() throws Exception {
    try (Library lib = library()) {
      assertEquals(3, lib.entities().size());
    }
    // as after a crash between the store's commit and the read model's (or a store from before it)
    Path ann = dir.resolve("data").resolve(EntityIndex.DIR);
    try (var files = Files.walk(ann)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    try (Library ro = Library.openReadOnly(dir.resolve("data"), false)) {
      assertEquals(0, ro.entities().size(), "a reader does not write");
    }
    try (Library lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false))) {
      assertEquals(3, lib.entities().size());
      assertTrue(lib.notes().stream().anyMatch(n -> n.contains("3 stored articles")), lib.notes().toString());
      assertFalse(lib.entities().quotesBy("per:tom-reed", 0, 5).items().isEmpty());
    }
    try (Library ro = Library.openReadOnly(dir.resolve("data"), false)) {
      assertEquals(3, ro.entities().size());
    }
  }
}
