package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.storyline.follow.FollowClock;
import org.storyline.follow.FollowConfig;
import org.storyline.follow.Follower;
import org.storyline.store.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storyline follow [--once]}: polls the sources and ingests what is new, in the foreground. */
@Command(name = "follow", description = "Follow the sources (see `sources add`): poll each when due, fetch new "
    + "items politely (robots.txt, per-host delay, conditional GET), ingest them into the store where they join "
    + "their stories, and re-fetch articles after 1 h, 6 h and 24 h to catch edits. Runs until Ctrl-C; with --once, "
    + "polls every source once and exits (for cron; exit code 1 when a source failed).")
final class FollowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions storeOptions;

  @Mixin EmbeddingOptions embeddings;

  @Option(names = "--once", description = "Poll every source once, fetch what is new, and exit.")
  boolean once;

  @Option(names = "--contact", paramLabel = "URL", description = "Contact URL sent in the User-Agent so site owners "
      + "can reach you (default: the project's page).")
  String contact;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
      description = "Sources polled at once (each host still gets one request at a time; default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FollowConfig cfg = FollowConfig.defaults().withThreads(Math.max(1, threads));
    if (contact != null) cfg = cfg.withContact(contact);
    embeddings.warn(err);
    try (Library lib = Library.open(storeOptions.data, Library.Options.defaults().withEmbeddings(embeddings.on()));
        Follower f = Follower.open(lib, cfg, FollowClock.system())) {
      if (f.sources().all().isEmpty()) {
        err.println("storyline: no sources in " + storeOptions.data + "; add one with: storyline sources add URL");
        return 2;
      }
      if (once) {
        Follower.Round r = f.runOnce(true);
        print(out, err, r);
        return r.errors() > 0 ? Main.EXIT_SKIPPED : 0; // for cron: some source failed (see the messages)
      }
      AtomicBoolean stop = new AtomicBoolean();
      Thread main = Thread.currentThread();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stop.set(true);
        main.interrupt();
      }));
      out.println("following " + f.sources().all().size() + " sources into " + storeOptions.data + " (Ctrl-C stops)");
      out.flush();
      try {
        f.run(stop::get, Duration.ofSeconds(5), r -> print(out, err, r));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    } catch (IOException e) {
      err.println("storyline: " + e.getMessage());
      return Main.EXIT_INTERNAL;
    }
  }

  static void print(PrintWriter out, PrintWriter err, Follower.Round r) {
    out.printf("polled %d of %d sources (%d unchanged): %d pages fetched, %d new articles, %d revised, "
        + "%d unchanged, %d duplicates, %d re-fetched, %d errors%n", r.polled(), r.sources(), r.notModified(),
        r.pagesFetched(), r.added(), r.revised(), r.unchanged(), r.duplicates(), r.refetched(), r.errors());
    int shown = 0;
    for (String m : r.messages()) {
      if (shown++ == 20) {
        err.println("storyline: ... and " + (r.messages().size() - 20) + " more");
        break;
      }
      err.println("storyline: " + m);
    }
    out.flush();
    err.flush();
  }
}
