package org.storyline.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Quote;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

/**
 * The default {@link StoryStage}: streams the articles, in publish order (dated first; within a day by time of day, then the longer text first, then by id), through a fresh
 * {@link StoryIndex}; groups copies inside each story; infers missing publish dates from story mates; labels stories;
 * links stories into storylines. Entities and quotes are used when given (entity names and quoted words become
 * features); without them capitalised names and quotation marks in the text stand in.
 *
 * <p>Thread-safe and deterministic: features are computed in parallel, assignment is sequential in a canonical order,
 * so the same articles in any input order and on any number of threads give the same stories.
 *
 * <pre>{@code
 * StoryStage.Result r = new OnlineStoryStage().apply(articles, entities, quotes);
 * }</pre>
 */
public final class OnlineStoryStage implements StoryStage {
  private final ClusterConfig cfg;
  private final org.storyline.nlp.Embedder embedder;
  private final EmbeddingConfig emb;

  /** Terms, names and quotes only (no sentence embeddings). */
  public OnlineStoryStage() {
    this(ClusterConfig.DEFAULTS);
  }

  public OnlineStoryStage(ClusterConfig cfg) {
    this(cfg, null, null);
  }

  /**
   * With sentence embeddings as a further evidence channel when {@code embedder} and {@code emb} are not null
   * (each article's title and lead are embedded in parallel with its other features).
   */
  public OnlineStoryStage(ClusterConfig cfg, org.storyline.nlp.Embedder embedder, EmbeddingConfig emb) {
    this.cfg = java.util.Objects.requireNonNull(cfg);
    this.embedder = emb == null ? null : embedder;
    this.emb = embedder == null ? null : emb;
  }

  /**
   * The default stage: {@link ClusterConfig#DEFAULTS}, with the all-MiniLM-L6-v2 sentence embeddings as a further
   * evidence channel when {@code embeddings} is true and the model loads on this platform (otherwise without).
   */
  public static OnlineStoryStage defaults(boolean embeddings) {
    org.storyline.nlp.Embedder e = embeddings ? org.storyline.nlp.MiniLmEmbedder.sharedOrNull() : null;
    return new OnlineStoryStage(ClusterConfig.DEFAULTS, e, EmbeddingConfig.DEFAULTS);
  }

  /** The stage's result plus, per article, why it went to its story, and the merge events. */
  public record Outcome(StoryStage.Result result, List<Assignment> assignments, List<StoryIndex.Event> events) {}

  @Override
  public Result apply(List<Article> articles, List<Entity> entities, List<Quote> quotes) {
    return run(articles, entities, quotes).result();
  }

  public Outcome run(List<Article> articles, List<Entity> entities, List<Quote> quotes) {
    StoryIndex index = newIndex(emb);
    // one article into an empty index starts a story whatever its embedding (nothing to compare it with): the model
    // run, most of the cost of analysing one article alone, is skipped; the result is the same
    boolean alone = articles.stream().map(Article::id).distinct().limit(2).count() < 2;
    Fed fed = assign(index, articles, entities, quotes, embedder != null && !alone);
    Result r = summarize(index, fed.features(), fed.articles(), articles, Labels::squaredNorm);
    return new Outcome(r, fed.assignments(), index.events());
  }

  private StoryIndex newIndex(EmbeddingConfig e) {
    return new StoryIndex(cfg, Idf.withBackground(), e);
  }

  /** Features of the assigned articles by id, the articles by id, and the assignments in arrival order. */
  private record Fed(Map<String, ArticleFeatures> features, Map<String, Article> articles,
      List<Assignment> assignments, Map<String, float[]> embeddings) {}

