package org.storyline.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Quote;
import org.storyline.nlp.EntityLinker;

/**
 * The store-wide read model of entities and quotes: what the entity and quote stages found in each stored article,
 * kept in a sidecar Lucene index ({@code <data>/annotations}) keyed by article id, with the entity keys, speakers,
 * publish day and outlet as indexed fields. The {@link Library} fills it as it annotates new articles for the story
 * stage (so it costs no second annotation pass), re-annotates revised articles, and on opening annotates the
 * articles that lack an entry (a store from before this index, or a crash between the store's commit and this
 * index's).
 *
 * <h2>Keys</h2>
 * An entity is known store-wide by {@link EntityLinker#key} ({@code per:jane-holt}: type plus the folded canonical
 * name), which is stable across ingests: the same canonical name gets the same key in every batch. Entity linking
 * merges names within a batch of articles, so a person called "Holt" alone in a batch where no fuller name occurs
 * keeps the key {@code per:holt}.
 *
 * <h2>Reads</h2>
 * Every read method is thread-safe and runs concurrently with the writer; reads see the last {@link #commit}.
 * Aggregates over the whole store (entity counts) are computed once per commit and cached. Paged methods take
 * {@code offset} and {@code limit} and return a {@link Page} in a stable order.
 *
 * <pre>{@code
 * EntityIndex ix = library.entities();
 * Page<EntityCount> people = ix.entities("PER", 0, 20);          // most mentioned first
 * Optional<EntityDetail> holt = ix.entity("per:jane-holt");      // aliases, by day, co-occurring
 * Page<StoredQuote> said = ix.quotesBy("per:jane-holt", 0, 20);  // newest first
 * SearchResult r = ix.search(new Search("flood", null, null, null, null, null, 0, 10, DateBucket.MONTH));
 * }</pre>
 */
public final class EntityIndex implements Closeable {
  /** The folder of the sidecar index inside the data directory. */
  public static final String DIR = "annotations";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String[] SEARCH_FIELDS = {"title", "text"};
  private static final Map<String, Float> BOOSTS = Map.of("title", 2f, "text", 1f);
  /** Aliases and roles kept per entity. */
  private static final int MAX_NAMES = 50;
  /** Co-occurring entities listed in a detail. */
  public static final int COOCCURRING = 25;

  // field names
  private static final String F_KIND = "kind";
  private static final String F_ARTICLE = "article";
  private static final String F_ARTICLE_SORT = "article_sort";
  private static final String F_ENTITY = "entity";
  private static final String F_SPEAKER = "speaker";
  private static final String F_OUTLET = "outlet";
  private static final String F_OUTLET_FACET = "outlet_f";
  private static final String F_DAY = "day";
  private static final String F_DAY_DV = "day_dv";
  private static final String F_ORD = "ord";
  private static final String F_JSON = "json";
  private static final String F_KEY = "key";
  private static final String KIND_ARTICLE = "a";
  private static final String KIND_QUOTE = "q";
  private static final String KIND_ENTITY = "e";
  /** Days before the epoch do not occur in news; a missing day sorts last. */
  private static final long NO_DAY = Long.MIN_VALUE;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer = new StandardAnalyzer();
  /** Entities touched since the last commit, merged with what the last commit held. */
  private final Map<String, EntityInfo> touched = new HashMap<>();
  private volatile Counts counts;

  // ---------------------------------------------------------------------------------------------- public values

  /** One page of a list: the items from {@code offset}, and how many there are in all. */
  public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /** An entity with the number of stored articles that mention it. */
  public record EntityCount(String id, String name, String type, int articles) {}

  /** Stored articles mentioning an entity on one day ({@code YYYY-MM-DD}). */
  public record DayCount(String day, int articles) {}

  /**
   * One entity store-wide: its names and roles as seen, the articles mentioning it per publish day (undated articles
   * left out of {@code byDay}), and the entities most often named in the same articles.
   */
  public record EntityDetail(String id, String name, String type, List<String> aliases, List<String> roles,
      int articles, List<DayCount> byDay, List<EntityCount> cooccurring) {
    public EntityDetail {
      aliases = List.copyOf(aliases);
      roles = List.copyOf(roles);
      byDay = List.copyOf(byDay);
      cooccurring = List.copyOf(cooccurring);
    }
  }

  /** An entity in one article: store-wide key, names and its mentions there (offsets into the article's text). */
  public record ArticleEntity(String id, String name, String type, List<String> aliases, List<String> roles,
      List<Mention> mentions) {
    public ArticleEntity {
      aliases = List.copyOf(aliases);
      roles = List.copyOf(roles);
      mentions = List.copyOf(mentions);
    }
  }

  /**
   * A quote as stored: the pipeline's {@link Quote} (offsets into its article's text), the store-wide key of its
   * speaker (null when the text does not say who), and the article's outlet and publish day.
   */
  public record StoredQuote(String article, int ordinal, String speakerId, String outlet, String day, Quote quote) {}

