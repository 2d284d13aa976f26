package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.storyline.store.ArticleStore;
import org.storyline.store.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code storyline ingest [--data DIR] PATH...}: read, clean and add articles to the embedded store, then assign the
 * new ones to stories ({@link Library#ingest}). Documents are cleaned in parallel batches and added in input order,
 * so the store's content does not depend on thread timing.
 */
@Command(name = "ingest", description = "Read and clean articles (files or folders) and add them to the embedded "
    + "store: new articles are added, unchanged ones left alone, changed ones kept as a new revision. Exit code 1 "
    + "when some input was skipped or read in part (each case is printed).")
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders: .txt .md .html .htm .gz "
      + ".xml .rss .atom .warc .warc.gz .jsonl .json")
  List<Path> paths;

  @Mixin StoreOptions storeOptions;

  @Mixin EmbeddingOptions embeddings;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "" + ArticleStore.DEFAULT_COMMIT_EVERY,
      description = "Commit after every N articles (default ${DEFAULT-VALUE}); a crash loses at most the "
          + "articles since the last commit, and re-running the same ingest restores them.")
  int commitEvery;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (commitEvery < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--commit-every takes 1 or more");
    }
    Library.IngestResult r;
    try (Library lib = Library.open(storeOptions.data, new Library.Options(embeddings.on(), commitEvery))) {
      r = lib.ingest(paths, p -> err.println("storyline: " + p));
      print(out, lib, r);
      for (String note : lib.notes()) err.println("storyline: " + note);
      if (lib.notes().stream().noneMatch(n -> n.contains("sentence embeddings"))) embeddings.warn(err);
    } catch (IOException | UncheckedIOException e) {
      err.println("storyline: " + Main.describe(e));
      return Main.storeExit(e, Main.EXIT_INTERNAL);
    }
    err.flush();
    return r.problems().isEmpty() ? 0 : Main.EXIT_SKIPPED;
  }

  /** The two lines a user reads after an ingest (also printed by {@code demo}). */
  static void print(PrintWriter out, Library lib, Library.IngestResult r) {
    out.printf("%s: %d added, %d unchanged, %d revised, %d skipped, %d read in part; %d articles in the store%n",
        lib.dataDir(), r.added(), r.unchanged(), r.revised(), r.skipped(), r.partial(), r.articles());
    out.printf("Stories: %d articles assigned to stories; %d stories in the store%n", r.assigned(), r.stories());
    out.flush();
  }
}