  /**
   * Computes the articles' features (and embeddings when {@code embed}) in parallel and adds them to {@code index}
   * one by one in the canonical order: publish day (undated last), time of day, the longer text first, then id. The first of several articles with one
   * id counts.
   */
  private Fed assign(StoryIndex index, List<Article> articles, List<Entity> entities, List<Quote> quotes,
      boolean embed) {
    Map<String, List<String>> names = new HashMap<>();
    for (Entity e : entities) {
      for (Mention m : e.mentions()) names.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(e.name());
    }
    Map<String, List<String>> quoted = new HashMap<>();
    for (Quote q : quotes) {
      if (q.text() != null) quoted.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q.text());
    }
    List<ArticleFeatures> feats = articles.parallelStream()
        .map(a -> ArticleFeatures.of(a, names.getOrDefault(a.id(), List.of()), quoted.getOrDefault(a.id(), List.of()),
            cfg))
        .toList();
    List<float[]> embeddings = !embed || embedder == null ? null
        : articles.parallelStream().map(a -> embedder.embed(emb.text(a))).toList();
    Map<String, float[]> embeddingById = new HashMap<>();
    for (int i = 0; embeddings != null && i < articles.size(); i++) {
      embeddingById.putIfAbsent(articles.get(i).id(), embeddings.get(i));
    }
    Map<String, ArticleFeatures> byId = new HashMap<>();
    Map<String, Article> articleById = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      byId.putIfAbsent(articles.get(i).id(), feats.get(i));
      articleById.putIfAbsent(articles.get(i).id(), articles.get(i));
    }
    // each article's place computed once, not on every comparison of the sort
    Map<String, PublishKey> keys = new HashMap<>();
    for (Article a : articleById.values()) keys.put(a.id(), PublishKey.of(a));
    List<ArticleFeatures> order = new ArrayList<>(byId.values());
    order.sort(Comparator.comparing((ArticleFeatures f) -> keys.get(f.id())));
    List<Assignment> assignments = new ArrayList<>();
    for (ArticleFeatures f : order) assignments.add(index.add(f, embeddingById.get(f.id())));
    return new Fed(byId, articleById, assignments, embeddingById);
  }

  /**
   * The order articles are assigned in: publish day (undated last), then the time of day where the date has one,
   * then the longer text first (a day's fuller report opens its story), then id. Nothing in it depends on how the
   * articles are named unless they are alike in all the rest.
   */
  public static final Comparator<Article> PUBLISH_ORDER = Comparator.comparing(PublishKey::of);

  /** An article's place in {@link #PUBLISH_ORDER}. */
  private record PublishKey(long day, String time, int negLength, String id) implements Comparable<PublishKey> {
    private static final Comparator<PublishKey> ORDER = Comparator.comparingLong(PublishKey::day)
        .thenComparing(PublishKey::time).thenComparingInt(PublishKey::negLength).thenComparing(PublishKey::id);

    static PublishKey of(Article a) {
      return new PublishKey(dayOf(a), timeOfDay(a), -textLength(a), a.id());
    }

    @Override
    public int compareTo(PublishKey o) {
      return ORDER.compare(this, o);
    }
  }

  /** The time-of-day part of an article's publish date ("" when it has none), which orders one day's articles. */
  static String timeOfDay(Article a) {
    String p = a == null ? null : a.published();
    int t = p == null ? -1 : p.indexOf('T');
    return t < 0 ? "" : p.substring(t + 1);
  }

  static int textLength(Article a) {
    return a == null || a.text() == null ? 0 : a.text().length();
  }

  /** A new, empty stream to keep between runs (with this stage's sentence embeddings when it has them). */
  public StoryStream newStream() {
    return new StoryStream(newIndex(emb), emb != null);
  }

  /**
   * Reads a stream saved by {@link StoryStream#save} (the state file, then the articles its log adds, assigned again
   * in their order) and gives it this stage's tunables. A stream started with
   * sentence embeddings keeps using them when this stage has the model (and goes on without them otherwise); one
   * started without them never starts using them, so its stories stay comparable.
   *
   * @throws java.nio.file.NoSuchFileException when there is no such file
   * @throws java.io.IOException when the file is of another format version or damaged (start a new stream)
   */
  public StoryStream resume(java.nio.file.Path file) throws java.io.IOException {
    StoryStream s = attach(StoryStream.read(file));
    s.replayLog(file);
    return s;
  }

  /**
   * Gives a stream read back by other means than {@link #resume} (a stream engine's checkpointed state, written with
   * Java serialisation) this stage's tunables, on the same terms as {@link #resume}; returns it.
   */
  public StoryStream attach(StoryStream s) {
    s.index.attach(cfg, s.embeddings() ? emb : null);
    return s;
  }

  /**
   * Assigns the articles the stream has not seen to stories, against the stories it holds, without reconsidering
   * any earlier decision. New articles go in the canonical order (publish day, undated last; time of day; the longer text first; id). Returns why
   * each new article went where it did, in the order they were added.
   */
  public List<Assignment> feed(StoryStream stream, List<Article> articles, List<Entity> entities,
      List<Quote> quotes) {
    List<Article> fresh = articles.stream().filter(a -> !stream.contains(a.id())).toList();
    if (fresh.isEmpty()) return List.of();
    Fed fed = assign(stream.index, fresh, entities, quotes, stream.embeddings() && stream.index.embeddings());
    for (Assignment a : fed.assignments()) {
      stream.record(fed.features().get(a.article()), fed.embeddings().get(a.article()), a);
    }
    return fed.assignments();
  }

  /**
   * The stories and storylines of a stream, given the current versions of its articles (articles the stream has not
   * seen are left out; the returned articles keep the given order and carry publish dates inferred from their story
   * mates). Labels come from the kept features, so they can differ from {@link #run}'s on the same articles.
   */
  public Outcome summarize(StoryStream stream, List<Article> articles) {
    Map<String, Article> articleById = new HashMap<>();
    List<Article> seen = new ArrayList<>();
    for (Article a : articles) {
      if (stream.contains(a.id()) && articleById.putIfAbsent(a.id(), a) == null) seen.add(a);
    }
    Map<String, Summary> memo = new HashMap<>();
    if (stream.linker == null || !stream.linker.matches(cfg, emb)) stream.linker = new StorylineLinker.Session(cfg, emb, LINKER_WINDOW);
    Result r = summarize(stream.index, stream.features, articleById, seen,
        f -> stream.countNorms.getOrDefault(f.id(), 0.0), stream.summaries, memo, stream.linker);
    stream.summaries = memo;
    return new Outcome(r, stream.assignments(), stream.index.events());
  }

  /**
   * What {@link #summarize} computed for one story from its articles as given (their headers): the same articles
   * give the same story, so a stream summarized again (after each ingest of a server) recomputes only the stories
   * that changed.
   */
  /**
   * How many linking steps a stream's linker can take back: an ingest that changes no story older than the newest
   * this many (in time order) relinks only from its first changed story; one that does links every story again.
   */
  static final int LINKER_WINDOW = 4096;

  record Summary(List<Article> mates, List<Article> inferred, Story story, StorylineLinker.StoryInfo info) {}

  private Result summarize(StoryIndex index, Map<String, ArticleFeatures> byId, Map<String, Article> articleById,
      List<Article> articles, java.util.function.ToDoubleFunction<ArticleFeatures> squaredNorm) {
    return summarize(index, byId, articleById, articles, squaredNorm, Map.of(), new HashMap<>(),
        new StorylineLinker.Session(cfg, emb, 0));
  }

  private Result summarize(StoryIndex index, Map<String, ArticleFeatures> byId, Map<String, Article> articleById,
      List<Article> articles, java.util.function.ToDoubleFunction<ArticleFeatures> squaredNorm,
      Map<String, Summary> before, Map<String, Summary> after, StorylineLinker.Session linker) {
    Map<String, Article> finalArticle = new HashMap<>(articleById);
    List<Story> stories = new ArrayList<>();
    List<StorylineLinker.StoryInfo> infos = new ArrayList<>();
    for (StoryIndex.StoryHead head : index.storyHeads()) {
      List<Article> mates = head.articles().stream().map(articleById::get).filter(java.util.Objects::nonNull)
          .toList();
      if (mates.isEmpty()) continue;
      Summary kept = before.get(head.id());
      if (kept != null && kept.mates().equals(mates)) {
        for (Article a : kept.inferred()) finalArticle.put(a.id(), a);
        stories.add(kept.story());
        infos.add(kept.info());
        after.put(head.id(), kept);
        continue;
      }
      StoryIndex.StoryView v = index.story(head.id());
      var matesByDate = DateInference.datedMates(mates);
      List<Article> inferred = new ArrayList<>(mates.size());
      for (Article a : mates) {
        Article x = DateInference.infer(a, matesByDate);
        finalArticle.put(a.id(), x);
        inferred.add(x);
      }
      List<ArticleFeatures> members = mates.stream().map(a -> byId.get(a.id())).toList();
      List<String> ids = mates.stream().map(Article::id)
          .sorted(Comparator.comparingLong((String id) -> dayOf(finalArticle.get(id))).thenComparing(id -> id))
          .toList();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      TreeSet<String> outlets = new TreeSet<>();
      for (String id : ids) {
        Article a = finalArticle.get(id);
        long d = ArticleFeatures.day(a.published());
        if (d != ArticleFeatures.NO_DAY) {
          first = Math.min(first, d);
          last = Math.max(last, d);
        }
        if (a.outlet() != null && !a.outlet().isBlank()) outlets.add(a.outlet());
      }
      boolean dated = first != Long.MAX_VALUE;
      String label = Labels.story(members, v.centroid(), squaredNorm);
      Story story = new Story(v.id(), label, ids, dated ? LocalDate.ofEpochDay(first).toString() : null,
          dated ? LocalDate.ofEpochDay(last).toString() : null, List.copyOf(outlets),
          Duplicates.group(members, cfg));
      StorylineLinker.StoryInfo info = new StorylineLinker.StoryInfo(v.id(), label,
          dated ? first : ArticleFeatures.NO_DAY, dated ? last : ArticleFeatures.NO_DAY, v.centroid());
      stories.add(story);
      infos.add(info);
      after.put(v.id(), new Summary(mates, List.copyOf(inferred), story, info));
    }
    Comparator<Story> storyOrder = Comparator.comparing((Story s) -> s.first() == null ? "~" : s.first())
        .thenComparing(Story::id);
    stories.sort(storyOrder);
    infos.sort(Comparator.comparingLong((StorylineLinker.StoryInfo s) -> s.first() == ArticleFeatures.NO_DAY
        ? Long.MAX_VALUE : s.first()).thenComparing(StorylineLinker.StoryInfo::id));
    List<Storyline> lines = new ArrayList<>();
    Map<String, float[]> storyEmbeddings = new HashMap<>();
    if (emb != null) {
      for (StorylineLinker.StoryInfo s : infos) {
        float[] e = index.embeddingOf(s.id());
        if (e != null) storyEmbeddings.put(s.id(), e);
      }
    }
    for (StorylineLinker.Line l : linker.link(infos, storyEmbeddings)) {
      long first = l.stories().stream().mapToLong(StorylineLinker.StoryInfo::first)
          .filter(d -> d != ArticleFeatures.NO_DAY).min().orElse(ArticleFeatures.NO_DAY);
      long last = l.stories().stream().mapToLong(StorylineLinker.StoryInfo::last)
          .filter(d -> d != ArticleFeatures.NO_DAY).max().orElse(ArticleFeatures.NO_DAY);
      lines.add(new Storyline(l.id(), Labels.storyline(l.central().label(), first, last),
          l.stories().stream().map(StorylineLinker.StoryInfo::id).toList()));
    }
    List<Article> out = articles.stream().map(a -> finalArticle.getOrDefault(a.id(), a)).toList();
    return new Result(out, stories, lines);
  }

  private static long dayOf(Article a) {
    long d = ArticleFeatures.day(a.published());
    return d == ArticleFeatures.NO_DAY ? Long.MAX_VALUE : d;
  }
}
