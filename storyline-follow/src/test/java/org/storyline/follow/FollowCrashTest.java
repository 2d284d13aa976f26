package org.storyline.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.store.Library;

/**
 * Kills (SIGKILL) a child JVM running the follower after its first batch is stored, restarts on the same data
 * directory and checks that nothing stored is lost, nothing is stored twice, and every item ends up stored.
 */
class FollowCrashTest {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net against a hung child, not a measurement
  void killDashNineMidRoundThenRestartLosesNothingAndAddsNothingTwice() throws Exception {
    try (FixtureSite site = new FixtureSite()) {
      List<String[]> items = new ArrayList<>();
      int n = 48;
      for (int i = 0; i < n; i++) {
        String path = "/news/item-" + i + ".html";
        site.html(path, FixtureSite.article("Riverton flood update " + i, null,
            FixtureSite.report("Riverton", "flood", i)));
        items.add(new String[] {site.url(path), "Riverton flood update " + i, "s", null});
      }
      site.conditional("/feed.xml", "application/rss+xml", () -> FixtureSite.rssFeed("F", site.url("/"), items));
      Path data = tmp.resolve("data");
      new SourceList(data).add(site.url("/feed.xml"), null, Source.Kind.AUTO, Duration.ofMinutes(15), 0);

      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          FollowCrashChild.class.getName(), data.toString()).redirectError(tmp.resolve("child.err").toFile()).start();
      boolean killedMidRound = false;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("ingested")) {
            child.destroyForcibly();
            killedMidRound = true;
            break;
          }
        }
        child.waitFor();
      }
      assertTrue(killedMidRound, "the child stored a batch before it was killed");

      int storedAtCrash;
      try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false))) {
        storedAtCrash = lib.store().size();
      }
      assertTrue(storedAtCrash > 0 && storedAtCrash < n, "killed mid-round: " + storedAtCrash);
      CrawlState state = CrawlState.load(data); // the state file is whole (old or new, never torn)
      int knownAtCrash = state.seenCount();
      assertTrue(knownAtCrash <= storedAtCrash, knownAtCrash + " <= " + storedAtCrash);

      site.clearLog();
      try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false));
          Follower f = new Follower(lib, state, FetcherTest.config(), FollowClock.manual(FetcherTest.T0), null)) {
        Follower.Round r = f.runOnce(true);
        assertEquals(n - storedAtCrash, r.added(), "nothing stored twice, nothing lost");
        assertEquals(storedAtCrash - knownAtCrash, r.unchanged(), "pages stored but not yet recorded come back "
            + "unchanged");
        assertEquals(n - knownAtCrash, r.pagesFetched(), "pages recorded in the state are not fetched again");
        assertEquals(n, lib.store().size());
      }
    }
  }
}
