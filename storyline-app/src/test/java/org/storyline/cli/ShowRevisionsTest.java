package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show --revisions} says what changed between revisions: headline, lead, quotes, corrections. */
class ShowRevisionsTest {
  @TempDir Path dir;

  private static String run(String... args) {
    CliRun r = CliRun.run(args);
    assertEquals(0, r.exit());
    return r.out();
  }

  @Test
  void revisionsCarryTheirChanges() throws Exception {
    Path data = dir.resolve("data");
    Path in = dir.resolve("a.jsonl");
    Files.writeString(in, "{\"id\":\"h\",\"url\":\"https://t.example/h\",\"title\":\"Harbour plan approved\","
        + "\"published\":\"2025-03-04\",\"text\":\"The council approved the harbour plan on Tuesday.\\n\\n"
        + "The mayor welcomed the vote.\"}\n");
    run("ingest", "--no-embeddings", "--data", data.toString(), in.toString());
    Files.writeString(in, "{\"id\":\"h\",\"url\":\"https://t.example/h\",\"title\":\"Harbour plan approved after "
        + "long debate\",\"published\":\"2025-03-04\",\"text\":\"The council approved the harbour plan on Tuesday."
        + "\\n\\nThe mayor welcomed the vote. \\\"This is a good day for the harbour,\\\" she said.\\n\\n"
        + "Correction: an earlier version of this article misstated the day of the vote.\"}\n");
    run("ingest", "--no-embeddings", "--data", data.toString(), in.toString());
    String out = run("show", "--revisions", "--data", data.toString(), "https://t.example/h");
    assertTrue(out.contains("\"summary\" : \"headline changed; 1 quote added; correction"), out);
    assertTrue(out.contains("\"quotesAdded\" : [ \"This is a good day for the harbour,\" ]"), out);
  }
}
