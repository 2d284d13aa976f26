package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Article;

/** Reads run beside the writer: they never wait for its lock, and other threads see each commit. */
class ConcurrentReadsTest {
  @TempDir Path dir;

  private static Article art(String id, String text) {
    return new Article(id, "test:" + id, "Title " + id, "Coast News", null, null, "2025-01-02", false, List.of(),
        "en", text, List.of(), List.of());
  }

  @Test
  void otherThreadsReadTheLastCommitWithoutWaitingForTheWriter() throws Exception {
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try (ArticleStore s = ArticleStore.open(dir, 1000)) {
      s.add(art("a", "The harbour opened on Monday."));
      s.commit();
      s.add(art("b", "The harbour closed on Friday."));
      // the writer sees its own add at once
      assertEquals(2, s.search(SearchQuery.of("harbour")).size());
      s.add(art("c", "The harbour reopened on Sunday."));
      Future<int[]> seen;
      synchronized (s) {
        // the writer's lock is held (as during an add): a read in another thread still answers, from the last commit
        seen = reader.submit(() -> new int[] {s.search(SearchQuery.of("harbour")).size(), s.size(),
            s.get("c").isPresent() ? 1 : 0, s.get("a").isPresent() ? 1 : 0});
        int[] r = seen.get(60, TimeUnit.SECONDS);
        assertEquals(2, r[0], "committed: a and b (b was committed by the writer's own search)");
        assertEquals(2, r[1]);
        assertEquals(0, r[2], "c is not committed yet");
        assertEquals(1, r[3]);
      }
      s.commit();
      assertTrue(reader.submit(() -> s.get("c").isPresent()).get(60, TimeUnit.SECONDS));
      assertEquals(3, reader.submit(() -> s.search(SearchQuery.of("harbour")).size()).get(60, TimeUnit.SECONDS));
    } finally {
      reader.shutdownNow();
    }
  }
}
