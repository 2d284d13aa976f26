package org.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {
  @TempDir Path dir;

  @Test
  void readsGoodLinesAndReportsBrokenOnesWithLineNumbers() throws Exception {
    Path f = dir.resolve("a.jsonl");
    Files.writeString(f, """
        {"id":"a1","url":"https://x.org/1","title":"T1","outlet":"X","published":"2025-02-19","text":"Body one."}
        {"id":"a2", broken
        {"url":"https://x.org/3","html":"<p>Body three.</p>"}
        {"id":"a4"}
        """);
    var c = new Inputs(List.of(new JsonlReader())).readAll(List.of(f));
    assertEquals(2, c.documents().size());
    assertEquals("a1", c.documents().get(0).id());
    assertEquals("2025-02-19", c.documents().get(0).hints().published());
    assertEquals(RawDocument.Format.HTML, c.documents().get(1).format());
    assertEquals(Ids.fromUrl("https://x.org/3"), c.documents().get(1).id());
    assertEquals(2, c.problems().size());
    assertEquals(2, c.problems().get(0).line());
    assertEquals(4, c.problems().get(1).line());
    assertTrue(c.problems().get(0).reason().contains("broken JSON"));
  }
}
