package org.storyline.analyze;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.storyline.cluster.StoryStage;
import org.storyline.extract.Extractor;
import org.storyline.extract.Extractors;
import org.storyline.ingest.Inputs;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.model.InputProblem;
import org.storyline.model.Entity;
import org.storyline.model.Quote;
import org.storyline.model.Report;
import org.storyline.model.Timex;
import org.storyline.nlp.EntityStage;
import org.storyline.nlp.QuoteStage;
import org.storyline.nlp.TimexStage;

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
  private final EntityStage entities;
  private final QuoteStage quotes;
  private final TimexStage timexes;
  private final StoryStage stories;

  public Analyzer(Inputs inputs, Extractor extractor, EntityStage entities, QuoteStage quotes, TimexStage timexes,
      StoryStage stories) {
    this.inputs = java.util.Objects.requireNonNull(inputs);
    this.extractor = java.util.Objects.requireNonNull(extractor);
    this.entities = java.util.Objects.requireNonNull(entities);
    this.quotes = java.util.Objects.requireNonNull(quotes);
    this.timexes = java.util.Objects.requireNonNull(timexes);
    this.stories = java.util.Objects.requireNonNull(stories);
  }

  public static Analyzer defaults() {
    // Stages not built yet contribute nothing; each line is replaced by the real stage as it lands.
    EntityStage entityStage = articles -> List.of();
    QuoteStage quoteStage = (articles, ents) -> List.of();
    TimexStage timexStage = new org.storyline.nlp.TimexTagger();
    StoryStage storyStage = (articles, ents, qs) -> new StoryStage.Result(articles, List.of(), List.of());
    return new Analyzer(Inputs.defaults(), Extractors.defaults(), entityStage, quoteStage, timexStage, storyStage);
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
    List<Entity> ents = entities.apply(articles);
    List<Quote> qs = quotes.apply(articles, ents);
    StoryStage.Result st = stories.apply(articles, ents, qs);
    List<Article> finalArticles = st.articles();
    // Time expressions resolve against the publish date, which the story stage may have inferred.
    List<Timex> tx = new ArrayList<>();
    for (Article a : finalArticles) tx.addAll(timexes.apply(a));
    return new Report(GENERATOR, Report.FORMAT_VERSION, finalArticles, allProblems, ents, qs, tx, st.stories(),
        st.storylines());
  }
}
