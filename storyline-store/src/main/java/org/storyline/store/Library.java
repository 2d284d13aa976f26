package org.storyline.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.storyline.cluster.OnlineStoryStage;
import org.storyline.cluster.StoryStage;
import org.storyline.cluster.StoryStream;
import org.storyline.ingest.Inputs;
import org.storyline.ingest.RawDocument;
import org.storyline.ingest.SourceReader;
import org.storyline.model.Article;
import org.storyline.model.InputProblem;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.pipeline.Pipeline;

/**
 * A data directory as users meet it: the {@link ArticleStore} (articles, revisions, search) plus the stories that
 * {@code ingest} assigned as the articles arrived (kept in {@value #STORIES_FILE}), and the views of them. The CLI's
 * {@code ingest}, {@code stories} and {@code story}, the demo and the server all go through this class, so they all
 * read the same stories the same way; every stage runs through the one {@link Pipeline}.
 *
 * <h2>Concurrency</h2>
 * One writer per data directory: {@link #open} takes the store's lock (another process's {@link #open} then fails at
 * once with {@link StoreUnavailableException}); any number of {@link #openReadOnly} readers may run beside it and see its
 * last commit. Inside one process, ingests are serialised; reads ({@link #snapshot}, {@link #story}, search) run
 * concurrently with an ingest and see the snapshot of the last completed one: {@link #snapshot()} is an immutable
 * value swapped atomically when an ingest has committed and saved its stories.
 *
 * <h2>Crash safety</h2>
 * Articles are committed to the store first; the stories are saved after the commit (atomically, by rename), so a
 * crash in between leaves articles without a story, which the next ingest (or, for a listing, the next
 * {@link #openReadOnly}) assigns in publish order.
 */
public final class Library implements Closeable {
  public static final String STORIES_FILE = "stories.bin";
  /** Raw documents cleaned together (in parallel) before they are added in input order. */
  private static final int BATCH = 256;
  /** Articles annotated (entities, quotes) together before their features go to the story stream. */
  private static final int CHUNK = 2000;
  /** Story views computed together by {@link #precomputeViews}. */
  private static final int VIEW_CHUNK = 256;

  private final ArticleStore store;
  private final Pipeline pipeline;
  private final OnlineStoryStage stage;
  private StoryStream stream;
  private final boolean writable;
  private final boolean embeddingsWanted;
  private final List<String> notes = new ArrayList<>();
  private final StoryViews views;
  private final EntityIndex entities;
  /** Each story's report, kept on disk; null for a read-only library of a store without views. */
  private final ViewStore viewStore;
  private volatile Snapshot snapshot;
  /**
   * Every stored article's header (as stored: no inferred date) as of the last snapshot, by id, so the next snapshot
   * reads only the articles added or revised since ({@link #changed}) instead of the whole store; null until the
   * first snapshot.
   */
  private Map<String, Article> headers;
  private final java.util.Set<String> changed = new java.util.HashSet<>();
  private long version;

  /** Options of a library: sentence embeddings for new stores, and how often the store commits. */
  public record Options(boolean embeddings, int commitEvery) {
    public Options {
      if (commitEvery < 1) throw new IllegalArgumentException("commitEvery must be at least 1, got " + commitEvery);
    }

    public static Options defaults() {
      return new Options(true, ArticleStore.DEFAULT_COMMIT_EVERY);
    }

    public Options withEmbeddings(boolean on) {
      return new Options(on, commitEvery);
    }
  }

  private Library(ArticleStore store, EntityIndex entities, ViewStore viewStore, Options options, boolean writable) {
    this.store = store;
    this.entities = entities;
    this.viewStore = viewStore;
    this.writable = writable;
    this.embeddingsWanted = options.embeddings();
    this.stage = OnlineStoryStage.defaults(options.embeddings());
    // fact tables compare sentences by embedding only in a store that uses embeddings (as analyze does with them on)
    this.pipeline = Pipeline.builder().stories(stage).factEmbeddings(options.embeddings()).build();
    this.views = new StoryViews(this);
  }

