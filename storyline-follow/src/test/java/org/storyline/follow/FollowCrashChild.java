package org.storyline.follow;

import java.nio.file.Path;
import java.time.Duration;
import org.storyline.store.Library;

/** Runs one follower round over a data directory, printing "ingested N" after each batch; killed by the test. */
public final class FollowCrashChild {
  private FollowCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    FollowConfig cfg = FetcherTest.config().withRetries(0, Duration.ZERO).withThreads(1);
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false));
        Follower f = new Follower(lib, CrawlState.load(data), cfg, FollowClock.system(), (urls, res) -> {
          System.out.println("ingested " + urls.size());
          System.out.flush();
          try {
            Thread.sleep(300); // leave the parent time to kill us mid-round
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })) {
      f.runOnce(true);
    }
    System.out.println("done");
  }
}
