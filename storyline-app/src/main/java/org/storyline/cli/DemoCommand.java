package org.storyline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.storyline.analyze.Analyzer;
import org.storyline.model.Report;
import org.storyline.server.ServerConfig;
import org.storyline.store.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storyline demo}: analyses the bundled Wikinews demo corpus, prints a summary, adds the articles to the
 * embedded store, shows a search, then serves the web UI over that store (printing its URL) until stopped;
 * {@code --no-serve} ends after the summary, for scripts and tests.
 */
@Command(name = "demo", description = "Analyse the bundled Wikinews demo corpus (CC BY 2.5), print a summary, add "
    + "the articles to the embedded store, show a search, then serve the web UI over the store (Ctrl-C stops; "
    + "--no-serve ends after the summary).")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "PATH", description = "Demo corpus (default: demo/ beside bin/).")
  Path corpus;

  @Mixin StoreOptions storeOptions;

  @Mixin EmbeddingOptions embeddings;

  @Option(names = "--no-serve", description = "Print the summary and exit instead of serving the web UI.")
  boolean noServe;

  @Mixin ServerOptions serverOptions;

  @Override
  public Integer call() throws Exception {
    Path c = corpus != null ? corpus : defaultCorpus();
    Report report = Analyzer.defaults(embeddings.on()).analyze(List.of(c));
    spec.commandLine().getOut().printf("Demo corpus: %s (Wikinews, CC BY 2.5; see demo/ATTRIBUTION.md)%n", c);
    Summary.print(report, spec.commandLine().getOut());
    DemoStore.ingestAndSearch(report, storeOptions.data, embeddings, spec.commandLine().getOut(),
        spec.commandLine().getErr());
    int code = report.problems().isEmpty() ? 0 : Main.EXIT_SKIPPED;
    if (noServe) return code;
    return serve();
  }

  /** Serves the web UI over the demo's store until the process is stopped. */
  private int serve() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServerConfig cfg;
    try {
      cfg = serverOptions.config(null);
    } catch (IllegalArgumentException e) {
      err.println("storyline: " + e.getMessage());
      return 2;
    }
    out.println();
    out.println("Open the web UI in a browser: stories, quotes, entities, outlets and events of the demo corpus.");
    out.flush();
    Library lib = Library.open(storeOptions.data, Library.Options.defaults().withEmbeddings(embeddings.on()));
    try {
      return ServeCommand.serve(lib, cfg, out, err);
    } catch (RuntimeException e) {
      lib.close();
      if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("bind")
          || e.getCause() instanceof java.net.BindException) {
        err.println("storyline: cannot listen on " + serverOptions.host + ":" + serverOptions.port
            + " (in use?): pass --port N (0 picks a free one), or --no-serve");
        return 2;
      }
      throw e;
    }
  }

  static Path defaultCorpus() {
    String home = System.getProperty("storyline.home");
    Path base = home != null ? Path.of(home) : Path.of(".");
    Path p = base.resolve("demo").resolve("wikinews-demo.jsonl");
    if (!Files.exists(p)) throw new IllegalStateException("demo corpus not found at " + p + "; pass --corpus");
    return p;
  }
}
