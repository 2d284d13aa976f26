package org.storyline.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.storyline.analyze.Analyzer;
import org.storyline.analyze.ReportJson;
import org.storyline.model.InputProblem;
import org.storyline.model.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storyline analyze PATH... [--out report.json]}. */
@Command(name = "analyze", description = "Analyse articles (files or folders) and write the JSON report, "
    + "or print a readable summary without --out.")
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders: .txt .md .html .htm .gz "
      + ".xml .rss .atom .warc .warc.gz .jsonl")
  List<Path> paths;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON report here (docs/report.md).")
  Path out;

  @picocli.CommandLine.Mixin EmbeddingOptions embeddings;

  @Override
  public Integer call() throws Exception {
    Report report = Analyzer.defaults(embeddings.on()).analyze(paths);
    PrintWriter err = spec.commandLine().getErr();
    embeddings.warn(err);
    for (InputProblem p : report.problems()) err.println("storyline: " + p);
    if (out != null) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      try (OutputStream o = Files.newOutputStream(out)) {
        ReportJson.write(report, o);
      }
      spec.commandLine().getOut().printf("wrote %s: %d articles, %d stories, %d quotes%n", out,
          report.articles().size(), report.stories().size(), report.quotes().size());
    } else {
      Summary.print(report, spec.commandLine().getOut());
    }
    return report.problems().isEmpty() ? 0 : Main.EXIT_SKIPPED;
  }
}
