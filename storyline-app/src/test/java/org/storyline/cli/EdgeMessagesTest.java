package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.storyline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, cases 9 and 13: one clear line for each failure, with the exit code the README gives. */
class EdgeMessagesTest {
  @TempDir Path dir;

  @Test
  void aDeeplyNestedQueryGetsOneLineNotAStackTrace() throws IOException {
    Path in = Files.writeString(dir.resolve("a.txt"), "Harbour plan\n\nThe council approved the harbour plan.");
    Path data = dir.resolve("store");
    assertEquals(0, run("ingest", "--no-embeddings", "--data", data.toString(), in.toString()).exit());
    String deep = "(".repeat(50_000) + "harbour" + ")".repeat(50_000);
    CliRun r = run("search", "--data", data.toString(), deep);
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
      CliRun r = run("ingest", "--no-embeddings", "--data", data.toString(), in.toString());
      assertEquals(Main.EXIT_STORE, r.exit(), r.err());
      assertTrue(r.err().contains("in use"), r.err());
    }
  }

  @Test
  void optionsThatCannotWorkAreRefusedAsBadUsage() throws IOException {
    Path in = Files.writeString(dir.resolve("a.txt"), "Harbour plan\n\nThe council approved the harbour plan.");
    Path data = dir.resolve("store");
    CliRun empty = run("ingest", "--no-embeddings", "--data", "", in.toString());
    assertEquals(2, empty.exit(), empty.err());
    assertTrue(empty.err().contains("--data needs a folder"), empty.err());
    CliRun commit = run("ingest", "--no-embeddings", "--data", data.toString(), "--commit-every", "0", in.toString());
    assertEquals(2, commit.exit(), commit.err());
    assertFalse(Files.exists(data), "nothing written for a refused command");
    assertEquals(0, run("ingest", "--no-embeddings", "--data", data.toString(), in.toString()).exit());
    CliRun limit = run("search", "--data", data.toString(), "--limit", "-1", "harbour");
    assertEquals(2, limit.exit(), limit.err());
    assertTrue(limit.err().contains("--limit"), limit.err());

    Path notReport = Files.writeString(dir.resolve("x.json"), "{\"articles\": 5, \"stories\": \"no\"}");
    CliRun r = run("stories", "--report", notReport.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("is not a report"), r.err());
    assertFalse(r.err().contains("com.fasterxml") || r.err().contains("jackson"), r.err());
  }

  @Test
  void aLinkToAFolderIsReportedNotSkippedSilently() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Files.writeString(real.resolve("a.txt"), "Harbour plan\n\nThe council approved the harbour plan.");
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.createSymbolicLink(in.resolve("linked"), real);
    Files.writeString(in.resolve("b.txt"), "Bridge\n\nThe bridge closed on Tuesday.");
    CliRun r = run("analyze", "--no-embeddings", in.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("linked") && r.err().contains("link to a folder"), r.err());
  }

  /** Issue 14, case 11: control characters from file names, titles and outlets reached the terminal raw. */
  @Test
  void controlCharactersNeverReachTheTerminalRaw() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.jsonl"), "{\"id\":\"esc\",\"title\":\"\\u001b[2JCleared \\u009b title\","
        + "\"outlet\":\"Bad\\u001b]0;owned\\u0007 Outlet\",\"published\":\"2025-03-04\",\"text\":\"The council "
        + "approved the harbour plan on Tuesday, the mayor said.\"}\n");
    Files.write(in.resolve("x\u001b[2J.txt"), new byte[] {1, 2, 0, 3});
    CliRun analyzed = run("analyze", "--no-embeddings", in.toString());
    Path data = dir.resolve("store");
    CliRun ingested = run("ingest", "--no-embeddings", "--data", data.toString(), in.toString());
    CliRun searched = run("search", "--data", data.toString(), "harbour");
    CliRun listed = run("stories", "--no-embeddings", "--data", data.toString());
    for (CliRun r : new CliRun[] {analyzed, ingested, searched, listed}) {
      String all = r.out() + r.err();
      assertTrue(all.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c < 0xa0), all);
    }
    assertTrue(analyzed.err().contains("x\\e[2J.txt"), analyzed.err());
    assertTrue(searched.out().contains("\\e[2JCleared"), searched.out());
  }

  /** Issue 14, case 13: "11 skipped" for 289 skipped lines (the ones not listed were counted once). */
  @Test
  void theSkipCountCountsEveryLine() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    jsonl.append("{\"id\":\"ok\",\"text\":\"The council approved the harbour plan on Tuesday.\"}\n");
    for (int i = 0; i < 40; i++) jsonl.append("{\"id\":\"t").append(i).append("\",\"title\":\"No body\"}\n");
    Path in = Files.writeString(dir.resolve("a.jsonl"), jsonl);
    CliRun r = run("ingest", "--no-embeddings", "--data", dir.resolve("store").toString(), in.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("1 added, 0 unchanged, 0 revised, 40 skipped"), r.out());
  }
}
