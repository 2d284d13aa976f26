package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute("demo", "--no-serve", "--no-embeddings", "--corpus", corpus.toString(), "--data",
        dir.resolve("data").toString());
    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().contains("Embedded store"), out.toString());
    assertFalse(out.toString().contains("serving"), "--no-serve does not serve: " + out);
  }
}
