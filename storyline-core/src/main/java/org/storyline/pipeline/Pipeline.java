package org.storyline.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.storyline.analyze.StageTimes;
import org.storyline.cluster.OnlineStoryStage;
import org.storyline.cluster.StoryStage;
import org.storyline.compare.OutletComparison;
import org.storyline.compare.QuoteVariants;
import org.storyline.document.AnnotatedArticle;
import org.storyline.document.Documents;
import org.storyline.document.Segmenter;
import org.storyline.events.EventTimeline;
import org.storyline.extract.Extractor;
import org.storyline.extract.Extractors;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.InputProblem;
import org.storyline.model.Quote;
import org.storyline.model.Report;
import org.storyline.model.Timex;
import org.storyline.nlp.DefaultEntityStage;
import org.storyline.nlp.DefaultQuoteStage;
import org.storyline.nlp.EntityStage;
import org.storyline.nlp.QuoteStage;
import org.storyline.nlp.TimexStage;
import org.storyline.nlp.TimexTagger;

/**
 * The one assembly of Storyline's stages, used by every entry point: {@code analyze}, {@code ingest}, {@code demo},
 * the store's story views, the server and the evaluation. Build it once with {@link #builder()} (or
 * {@link #defaults(boolean)}) and share it: it is immutable and thread-safe, and it only runs stages; it never reads
 * files nor keeps state between calls.
 *
 * <p>The stages, in order:
 * <ol>
 *   <li>per document: {@link Extractor} (clean text and metadata), see {@link #extract(List)};</li>
 *   <li>per article: {@link Segmenter}, its tokens and sentences, computed once into an {@link AnnotatedArticle}
 *       that the later stages add to and read (the entity stage's recogniser and linker, the time-expression stage,
 *       outlet comparison and fact tables share them);</li>
 *   <li>per corpus: {@link EntityStage} (mentions, aliases merged), {@link QuoteStage} (quotes resolved to those
 *       entities), see {@link #annotate(List)};</li>
 *   <li>per corpus: {@link StoryStage} (stories, storylines, inferred publish dates);</li>
 *   <li>per article, against the (possibly inferred) publish date: {@link TimexStage};</li>
 *   <li>per corpus, given the stories: quote variants, dated events, outlet comparison, fact tables and summaries
 *       ({@link org.storyline.facts.FactTables}), see {@link #views}.</li>
 * </ol>
 * {@link #run} chains them all; {@link #views} runs 2, 3, 5 and 6 for stories decided elsewhere (the store's kept
 * stories), so a story shown by the server reads exactly as the same articles read in a report.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder().embeddings(false).build();
 * Report r = p.run(p.extract(docs));
 * }</pre>
 */
public final class Pipeline {
  public static final String GENERATOR = "storyline 0.1.0";
  /** Sentence vectors the fact tables keep (about 1.6 kB each: 20,000 are about 33 MB). */
  static final int FACT_VECTORS_KEPT = 20_000;

  private final Extractor extractor;
  private final EntityStage entities;
  private final QuoteStage quotes;
  private final TimexStage timexes;
  private final StoryStage stories;
  private final QuoteVariants quoteVariants = new QuoteVariants();
  private final EventTimeline eventTimeline = new EventTimeline();
  private final OutletComparison outletComparison = new OutletComparison();
  private final org.storyline.facts.FactTables factTables;
  private final Segmenter segmenter = new Segmenter();

  private Pipeline(Builder b) {
    this.extractor = b.extractor != null ? b.extractor : Extractors.defaults();
    this.entities = b.entities != null ? b.entities : DefaultEntityStage.defaults();
    this.quotes = b.quotes != null ? b.quotes : new DefaultQuoteStage();
    this.timexes = b.timexes != null ? b.timexes : new TimexTagger();
    this.stories = b.stories != null ? b.stories : OnlineStoryStage.defaults(b.embeddings);
    boolean factEmbeddings = b.factEmbeddings != null ? b.factEmbeddings : b.embeddings;
    // a story's fact table is computed again when an article joins it: its other sentences' vectors are kept
    this.factTables = new org.storyline.facts.FactTables(factEmbeddings
        ? org.storyline.nlp.CachedEmbedder.of(org.storyline.nlp.MiniLmEmbedder.sharedOrNull(), FACT_VECTORS_KEPT)
        : null);
  }

  /** A builder with every stage at its default; replace any of them. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default pipeline, with or without sentence embeddings in story clustering. */
  public static Pipeline defaults(boolean embeddings) {
    return builder().embeddings(embeddings).build();
  }

  /** Assembles a {@link Pipeline}; each stage not set is the default one. Not thread-safe; build() may be reused. */
  public static final class Builder {
    private Extractor extractor;
    private EntityStage entities;
    private QuoteStage quotes;
    private TimexStage timexes;
    private StoryStage stories;
    private boolean embeddings = true;
    private Boolean factEmbeddings;

    private Builder() {}

    public Builder extractor(Extractor e) {
      this.extractor = Objects.requireNonNull(e, "extractor");
      return this;
    }

    public Builder entities(EntityStage s) {
      this.entities = Objects.requireNonNull(s, "entities");
      return this;
    }