  /**
   * The story stream, loaded on first use (an ingest that adds nothing never loads it).
   */
  private synchronized StoryStream stream() throws IOException {
    if (stream != null) return stream;
    StoryStream s;
    Path f = storiesFile(store.dataDir());
    try {
      s = stage.resume(f);
    } catch (NoSuchFileException e) {
      s = stage.newStream();
    } catch (IOException e) {
      notes.add("the saved stories (" + f + ") cannot be read (" + e.getMessage() + "); they are rebuilt from the "
          + "stored articles");
      s = stage.newStream();
    }
    if (s.replayDiffered() > 0) {
      notes.add(s.replayDiffered() + " articles of the stories' log (" + f.getFileName() + ".log) went to other"
          + " stories when assigned again by this version of the engine; its decisions are kept from now on");
    }
    if (s.embeddings() != embeddingsWanted && s.size() > 0) {
      notes.add("the store's stories were started " + (s.embeddings() ? "with" : "without")
          + " sentence embeddings and go on that way");
    }
    stream = s;
    return stream;
  }

  /** Opens (creating if needed) the data directory for reading and writing; one writer per directory. */
  public static Library open(Path data, Options options) throws IOException {
    ArticleStore store = ArticleStore.open(data, options.commitEvery());
    EntityIndex ix;
    ViewStore vs;
    try {
      ix = EntityIndex.open(data);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      vs = ViewStore.open(data);
    } catch (IOException | RuntimeException e) {
      ix.close();
      store.close();
      throw e;
    }
    Library lib = new Library(store, ix, vs, options, true);
    try {
      lib.annotateMissing();
    } catch (IOException | RuntimeException e) {
      lib.close();
      throw e;
    }
    return lib;
  }

