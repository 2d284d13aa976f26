package org.storyline.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;
import org.storyline.model.Article;

/**
 * The embedded article store: a Lucene index in {@code <data>/index} holding every article with all its revisions,
 * with full-text search over the current revisions.
 *
 * <h2>Identity and revisions</h2>
 * An article is identified by its URL (fragment removed) when it has one, else by its id. {@link #add} compares the
 * article's content (title, text, outlet, url, byline, published, language, credits; not the source path nor
 * extraction diagnostics) with the current revision: identical gives {@link Outcome#UNCHANGED} and writes nothing;
 * different gives {@link Outcome#REVISED} and keeps the new content as revision n+1, older revisions stay
 * retrievable ({@link #revisions}). The full {@link Article} JSON of every revision is stored, so later stages can
 * reload articles ({@link #forEachArticle}).
 *
 * <h2>Crash safety: what is guaranteed</h2>
 * <ul>
 *   <li>All revisions of one article are one Lucene document block, replaced with a single atomic
 *       {@code updateDocuments} call: no reader or commit ever sees an article half-written, two current revisions or
 *       a lost older revision.</li>
 *   <li>Durability comes from Lucene commits, which are atomic (a new {@code segments_N} is fsynced, then becomes
 *       visible). The store commits every {@code commitEvery} adds (default {@value #DEFAULT_COMMIT_EVERY}), on
 *       {@link #commit} and on {@link #close}.</li>
 *   <li>A process killed at any point (kill -9, power loss after fsync) leaves the store at its last commit: it opens
 *       normally, is consistent, and has lost at most the adds since that commit (fewer than {@code commitEvery}
 *       articles; with {@code commitEvery = 1}, at most the article in flight). Since adding is idempotent,
 *       re-running the same ingest restores them.</li>
 *   <li>One writer at a time per data directory (Lucene's native lock, released by the OS when a process dies);
 *       readers ({@link #openReadOnly}) may run beside a writer and see its last commit.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Thread-safe. Adds and commits are serialised. Reads ({@link #get}, {@link #revisions}, {@link #search},
 * {@link #size}, {@link #forEachArticle}) run concurrently on Lucene's thread-safe searcher and never wait for a
 * writer: a thread that has added articles since the last commit sees them in its own reads (they commit first);
 * every other thread sees the last commit.
 */
public final class ArticleStore implements Closeable {
  public static final int DEFAULT_COMMIT_EVERY = 1000;
  /** Lucene logs a warning through JUL when the JDK's incubating vector module is absent; it changes nothing here. */
  private static final java.util.logging.Logger VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

  static {
    VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
  }
  static final int FORMAT = 1;

  /** What {@link #add} did. */
  public enum Outcome { ADDED, UNCHANGED, REVISED }

  /** The outcome, the id of the stored article, and its current revision number (1-based). */
  public record AddResult(Outcome outcome, String id, int revision) {}

  /** One stored revision: its number (1 = first seen) and the article as stored then. */
  public record Revision(int number, Article article) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String[] SEARCH_FIELDS = {"title", "text"};
  private static final Map<String, Float> BOOSTS = Map.of("title", 2f, "text", 1f);
  private static final int MAX_REVISIONS_READ = 10_000;

  // Lucene field names
  private static final String F_KEY = "key";
  private static final String F_ID = "id";
  private static final String F_ID_SORT = "id_sort";
  private static final String F_URL = "url";
  private static final String F_CURRENT = "current";
  private static final String F_REV = "rev";
  private static final String F_FP = "fp";
  private static final String F_JSON = "json";
  private static final String F_OUTLET = "outlet";
  private static final String F_DAY = "day";

  private final Path dataDir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer = new StandardAnalyzer();
  private final int commitEvery;
  /** Blocks written since the last commit, by key; and key lookups by url and id for them. */
  private final Map<String, List<Stored>> pending = new HashMap<>();
  private final Map<String, String> pendingByUrl = new HashMap<>();
  private final Map<String, String> pendingById = new HashMap<>();
  private int uncommitted;
  /**
   * The thread whose adds are not committed yet: its own reads see them (they commit first, as they always did);
   * every other thread reads the last commit without waiting for the writer.
   */
  private volatile Thread pendingWriter;