  /** What the entity and quote stages found in one article. */
  public record ArticleAnnotations(String article, List<ArticleEntity> entities, List<StoredQuote> quotes) {
    public ArticleAnnotations {
      entities = List.copyOf(entities);
      quotes = List.copyOf(quotes);
    }
  }

  /** How the date facet groups days. */
  public enum DateBucket { DAY, MONTH }

  /**
   * A faceted search: Lucene syntax over title and text ({@code *} or blank for everything), optional filters
   * (outlet, case-insensitive; publish dates inclusive; entity and speaker keys), a page of hits.
   */
  public record Search(String query, String outlet, LocalDate from, LocalDate to, String entity, String speaker,
      int offset, int limit, DateBucket bucket) {
    public Search {
      if (query == null || query.isBlank()) query = "*";
      if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
      if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
      if (bucket == null) bucket = DateBucket.MONTH;
    }

    public static Search of(String query) {
      return new Search(query, null, null, null, null, null, 0, 10, DateBucket.MONTH);
    }
  }

  /** One facet value: the value to filter by, a label to show, and how many hits have it. */
  public record FacetValue(String value, String label, int count) {}

  /** One hit: the article's id, its score and publish day. */
  /**
   * One hit: the article, its score, its publish day, and its highlighted passages (hits «marked») when the index
   * keeps the text with offsets (stores created since it does; null otherwise: the caller highlights the text itself).
   */
  public record Hit(String article, float score, String day, String highlighted) {}

