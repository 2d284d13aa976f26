package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Article;

/** Issue 14: a damaged store is refused, never overwritten; a hostile record cannot abort an ingest. */
class StoreIntegrityTest {
  @TempDir Path data;

  private static Article article(String id, String url, String outlet, String text) {
    return new Article(id, "test:" + id, "Title " + id, outlet, url, null, "2025-03-04", false, List.of(), "en",
        text, List.of(), List.of());
  }

  private void fill(int n) throws IOException {
    try (ArticleStore s = ArticleStore.open(data)) {
      for (int i = 0; i < n; i++) s.add(article("a" + i, null, "Outlet", "Text number " + i + " of the store."));
    }
  }

  private List<Path> indexFiles() throws IOException {
    try (Stream<Path> s = Files.list(data.resolve("index"))) {
      return s.sorted().toList();
    }
  }

  @Test
  void aStoreWithoutItsCommitIsRefusedNotWiped() throws IOException {
    fill(20);
    for (Path f : indexFiles()) if (f.getFileName().toString().startsWith("segments_")) Files.delete(f);
    List<Path> before = indexFiles();
    IOException w = assertThrows(IOException.class, () -> ArticleStore.open(data));
    assertTrue(w.getMessage().contains("damaged"), w.getMessage());
    assertTrue(w.getMessage().contains("CheckIndex") && w.getMessage().contains("backup"), w.getMessage());
    assertTrue(w instanceof StoreUnavailableException, w.getClass().toString());
    IOException r = assertThrows(IOException.class, () -> ArticleStore.openReadOnly(data));
    assertTrue(r.getMessage().contains("damaged"), r.getMessage());
    assertEquals(before, indexFiles(), "the damaged store's files are left as they were");
  }

  @Test
  void aNewStoreAndAStoreKilledBeforeItsFirstCommitStillOpen() throws IOException {
    Files.createDirectories(data.resolve("index"));
    Files.writeString(data.resolve("index/write.lock"), "");
    try (ArticleStore s = ArticleStore.open(data)) {
      s.add(article("x", null, "O", "Some text."));
    }
    try (ArticleStore s = ArticleStore.openReadOnly(data)) {
      assertEquals(1, s.size());
    }
  }

  @Test
  void immenseKeyFieldsDoNotAbortTheStore() throws IOException {
    String huge = "x".repeat(40_000);
    try (ArticleStore s = ArticleStore.open(data)) {
      s.add(article("first", null, "Outlet", "The first article."));
      s.add(article("long-outlet", null, huge, "An article with an immense outlet."));
      s.add(article("long-url", "https://e.example/" + huge, "Outlet", "An article with an immense URL."));
      s.add(article(huge, null, "Outlet", "An article with an immense id."));
      s.add(article("last", null, "Outlet", "The last article."));
    }
    try (ArticleStore s = ArticleStore.open(data)) {
      assertEquals(5, s.size());
      assertTrue(s.get("https://e.example/" + huge).isPresent());
      assertTrue(s.get(huge).isPresent());
      assertEquals(1, s.search(new SearchQuery("immense", huge, null, null, 10)).size());
      assertEquals(ArticleStore.Outcome.UNCHANGED, s.add(article(huge, null, "Outlet",
          "An article with an immense id.")).outcome());
      assertTrue(s.check().isEmpty(), s.check().toString());
    }
  }

  /**
   * Issue 14, case 5: flipped bytes in a segment. `storyline check` (Lucene's CheckIndex) finds them, and a command
   * that reads the damaged data reports the store as damaged, never a bare "arraycopy: source index -59836".
   */
  @Test
  void flippedBytesInASegmentAreReportedAsDamage() throws IOException {
    try (ArticleStore s = ArticleStore.open(data)) {
      for (int i = 0; i < 300; i++) {
        s.add(article("a" + i, null, "Outlet", ("Text number " + i + " of the store, about the harbour and the "
            + "mayor and the council. ").repeat(20)));
      }
    }
    assertTrue(ArticleStore.verify(data).clean());
    Path biggest = null;
    for (Path f : indexFiles()) {
      if (biggest == null || Files.size(f) > Files.size(biggest)) biggest = f;
    }
    byte[] b = Files.readAllBytes(biggest);
    for (int i = b.length / 3; i < b.length / 3 + 64; i++) b[i] ^= (byte) 0x5a;
    Files.write(biggest, b);

    ArticleStore.Verification v = ArticleStore.verify(data);
    assertTrue(!v.clean(), v.toString());
    assertTrue(String.join(" ", v.problems()).contains("damaged"), v.problems().toString());
    int reported = 0;
    for (int op = 0; op < 4; op++) {
      try (ArticleStore s = ArticleStore.openReadOnly(data)) {
        switch (op) {
          case 0 -> s.forEachArticle(a -> { });
          case 1 -> s.search(SearchQuery.of("harbour"));
          case 2 -> {
            for (int i = 0; i < 300; i++) s.get("a" + i);
          }
          default -> s.check();
        }
      } catch (StoreUnavailableException e) {
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("storyline check"), e.getMessage());
        reported++;
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("damage reported as " + e, e);
      }
    }
    assertTrue(reported > 0, "reading every article of the damaged segment must notice it");
  }
}
