package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --no-serve} prints the summary and returns; without it the demo would go on serving the web UI. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void noServePrintsTheSummaryAndReturns() throws Exception {
    Path corpus = dir.resolve("demo.jsonl");
    Files.writeString(corpus, """
        {"id":"a","title":"River floods Port Alder","outlet":"Wikinews","published":"2024-03-04","text":"The river Alder burst its banks on Monday and flooded the lower town of Port Alder, the mayor said."}
        {"id":"b","title":"Port Alder flood: mayor asks for help","outlet":"Wikinews","published":"2024-03-05","text":"Mayor Jane Holt asked the government for help after the river Alder flooded the lower town of Port Alder on Monday. \\"We need pumps now,\\" Holt said."}
        """);
    CliRun r = CliRun.run("demo", "--no-serve", "--no-embeddings", "--corpus", corpus.toString(), "--data",
        dir.resolve("data").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Embedded store"), r.out());
    assertFalse(r.out().contains("serving"), "--no-serve does not serve: " + r.out());
  }
}