  /**
   * The hits of one page (best first, ties by article id), the total, and the facets over all hits: {@code outlet},
   * {@code date} (by day or month, in date order), {@code entity} and {@code speaker} (most hits first, at most
   * {@code facetSize} values each).
   */
  public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets) {
    public SearchResult {
      hits = List.copyOf(hits);
      facets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }
  }

  /** Values listed per facet. */
  public static final int FACET_SIZE = 20;

  // --------------------------------------------------------------------------------------------------- opening

  /**
   * Builds the facet fields' global ordinals of each refreshed reader before it is swapped in (on the thread that
   * commits, a server's writer): the first facet or entity request after each commit built them (about 120 ms at
   * 100k articles) while every other such request waited on it.
   */
  private static final org.apache.lucene.search.SearcherFactory WARM = new org.apache.lucene.search.SearcherFactory() {
    @Override
    public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
        org.apache.lucene.index.IndexReader previous) throws IOException {
      IndexSearcher s = super.newSearcher(reader, previous);
      if (previous != null) { // a refresh: the first open is not slowed down for commands that never facet
        GlobalOrdinals g = GlobalOrdinals.of(reader);
        for (String f : List.of(F_ENTITY, F_OUTLET_FACET, F_SPEAKER)) g.map(f);
      }
      return s;
    }
  };

  private EntityIndex(Directory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = writer != null ? new SearcherManager(writer, WARM) : new SearcherManager(directory, WARM);
    IndexSearcher s = searchers.acquire();
    try {
      // a field keeps one index schema: an index started before the text had offsets goes on without them
      org.apache.lucene.index.FieldInfo fi =
          org.apache.lucene.index.FieldInfos.getMergedFieldInfos(s.getIndexReader()).fieldInfo("text");
      this.textOffsets = fi == null || fi.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Whether the article text is stored and indexed with offsets, so search highlights hits from the postings
   * (no second read of the article, no re-analysis of its text). True for indexes created since; an older index
   * keeps its schema (delete {@code <data>/annotations} and reopen to rebuild it with offsets).
   */
  private final boolean textOffsets;

  private static final org.apache.lucene.document.FieldType TEXT_WITH_OFFSETS;

  static {
    TEXT_WITH_OFFSETS = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
    TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT_WITH_OFFSETS.freeze();
  }

  /** Opens (creating if needed) the index of a data directory for writing; the caller holds the store's lock. */
  static EntityIndex open(Path dataDir) throws IOException {
    IndexWriter w = LuceneDirs.openWriter(dataDir.resolve(DIR), new StandardAnalyzer());
    return new EntityIndex(w.getDirectory(), w);
  }

  /** Opens the index for reading beside a writer; an empty index when the data directory has none yet. */
  static EntityIndex openReadOnly(Path dataDir) throws IOException {
    Directory d = LuceneDirs.openExisting(dataDir.resolve(DIR));
    if (d != null) return new EntityIndex(d, null);
    Directory empty = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(empty, new IndexWriterConfig(new StandardAnalyzer()))) {
      w.commit();
    }
    return new EntityIndex(empty, null);
  }

  // ---------------------------------------------------------------------------------------------------- writing

  /**
   * Replaces the entries of these articles with what {@code entities} and {@code quotes} (the pipeline's
   * annotation of exactly these articles) say about them. Visible to reads after {@link #commit}.
   */
  synchronized void put(List<Article> articles, List<Entity> entities, List<Quote> quotes) throws IOException {
    requireWriter();
    Map<String, String> keyOfReportId = new HashMap<>();
    Map<String, List<ArticleEntity>> byArticle = new HashMap<>();
    for (Entity e : entities) {
      String key = EntityLinker.key(e.type(), e.name());
      keyOfReportId.put(e.id(), key);
      Map<String, List<Mention>> ms = new LinkedHashMap<>();
      for (Mention m : e.mentions()) ms.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(m);
      for (var me : ms.entrySet()) {
        byArticle.computeIfAbsent(me.getKey(), k -> new ArrayList<>())
            .add(new ArticleEntity(key, e.name(), e.type(), e.aliases(), e.roles(), me.getValue()));
      }
      touch(key, e);
    }
    Map<String, List<Quote>> quotesOf = new HashMap<>();
    for (Quote q : quotes) quotesOf.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q);
    for (Article a : articles) {
      String day = day(a);
      List<StoredQuote> qs = new ArrayList<>();
      int ord = 0;
      for (Quote q : quotesOf.getOrDefault(a.id(), List.of())) {
        String speaker = q.speakerEntity() != null ? keyOfReportId.get(q.speakerEntity()) : null;
        if (speaker == null && q.speaker() != null && !q.speaker().isBlank()) speaker = EntityLinker.key("PER", q.speaker());
        qs.add(new StoredQuote(a.id(), ord++, speaker, a.outlet(), day, q));
      }
      List<ArticleEntity> es = byArticle.getOrDefault(a.id(), List.of());
      writer.updateDocuments(new Term(F_ARTICLE, a.id()), documents(a, day, new ArticleAnnotations(a.id(), es, qs)));
    }
  }

  /** Makes every {@link #put} durable and visible. */
  synchronized void commit() throws IOException {
    requireWriter();
    for (EntityInfo info : touched.values()) {
      Document d = new Document();
      d.add(new StringField(F_KIND, KIND_ENTITY, Field.Store.NO));
      d.add(new StringField(F_KEY, info.id, Field.Store.YES));
      d.add(new StoredField(F_JSON, JSON.writeValueAsString(info)));
      writer.updateDocument(new Term(F_KEY, info.id), d);
    }
    touched.clear();
    writer.commit();
    searchers.maybeRefreshBlocking();
    names.clear();
    contained.clear();
    version.incrementAndGet();
  }

  /** For a reader beside a writer in another process: see its last commit. */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
    names.clear();
    contained.clear();
    version.incrementAndGet();
  }

  private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

  /** A number that changes with every commit (and refresh) this object sees: what was read before may differ now. */
  public long version() {
    return version.get();
  }

  /** The ids of the articles that have an entry. */
  Set<String> articleIds() throws IOException {
    Set<String> out = new java.util.HashSet<>();
    IndexSearcher s = searchers.acquire();
    try {
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        var dv = DocValues.getSorted(leaf.reader(), F_ARTICLE_SORT);
        Bits live = leaf.reader().getLiveDocs();
        for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
          if (live == null || live.get(d)) out.add(dv.lookupOrd(dv.ordValue()).utf8ToString());
        }
      }
    } finally {
      searchers.release(s);
    }
    return out;
  }

  private void touch(String key, Entity e) throws IOException {
    EntityInfo info = touched.get(key);
    if (info == null) {
      info = info(key).orElseGet(() -> new EntityInfo(key, e.name(), e.type(), new ArrayList<>(), new ArrayList<>()));
      touched.put(key, info);
    }
    info.name = e.name();
    addCapped(info.aliases, e.aliases());
    addCapped(info.roles, e.roles());
  }

  private static void addCapped(List<String> into, List<String> more) {
    for (String m : more) if (into.size() < MAX_NAMES && !into.contains(m)) into.add(m);
  }

  private List<Document> documents(Article a, String day, ArticleAnnotations an) throws IOException {
    List<Document> docs = new ArrayList<>();
    Document d = new Document();
    d.add(new StringField(F_KIND, KIND_ARTICLE, Field.Store.NO));
    common(d, a, day);
    if (a.title() != null) d.add(new TextField("title", a.title(), Field.Store.NO));
    d.add(textOffsets ? new Field("text", a.text(), TEXT_WITH_OFFSETS) : new TextField("text", a.text(), Field.Store.NO));
    Set<String> keys = new LinkedHashSet<>();
    for (ArticleEntity e : an.entities()) keys.add(e.id());
    for (String k : keys) {
      d.add(new StringField(F_ENTITY, k, Field.Store.NO));
      d.add(new SortedSetDocValuesField(F_ENTITY, new BytesRef(k)));
    }
    Set<String> speakers = new LinkedHashSet<>();
    for (StoredQuote q : an.quotes()) if (q.speakerId() != null) speakers.add(q.speakerId());
    for (String k : speakers) {
      d.add(new StringField(F_SPEAKER, k, Field.Store.NO));
      d.add(new SortedSetDocValuesField(F_SPEAKER, new BytesRef(k)));
    }
    d.add(new StoredField(F_JSON, JSON.writeValueAsString(an)));
    docs.add(d);
    for (StoredQuote q : an.quotes()) {
      Document qd = new Document();
      qd.add(new StringField(F_KIND, KIND_QUOTE, Field.Store.NO));
      common(qd, a, day);
      if (q.speakerId() != null) {
        // same schema as on article documents (Lucene wants one per field)
        qd.add(new StringField(F_SPEAKER, q.speakerId(), Field.Store.NO));
        qd.add(new SortedSetDocValuesField(F_SPEAKER, new BytesRef(q.speakerId())));
      }
      qd.add(new NumericDocValuesField(F_ORD, q.ordinal()));
      qd.add(new StoredField(F_JSON, JSON.writeValueAsString(q)));
      docs.add(qd);
    }
    return docs;
  }

  private static void common(Document d, Article a, String day) {
    d.add(new StringField(F_ARTICLE, a.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(F_ARTICLE_SORT, new BytesRef(a.id())));
    if (a.outlet() != null && !a.outlet().isBlank()) {
      d.add(new StringField(F_OUTLET, a.outlet().strip().toLowerCase(Locale.ROOT), Field.Store.NO));
      d.add(new SortedSetDocValuesField(F_OUTLET_FACET, new BytesRef(a.outlet().strip())));
    }
    if (day != null) {
      int ed = (int) LocalDate.parse(day).toEpochDay();
      d.add(new IntPoint(F_DAY, ed));
      d.add(new NumericDocValuesField(F_DAY_DV, ed));
    }
  }

  static String day(Article a) {
    Integer ed = ArticleStore.epochDay(a.published());
    return ed == null ? null : LocalDate.ofEpochDay(ed).toString();
  }

  // ------------------------------------------------------------------------------------------------------ reads

  /** How many articles have an entry. */
  public int size() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.count(kind(KIND_ARTICLE));
    } finally {
      searchers.release(s);
    }
  }

  /** What the entity and quote stages found in one stored article; empty when it has no entry. */
  public Optional<ArticleAnnotations> article(String articleId) throws IOException {
    Objects.requireNonNull(articleId, "articleId");
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs t = s.search(and(kind(KIND_ARTICLE), new TermQuery(new Term(F_ARTICLE, articleId))), 1);
      if (t.scoreDocs.length == 0) return Optional.empty();
      return Optional.of(JSON.readValue(s.storedFields().document(t.scoreDocs[0].doc).get(F_JSON),
          ArticleAnnotations.class));
    } finally {
      searchers.release(s);
    }
  }

  /**
   * The entities of the store, most articles first (ties by key); {@code type} (PER, ORG, LOC, MISC,
   * case-insensitive) or null for all.
   */
  public Page<EntityCount> entities(String type, int offset, int limit) throws IOException {
    checkPage(offset, limit);
    Counts c = counts();
    String prefix = type == null || type.isBlank() ? null : type.strip().toLowerCase(Locale.ROOT) + ":";
    List<Map.Entry<String, Integer>> all = prefix == null ? c.ordered
        : c.ordered.stream().filter(e -> e.getKey().startsWith(prefix)).toList();
    List<EntityCount> items = new ArrayList<>();
    for (int i = offset; i < Math.min(all.size(), (long) offset + limit); i++) {
      items.add(count(all.get(i).getKey(), all.get(i).getValue()));
    }
    return new Page<>(items, all.size(), offset, limit);
  }

  /** Every entity with its count, in the order of {@link #entities}, for exports (streams; no cap). */
  public void forEachEntity(Consumer<EntityCount> action) throws IOException {
    for (var e : counts().ordered) action.accept(count(e.getKey(), e.getValue()));
  }

  /** One entity store-wide; empty when no stored article mentions it. */
  public Optional<EntityDetail> entity(String id) throws IOException {
    Objects.requireNonNull(id, "id");
    Optional<EntityInfo> info = info(id);
    if (info.isEmpty()) return Optional.empty();
    IndexSearcher s = searchers.acquire();
    try {
      Query q = and(kind(KIND_ARTICLE), new TermQuery(new Term(F_ENTITY, id)));
      Map<String, Integer> co = new HashMap<>();
      TreeMap<Long, Integer> days = new TreeMap<>();
      int[] n = {0};
      // co-occurring entities counted by global ordinal; only those listed are turned into strings
      GlobalOrdinals.Counter ec = GlobalOrdinals.of(s.getIndexReader()).new Counter(F_ENTITY);
      Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
        Scorer sc = w.scorer(ctx);
        if (sc == null) continue;
        Bits live = ctx.reader().getLiveDocs();
        NumericDocValues dv = ctx.reader().getNumericDocValues(F_DAY_DV);
        DocIdSetIterator it = sc.iterator();
        ec.leaf(ctx, it.cost());
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (live != null && !live.get(d)) continue;
          n[0]++;
          if (dv != null && dv.advanceExact(d)) days.merge(dv.longValue(), 1, Integer::sum);
          ec.count(d);
        }
      }
      for (var e : ec.top(COOCCURRING + 1)) if (!e.getKey().equals(id)) co.put(e.getKey(), e.getValue());
      if (n[0] == 0) return Optional.empty();
      List<DayCount> byDay = new ArrayList<>();
      for (var d : days.entrySet()) byDay.add(new DayCount(LocalDate.ofEpochDay(d.getKey()).toString(), d.getValue()));
      List<EntityCount> cos = new ArrayList<>();
      for (var e : co.entrySet().stream().sorted(BY_COUNT).limit(COOCCURRING).toList()) {
        cos.add(count(e.getKey(), e.getValue()));
      }
      EntityInfo i = info.get();
      return Optional.of(new EntityDetail(id, i.name, i.type, i.aliases, i.roles, n[0], byDay, cos));
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Whether an entity with this id is in the read model and some stored article names it: a cheap check (two term
   * look-ups) for pages that link entities, where {@link #entity} would count every article that names it.
   */
  public boolean contains(String id) throws IOException {
    Objects.requireNonNull(id, "id");
    Boolean known = contained.get(id);
    if (known != null) return known;
    boolean c = containsUncached(id);
    if (contained.size() < 200_000) contained.put(id, c);
    return c;
  }

  /** {@link #contains} answers, kept until the next commit (a story page asks for every entity it names). */
  private final java.util.concurrent.ConcurrentHashMap<String, Boolean> contained =
      new java.util.concurrent.ConcurrentHashMap<>();

  private boolean containsUncached(String id) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      if (s.count(new TermQuery(new Term(F_KEY, id))) == 0) return false;
      Query q = and(kind(KIND_ARTICLE), new TermQuery(new Term(F_ENTITY, id)));
      return s.search(q, 1).scoreDocs.length > 0;
    } finally {
      searchers.release(s);
    }
  }

  /** The ids of the stored articles that mention an entity, newest first (undated last), ties by id. */
  public Page<String> articlesMentioning(String entityId, int offset, int limit) throws IOException {
    checkPage(offset, limit);
    IndexSearcher s = searchers.acquire();
    try {
      Query q = and(kind(KIND_ARTICLE), new TermQuery(new Term(F_ENTITY, entityId)));
      TopDocs t = s.search(q, offset + limit, NEWEST, false);
      List<String> ids = new ArrayList<>();
      StoredFields f = s.storedFields();
      for (int i = offset; i < t.scoreDocs.length; i++) ids.add(f.document(t.scoreDocs[i].doc).get(F_ARTICLE));
      return new Page<>(ids, s.count(q), offset, limit);
    } finally {
      searchers.release(s);
    }
  }

  /** Every article id mentioning an entity (unordered set), e.g. to filter stories by entity. */
  public Set<String> allArticlesMentioning(String entityId) throws IOException {
    Set<String> out = new java.util.HashSet<>();
    IndexSearcher s = searchers.acquire();
    try {
      forEachMatch(s, and(kind(KIND_ARTICLE), new TermQuery(new Term(F_ENTITY, entityId))),
          (leaf, doc) -> {
            if (leaf.article.advanceExact(doc)) out.add(leaf.article.lookupOrd(leaf.article.ordValue()).utf8ToString());
          });
    } finally {
      searchers.release(s);
    }
    return out;
  }

  /** Quotes whose speaker has this key, newest article first (ties by article id, then order in the article). */
  public Page<StoredQuote> quotesBy(String speakerId, int offset, int limit) throws IOException {
    checkPage(offset, limit);
    return quotes(new TermQuery(new Term(F_SPEAKER, speakerId)), offset, limit);
  }

  /** All quotes, newest article first (same order as {@link #quotesBy}). */
  public Page<StoredQuote> quotes(int offset, int limit) throws IOException {
    checkPage(offset, limit);
    return quotes(null, offset, limit);
  }

  /** Every quote in the order of {@link #quotes(int, int)}, for exports (no cap; pages through the index). */
  public void forEachQuote(Consumer<StoredQuote> action) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      Query q = kind(KIND_QUOTE);
      ScoreDoc after = null;
      StoredFields f = s.storedFields();
      while (true) {
        TopDocs t = after == null ? s.search(q, 500, QUOTE_ORDER) : s.searchAfter(after, q, 500, QUOTE_ORDER);
        if (t.scoreDocs.length == 0) break;
        for (ScoreDoc d : t.scoreDocs) action.accept(JSON.readValue(f.document(d.doc).get(F_JSON), StoredQuote.class));
        after = t.scoreDocs[t.scoreDocs.length - 1];
      }
    } finally {
      searchers.release(s);
    }
  }

  /** The quotes of some articles (e.g. one story's), in the order the ids are given, then order in the article. */
  public List<StoredQuote> quotesOf(List<String> articleIds) throws IOException {
    List<StoredQuote> out = new ArrayList<>();
    for (String id : articleIds) article(id).ifPresent(a -> out.addAll(a.quotes()));
    return out;
  }

  /** A faceted full-text search over the articles with an entry. */
  public SearchResult search(Search q) throws IOException {
    return search(q, true);
  }

  /** {@link #search(Search)}, leaving the facets empty (and their cost out) when {@code facets} is false. */
  public SearchResult search(Search q, boolean facets) throws IOException {
    return searchParsed(q, parse(q.query()), facets);
  }

  /** The parsed text query of a search (for highlighting). */
  Query parse(String query) {
    try {
      MultiFieldQueryParser p = new MultiFieldQueryParser(SEARCH_FIELDS, analyzer, BOOSTS);
      p.setDefaultOperator(QueryParser.Operator.AND);
      String qs = (query == null || query.isBlank() ? "*" : query).strip();
      return qs.equals("*") || qs.equals("*:*") ? new MatchAllDocsQuery() : p.parse(qs);
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot parse query \"" + query + "\": " + firstLine(e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot parse query \"" + query + "\": " + e.getMessage(), e);
    }
  }

  private SearchResult searchParsed(Search q, Query text, boolean facets) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST)
        .add(kind(KIND_ARTICLE), BooleanClause.Occur.FILTER);
    if (q.outlet() != null && !q.outlet().isBlank()) {
      b.add(new TermQuery(new Term(F_OUTLET, q.outlet().strip().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
    }
    if (q.from() != null || q.to() != null) {
      int lo = q.from() == null ? Integer.MIN_VALUE : (int) q.from().toEpochDay();
      int hi = q.to() == null ? Integer.MAX_VALUE : (int) q.to().toEpochDay();
      b.add(IntPoint.newRangeQuery(F_DAY, lo, hi), BooleanClause.Occur.FILTER);
    }
    if (q.entity() != null && !q.entity().isBlank()) {
      b.add(new TermQuery(new Term(F_ENTITY, q.entity().strip())), BooleanClause.Occur.FILTER);
    }
    if (q.speaker() != null && !q.speaker().isBlank()) {
      b.add(new TermQuery(new Term(F_SPEAKER, q.speaker().strip())), BooleanClause.Occur.FILTER);
    }
    Query query = b.build();
    IndexSearcher s = searchers.acquire();
    try {
      Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(F_ARTICLE_SORT, SortField.Type.STRING));
      TopDocs top = s.search(query, (int) Math.min(Integer.MAX_VALUE, (long) q.offset() + q.limit()), sort, true);
      List<Hit> hits = new ArrayList<>();
      StoredFields f = s.storedFields();
      String[] marked = highlight(s, text, top, q.offset());
      for (int i = q.offset(); i < top.scoreDocs.length; i++) {
        ScoreDoc d = top.scoreDocs[i];
        hits.add(new Hit(articleOf(s, d.doc), d.score, dayOf(s, d.doc),
            marked == null ? null : marked[i - q.offset()]));
      }
      Map<String, Integer> dates = new TreeMap<>();
      long[] total = {0};
      Map<String, List<FacetValue>> facetLists = new LinkedHashMap<>();
      if (!facets) {
        // the collector counted every hit up to its threshold: counted again only past it
        long n = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : s.count(query);
        return new SearchResult(n, hits, facetLists);
      }
      // counted by global ordinal; only the values shown are turned into strings
      Map<Long, Integer> days = new HashMap<>();
      GlobalOrdinals go = GlobalOrdinals.of(s.getIndexReader());
      GlobalOrdinals.Counter oc = go.new Counter(F_OUTLET_FACET);
      GlobalOrdinals.Counter ec = go.new Counter(F_ENTITY);
      GlobalOrdinals.Counter sp = go.new Counter(F_SPEAKER);
      Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
        Scorer sc = w.scorer(ctx);
        if (sc == null) continue;
        Bits live = ctx.reader().getLiveDocs();
        NumericDocValues day = ctx.reader().getNumericDocValues(F_DAY_DV);
        DocIdSetIterator it = sc.iterator();
        oc.leaf(ctx, it.cost());
        ec.leaf(ctx, it.cost());
        sp.leaf(ctx, it.cost());
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (live != null && !live.get(d)) continue;
          total[0]++;
          oc.count(d);
          ec.count(d);
          sp.count(d);
          if (day != null && day.advanceExact(d)) days.merge(day.longValue(), 1, Integer::sum);
        }
      }
      for (var e : days.entrySet()) {
        String d = LocalDate.ofEpochDay(e.getKey()).toString();
        dates.merge(q.bucket() == DateBucket.MONTH ? d.substring(0, 7) : d, e.getValue(), Integer::sum);
      }
      facetLists.put("outlet", facet(oc.top(FACET_SIZE), k -> k));
      List<FacetValue> ds = new ArrayList<>();
      for (var e : dates.entrySet()) ds.add(new FacetValue(e.getKey(), e.getKey(), e.getValue()));
      facetLists.put("date", ds);
      facetLists.put("entity", facet(ec.top(FACET_SIZE), this::nameOf));
      facetLists.put("speaker", facet(sp.top(FACET_SIZE), this::nameOf));
      return new SearchResult(total[0], hits, facetLists);
    } finally {
      searchers.release(s);
    }
  }

  /** An article document's article id, from its doc values (no stored-fields block decompressed). */
  private static String articleOf(IndexSearcher s, int doc) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext ctx = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    org.apache.lucene.index.SortedDocValues dv = DocValues.getSorted(ctx.reader(), F_ARTICLE_SORT);
    if (!dv.advanceExact(doc - ctx.docBase)) {
      return s.storedFields().document(doc, Set.of(F_ARTICLE)).get(F_ARTICLE);
    }
    return dv.lookupOrd(dv.ordValue()).utf8ToString();
  }

  /** The page's hits highlighted from the postings' offsets (null when the index has none). */
  private String[] highlight(IndexSearcher s, Query text, TopDocs top, int offset) throws IOException {
    if (!textOffsets || offset >= top.scoreDocs.length || text instanceof MatchAllDocsQuery) return null;
    ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, offset, top.scoreDocs.length);
    org.apache.lucene.search.uhighlight.UnifiedHighlighter hl =
        org.apache.lucene.search.uhighlight.UnifiedHighlighter.builder(s, analyzer)
            .withFormatter(new org.apache.lucene.search.uhighlight.DefaultPassageFormatter("«", "»", " … ", false))
            .withMaxLength(ArticleStore.HIGHLIGHT_CHARS)
            .build();
    return hl.highlight("text", text, new TopDocs(top.totalHits, page), 2);
  }

  @Override
  public void close() throws IOException {
    try {
      if (writer != null) {
        synchronized (this) {
          if (!touched.isEmpty()) commit(); // before the searchers close: a commit refreshes them
        }
      }
    } finally {
      try {
        searchers.close();
        if (writer != null) writer.close();
      } finally {
        directory.close();
      }
    }
  }

  // ------------------------------------------------------------------------------------------------- internals

  private static final Comparator<Map.Entry<String, Integer>> BY_COUNT =
      Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
  private static final Sort NEWEST = new Sort(new SortField(F_DAY_DV, SortField.Type.LONG, true) {
    {
      setMissingValue(NO_DAY);
    }
  }, new SortField(F_ARTICLE_SORT, SortField.Type.STRING));
  private static final Sort QUOTE_ORDER = new Sort(NEWEST.getSort()[0], NEWEST.getSort()[1],
      new SortField(F_ORD, SortField.Type.LONG));

  /** What is known of an entity beyond its counts: the latest canonical name, the aliases and roles seen. */
  static final class EntityInfo {
    public String id;
    public String name;
    public String type;
    public List<String> aliases;
    public List<String> roles;

    EntityInfo() {}

    EntityInfo(String id, String name, String type, List<String> aliases, List<String> roles) {
      this.id = id;
      this.name = name;
      this.type = type;
      this.aliases = aliases;
      this.roles = roles;
    }
  }

  /** An entity's name and type, by id: read once per commit (facets and co-occurrence lists name many). */
  private record Name(String name, String type) {}

  private final java.util.concurrent.ConcurrentHashMap<String, Name> names = new java.util.concurrent.ConcurrentHashMap<>();

  private Name name(String id) throws IOException {
    Name n = names.get(id);
    if (n != null) return n;
    Optional<EntityInfo> i = info(id);
    String type = i.map(x -> x.type).orElse(id.substring(0, Math.max(0, id.indexOf(':'))).toUpperCase(Locale.ROOT));
    n = new Name(i.map(x -> x.name).orElse(id), type);
    if (names.size() < 100_000) names.put(id, n);
    return n;
  }

  private Optional<EntityInfo> info(String id) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs t = s.search(new TermQuery(new Term(F_KEY, id)), 1);
      if (t.scoreDocs.length == 0) return Optional.empty();
      EntityInfo i = JSON.readValue(s.storedFields().document(t.scoreDocs[0].doc).get(F_JSON), EntityInfo.class);
      i.aliases = new ArrayList<>(i.aliases == null ? List.of() : i.aliases);
      i.roles = new ArrayList<>(i.roles == null ? List.of() : i.roles);
      return Optional.of(i);
    } finally {
      searchers.release(s);
    }
  }

  private String nameOf(String id) {
    try {
      return name(id).name();
    } catch (IOException e) {
      return id;
    }
  }

  private EntityCount count(String id, int n) throws IOException {
    Name i = name(id);
    return new EntityCount(id, i.name(), i.type(), n);
  }

  private static List<FacetValue> facet(List<Map.Entry<String, Integer>> top,
      java.util.function.Function<String, String> label) {
    List<FacetValue> out = new ArrayList<>(top.size());
    for (var e : top) out.add(new FacetValue(e.getKey(), label.apply(e.getKey()), e.getValue()));
    return out;
  }

  private Page<StoredQuote> quotes(Query filter, int offset, int limit) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      Query q = filter == null ? kind(KIND_QUOTE) : and(kind(KIND_QUOTE), filter);
      TopDocs t = s.search(q, (int) Math.min(Integer.MAX_VALUE, (long) offset + limit), QUOTE_ORDER, false);
      List<StoredQuote> items = new ArrayList<>();
      StoredFields f = s.storedFields();
      for (int i = offset; i < t.scoreDocs.length; i++) {
        items.add(JSON.readValue(f.document(t.scoreDocs[i].doc).get(F_JSON), StoredQuote.class));
      }
      return new Page<>(items, s.count(q), offset, limit);
    } finally {
      searchers.release(s);
    }
  }

  /** Entity counts over the whole index, computed once per searcher (i.e. per commit). */
  private record Counts(IndexReader reader, List<Map.Entry<String, Integer>> ordered) {}

  private Counts counts() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      Counts c = counts;
      if (c != null && c.reader() == s.getIndexReader()) return c;
      Map<String, Integer> m = new HashMap<>();
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        SortedSetDocValues dv = leaf.reader().getSortedSetDocValues(F_ENTITY);
        if (dv == null) continue;
        Bits live = leaf.reader().getLiveDocs();
        int[] n = new int[(int) dv.getValueCount()];
        for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
          if (live != null && !live.get(d)) continue;
          for (int i = 0; i < dv.docValueCount(); i++) n[(int) dv.nextOrd()]++;
        }
        for (int o = 0; o < n.length; o++) {
          if (n[o] > 0) m.merge(dv.lookupOrd(o).utf8ToString(), n[o], Integer::sum);
        }
      }
      List<Map.Entry<String, Integer>> ordered = m.entrySet().stream().sorted(BY_COUNT)
          .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
      c = new Counts(s.getIndexReader(), ordered);
      counts = c;
      return c;
    } finally {
      searchers.release(s);
    }
  }

  /** The doc values of one segment a match loop reads. */
  private static final class Leaf {
    final SortedSetDocValues entity;
    final SortedSetDocValues speaker;
    final SortedSetDocValues outlet;
    final NumericDocValues day;
    final org.apache.lucene.index.SortedDocValues article;

    Leaf(LeafReaderContext ctx) throws IOException {
      entity = ctx.reader().getSortedSetDocValues(F_ENTITY);
      speaker = ctx.reader().getSortedSetDocValues(F_SPEAKER);
      outlet = ctx.reader().getSortedSetDocValues(F_OUTLET_FACET);
      day = ctx.reader().getNumericDocValues(F_DAY_DV);
      article = DocValues.getSorted(ctx.reader(), F_ARTICLE_SORT);
    }

    void countOrds(SortedSetDocValues dv, int doc, Map<String, Integer> into) throws IOException {
      if (dv == null || !dv.advanceExact(doc)) return;
      for (int i = 0; i < dv.docValueCount(); i++) {
        into.merge(dv.lookupOrd(dv.nextOrd()).utf8ToString(), 1, Integer::sum);
      }
    }
  }

  private interface MatchVisitor {
    void visit(Leaf leaf, int doc) throws IOException;
  }

  /** Visits every live document matching {@code q}, segment by segment, in doc id order. */
  private static void forEachMatch(IndexSearcher s, Query q, MatchVisitor v) throws IOException {
    Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(ctx);
      if (sc == null) continue;
      Bits live = ctx.reader().getLiveDocs();
      Leaf leaf = new Leaf(ctx);
      DocIdSetIterator it = sc.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live == null || live.get(d)) v.visit(leaf, d);
      }
    }
  }

  private static String dayOf(IndexSearcher s, int doc) throws IOException {
    LeafReaderContext leaf = s.getIndexReader().leaves().get(
        org.apache.lucene.index.ReaderUtil.subIndex(doc, s.getIndexReader().leaves()));
    NumericDocValues dv = leaf.reader().getNumericDocValues(F_DAY_DV);
    if (dv == null || !dv.advanceExact(doc - leaf.docBase)) return null;
    return LocalDate.ofEpochDay(dv.longValue()).toString();
  }

  private static Query kind(String k) {
    return new TermQuery(new Term(F_KIND, k));
  }

  private static Query and(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
  }

  static void checkPage(int offset, int limit) {
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
  }

  private void requireWriter() {
    if (writer == null) throw new IllegalStateException("the annotation index is open read-only");
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
