package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.storyline.extract.Extractor;
import org.storyline.extract.Extractors;
import org.storyline.ingest.Inputs;
import org.storyline.ingest.RawDocument;
import org.storyline.ingest.SourceReader;
import org.storyline.model.Article;
import org.storyline.model.InputProblem;
import org.storyline.store.ArticleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storyline ingest [--data DIR] PATH...}: read, clean and add articles to the embedded store. */
@Command(name = "ingest", description = "Read and clean articles (files or folders) and add them to the embedded "
    + "store: new articles are added, unchanged ones left alone, changed ones kept as a new revision. Exit code 1 "
    + "when some input was skipped or read in part (each case is printed).")
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders: .txt .md .html .htm .gz "
      + ".xml .rss .atom .warc .warc.gz .jsonl")
  List<Path> paths;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = StoreOptions.DEFAULT_DATA,
      description = "Store directory (default: ${DEFAULT-VALUE} under the working directory).")
  Path data;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "" + ArticleStore.DEFAULT_COMMIT_EVERY,
      description = "Commit after every N articles (default ${DEFAULT-VALUE}); a crash loses at most the "
          + "articles since the last commit, and re-running the same ingest restores them.")
  int commitEvery;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Extractor extractor = Extractors.defaults();
    IngestCounts counts = new IngestCounts();
    Path storeDir = data.toAbsolutePath().normalize();
    try (ArticleStore store = ArticleStore.open(data, commitEvery)) {
      SourceReader.Sink sink = new SourceReader.Sink() {
        @Override
        public void document(RawDocument doc) {
          Article a;
          try {
            a = extractor.extract(doc);
          } catch (RuntimeException e) {
            problem(new InputProblem(doc.source(), 0, "cannot extract: " + e, true));
            return;
          }
          if (a.text().isBlank()) {
            problem(new InputProblem(doc.source(), 0, "no article text found", true));
            return;
          }
          try {
            counts.add(store, a);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void problem(InputProblem p) {
          if (Path.of(p.source()).toAbsolutePath().normalize().startsWith(storeDir)) return; // the store's own files
          counts.problems.add(p);
          err.println("storyline: " + p);
        }
      };
      Inputs.defaults().read(paths, sink);
      store.commit();
      counts.print(spec.commandLine().getOut(), store);
    } catch (IOException e) {
      err.println("storyline: " + e.getMessage());
      return Main.EXIT_INTERNAL;
    }
    err.flush();
    return counts.problems.isEmpty() ? 0 : Main.EXIT_SKIPPED;
  }
}
