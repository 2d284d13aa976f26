package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.store.Library;

/** A CLI ingest against a store a running server holds fails at once, says what to do, and changes nothing. */
class StoreInUseTest {
  @TempDir Path dir;

  @Test
  void ingestIntoAStoreHeldByAServerSaysToUseItsApi() throws Exception {
    Path in = dir.resolve("a.jsonl");
    Files.writeString(in, """
        {"id":"harbour","title":"Harbour plan approved","outlet":"Coast News","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday, the mayor said."}
        """);
    Path more = dir.resolve("b.jsonl");
    Files.writeString(more, """
        {"id":"budget","title":"Budget cut","outlet":"City Paper","published":"2025-04-01","text":"The mayor cut the budget for parks and libraries."}
        """);
    Path data = dir.resolve("data");
    // the server's Library: the store's one writer while it runs
    try (Library held = Library.open(data, Library.Options.defaults().withEmbeddings(false))) {
      held.ingest(List.of(in), p -> {});
      CliRun r = CliRun.run("ingest", "--data", data.toString(), "--no-embeddings", more.toString());
      assertEquals(Main.EXIT_STORE, r.exit(), r.err());
      String e = r.err();
      assertTrue(e.contains("is in use by another process (a running `storyline serve`?): add articles through its "
          + "API (POST /api/ingest) or stop it"), e);
      assertFalse(e.contains("\tat ") || e.contains("Exception"), e);
      assertEquals(1, held.store().size());
      assertTrue(held.store().check().isEmpty());
    }
    // and after the server stops, the same command works and nothing was lost
    assertEquals(0, CliRun.run("ingest", "--data", data.toString(), "--no-embeddings", more.toString()).exit());
    try (Library lib = Library.openReadOnly(data, false)) {
      assertEquals(2, lib.store().size());
    }
  }
}
