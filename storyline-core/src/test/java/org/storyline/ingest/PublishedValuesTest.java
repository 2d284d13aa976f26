package org.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.extract.Extractors;
import org.storyline.model.Article;

/**
 * Issue 14, case 12: invalid {@code published} values were silently changed (2025-02-30 became 2025-02-28), kept
 * (T25:61:61, +99:00) or dropped. Each is now rejected, with a diagnostic on the article and a line in the problems;
 * a date far in the future is flagged.
 */
class PublishedValuesTest {
  @TempDir Path dir;

  @Test
  void invalidPublishedValuesAreRejectedAndSaidSo() throws Exception {
    String[] bad = {"2025-02-30", "2025-03-04T25:61:61", "2025-03-04T10:00:00+99:00", "2025-13-01", "yesterday-ish"};
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < bad.length; i++) {
      jsonl.append("{\"id\":\"b").append(i).append("\",\"published\":\"").append(bad[i])
          .append("\",\"text\":\"The council met on a day nobody can name and approved the harbour plan.\"}\n");
    }
    jsonl.append("{\"id\":\"good\",\"published\":\"2025-02-28T09:30:00+01:00\",\"text\":\"The council met.\"}\n");
    jsonl.append("{\"id\":\"future\",\"published\":\"3000-01-01\",\"text\":\"A report from the far future.\"}\n");
    Files.writeString(dir.resolve("d.jsonl"), jsonl);
    var c = Inputs.defaults().readAll(List.of(dir.resolve("d.jsonl")));
    Extractors ex = Extractors.defaults();
    for (int i = 0; i < bad.length; i++) {
      Article a = ex.extract(c.documents().get(i));
      assertNull(a.published(), bad[i] + " -> " + a.published());
      String value = bad[i];
      assertTrue(a.diagnostics().stream().anyMatch(d -> d.contains("published") && d.contains(value)),
          a.diagnostics().toString());
      String record = ":" + (i + 1);
      assertTrue(c.problems().stream().anyMatch(p -> p.source().endsWith(record) && p.reason().contains(value)),
          c.problems().toString());
    }
    assertEquals("2025-02-28T09:30:00+01:00", ex.extract(c.documents().get(bad.length)).published());
    Article future = ex.extract(c.documents().get(bad.length + 1));
    assertEquals("3000-01-01", future.published());
    assertTrue(future.diagnostics().stream().anyMatch(d -> d.contains("future")), future.diagnostics().toString());
    assertTrue(c.problems().stream().anyMatch(p -> p.reason().contains("future")), c.problems().toString());
    assertEquals(bad.length + 1, c.problems().size(), c.problems().toString());
  }
}
