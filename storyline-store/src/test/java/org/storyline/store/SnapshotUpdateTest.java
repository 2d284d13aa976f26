package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library whose snapshot is in use (a server) gets the next one from the articles changed since. */
class SnapshotUpdateTest {
  @TempDir Path dir;

  @Test
  void theNextSnapshotHasTheNewAndTheRevisedArticles() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Files.writeString(a, """
        {"id":"harbour","url":"https://t.example/h","title":"Harbour plan approved","outlet":"Coast News","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday, the mayor said."}
        """);
    Path b = dir.resolve("b.jsonl");
    Files.writeString(b, """
        {"id":"harbour","url":"https://t.example/h","title":"Harbour plan approved after long debate","outlet":"Coast News","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday after a long debate, the mayor said."}
        {"id":"budget","url":"https://t.example/b","title":"Budget cut","outlet":"City Paper","published":"2025-04-01","text":"The mayor cut the budget for parks and libraries."}
        """);
    try (Library lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false))) {
      lib.ingest(List.of(a), p -> {});
      Snapshot first = lib.snapshot();
      assertEquals(1, first.articles().size());
      Library.IngestResult r = lib.ingest(List.of(b), p -> {});
      assertEquals(1, r.added());
      assertEquals(1, r.revised());
      Snapshot next = lib.snapshot();
      assertTrue(next.version() > first.version());
      assertEquals(2, next.articles().size());
      assertEquals("Harbour plan approved after long debate", next.article("harbour").title());
      assertEquals("Budget cut", next.article("budget").title());
      assertEquals(first.articles().size(), 1, "the earlier snapshot is unchanged");
      // the read model follows the revision too
      assertTrue(lib.entities().search(EntityIndex.Search.of("debate")).total() == 1);
    }
    try (Library ro = Library.openReadOnly(dir.resolve("data"), false)) {
      assertEquals(2, ro.snapshot().articles().size());
    }
  }
}
