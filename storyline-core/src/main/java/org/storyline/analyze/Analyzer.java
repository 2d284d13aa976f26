package org.storyline.analyze;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.storyline.extract.Extractor;
import org.storyline.extract.Extractors;
import org.storyline.ingest.Inputs;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.model.InputProblem;
import org.storyline.model.Report;

/**
 * The facade for library users: reads inputs, runs every stage and returns the report. Built once, used many times;
 * thread-safe. Same input, same report.
 *
 * <pre>{@code
 * Report r = Analyzer.defaults().analyze(List.of(Path.of("articles/")));
 * }</pre>
 */
public final class Analyzer {
  public static final String GENERATOR = "storyline 0.1.0";
  private final Inputs inputs;
  private final Extractor extractor;

  public Analyzer(Inputs inputs, Extractor extractor) {
    this.inputs = inputs;
    this.extractor = extractor;
  }

  public static Analyzer defaults() {
    return new Analyzer(Inputs.defaults(), Extractors.defaults());
  }

  public Report analyze(List<Path> paths) {
    Inputs.Collected c = inputs.readAll(paths);
    return analyzeDocuments(c.documents(), c.problems());
  }

  public Report analyzeDocuments(List<RawDocument> docs, List<InputProblem> problems) {
    List<Article> articles = new ArrayList<>(docs.size());
    List<InputProblem> allProblems = new ArrayList<>(problems);
    for (RawDocument d : docs) {
      Article a = extractor.extract(d);
      if (a.text().isBlank()) {
        allProblems.add(new InputProblem(d.source(), 0, "no article text found", true));
        continue;
      }
      articles.add(a);
    }
    return new Report(GENERATOR, Report.FORMAT_VERSION, articles, allProblems, List.of(), List.of(), List.of(),
        List.of(), List.of());
  }
}