  private ArticleStore(Path dataDir, boolean writable, int commitEvery) throws IOException {
    this.dataDir = dataDir;
    this.commitEvery = Math.max(1, commitEvery);
    Path index = dataDir.resolve("index");
    if (writable) {
      Files.createDirectories(index);
    } else if (!Files.isDirectory(index)) {
      throw new IOException("no store at " + dataDir + " (run storyline ingest first)");
    }
    this.directory = FSDirectory.open(index);
    if (!DirectoryReader.indexExists(directory)) {
      String damaged = damagedWithoutCommit(index);
      if (damaged != null || !writable) {
        directory.close();
        if (damaged != null) throw new StoreUnavailableException(damaged(dataDir, damaged));
        throw new IOException("no store at " + dataDir + " (run storyline ingest first)");
      }
    }
    if (writable) {
      IndexWriterConfig cfg = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(true);
      try {
        this.writer = new IndexWriter(directory, cfg);
      } catch (LockObtainFailedException e) {
        directory.close();
        throw new StoreUnavailableException("the store at " + dataDir + " is in use by another process (a running "
            + "`storyline serve`?): add articles through its API (POST /api/ingest) or stop it", e);
      }
      writer.setLiveCommitData(Map.of("storyline.store.format", Integer.toString(FORMAT)).entrySet());
      if (!DirectoryReader.indexExists(directory)) writer.commit();
      this.searchers = new SearcherManager(writer, null);
    } else {
      this.writer = null;
      this.searchers = new SearcherManager(directory, null);
    }
  }

  /**
   * Why an index folder without a readable commit is a damaged store rather than a new one: the index files it
   * still holds (segment files of articles stored before), or null when it holds nothing but a lock or the pending
   * commit of a store killed while it was being created.
   */
  private static String damagedWithoutCommit(Path index) throws IOException {
    List<String> files = new ArrayList<>();
    try (var s = Files.list(index)) {
      s.map(f -> f.getFileName().toString())
          .filter(n -> !n.equals("write.lock") && !n.startsWith("pending_segments_") && !n.startsWith("."))
          .sorted().forEach(files::add);
    }
    if (files.isEmpty()) return null;
    return "its index holds " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " (" + files.get(0)
        + (files.size() > 1 ? ", ..." : "") + ") but no readable commit (segments_N)";
  }

  static String damaged(Path dataDir, String why) {
    return "the store at " + dataDir + " is damaged: " + why + ". Nothing was changed. To recover: restore "
        + dataDir + " from a backup, or run `storyline check --data " + dataDir + "`, which runs Lucene's "
        + "CheckIndex on it (see docs/store.md, \"A damaged store\")";
  }

  /** What {@link #verify} found: whether the store is sound, its articles, and each problem found. */
  public record Verification(boolean clean, int articles, List<String> problems) {}

