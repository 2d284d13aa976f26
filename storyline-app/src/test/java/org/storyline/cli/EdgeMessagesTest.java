package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 14, cases 9 and 13: one clear line for each failure, with the exit code the README gives. */
class EdgeMessagesTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aDeeplyNestedQueryGetsOneLineNotAStackTrace() throws IOException {
    Path in = Files.writeString(dir.resolve("a.txt"), "Harbour plan\n\nThe council approved the harbour plan.");
    Path data = dir.resolve("store");
    assertEquals(0, run("ingest", "--no-embeddings", "--data", data.toString(), in.toString()).exit());
    String deep = "(".repeat(50_000) + "harbour" + ")".repeat(50_000);
    Run r = run("search", "--data", data.toString(), deep);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("nested too deeply"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void aStoreInUseExitsWithTheStoreCode() throws IOException {
    Path in = Files.writeString(dir.resolve("a.txt"), "Harbour plan\n\nThe council approved the harbour plan.");
    Path data = dir.resolve("store");
    assertEquals(0, run("ingest", "--no-embeddings", "--data", data.toString(), in.toString()).exit());
    try (var held = org.storyline.store.ArticleStore.open(data)) {
      Run r = run("ingest", "--no-embeddings", "--data", data.toString(), in.toString());
      assertEquals(Main.EXIT_STORE, r.exit(), r.err());
      assertTrue(r.err().contains("in use"), r.err());
    }
  }
}
