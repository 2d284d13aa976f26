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
  private final org.storyline.compare.QuoteVariants quoteVariants = new org.storyline.compare.QuoteVariants();
  private final org.storyline.events.EventTimeline eventTimeline = new org.storyline.events.EventTimeline();
  private final org.storyline.compare.OutletComparison outletComparison = new org.storyline.compare.OutletComparison();

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
    return defaults(true);
  }

  /**
   * The default pipeline; {@code embeddings} false leaves sentence embeddings out of story clustering (faster; also
   * what happens when the embedding model cannot load on this platform).
   */
  public static Analyzer defaults(boolean embeddings) {
    EntityStage entityStage = org.storyline.nlp.DefaultEntityStage.defaults();
    QuoteStage quoteStage = new org.storyline.nlp.DefaultQuoteStage();
    TimexStage timexStage = new org.storyline.nlp.TimexTagger();
    StoryStage storyStage = org.storyline.cluster.OnlineStoryStage.defaults(embeddings);
    return new Analyzer(Inputs.defaults(), Extractors.defaults(), entityStage, quoteStage, timexStage, storyStage);
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
    List<Article> extracted = docs.parallelStream().map(extractor::extract).toList();
    List<Article> articles = new ArrayList<>(docs.size());
    List<InputProblem> allProblems = new ArrayList<>(problems);
    for (int i = 0; i < extracted.size(); i++) {
      Article a = extracted.get(i);
      if (a.text().isBlank()) {
        allProblems.add(new InputProblem(docs.get(i).source(), 0, "no article text found", true));
        continue;
      }
      articles.add(a);
    }
    times.record("extract", System.nanoTime() - t0);
    return analyzeArticles(articles, allProblems, times);
  }

  /**
   * Runs the stages after extraction (entities, quotes, stories, time expressions) on articles already extracted,
   * e.g. reloaded from the store. Inferred publish dates are the story stage's output, so callers should pass
   * articles without them to get the same report as from the documents.
   */
  public Report analyzeArticles(List<Article> articles) {
    return analyzeArticles(articles, List.of(), StageTimes.NONE);
  }

  /** The entities and quotes of some articles: what the story stage reads besides their text. */
  public record Annotations(List<Entity> entities, List<Quote> quotes) {}

  /**
   * Runs this pipeline's entity and quote stages only, e.g. on articles that join stories kept between runs
   * ({@link org.storyline.cluster.OnlineStoryStage#feed}), so they are read as {@link #analyzeArticles} reads them.
   */
  public Annotations annotate(List<Article> articles) {
    List<Article> supported = supported(articles);
    List<Entity> ents = entities.apply(supported);
    return new Annotations(ents, quotes.apply(supported, ents));
  }

  /**
   * Languages the entity, quote and time-expression stages are built for (their lexicons, models and rules are
   * English). An article in another language skips them, and says so; an article whose language is unknown is read.
   */
  public static final java.util.Set<String> STAGE_LANGUAGES = java.util.Set.of("en");

  static boolean supported(Article a) {
    return a.language() == null || STAGE_LANGUAGES.contains(a.language());
  }

  private static List<Article> supported(List<Article> articles) {
    List<Article> out = new ArrayList<>(articles.size());
    for (Article a : articles) if (supported(a)) out.add(a);
    return out.size() == articles.size() ? articles : out;
  }

  static String skippedNote(Article a) {
    return "entities, quotes and time expressions: not run (language " + a.language() + "; these stages support "
        + String.join(", ", new java.util.TreeSet<>(STAGE_LANGUAGES)) + " only)";
  }

  /** {@link #analyzeArticles(List)} with input problems to carry into the report and stage times to record. */
  public Report analyzeArticles(List<Article> inputOrder, List<InputProblem> problems, StageTimes times) {
    List<InputProblem> allProblems = List.copyOf(problems);
    // Every stage sees the articles in one canonical order (by id: ids are unique per input), so that entity
    // linking, events and every id the report makes do not depend on the order the inputs were named in; only the
    // report's list of articles keeps the input order.
    Integer[] order = new Integer[inputOrder.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, java.util.Comparator.comparing((Integer i) -> inputOrder.get(i).id()));
    List<Article> articles = new ArrayList<>(order.length);
    for (Integer i : order) articles.add(inputOrder.get(i));
    long t1 = System.nanoTime();
    List<Article> supported = supported(articles);
    List<Entity> ents = entities.apply(supported);
    long t2 = System.nanoTime();
    times.record("entities", t2 - t1);
    List<Quote> qs = quotes.apply(supported, ents);
    long t3 = System.nanoTime();
    times.record("quotes", t3 - t2);
    StoryStage.Result st = stories.apply(articles, ents, qs);
    long t4 = System.nanoTime();
    times.record("stories", t4 - t3);
    List<Article> finalArticles = st.articles();
    Article[] reported = new Article[order.length];
    for (int k = 0; k < order.length; k++) reported[order[k]] = finalArticles.get(k);
    // Time expressions resolve against the publish date, which the story stage may have inferred.
    List<Timex> tx = finalArticles.parallelStream().filter(Analyzer::supported)
        .flatMap(a -> timexes.apply(a).stream()).toList();
    long t5 = System.nanoTime();
    times.record("timexes", t5 - t4);
    var variants = quoteVariants.find(finalArticles, qs, st.stories(), st.storylines());
    long t6 = System.nanoTime();
    times.record("quoteVariants", t6 - t5);
    var found = eventTimeline.findAll(finalArticles, ents, qs, tx, st.stories(), st.storylines());
    var events = found.events();
    for (int k = 0; k < reported.length; k++) {
      if (!supported(reported[k])) reported[k] = reported[k].withDiagnostic(skippedNote(reported[k]));
      String note = found.diagnostics().get(reported[k].id());
      if (note != null) reported[k] = reported[k].withDiagnostic(note);
    }
    long t7 = System.nanoTime();
    times.record("events", t7 - t6);
    var outlets = outletComparison.compare(finalArticles, ents, qs, st.stories());
    times.record("outlets", System.nanoTime() - t7);
    return new Report(GENERATOR, Report.FORMAT_VERSION, List.of(reported), allProblems, ents, qs, tx, st.stories(),
        st.storylines(), variants, events, outlets);
  }
}
