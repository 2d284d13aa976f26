package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new store keeps the article text with offsets in the read model, so search marks the hits from the postings
 * without reading the article again; the snippet is what highlighting the stored article gives.
 */
class SearchHighlightTest {
  @TempDir Path dir;

  @Test
  void hitsAreMarkedFromTheReadModel() throws Exception {
    Path in = dir.resolve("a.jsonl");
    String text = "The council met on Monday. " + "Other business was discussed at length. ".repeat(20)
        + "Late in the evening the council approved the harbour expansion, the mayor said.";
    Files.writeString(in, "{\"id\":\"h\",\"title\":\"Council meets\",\"outlet\":\"Coast News\",\"published\":"
        + "\"2025-03-04\",\"text\":\"" + text + "\"}\n");
    try (Library lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false))) {
      lib.ingest(List.of(in), p -> {});
      EntityIndex.SearchResult raw = lib.entities().search(EntityIndex.Search.of("harbour"), false);
      assertEquals(1, raw.hits().size());
      assertNotNull(raw.hits().get(0).highlighted(), "highlighted from the postings' offsets");
      Library.SearchPage page = lib.search(EntityIndex.Search.of("harbour"), false);
      String snippet = page.hits().get(0).snippet();
      assertTrue(snippet.contains("«harbour»"), snippet);
      String fromText = ArticleStore.snippet(new org.apache.lucene.analysis.standard.StandardAnalyzer(),
          lib.entities().parse("harbour"), lib.store().get("h").orElseThrow().text());
      assertEquals(fromText, snippet, "the same snippet as highlighting the stored article");
    }
  }
}
