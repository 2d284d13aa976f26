package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.storyline.follow.FollowClock;
import org.storyline.follow.FollowConfig;
import org.storyline.follow.Follower;
import org.storyline.server.ServerConfig;
import org.storyline.server.StorylineServer;
import org.storyline.store.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storyline serve}: the REST API and the web UI over the embedded store. The server is the store's one
 * writer while it runs: ingest through its API, or stop it to ingest from the CLI.
 */
@Command(name = "serve", description = "Serve the web UI and the REST API (/api/, described at /openapi.json) over "
    + "the embedded store. Binds to 127.0.0.1 unless --host says otherwise; beyond loopback every write needs "
    + "--token (or STORYLINE_TOKEN).")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions storeOptions;

  @Mixin EmbeddingOptions embeddings;

  @Mixin ServerOptions serverOptions;

  @Option(names = "--token", paramLabel = "TOKEN", description = "API token required for writes "
      + "(default: $STORYLINE_TOKEN).")
  String token;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServerConfig cfg;
    try {
      cfg = serverOptions.config(token);
    } catch (IllegalArgumentException e) {
      err.println("storyline: " + e.getMessage());
      return 2;
    }
    Library lib;
    try {
      lib = Library.open(storeOptions.data, Library.Options.defaults().withEmbeddings(embeddings.on()));
    } catch (IOException e) {
      err.println("storyline: " + e.getMessage());
      return Main.storeExit(e, Main.EXIT_INTERNAL);
    }
    return serve(lib, cfg, out, err);
  }

  /** Serves {@code lib} until the process is stopped (Ctrl-C), then closes it. */
  static int serve(Library lib, ServerConfig cfg, PrintWriter out, PrintWriter err) throws IOException {
    lib.snapshot(); // load the stories before the first request
    for (String note : lib.notes()) err.println("storyline: " + note);
    StorylineServer server = StorylineServer.start(lib, cfg);
    // each story's view computed once and kept (<data>/views), so a read never runs the pipeline
    lib.precomputeViewsInBackground(n -> {
      if (n > 0) err.println("storyline: computed the views of " + n + " stories");
      err.flush();
    });
    AutoCloseable following = Follower.background(lib, FollowConfig.defaults(), FollowClock.system(),
        r -> FollowCommand.print(out, err, r)); // follows the sources (storyline sources add) while serving
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        following.close();
      } catch (Exception e) {
        // the crawl state of the last completed batch stands
      }
      server.close();
      try {
        lib.close();
      } catch (IOException e) {
        // the store's last commit stands
      }
      stopped.countDown();
    }));
    String shown = cfg.host().contains(":") ? "[" + cfg.host() + "]" : cfg.host();
    out.printf("Storyline is serving %s at http://%s:%d/  (API: /api/, /openapi.json; Ctrl-C stops)%n",
        lib.dataDir(), shown, server.port());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