  /**
   * Checks the store at {@code dataDir} as far as it can be checked: a readable commit, Lucene's {@code CheckIndex}
   * over every segment (checksums and the integrity of each file), then the store's own invariants ({@link #check}).
   * Reads only; needs the store not to be in use. Throws when there is no store there, or it is in use.
   */
  public static Verification verify(Path dataDir) throws IOException {
    Path index = dataDir.resolve("index");
    if (!Files.isDirectory(index)) throw new IOException("no store at " + dataDir + " (run storyline ingest first)");
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        String why = damagedWithoutCommit(index);
        if (why == null) throw new IOException("no store at " + dataDir + " (run storyline ingest first)");
        return new Verification(false, 0, List.of(damaged(dataDir, why)));
      }
      CheckIndex.Status status;
      try (CheckIndex ci = new CheckIndex(dir)) {
        ci.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
        ci.setInfoStream(null);
        status = ci.checkIndex();
      } catch (LockObtainFailedException e) {
        throw new StoreUnavailableException("the store at " + dataDir + " is in use by another process", e);
      }
      if (!status.clean) {
        List<String> problems = new ArrayList<>();
        problems.add("Lucene's CheckIndex found " + status.numBadSegments + " damaged segment"
            + (status.numBadSegments == 1 ? "" : "s") + (status.missingSegments ? " (the commit is unreadable)" : "")
            + ", holding " + status.totLoseDocCount + " stored revisions");
        problems.add("to recover: restore " + dataDir + " from a backup; or, after copying it, drop the damaged "
            + "segments (their articles are lost; re-ingest them) with java -cp lucene-core-" + Version.LATEST
            + ".jar org.apache.lucene.index.CheckIndex " + index + " -exorcise, then delete " + dataDir.resolve(
                "stories.bin") + " (the next ingest rebuilds it)");
        return new Verification(false, 0, problems);
      }
    }
    try (ArticleStore s = openReadOnly(dataDir)) {
      List<String> problems = s.check();
      return new Verification(problems.isEmpty(), s.size(), problems);
    }
  }

  /** Opens (creating if needed) the store in {@code dataDir} for reading and writing. */
  public static ArticleStore open(Path dataDir) throws IOException {
    return new ArticleStore(dataDir, true, DEFAULT_COMMIT_EVERY);
  }

  /** Opens for writing, committing every {@code commitEvery} adds (1 = every article is durable on return). */
  public static ArticleStore open(Path dataDir, int commitEvery) throws IOException {
    return new ArticleStore(dataDir, true, commitEvery);
  }

  /** Opens an existing store for searching and reading only; works while another process writes to it. */
  public static ArticleStore openReadOnly(Path dataDir) throws IOException {
    return new ArticleStore(dataDir, false, DEFAULT_COMMIT_EVERY);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A stored revision as kept in the index. */
  private record Stored(String key, int rev, String fingerprint, String json, Article article) {}

  /** Adds an article: a new article, an unchanged one (nothing written) or a new revision of a known one. */
  public synchronized AddResult add(Article a) throws IOException {
    if (writer == null) throw new IllegalStateException("store opened read-only");
    String url = normalizeUrl(a.url());
    String key = findKey(url, a.id(), true);
    String fp = fingerprint(a);
    List<Stored> block = key == null ? List.of() : loadBlock(key, true);
    if (key == null || block.isEmpty()) key = term(url != null ? "url:" + url : "id:" + a.id());
    Stored current = block.isEmpty() ? null : block.get(block.size() - 1);
    if (current != null && current.fingerprint().equals(fp)) {
      return new AddResult(Outcome.UNCHANGED, current.article().id(), current.rev());
    }
    List<Stored> next = new ArrayList<>(block);
    int rev = current == null ? 1 : current.rev() + 1;
    next.add(new Stored(key, rev, fp, JSON.writeValueAsString(a), a));
    List<Document> docs = new ArrayList<>(next.size());
    for (Stored s : next) docs.add(toDocument(s, s == next.get(next.size() - 1)));
    writer.updateDocuments(new Term(F_KEY, key), docs);
    pending.put(key, next);
    if (url != null) pendingByUrl.put(url, key);
    pendingById.put(a.id(), key);
    pendingWriter = Thread.currentThread();
    if (++uncommitted >= commitEvery) commit();
    return new AddResult(current == null ? Outcome.ADDED : Outcome.REVISED, a.id(), rev);
  }

  /** Makes every add so far durable (atomic Lucene commit) and visible to searches. */
  public synchronized void commit() throws IOException {
    if (writer == null) {
      searchers.maybeRefreshBlocking();
      return;
    }
    writer.commit();
    searchers.maybeRefreshBlocking();
    pending.clear();
    pendingByUrl.clear();
    pendingById.clear();
    uncommitted = 0;
    pendingWriter = null;
  }

  /** Whether this thread has adds not committed yet (then its reads go through the writer's lock). */
  private boolean ownsPending() {
    return pendingWriter == Thread.currentThread();
  }

  /** Before a read of the whole index: this thread's own pending adds are committed first. */
  private void commitOwnPending() throws IOException {
    if (ownsPending()) {
      synchronized (this) {
        commitIfPending();
      }
    }
  }

  /** The current revision of the article with this id (or this URL), if stored. */
  public Optional<Article> get(String idOrUrl) throws IOException {
    List<Revision> r = revisions(idOrUrl);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(r.size() - 1).article());
  }

  /**
   * The current revision of the article with this id (not a URL), as {@link #get} finds it, with one look-up and
   * without reading older revisions: what a search result page reads per hit.
   */
  public Optional<Article> current(String id) throws IOException {
    if (ownsPending()) return get(id);
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs t = s.search(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(F_ID, term(id))), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(F_CURRENT, "1")), BooleanClause.Occur.FILTER).build(), 1,
          new Sort(new SortField(F_KEY + "_sort", SortField.Type.STRING)));
      return t.scoreDocs.length == 0 ? Optional.empty() : Optional.of(article(stored(s.storedFields(),
          t.scoreDocs[0].doc)));
    } finally {
      searchers.release(s);
    }
  }

  /** All revisions of the article with this id (or URL), oldest first; empty when unknown. */
  public List<Revision> revisions(String idOrUrl) throws IOException {
    if (ownsPending()) {
      synchronized (this) {
        return revisions(idOrUrl, true);
      }
    }
    return revisions(idOrUrl, false);
  }

  private List<Revision> revisions(String idOrUrl, boolean withPending) throws IOException {
    String key = findKey(normalizeUrl(idOrUrl), idOrUrl, withPending);
    if (key == null) return List.of();
    return loadBlock(key, withPending).stream().map(s -> new Revision(s.rev(), s.article())).toList();
  }

  /** Number of articles (current revisions) committed or added since. */
  public int size() throws IOException {
    commitOwnPending();
    IndexSearcher s = searchers.acquire();
    try {
      return s.count(new TermQuery(new Term(F_CURRENT, "1")));
    } finally {
      searchers.release(s);
    }
  }

  /** Every article's current revision, in id order (stable), for later stages to reload. */
  public void forEachArticle(Consumer<Article> action) throws IOException {
    commitOwnPending();
    IndexSearcher s = searchers.acquire();
    try {
      Sort byId = new Sort(new SortField(F_ID_SORT, SortField.Type.STRING), new SortField(F_KEY + "_sort",
          SortField.Type.STRING));
      Query q = new TermQuery(new Term(F_CURRENT, "1"));
      StoredFields fields = s.storedFields();
      ScoreDoc after = null;
      while (true) {
        TopDocs page = after == null ? s.search(q, 500, byId) : s.searchAfter(after, q, 500, byId);
        if (page.scoreDocs.length == 0) break;
        for (ScoreDoc d : page.scoreDocs) action.accept(article(stored(fields, d.doc)));
        after = page.scoreDocs[page.scoreDocs.length - 1];
      }
    } finally {
      searchers.release(s);
    }
  }

  /** Full-text search over the current revisions; best first, ties by id. */
  public List<SearchHit> search(SearchQuery sq) throws IOException {
    Query text;
    try {
      MultiFieldQueryParser p = new MultiFieldQueryParser(SEARCH_FIELDS, analyzer, BOOSTS);
      p.setDefaultOperator(QueryParser.Operator.AND);
      text = sq.query().strip().equals("*") ? new MatchAllDocsQuery() : p.parse(sq.query());
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot parse query \"" + sq.query() + "\": " + firstLine(e.getMessage()),
          e);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(F_CURRENT, "1")), BooleanClause.Occur.FILTER);
    if (sq.outlet() != null && !sq.outlet().isBlank()) {
      b.add(new TermQuery(new Term(F_OUTLET, term(sq.outlet().strip().toLowerCase(Locale.ROOT)))),
          BooleanClause.Occur.FILTER);
    }
    if (sq.from() != null || sq.to() != null) {
      int lo = sq.from() == null ? Integer.MIN_VALUE : (int) sq.from().toEpochDay();
      int hi = sq.to() == null ? Integer.MAX_VALUE : (int) sq.to().toEpochDay();
      b.add(IntPoint.newRangeQuery(F_DAY, lo, hi), BooleanClause.Occur.FILTER);
    }
    Query q = b.build();
    commitOwnPending();
    IndexSearcher s = searchers.acquire();
    try {
      Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(F_ID_SORT, SortField.Type.STRING));
      TopDocs top = s.search(q, sq.limit(), sort, true);
      UnifiedHighlighter hl = UnifiedHighlighter.builderWithoutSearcher(analyzer)
          .withFormatter(new DefaultPassageFormatter("«", "»", " … ", false))
          .withMaxLength(HIGHLIGHT_CHARS)
          .build();
      StoredFields fields = s.storedFields();
      List<SearchHit> hits = new ArrayList<>();
      for (ScoreDoc d : top.scoreDocs) {
        Article a = article(stored(fields, d.doc));
        hits.add(new SearchHit(a.id(), a.title(), a.outlet(), a.published(), d.score, snippet(hl, text, a.text())));
      }
      return hits;
    } finally {
      searchers.release(s);
    }
  }

  /** Highlighting looks at most this far into an article. */
  static final int HIGHLIGHT_CHARS = 200_000;

  /** Snippets are cut to about this many characters, keeping the first highlighted hit. */
  static final int SNIPPET_CHARS = 240;

  /** A snippet of {@code text} with the hits of {@code q} «marked», as {@link #search} gives. */
  static String snippet(Analyzer analyzer, Query q, String text) throws IOException {
    return snippet(highlighter(analyzer), q, text);
  }

  /** The highlighter of {@link #snippet}: build one per search and use it for every hit. */
  static UnifiedHighlighter highlighter(Analyzer analyzer) {
    return UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withFormatter(new DefaultPassageFormatter("«", "»", " … ", false))
        .withMaxLength(HIGHLIGHT_CHARS)
        .build();
  }

  static String snippet(UnifiedHighlighter hl, Query q, String text) throws IOException {
    Object h = hl.highlightWithoutSearcher("text", q, text, 2);
    return snippet(h == null ? "" : h.toString(), text);
  }

  /** A snippet from highlighted passages ({@code text} itself when there are none), clipped around the first hit. */
  static String snippet(String highlighted, String text) {
    String s = highlighted.strip().replaceAll("\\s+", " ");
    if (s.isEmpty()) s = text.strip().replaceAll("\\s+", " ");
    return clip(s, SNIPPET_CHARS);
  }

  /** About {@code max} characters around the first «hit», cut at spaces, never inside a «hit». */
  static String clip(String s, int max) {
    if (s.length() <= max) return s;
    int hit = Math.max(0, s.indexOf('«'));
    int start = Math.max(0, hit - max / 3);
    if (start > 0) {
      int sp = s.indexOf(' ', start);
      start = sp < 0 || sp > hit ? start : sp + 1;
    }
    int end = Math.min(s.length(), start + max);
    int close = s.indexOf('»', hit);
    if (close >= 0 && close >= end) end = Math.min(s.length(), close + 1);
    int open = s.lastIndexOf('«', end - 1);
    int openClose = open < 0 ? -1 : s.indexOf('»', open);
    if (open > hit && openClose >= end) end = open; // do not cut a later hit in half
    if (end < s.length()) {
      int sp = s.lastIndexOf(' ', end);
      if (sp > Math.max(start, close)) end = sp;
    }
    return (start > 0 ? "… " : "") + s.substring(start, end).strip() + (end < s.length() ? " …" : "");
  }

  /**
   * Checks the invariants a crash must not break: every article has revisions 1..n with exactly one current (the
   * last), every stored JSON reads back. Returns the violations found (empty when consistent).
   */
  public List<String> check() throws IOException {
    commitOwnPending();
    List<String> problems = new ArrayList<>();
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs all = s.search(new MatchAllDocsQuery(), Math.max(1, s.getIndexReader().maxDoc()));
      StoredFields fields = s.storedFields();
      Map<String, List<Document>> byKey = new HashMap<>();
      for (ScoreDoc d : all.scoreDocs) {
        Document doc = stored(fields, d.doc);
        byKey.computeIfAbsent(doc.get(F_KEY), k -> new ArrayList<>()).add(doc);
      }
      for (var e : byKey.entrySet()) {
        List<Document> docs = e.getValue();
        docs.sort(Comparator.comparingInt(d -> d.getField(F_REV).numericValue().intValue()));
        int currents = 0;
        for (int i = 0; i < docs.size(); i++) {
          Document d = docs.get(i);
          if (d.getField(F_REV).numericValue().intValue() != i + 1) {
            problems.add(e.getKey() + ": revision numbers not 1.." + docs.size());
          }
          if ("1".equals(d.get(F_CURRENT))) {
            currents++;
            if (i != docs.size() - 1) problems.add(e.getKey() + ": an older revision is marked current");
          }
          try {
            Article a = read(d.get(F_JSON));
            if (!fingerprint(a).equals(d.get(F_FP))) problems.add(e.getKey() + ": fingerprint mismatch");
          } catch (RuntimeException ex) {
            problems.add(e.getKey() + ": unreadable article JSON");
          }
        }
        if (currents != 1) problems.add(e.getKey() + ": " + currents + " current revisions");
      }
    } finally {
      searchers.release(s);
    }
    return problems;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (writer != null) {
        if (uncommitted > 0) writer.commit();
        searchers.close();
        writer.close();
      } else {
        searchers.close();
      }
    } finally {
      directory.close();
    }
  }

  // --- internals ---

  private void commitIfPending() throws IOException {
    if (writer != null && uncommitted > 0) commit();
  }

  /**
   * The block key of a stored article: the one whose current revision has this URL; else the one with this id,
   * provided that, when a URL is given, the stored article has none (it was first read from a file) — two articles
   * at different URLs are different articles even if their ids collide. Null when not stored.
   */
  private String findKey(String url, String id, boolean withPending) throws IOException {
    if (url != null) {
      String k = withPending ? pendingByUrl.get(url) : null;
      if (k == null) k = committedKey(new TermQuery(new Term(F_URL, term(url))));
      if (k != null) return k;
    }
    if (id != null) {
      String k = withPending ? pendingById.get(id) : null;
      if (k == null) k = committedKey(new TermQuery(new Term(F_ID, term(id))));
      if (k != null && (url == null || currentUrl(k, withPending) == null)) return k;
    }
    return null;
  }

  private String currentUrl(String key, boolean withPending) throws IOException {
    List<Stored> block = loadBlock(key, withPending);
    return block.isEmpty() ? null : normalizeUrl(block.get(block.size() - 1).article().url());
  }

  /** The key of the first (by key) committed article whose current revision matches. */
  private String committedKey(Query match) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs t = s.search(new BooleanQuery.Builder()
          .add(match, BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(F_CURRENT, "1")), BooleanClause.Occur.FILTER).build(), 1,
          new Sort(new SortField(F_KEY + "_sort", SortField.Type.STRING)));
      return t.scoreDocs.length == 0 ? null : stored(s.storedFields(), t.scoreDocs[0].doc).get(F_KEY);
    } finally {
      searchers.release(s);
    }
  }

  /** The revisions of a block; {@code withPending} (the writer's own view, under its lock) sees uncommitted ones. */
  private List<Stored> loadBlock(String key, boolean withPending) throws IOException {
    List<Stored> p = withPending ? pending.get(key) : null;
    if (p != null) return p;
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs t = s.search(new TermQuery(new Term(F_KEY, key)), MAX_REVISIONS_READ);
      StoredFields fields = s.storedFields();
      List<Stored> out = new ArrayList<>();
      for (ScoreDoc d : t.scoreDocs) {
        Document doc = stored(fields, d.doc);
        String json = doc.get(F_JSON);
        out.add(new Stored(key, doc.getField(F_REV).numericValue().intValue(), doc.get(F_FP), json, article(doc)));
      }
      out.sort(Comparator.comparingInt(Stored::rev));
      return out;
    } finally {
      searchers.release(s);
    }
  }

  private static Document toDocument(Stored s, boolean current) {
    Article a = s.article();
    Document d = new Document();
    d.add(new StringField(F_KEY, s.key(), Field.Store.YES));
    d.add(new SortedDocValuesField(F_KEY + "_sort", new BytesRef(s.key())));
    d.add(new StringField(F_ID, term(a.id()), Field.Store.YES));
    d.add(new SortedDocValuesField(F_ID_SORT, new BytesRef(term(a.id()))));
    String url = normalizeUrl(a.url());
    if (url != null) d.add(new StringField(F_URL, term(url), Field.Store.NO));
    d.add(new StringField(F_CURRENT, current ? "1" : "0", Field.Store.YES));
    d.add(new StoredField(F_REV, s.rev()));
    d.add(new StoredField(F_FP, s.fingerprint()));
    d.add(new StoredField(F_JSON, s.json()));
    if (current) {
      if (a.title() != null) d.add(new TextField("title", a.title(), Field.Store.NO));
      d.add(new TextField("text", a.text(), Field.Store.NO));
      if (a.outlet() != null) {
        d.add(new StringField(F_OUTLET, term(a.outlet().strip().toLowerCase(Locale.ROOT)), Field.Store.NO));
      }
      Integer day = epochDay(a.published());
      if (day != null) d.add(new IntPoint(F_DAY, day));
    }
    return d;
  }

  /** Longest value (UTF-8 bytes) indexed as itself; Lucene refuses terms over 32,766 bytes ("immense term"). */
  static final int MAX_TERM_BYTES = 1024;

  /**
   * The indexed form of a key, id, URL or outlet: the value itself, or for a longer one (a hostile or broken record)
   * a hash of it, so that one record can never abort a whole ingest and lookups by the full value still work.
   */
  static String term(String value) {
    if (value == null || value.length() * 3 <= MAX_TERM_BYTES) return value;
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    if (b.length <= MAX_TERM_BYTES) return value;
    try {
      return "#sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Integer epochDay(String published) {
    if (published == null || published.length() < 10) return null;
    try {
      return (int) LocalDate.parse(published.substring(0, 10)).toEpochDay();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String normalizeUrl(String url) {
    if (url == null) return null;
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash >= 0) u = u.substring(0, hash);
    if (!u.contains("://")) return null;
    return u.isEmpty() ? null : u;
  }

  /** Hash of the content a revision is about (not where it was read from, not extraction diagnostics). */
  static String fingerprint(Article a) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Object f : new Object[] {a.title(), a.text(), a.outlet(), normalizeUrl(a.url()), a.byline(),
          a.published(), a.publishedInferred(), a.language(), String.join("\u0001", a.credits())}) {
        md.update(String.valueOf(f).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A stored document, read through Lucene's decoders: a failure there (a bad checksum, or bytes that decode to
   * nonsense, as "arraycopy: source index -59836 out of bounds") means the segment is damaged, and is reported so.
   */
  private Document stored(StoredFields fields, int doc) throws IOException {
    try {
      return fields.document(doc);
    } catch (org.apache.lucene.index.CorruptIndexException | RuntimeException e) {
      throw new StoreUnavailableException(damaged(dataDir, "a stored article cannot be read (" + e + ")"), e);
    }
  }

  /** The article a stored document holds; unreadable JSON there is damage too. */
  private Article article(Document doc) throws IOException {
    try {
      return read(doc.get(F_JSON));
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(damaged(dataDir, "a stored article cannot be read (" + e.getMessage()
          + ")"), e);
    }
  }

  private static Article read(String json) {
    try {
      return JSON.readValue(json, Article.class);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable stored article: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
