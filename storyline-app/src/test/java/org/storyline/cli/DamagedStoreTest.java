package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.storyline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, case 1 (and the exit code of case 9): a damaged store is refused by every command, never wiped. */
class DamagedStoreTest {
  @TempDir Path dir;

  private static List<Path> list(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.sorted().toList();
    }
  }

  @Test
  void aStoreMissingItsSegmentsFileIsRefusedByEveryCommand() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.jsonl"), """
        {"id":"harbour","title":"Harbour plan approved","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday, the mayor said."}
        {"id":"budget","title":"Budget cut","published":"2025-04-01","text":"The mayor cut the budget for parks and libraries."}
        """);
    Files.writeString(in.resolve("b.txt"), "Bridge closes\n\nThe bridge closed on Tuesday, the mayor said.");
    Path data = dir.resolve("store");
    CliRun first = run("ingest", "--no-embeddings", "--data", data.toString(), in.resolve("a.jsonl").toString());
    assertEquals(0, first.exit(), first.err());
    CliRun ok = run("check", "--data", data.toString());
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    assertTrue(ok.out().contains("2 articles"), ok.out());

    for (Path f : list(data.resolve("index"))) {
      if (f.getFileName().toString().startsWith("segments_")) Files.delete(f);
    }
    List<Path> before = list(data.resolve("index"));
    CliRun ingest = run("ingest", "--no-embeddings", "--data", data.toString(), in.resolve("b.txt").toString());
    assertEquals(Main.EXIT_STORE, ingest.exit(), ingest.err());
    assertTrue(ingest.err().contains("damaged") && ingest.err().contains("backup"), ingest.err());
    assertEquals(before, list(data.resolve("index")), "nothing of the damaged store was removed");
    CliRun search = run("search", "--data", data.toString(), "mayor");
    assertEquals(Main.EXIT_STORE, search.exit(), search.err());
    assertTrue(search.err().contains("damaged"), search.err());
    CliRun check = run("check", "--data", data.toString());
    assertEquals(Main.EXIT_STORE, check.exit(), check.out() + check.err());
    assertEquals(before, list(data.resolve("index")));
  }
}
