package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.storyline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {
  @TempDir Path dir;

  @Test
  void ingestThenSearch() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.jsonl"), """
        {"id":"harbour","url":"https://t.example/h","title":"Harbour plan approved","outlet":"Coast News","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday, the mayor said."}
        {"id":"budget","url":"https://t.example/b","title":"Budget cut","outlet":"City Paper","published":"2025-04-01","text":"The mayor cut the budget for parks and libraries."}
        {broken
        """);
    Files.write(in.resolve("blob.txt"), new byte[] {1, 2, 0, 3, 4});
    Path data = in.resolve("store");
    run("ingest", "--data", data.toString(), in.resolve("a.jsonl").toString());
    // The store may live inside the folder being ingested: its own files are not inputs.
    CliRun first = run("ingest", "--data", data.toString(), in.toString());
    assertEquals(1, first.exit(), first.err());
    assertTrue(first.out().contains("0 added, 2 unchanged, 0 revised, 2 skipped"), first.out());
    assertTrue(first.err().contains("broken JSON line"), first.err());
    assertTrue(first.err().contains("binary file"), first.err());

    Files.writeString(in.resolve("a.jsonl"), Files.readString(in.resolve("a.jsonl")).replace("parks", "schools"));
    CliRun again = run("ingest", "--data", data.toString(), in.resolve("a.jsonl").toString());
    assertTrue(again.out().contains("0 added, 1 unchanged, 1 revised, 1 skipped"), again.out());

    CliRun hits = run("search", "--data", data.toString(), "mayor");
    assertEquals(0, hits.exit(), hits.err());
    assertTrue(hits.out().startsWith("2 hits for mayor"), hits.out());
    assertTrue(hits.out().contains("the «mayor» said"), hits.out());
    assertTrue(run("search", "--data", data.toString(), "parks").out().startsWith("0 hits"));
    assertTrue(run("search", "--data", data.toString(), "schools").out().startsWith("1 hit for"));

    CliRun filtered = run("search", "--data", data.toString(), "--outlet", "city paper", "--from", "2025-03-15",
        "mayor");
    assertTrue(filtered.out().startsWith("1 hit for mayor"), filtered.out());
    assertTrue(filtered.out().contains("budget | City Paper | 2025-04-01"), filtered.out());

    CliRun asJson = run("search", "--data", data.toString(), "--json", "schools");
    assertTrue(asJson.out().startsWith("[{\"id\":\"budget\",\"title\":\"Budget cut\""), asJson.out());

    CliRun revisions = run("show", "--data", data.toString(), "--revisions", "budget");
    assertEquals(0, revisions.exit(), revisions.err());
    assertTrue(revisions.out().contains("\"revision\" : 2"), revisions.out());
    assertTrue(revisions.out().indexOf("parks") < revisions.out().indexOf("schools"), revisions.out());
    CliRun current = run("show", "--data", data.toString(), "https://t.example/b");
    assertTrue(current.out().contains("schools") && !current.out().contains("parks"), current.out());
    assertEquals(2, run("show", "--data", data.toString(), "nope").exit());

    assertEquals(2, run("search", "--data", data.toString(), "title:(unclosed").exit());
    assertEquals(2, run("search", "--data", dir.resolve("none").toString(), "x").exit());
  }
}
