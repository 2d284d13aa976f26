package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code storyline ingest [--data DIR] PATH...}: read, clean and add articles to the embedded store. Documents are
 * cleaned in parallel batches and added in input order, so the store's content does not depend on thread timing.
 */
@Command(name = "ingest", description = "Read and clean articles (files or folders) and add them to the embedded "
    + "store: new articles are added, unchanged ones left alone, changed ones kept as a new revision. Exit code 1 "
    + "when some input was skipped or read in part (each case is printed).")
final class IngestCommand implements Callable<Integer> {
  /** Raw documents cleaned together (in parallel) before they are added in order. */
  private static final int BATCH = 256;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders: .txt .md .html .htm .gz "
      + ".xml .rss .atom .warc .warc.gz .jsonl")
  List<Path> paths;

  @Mixin StoreOptions storeOptions;

  @Mixin EmbeddingOptions embeddings;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "" + ArticleStore.DEFAULT_COMMIT_EVERY,
      description = "Commit after every N articles (default ${DEFAULT-VALUE}); a crash loses at most the "
          + "articles since the last commit, and re-running the same ingest restores them.")
  int commitEvery;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (commitEvery < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--commit-every takes 1 or more");
    }
    Extractor extractor = Extractors.defaults();
    IngestCounts counts = new IngestCounts();
    Path storeDir = storeOptions.data.toAbsolutePath().normalize();
    try (ArticleStore store = ArticleStore.open(storeOptions.data, commitEvery)) {
      List<RawDocument> batch = new ArrayList<>(BATCH);
      SourceReader.Sink sink = new SourceReader.Sink() {
        @Override
        public void document(RawDocument doc) {
          batch.add(doc);
          if (batch.size() >= BATCH) flush(batch, extractor, store, counts, this);
        }

        @Override
        public void problem(InputProblem p) {
          if (Path.of(p.source()).toAbsolutePath().normalize().startsWith(storeDir)) return; // the store's own files
          counts.problems.add(p);
          err.println("storyline: " + p);
        }
      };
      Inputs.defaults().read(paths, sink);
      flush(batch, extractor, store, counts, sink);
      store.commit();
      counts.print(spec.commandLine().getOut(), store);
      StoreStories.assignAndSave(store, counts.addedKeys, embeddings, spec.commandLine().getOut(), err);
    } catch (IOException | UncheckedIOException e) {
      err.println("storyline: " + Main.describe(e));
      return Main.storeExit(e, Main.EXIT_INTERNAL);
    }
    err.flush();
    return counts.problems.isEmpty() ? 0 : Main.EXIT_SKIPPED;
  }

  private static void flush(List<RawDocument> batch, Extractor extractor, ArticleStore store, IngestCounts counts,
      SourceReader.Sink sink) {
    List<Object> cleaned = batch.parallelStream().map(d -> {
      try {
        return (Object) extractor.extract(d);
      } catch (RuntimeException e) {
        return new InputProblem(d.source(), 0, "cannot extract: " + e, true);
      }
    }).toList();
    for (int i = 0; i < cleaned.size(); i++) {
      if (cleaned.get(i) instanceof InputProblem p) {
        sink.problem(p);
      } else if (cleaned.get(i) instanceof Article a) {
        if (a.text().isBlank()) {
          sink.problem(new InputProblem(batch.get(i).source(), 0, "no article text found", true));
          continue;
        }
        try {
          counts.add(store, a);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    batch.clear();
  }
}
