package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Article;
import org.storyline.pipeline.Pipeline;

/** Entries put but not yet committed are committed when the index closes (it used to fail: searchers closed first). */
class EntityIndexCloseTest {
  @TempDir Path dir;

  @Test
  void closeCommitsWhatWasPut() throws Exception {
    Article a = new Article("h", "t", "Council approves harbour plan", "Coast News", null, null, "2025-03-04", false,
        List.of(), "en", "Mayor Ana Ruiz of Porto Vale said the council approved the harbour plan on Tuesday.",
        List.of(), List.of());
    Pipeline.Annotations an = Pipeline.defaults(false).annotate(List.of(a));
    assertFalse(an.entities().isEmpty(), "the fixture names someone");
    EntityIndex ix = EntityIndex.open(dir);
    ix.put(List.of(a), an.entities(), an.quotes());
    ix.close(); // no commit before
    EntityIndex again = EntityIndex.open(dir);
    try {
      assertTrue(again.entities(null, 0, 10).items().size() > 0, "what was put survived the close");
    } finally {
      again.close();
    }
  }
}
