package org.storyline.analyze;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.storyline.cluster.StoryStage;
import org.storyline.extract.Extractor;
import org.storyline.ingest.Inputs;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.InputProblem;
import org.storyline.model.Quote;
import org.storyline.model.Report;
import org.storyline.nlp.EntityStage;
import org.storyline.nlp.QuoteStage;
import org.storyline.nlp.TimexStage;
import org.storyline.pipeline.Pipeline;

/**
 * The facade for library users: reads inputs and runs the {@link Pipeline} on them. Built once, used many times;
 * thread-safe. Same input, same report.
 *
 * <pre>{@code
 * Report r = Analyzer.defaults().analyze(List.of(Path.of("articles/")));
 * }</pre>
 */
public final class Analyzer {
  public static final String GENERATOR = Pipeline.GENERATOR;
  private final Inputs inputs;
  private final Pipeline pipeline;

  public Analyzer(Inputs inputs, Pipeline pipeline) {
    this.inputs = Objects.requireNonNull(inputs);
    this.pipeline = Objects.requireNonNull(pipeline);
  }

  /** Kept for callers that assemble stages themselves; prefer {@link Pipeline#builder()}. */
  public Analyzer(Inputs inputs, Extractor extractor, EntityStage entities, QuoteStage quotes, TimexStage timexes,
      StoryStage stories) {
    this(inputs, Pipeline.builder().extractor(extractor).entities(entities).quotes(quotes).timexes(timexes)
        .stories(stories).build());
  }

  public static Analyzer defaults() {
    return defaults(true);
  }

  /**
   * The default pipeline; {@code embeddings} false leaves sentence embeddings out of story clustering (faster; also
   * what happens when the embedding model cannot load on this platform).
   */
  public static Analyzer defaults(boolean embeddings) {
    return new Analyzer(Inputs.defaults(), Pipeline.defaults(embeddings));
  }

  /** Languages the entity, quote and time-expression stages read: {@link Pipeline#STAGE_LANGUAGES}. */
  public static final java.util.Set<String> STAGE_LANGUAGES = Pipeline.STAGE_LANGUAGES;

  /** The pipeline this facade runs. */
  public Pipeline pipeline() {
    return pipeline;
  }

  public Report analyze(List<Path> paths) {
    Inputs.Collected c = inputs.readAll(paths);
    return analyzeDocuments(c.documents(), c.problems());
  }

  public Report analyzeDocuments(List<RawDocument> docs, List<InputProblem> problems) {
    return analyzeDocuments(docs, problems, StageTimes.NONE);
  }

  /**
   * Runs every stage, recording each stage's wall time in {@code times}. Per-article stages run on the common
   * fork-join pool (both cores); results keep input order, so the report does not depend on the thread count.
   */
  public Report analyzeDocuments(List<RawDocument> docs, List<InputProblem> problems, StageTimes times) {
    long t0 = System.nanoTime();
    Pipeline.Extracted x = pipeline.extract(docs);
    List<InputProblem> all = new ArrayList<>(problems);
    all.addAll(x.problems());
    times.record("extract", System.nanoTime() - t0);
    return pipeline.run(x.articles(), all, times);
  }

  /**
   * Runs the stages after extraction (entities, quotes, stories, time expressions) on articles already extracted,
   * e.g. reloaded from the store. Inferred publish dates are the story stage's output, so callers should pass
   * articles without them to get the same report as from the documents.
   */
  public Report analyzeArticles(List<Article> articles) {
    return pipeline.run(articles);
  }

  /** The entities and quotes of some articles: what the story stage reads besides their text. */
  public record Annotations(List<Entity> entities, List<Quote> quotes) {}

  /**
   * Runs this pipeline's entity and quote stages only, e.g. on articles that join stories kept between runs
   * ({@link org.storyline.cluster.OnlineStoryStage#feed}), so they are read as {@link #analyzeArticles} reads them.
   */
  public Annotations annotate(List<Article> articles) {
    Pipeline.Annotations a = pipeline.annotate(articles);
    return new Annotations(a.entities(), a.quotes());
  }

  /** {@link #analyzeArticles(List)} with input problems to carry into the report and stage times to record. */
  public Report analyzeArticles(List<Article> articles, List<InputProblem> problems, StageTimes times) {
    return pipeline.run(articles, problems, times);
  }
}
