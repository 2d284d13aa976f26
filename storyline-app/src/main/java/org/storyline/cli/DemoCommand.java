package org.storyline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.storyline.analyze.Analyzer;
import org.storyline.model.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storyline demo}: analyses the bundled Wikinews demo corpus, prints a summary, adds the articles to the
 * embedded store and shows a search.
 */
@Command(name = "demo", description = "Analyse the bundled Wikinews demo corpus (CC BY 2.5), print a summary, add "
    + "the articles to the embedded store and show a search.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "PATH", description = "Demo corpus (default: demo/ beside bin/).")
  Path corpus;

  @Mixin StoreOptions storeOptions;

  @Mixin EmbeddingOptions embeddings;

  @Override
  public Integer call() throws Exception {
    Path c = corpus != null ? corpus : defaultCorpus();
    Report report = Analyzer.defaults(embeddings.on()).analyze(List.of(c));
    spec.commandLine().getOut().printf("Demo corpus: %s (Wikinews, CC BY 2.5; see demo/ATTRIBUTION.md)%n", c);
    Summary.print(report, spec.commandLine().getOut());
    DemoStore.ingestAndSearch(report, storeOptions.data, embeddings, spec.commandLine().getOut(),
        spec.commandLine().getErr());
    return report.problems().isEmpty() ? 0 : Main.EXIT_SKIPPED;
  }

  static Path defaultCorpus() {
    String home = System.getProperty("storyline.home");
    Path base = home != null ? Path.of(home) : Path.of(".");
    Path p = base.resolve("demo").resolve("wikinews-demo.jsonl");
    if (!Files.exists(p)) throw new IllegalStateException("demo corpus not found at " + p + "; pass --corpus");
    return p;
  }
}