    public Builder quotes(QuoteStage s) {
      this.quotes = Objects.requireNonNull(s, "quotes");
      return this;
    }

    public Builder timexes(TimexStage s) {
      this.timexes = Objects.requireNonNull(s, "timexes");
      return this;
    }

    /** The story stage; when set, {@link #embeddings} no longer matters. */
    public Builder stories(StoryStage s) {
      this.stories = Objects.requireNonNull(s, "stories");
      return this;
    }

    /** Sentence embeddings in the default story stage and in fact tables (default true; off is faster). */
    public Builder embeddings(boolean on) {
      this.embeddings = on;
      return this;
    }

    /**
     * Sentence embeddings in fact tables only (default: as {@link #embeddings}). They cost one embedding per sentence
     * of every story with several reports (about 8 ms of CPU each), so a caller that builds views on demand may turn
     * them off here and keep them for clustering; fact tables then compare words, names, numbers and dates.
     */
    public Builder factEmbeddings(boolean on) {
      this.factEmbeddings = on;
      return this;
    }

    public Pipeline build() {
      return new Pipeline(this);
    }
  }

  /** The story stage (an {@link OnlineStoryStage} unless the builder was given another). */
  public StoryStage storyStage() {
    return stories;
  }

  /** The articles of some documents and, for those that gave none, a problem saying why. Input order kept. */
  public record Extracted(List<Article> articles, List<InputProblem> problems) {
    public Extracted {
      articles = List.copyOf(articles);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Cleans each document (in parallel on the common pool; results keep input order). A document whose extraction
   * throws, or that has no text, becomes a problem instead of an article: one bad document never stops the rest.
   */
  public Extracted extract(List<RawDocument> docs) {
    List<Object> out = docs.parallelStream().map(d -> {
      try {
        return (Object) extractor.extract(d);
      } catch (RuntimeException e) {
        return new InputProblem(d.source(), 0, "cannot extract: " + e, true);
      }
    }).toList();
    List<Article> articles = new ArrayList<>(docs.size());
    List<InputProblem> problems = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof InputProblem p) {
        problems.add(p);
      } else if (out.get(i) instanceof Article a) {
        if (a.text().isBlank()) {
          problems.add(new InputProblem(docs.get(i).source(), 0, "no article text found", true));
        } else {
          articles.add(a);
        }
      }
    }
    return new Extracted(articles, problems);
  }

  /** The entities and quotes of some articles: what the story stage reads besides their text. */
  public record Annotations(List<Entity> entities, List<Quote> quotes) {
    public Annotations {
      entities = List.copyOf(entities);
      quotes = List.copyOf(quotes);
    }
  }

  /**
   * Languages the entity, quote and time-expression stages are built for (their lexicons, models and rules are
   * English). An article in another language skips them, and its diagnostics say so; an article whose language is
   * unknown is read.
   */
  public static final java.util.Set<String> STAGE_LANGUAGES = java.util.Set.of("en");

  /** Whether the language stages read this article ({@link #STAGE_LANGUAGES}, or language unknown). */
  public static boolean supported(Article a) {
    return a.language() == null || STAGE_LANGUAGES.contains(a.language());
  }

  static String skippedNote(Article a) {
    return "entities, quotes and time expressions: not run (language " + a.language() + "; these stages support "
        + String.join(", ", new java.util.TreeSet<>(STAGE_LANGUAGES)) + " only)";
  }

  /**
   * Runs the entity and quote stages on these articles (entities are merged across them); articles in a language
   * the stages do not support get none.
   */
  public Annotations annotate(List<Article> articles) {
    Annotated an = annotate(segment(articles), StageTimes.NONE);
    return new Annotations(an.entities, an.quotes);
  }

  /** Each article's tokens and sentences, once (in parallel on the common pool; order kept). */
  private List<AnnotatedArticle> segment(List<Article> articles) {
    return articles.parallelStream().map(segmenter::segment).toList();
  }

  /** The run's documents (those of supported languages with their mentions and quotes), entities and quotes. */
  private record Annotated(List<AnnotatedArticle> docs, List<Entity> entities, List<Quote> quotes) {}

