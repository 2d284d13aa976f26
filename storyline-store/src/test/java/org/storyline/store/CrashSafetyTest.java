package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Article;

/**
 * Kills a child JVM mid-ingest (destroyForcibly, i.e. SIGKILL) and checks that the store opens, is consistent, keeps
 * everything the child had committed, and accepts new writes.
 */
class CrashSafetyTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"batched", "durable"})
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net against a hung child, not a measurement
  void killDashNineMidIngestLeavesAConsistentStore(String mode) throws Exception {
    Path data = tmp.resolve("data");
    Path err = tmp.resolve("child.err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), data.toString(), "1000000", mode)
        .redirectError(err.toFile())
        .start();
    int committed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      int target = mode.equals("durable") ? 150 : 300;
      while (committed < target && (line = out.readLine()) != null) {
        if (line.startsWith("committed ")) committed = Integer.parseInt(line.substring(10));
      }
      child.destroyForcibly();
      child.waitFor();
    }
    assertTrue(committed >= 150, () -> "child stopped early: " + readQuietly(err));

    try (ArticleStore store = ArticleStore.open(data)) {
      assertEquals(List.of(), store.check());
      int n = store.size();
      System.out.println("crash test (" + mode + "): child had committed " + committed + " articles; store has " + n);
      assertTrue(n >= committed, "all committed articles kept: " + n + " >= " + committed);
      int[] seen = {0};
      store.forEachArticle(a -> {
        int i = Integer.parseInt(a.id().substring(1));
        seen[0]++;
        try {
          var revisions = store.revisions(a.id());
          for (ArticleStore.Revision r : revisions) assertEquals(CrashChild.article(i, r.number()), r.article());
          assertEquals(revisions.get(revisions.size() - 1).article(), a);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertEquals(n, seen[0]);
      for (int i = 0; i < committed; i++) assertTrue(store.get("a" + i).isPresent(), "a" + i);
      // Still writable, and re-ingest is idempotent.
      Article latest0 = store.get("a0").orElseThrow();
      assertEquals(ArticleStore.Outcome.UNCHANGED, store.add(latest0).outcome());
      assertEquals(ArticleStore.Outcome.ADDED, store.add(CrashChild.article(5_000_000, 1)).outcome());
    }
    try (ArticleStore store = ArticleStore.openReadOnly(data)) {
      assertTrue(store.get("a5000000").isPresent());
      assertEquals(List.of(), store.check());
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "(no stderr)";
    }
  }
}