  /** Opens an existing data directory for reading; works beside a writer in another process. */
  public static Library openReadOnly(Path data, boolean embeddings) throws IOException {
    ArticleStore store = ArticleStore.openReadOnly(data);
    try {
      return new Library(store, EntityIndex.openReadOnly(data), ViewStore.openReadOnly(data),
          Options.defaults().withEmbeddings(embeddings), false);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * The store-wide read model of entities and quotes (entity list and counts, one entity's mentions over time and
   * co-occurring entities, quotes by speaker, faceted search); see {@link EntityIndex}.
   */
  public EntityIndex entities() {
    return entities;
  }

  public static Path storiesFile(Path data) {
    return data.resolve(STORIES_FILE);
  }

  /** The article store (search, articles, revisions). */
  public ArticleStore store() {
    return store;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public Path dataDir() {
    return store.dataDir();
  }

  public boolean writable() {
    return writable;
  }

  /** What opening found and did (stories rebuilt, articles assigned late): for the user to read. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** Whether the stories use sentence embeddings (a store keeps the choice it was started with). */
  public boolean embeddings() throws IOException {
    return stream().embeddings();
  }

  /**
   * The stories and articles as of the last completed ingest. Immutable; built on first use after each ingest that
   * changed something (reads every stored article's metadata), then cheap to call.
   */
  public Snapshot snapshot() throws IOException {
    Snapshot s = snapshot;
    if (s != null) return s;
    synchronized (this) {
      if (snapshot == null) snapshot = buildSnapshot();
      return snapshot;
    }
  }

  /**
   * One story with everything the pipeline says about its articles (entities, quotes, time expressions, quote
   * variants, events, outlet comparison), computed on first use and cached until the story changes.
   */
  public Optional<StoryViews.View> story(String storyId) throws IOException {
    return views.story(snapshot(), storyId);
  }

  /**
   * One search hit as a reader sees it: the article's metadata from the snapshot (publish date inferred from story
   * mates where it has none), its story, and a snippet with the hits «marked».
   */
  public record SearchItem(String id, String title, String outlet, String published, boolean publishedInferred,
      String story, float score, String snippet) {}

  /** A page of search hits, the total and the facets ({@link EntityIndex.SearchResult}). */
  public record SearchPage(long total, int offset, int limit, List<SearchItem> hits,
      java.util.Map<String, List<EntityIndex.FacetValue>> facets) {
    public SearchPage {
      hits = List.copyOf(hits);
    }
  }

  /** The analyzer snippets are highlighted with (thread-safe, as Lucene's analyzers are). */
  private static final org.apache.lucene.analysis.Analyzer SNIPPET_ANALYZER =
      new org.apache.lucene.analysis.standard.StandardAnalyzer();

  /** Search pages kept for the current snapshot (a new snapshot, after an ingest that changed something, clears them). */
  private static final int SEARCH_CACHE = 1024;
  private final org.storyline.util.BoundedCache<Object, SearchPage> searchCache =
      org.storyline.util.BoundedCache.ofEntries(SEARCH_CACHE);
  private long searchCacheVersion = -1; // guarded by searchCache's lock, held with the clear and the put

  /**
   * A faceted search ({@link EntityIndex#search}) with each hit's metadata, story and snippet. The same search on
   * the same snapshot gives the same page, so the last {@value #SEARCH_CACHE} pages are kept until the next one.
   */
  public SearchPage search(EntityIndex.Search q, boolean facets) throws IOException {
    Snapshot snap = snapshot();
    Object key = List.of(q, facets);
    synchronized (searchCache) {
      if (searchCacheVersion != snap.version()) {
        searchCache.clear();
        searchCacheVersion = snap.version();
      }
      SearchPage kept = searchCache.get(key);
      if (kept != null) return kept;
    }
    SearchPage page = searchUncached(snap, q, facets);
    synchronized (searchCache) {
      if (searchCacheVersion == snap.version()) searchCache.put(key, page);
    }
    return page;
  }

  private SearchPage searchUncached(Snapshot snap, EntityIndex.Search q, boolean facets) throws IOException {
    EntityIndex.SearchResult r = entities.search(q, facets);
    org.apache.lucene.search.Query text = entities.parse(q.query());
    var highlighter = ArticleStore.highlighter(SNIPPET_ANALYZER);
    List<SearchItem> items = new ArrayList<>();
    for (EntityIndex.Hit h : r.hits()) {
      Article meta = snap.article(h.article());
      String snippet;
      Article a;
      if (meta != null && h.highlighted() != null) { // the read model highlighted it: no read of the article
        a = meta;
        snippet = ArticleStore.snippet(h.highlighted(), "");
      } else {
        Optional<Article> full = store.current(h.article());
        if (full.isEmpty()) continue;
        a = meta != null ? meta : full.get();
        snippet = ArticleStore.snippet(highlighter, text, full.get().text());
      }
      Story story = snap.storyOf(h.article());
      items.add(new SearchItem(a.id(), a.title(), a.outlet(), a.published(), a.publishedInferred(),
          story == null ? null : story.id(), h.score(), snippet));
    }
    return new SearchPage(r.total(), q.offset(), q.limit(), items, r.facets());
  }

  /** The counts and problems of one ingest. */
  public record IngestResult(int added, int unchanged, int revised, List<InputProblem> problems,
      List<String> addedIds, int assigned, int stories, int articles) {
    public IngestResult {
      problems = List.copyOf(problems);
      addedIds = List.copyOf(addedIds);
    }

    /** Lines, records or files skipped (a "N more lines with the same problem" counts N). */
    public long skipped() {
      return problems.stream().filter(InputProblem::skipped).mapToLong(InputProblem::units).sum();
    }

    public long partial() {
      return problems.stream().filter(p -> !p.skipped()).mapToLong(InputProblem::units).sum();
    }
  }

  /**
   * Reads files and folders (every format the CLI reads), cleans the documents in parallel batches and adds them in
   * input order, commits, assigns the new articles to stories and saves them. Each problem is also passed to
   * {@code onProblem} as it happens. The library's own files are never read as input.
   */
  public synchronized IngestResult ingest(List<Path> paths, Consumer<InputProblem> onProblem) throws IOException {
    Counts counts = new Counts(onProblem);
    Path own = store.dataDir().toAbsolutePath().normalize();
    List<RawDocument> batch = new ArrayList<>(BATCH);
    SourceReader.Sink sink = new SourceReader.Sink() {
      @Override
      public void document(RawDocument doc) {
        batch.add(doc);
        if (batch.size() >= BATCH) addBatch(batch, counts);
      }

      @Override
      public void problem(InputProblem p) {
        if (Path.of(p.source()).toAbsolutePath().normalize().startsWith(own)) return; // the store's own files
        counts.problem(p);
      }
    };
    try {
      Inputs.defaults().read(paths, sink);
      addBatch(batch, counts);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return finish(counts);
  }

  /** {@link #ingest(List, Consumer)} for documents already read (e.g. posted to the server). */
  public synchronized IngestResult ingestDocuments(List<RawDocument> docs, Consumer<InputProblem> onProblem)
      throws IOException {
    Counts counts = new Counts(onProblem);
    try {
      for (int i = 0; i < docs.size(); i += BATCH) {
        addBatch(new ArrayList<>(docs.subList(i, Math.min(docs.size(), i + BATCH))), counts);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return finish(counts);
  }

  /** {@link #ingest(List, Consumer)} for articles already cleaned (e.g. by an {@code analyze} run). */
  public synchronized IngestResult ingestArticles(List<Article> articles) throws IOException {
    Counts counts = new Counts(p -> {});
    for (Article a : articles) counts.add(store, a);
    return finish(counts);
  }

  private IngestResult finish(Counts counts) throws IOException {
    requireWritable();
    store.commit();
    annotate(counts.revisedKeys);
    if (headers != null) { // a snapshot is kept up to date (a server): note what its next one must read again
      for (Key k : counts.added) changed.add(k.id());
      for (Key k : counts.revisedKeys) changed.add(k.id());
    }
    List<String> ids = counts.added.stream().map(Key::id).toList();
    if (stream == null && counts.added.isEmpty()) {
      // nothing new: when the saved stories already hold every stored article, they need not even be loaded
      try {
        StoryStream.Counts c = StoryStream.counts(storiesFile(store.dataDir()));
        if (c.articles() == store.size()) {
          if (counts.revised > 0) snapshot = null;
          entities.commit();
          if (viewStore != null) viewStore.commit();
          return new IngestResult(0, counts.unchanged, counts.revised, counts.problems, ids, 0, c.stories(),
              store.size());
        }
      } catch (IOException e) {
        // missing, damaged or of another version: loaded (and rebuilt) below, which says why
      }
    }
    boolean fresh = stream == null;
    StoryStream s = stream();
    int assigned = assign(counts.added);
    if (assigned > 0 || fresh && !Files.isRegularFile(storiesFile(store.dataDir()))) saveStories(false);
    List<String> revisedIds = counts.revisedKeys.stream().map(Key::id).toList();
    if (!revisedIds.isEmpty()) {
      // a revised article keeps its story's stamp: forget what was said of it
      if (viewStore != null) viewStore.deleteArticles(revisedIds);
      views.forget(revisedIds);
    }
    if (counts.addedN + counts.revised > 0 || assigned > 0) {
      // a library whose snapshot is in use (a server) gets the next one now, with the views of the stories that
      // changed, so readers never wait for either
      Snapshot old = snapshot;
      if (old != null) {
        Snapshot next = buildSnapshot();
        computeViews(next, changedStories(old, next, revisedIds));
        snapshot = next;
      }
    }
    if (viewStore != null) viewStore.commit();
    entities.commit();
    return new IngestResult(counts.addedN, counts.unchanged, counts.revised, counts.problems, ids, assigned,
        s.stories(), store.size());
  }

  /**
   * Saves the stories ({@code stories.bin}, the whole stream: tens of MB at 100k articles). A library whose snapshot
   * is in use (a server, ingesting small batches often) saves at most every {@link #SAVE_EVERY_NANOS} and when it
   * closes; an ingest that finds a saved stream behind the store (a crash before the next save) assigns the
   * articles it lacks, so nothing is lost, only recomputed.
   */
  private void saveStories(boolean force) throws IOException {
    long now = System.nanoTime();
    if (!force && snapshot != null && now - lastSave < saveEvery()) {
      unsaved = true;
      return;
    }
    stream.save(storiesFile(store.dataDir()));
    lastSave = System.nanoTime();
    lastSaveTook = lastSave - now;
    unsaved = false;
  }

  /**
   * How long a server waits between saves: a minute, or thirty times what the last save took when that is longer
   * (the file grows with the store: at 100k articles a save takes seconds of CPU, which a minute's rhythm would take
   * from the readers), so saving stays within a few per cent of the time.
   */
  private long saveEvery() {
    return Math.max(SAVE_EVERY_NANOS, 30 * lastSaveTook);
  }

  private static final long SAVE_EVERY_NANOS = 60_000_000_000L;
  private long lastSave = System.nanoTime();
  private long lastSaveTook;
  private boolean unsaved;

  private void addBatch(List<RawDocument> batch, Counts counts) {
    requireWritable();
    Pipeline.Extracted x = pipeline.extract(batch);
    // problems and articles come back in input order within their kind; articles are added in input order
    for (InputProblem p : x.problems()) counts.problem(p);
    try {
      for (Article a : x.articles()) counts.add(store, a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    batch.clear();
  }

  private void requireWritable() {
    if (!writable) throw new IllegalStateException("the library at " + store.dataDir() + " is open read-only");
  }

  /** A stored article's id and publish date: enough to put unassigned articles in order before reading them. */
  record Key(String id, String published) {
    static Key of(Article a) {
      return new Key(a.id(), a.publishedInferred() ? null : a.published());
    }
  }

  static final Comparator<Key> KEY_ORDER = Comparator
      .comparing((Key k) -> k.published() == null ? "\uffff" : k.published()).thenComparing(Key::id);

  private static final class Counts {
    final Consumer<InputProblem> onProblem;
    int addedN;
    int unchanged;
    int revised;
    final List<InputProblem> problems = new ArrayList<>();
    final List<Key> added = new ArrayList<>();
    final List<Key> revisedKeys = new ArrayList<>();

    Counts(Consumer<InputProblem> onProblem) {
      this.onProblem = onProblem;
    }

    void problem(InputProblem p) {
      problems.add(p);
      onProblem.accept(p);
    }

    void add(ArticleStore store, Article a) throws IOException {
      switch (store.add(a).outcome()) {
        case ADDED -> {
          addedN++;
          added.add(Key.of(a));
        }
        case UNCHANGED -> unchanged++;
        case REVISED -> {
          revised++;
          revisedKeys.add(Key.of(a));
        }
      }
    }
  }

  /**
   * Assigns the store's articles that the stream has not seen, in publish order, and returns how many. When the
   * stream plus {@code added} account for the whole store only they are read; otherwise (an older store, a damaged
   * state, an interrupted ingest) the store is scanned for every article without a story.
   */
  private int assign(List<Key> added) throws IOException {
    StoryStream stream = stream();
    List<Key> todo = new ArrayList<>();
    for (Key k : added) if (!stream.contains(k.id())) todo.add(k);
    if (stream.size() + todo.size() != store.size()) {
      todo.clear();
      store.forEachArticle(a -> {
        if (!stream.contains(a.id())) todo.add(Key.of(a));
      });
    }
    todo.sort(KEY_ORDER);
    int n = 0;
    for (int i = 0; i < todo.size(); i += CHUNK) {
      List<Article> chunk = load(todo.subList(i, Math.min(todo.size(), i + CHUNK)));
      Pipeline.Annotations an = pipeline.annotate(chunk);
      if (writable) entities.put(chunk, an.entities(), an.quotes());
      n += stage.feed(stream, chunk, an.entities(), an.quotes()).size();
    }
    return n;
  }

  /** The stored articles of these keys, in their order, as the stages read them (no inferred date). */
  private List<Article> load(List<Key> keys) throws IOException {
    List<Article> out = new ArrayList<>(keys.size());
    for (Key k : keys) store.get(k.id()).ifPresent(x -> out.add(withoutInferredDate(x)));
    return out;
  }

  /** Annotates these stored articles (in publish order, in chunks) for the read model only; returns how many. */
  private int annotate(List<Key> keys) throws IOException {
    if (keys.isEmpty()) return 0;
    List<Key> todo = new ArrayList<>(keys);
    todo.sort(KEY_ORDER);
    int n = 0;
    for (int i = 0; i < todo.size(); i += CHUNK) {
      List<Article> chunk = load(todo.subList(i, Math.min(todo.size(), i + CHUNK)));
      Pipeline.Annotations an = pipeline.annotate(chunk);
      entities.put(chunk, an.entities(), an.quotes());
      n += chunk.size();
    }
    return n;
  }

  /**
   * Gives the read model the stored articles it lacks (a store from before it, or a crash between the store's
   * commit and the read model's): cheap when the counts agree.
   */
  private synchronized void annotateMissing() throws IOException {
    int stored = store.size();
    if (entities.size() == stored) return;
    java.util.Set<String> have = entities.articleIds();
    List<Key> todo = new ArrayList<>();
    store.forEachArticle(a -> {
      if (!have.contains(a.id())) todo.add(Key.of(a));
    });
    int n = annotate(todo);
    entities.commit();
    if (n > 0) notes.add(n + " stored articles had no entities and quotes in the read model yet; they were annotated");
  }

  static Article withoutInferredDate(Article a) {
    return a.publishedInferred() ? a.withPublished(null, false, null) : a;
  }

  /** Publish date (undated last), then id. */
  static final Comparator<Article> STORE_ORDER = Comparator
      .comparing((Article a) -> a.published() == null ? "\uffff" : a.published()).thenComparing(Article::id);

  private Snapshot buildSnapshot() throws IOException {
    int late = assign(List.of());
    if (late > 0) {
      notes.add(late + " stored articles had no story yet; they were assigned"
          + (writable ? " and saved" : " for this listing (`storyline ingest` keeps them)"));
      if (writable) saveStories(false);
    }
    List<Article> headers = new ArrayList<>(currentHeaders().values());
    headers.sort(STORE_ORDER);
    OnlineStoryStage.Outcome o = stage.summarize(stream(), headers);
    return new Snapshot(o.result().articles(), o.result().stories(), o.result().storylines(), o.assignments(),
        o.events(), ++version);
  }

  /** The stored articles' headers: only those changed since the last snapshot are read again. */
  private Map<String, Article> currentHeaders() throws IOException {
    int stored = store.size();
    if (headers != null) {
      List<String> ids;
      synchronized (this) {
        ids = List.copyOf(changed);
        changed.clear();
      }
      for (String id : ids) {
        Optional<Article> a = store.get(id);
        if (a.isPresent()) headers.put(id, Snapshot.header(withoutInferredDate(a.get())));
      }
      if (headers.size() == stored) return headers;
      // a revision under another id, an ingest by another process: read them all
    }
    Map<String, Article> all = new HashMap<>();
    store.forEachArticle(a -> all.put(a.id(), Snapshot.header(withoutInferredDate(a))));
    synchronized (this) {
      changed.clear();
    }
    headers = all;
    return all;
  }

  // ------------------------------------------------------------------------------------------- story views

  /** The stories of {@code next} whose view {@code old} did not have: new or changed stories, revised articles. */
  private static List<Story> changedStories(Snapshot old, Snapshot next, List<String> revised) {
    java.util.Set<String> rev = new java.util.HashSet<>(revised);
    List<Story> out = new ArrayList<>();
    for (Story s : next.stories()) {
      Story before = old.story(s.id());
      boolean changed = before == null || !before.equals(s)
          || !java.util.Objects.equals(lineId(old.storylineOf(s.id())), lineId(next.storylineOf(s.id())));
      if (!changed && !rev.isEmpty()) changed = s.articles().stream().anyMatch(rev::contains);
      if (changed) out.add(s);
    }
    return out;
  }

  private static String lineId(Storyline l) {
    return l == null ? null : l.id();
  }

  /** Computes and keeps the views of these stories (in parallel; each view is computed alone). */
  private void computeViews(Snapshot snap, List<Story> stories) throws IOException {
    if (viewStore == null || !viewStore.writable() || stories.isEmpty()) return;
    // one thread: this runs in a server beside its readers, and a parallel stream took both cores from them for as
    // long as the views took (the readers' p99 followed each ingest)
    for (Story s : stories) {
      Storyline line = snap.storylineOf(s.id());
      viewStore.put(s.id(), ViewStore.stamp(s, line), report(snap, List.of(s)));
    }
    viewStore.refresh();
  }

  /**
   * The report of one story of the snapshot (what {@code analyze} says of its articles): its kept view when it is
   * current, else computed (and kept when this library writes).
   */
  Report storyReport(Snapshot snap, Story s) throws IOException {
    Storyline line = snap.storylineOf(s.id());
    String stamp = ViewStore.stamp(s, line);
    if (viewStore != null) {
      Optional<Report> kept = viewStore.get(s.id(), stamp);
      if (kept.isPresent()) return withStoryline(kept.get(), line, s);
    }
    Report r = report(snap, List.of(s));
    if (viewStore != null && viewStore.writable()) viewStore.put(s.id(), stamp, r);
    return r;
  }

  /** A kept report with the story's storyline as the snapshot names it now (a label changes as a storyline grows). */
  private static Report withStoryline(Report r, Storyline line, Story s) {
    List<Storyline> lines = line == null ? List.of() : List.of(new Storyline(line.id(), line.label(), List.of(s.id())));
    if (lines.equals(r.storylines())) return r;
    return new Report(r.generator(), r.formatVersion(), r.articles(), r.problems(), r.entities(), r.quotes(),
        r.timexes(), r.stories(), lines, r.quoteVariants(), r.events(), r.outlets());
  }

  /**
   * Computes the views of the snapshot's stories that have none for their current stamp, a chunk at a time, until
   * done or {@code stop} says so; returns how many were computed. The server runs it in the background after it
   * starts, so a store built by {@code storyline ingest} (which computes no views) needs no pipeline run per read.
   */
  public int precomputeViews(java.util.function.BooleanSupplier stop) throws IOException {
    if (viewStore == null || !viewStore.writable()) return 0;
    Snapshot snap = snapshot();
    Map<String, String> have = viewStore.stamps();
    List<Story> todo = new ArrayList<>();
    // newest first: the stories the front page lists are read most
    for (Story s : snap.stories().reversed()) {
      if (!ViewStore.stamp(s, snap.storylineOf(s.id())).equals(have.get(s.id()))) todo.add(s);
    }
    int n = 0;
    for (int i = 0; i < todo.size() && !stop.getAsBoolean(); i += VIEW_CHUNK) {
      List<Story> part = todo.subList(i, Math.min(todo.size(), i + VIEW_CHUNK));
      computeViews(snap, part);
      n += part.size();
    }
    viewStore.commit();
    return n;
  }

  private volatile Thread backfill;
  /** Stops the background views (a flag, not an interrupt: an interrupted Lucene write closes its files). */
  private volatile boolean stopping;

  /** Starts {@link #precomputeViews} on a daemon thread (once); {@link #close} stops it. */
  public synchronized void precomputeViewsInBackground(java.util.function.IntConsumer done) {
    if (backfill != null || viewStore == null || !viewStore.writable()) return;
    Thread t = new Thread(() -> {
      try {
        done.accept(precomputeViews(() -> stopping));
      } catch (IOException | RuntimeException e) {
        if (!stopping) {
          synchronized (this) {
            notes.add("story views were not all computed: " + e.getMessage());
          }
        }
      }
    }, "storyline-views");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    backfill = t;
    t.start();
  }

  private void stopBackfill() {
    Thread t = backfill;
    if (t == null) return;
    stopping = true;
    try {
      t.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The full articles of a story, with the publish dates the snapshot gives them (inferred from story mates where
   * the article has none), in the story's order.
   */
  List<Article> articlesOf(Snapshot snap, Story s) throws IOException {
    List<Article> out = new ArrayList<>(s.articles().size());
    for (String id : s.articles()) {
      Optional<Article> full = store.get(id);
      Article h = snap.article(id);
      if (full.isEmpty() || h == null) continue;
      Article a = withoutInferredDate(full.get());
      out.add(h.publishedInferred() ? a.withPublished(h.published(), true, null) : a);
    }
    return out;
  }

  /** The report of some of the snapshot's stories: what {@code analyze} says of their articles. */
  Report report(Snapshot snap, List<Story> stories) throws IOException {
    List<Article> articles = new ArrayList<>();
    for (Story s : stories) articles.addAll(articlesOf(snap, s));
    // each story's storyline by the snapshot's map (not a scan of every storyline), in the snapshot's order
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Story s : stories) ids.add(s.id());
    Map<String, Storyline> touched = new java.util.TreeMap<>();
    for (Story s : stories) {
      Storyline l = snap.storylineOf(s.id());
      if (l != null) touched.put(l.id(), l);
    }
    List<Storyline> lines = touched.size() <= 1 ? List.copyOf(touched.values())
        : snap.storylines().stream().filter(l -> touched.containsKey(l.id())).toList();
    lines = lines.stream()
        .map(l -> new Storyline(l.id(), l.label(), l.stories().stream().filter(ids::contains).toList())).toList();
    return pipeline.views(new StoryStage.Result(articles, stories, lines));
  }

  @Override
  public void close() throws IOException {
    stopBackfill();
    synchronized (this) {
      if (unsaved && writable && stream != null) saveStories(true);
    }
    try {
      try {
        entities.close();
      } finally {
        if (viewStore != null) viewStore.close();
      }
    } finally {
      store.close();
    }
  }

  @Override
  public String toString() {
    return "Library[" + store.dataDir() + (writable ? "" : ", read-only") + "]";
  }

  static <T> T requireNonNull(T t, String what) {
    return Objects.requireNonNull(t, what);
  }
}