  /**
   * The entity stage (per document in parallel, then linked across them) and the quote stage on the documents of
   * supported languages; each document gets its mentions and quotes.
   */
  private Annotated annotate(List<AnnotatedArticle> docs, StageTimes times) {
    long t1 = System.nanoTime();
    List<AnnotatedArticle> read = new ArrayList<>(docs.size());
    for (AnnotatedArticle d : docs) if (supported(d.article())) read.add(d);
    List<AnnotatedArticle> recognized = read.parallelStream().map(entities::recognize).toList();
    List<Entity> ents = entities.link(recognized);
    long t2 = System.nanoTime();
    times.record("entities", t2 - t1);
    List<Quote> qs = quotes.apply(recognized.stream().map(AnnotatedArticle::article).toList(), ents);
    times.record("quotes", System.nanoTime() - t2);
    java.util.Map<String, List<Quote>> byArticle = new java.util.HashMap<>();
    for (Quote q : qs) byArticle.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q);
    java.util.Map<String, AnnotatedArticle> done = new java.util.HashMap<>();
    for (AnnotatedArticle d : recognized) done.put(d.id(), d.withQuotes(byArticle.getOrDefault(d.id(), List.of())));
    List<AnnotatedArticle> out = new ArrayList<>(docs.size());
    for (AnnotatedArticle d : docs) out.add(done.getOrDefault(d.id(), d));
    return new Annotated(out, ents, qs);
  }

  /** {@link #run(List, List, StageTimes)} with no input problems and no timing. */
  public Report run(List<Article> articles) {
    return run(articles, List.of(), StageTimes.NONE);
  }

  /**
   * Every stage after extraction on these articles; {@code problems} are carried into the report. Every stage sees
   * the articles in one canonical order (by id: ids are unique per input), so that entity linking, events and every
   * id the report makes do not depend on the order the inputs were named in; only the report's list of articles
   * keeps the given order.
   */
  public Report run(List<Article> inputOrder, List<InputProblem> problems, StageTimes times) {
    Integer[] order = new Integer[inputOrder.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, java.util.Comparator.comparing((Integer i) -> inputOrder.get(i).id()));
    List<Article> articles = new ArrayList<>(order.length);
    for (Integer i : order) articles.add(inputOrder.get(i));
    long t0 = System.nanoTime();
    List<AnnotatedArticle> docs = segment(articles);
    times.record("sentences", System.nanoTime() - t0);
    Annotated an = annotate(docs, times);
    long t3 = System.nanoTime();
    StoryStage.Result st = stories.apply(articles, an.entities, an.quotes);
    times.record("stories", System.nanoTime() - t3);
    Report r = finish(st, an, problems, times);
    Article[] reported = new Article[order.length];
    for (int k = 0; k < order.length; k++) reported[order[k]] = r.articles().get(k);
    return new Report(r.generator(), r.formatVersion(), List.of(reported), r.problems(), r.entities(), r.quotes(),
        r.timexes(), r.stories(), r.storylines(), r.quoteVariants(), r.events(), r.outlets(), r.facts(),
        r.summaries());
  }

  /**
   * The report of articles whose stories were decided elsewhere (the store's kept stories): entities, quotes, time
   * expressions, quote variants, events and outlet comparison for {@code stories}' articles, which carry their final
   * (possibly inferred) publish dates.
   */
  public Report views(StoryStage.Result stories) {
    // the canonical order of run(): by id, so a story reads the same whatever order its articles are listed in
    List<Article> byId = stories.articles().stream().sorted(java.util.Comparator.comparing(Article::id)).toList();
    StoryStage.Result st = new StoryStage.Result(byId, stories.stories(), stories.storylines());
    return finish(st, annotate(segment(byId), StageTimes.NONE), List.of(), StageTimes.NONE);
  }

  private Report finish(StoryStage.Result st, Annotated an, List<InputProblem> problems, StageTimes times) {
    List<Entity> ents = an.entities;
    List<Quote> qs = an.quotes;
    long t4 = System.nanoTime();
    List<Article> finalArticles = st.articles();
    // Time expressions resolve against the publish date, which the story stage may have inferred: each document
    // takes its article's final version, then its time expressions.
    Documents byId = Documents.of(an.docs);
    List<AnnotatedArticle> docs = finalArticles.parallelStream().map(a -> {
      AnnotatedArticle d = byId.of(a).withArticle(a);
      return supported(a) ? d.withTimexes(timexes.apply(a)) : d;
    }).toList();
    List<Timex> tx = docs.stream().filter(d -> d.timexes() != null).flatMap(d -> d.timexes().stream()).toList();
    Documents documents = Documents.of(docs);
    long t5 = System.nanoTime();
    times.record("timexes", t5 - t4);
    var variants = quoteVariants.find(finalArticles, qs, st.stories(), st.storylines());
    long t6 = System.nanoTime();
    times.record("quoteVariants", t6 - t5);
    var found = eventTimeline.findAll(finalArticles, ents, qs, tx, st.stories(), st.storylines());
    long t7 = System.nanoTime();
    times.record("events", t7 - t6);
    var outlets = outletComparison.compare(finalArticles, ents, qs, st.stories(), documents);
    long t8 = System.nanoTime();
    times.record("outlets", t8 - t7);
    // facts by meaning: the tables, the summaries, and the outlet comparison's unique facts taken from the tables
    var facts = factTables.apply(finalArticles, ents, qs, tx, st.stories(), st.storylines(), outlets, documents);
    times.record("facts", System.nanoTime() - t8);
    // what a stage left out of an article is said on the article: another language, a cap on dated mentions
    List<Article> reported = new ArrayList<>(finalArticles.size());
    for (Article a : finalArticles) {
      Article r = supported(a) ? a : a.withDiagnostic(skippedNote(a));
      String note = found.diagnostics().get(a.id());
      reported.add(note == null ? r : r.withDiagnostic(note));
    }
    return new Report(GENERATOR, Report.FORMAT_VERSION, reported, problems, ents, qs, tx, st.stories(),
        st.storylines(), variants, found.events(), facts.outlets(), facts.tables(), facts.summaries());
  }
}
