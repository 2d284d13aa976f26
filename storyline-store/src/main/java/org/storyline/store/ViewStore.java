package org.storyline.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

/**
 * Each story's report (what the pipeline says of its articles: entities, quotes, time expressions, quote variants,
 * events, outlet comparison), computed once and kept in a sidecar Lucene index ({@code <data>/views}) so that a
 * reader never runs the pipeline: the server computes the views of the stories an ingest changed before it swaps in
 * the next snapshot, and the views of older stories in the background (or on first read).
 *
 * <p>A view is valid for one {@link #stamp stamp}: a digest of the story as the snapshot holds it (id, label,
 * members, dates, outlets, copies), its storyline's id and {@link #FORMAT}. A story that changed in any of these has
 * a new stamp, so its old view is never served. A revised article keeps its story's stamp: the library deletes the
 * views of the stories holding revised articles. Bump {@link #FORMAT} when the pipeline's views change, so stores
 * built by an older version recompute theirs.
 *
 * <p>Thread-safe: reads run on a {@link SearcherManager} next to the writer and see what was {@link #refresh
 * refreshed}; writes are Lucene's (thread-safe).
 */
final class ViewStore implements Closeable {
  /** The folder of the sidecar index inside the data directory. */
  static final String DIR = "views";
  /** Changes when the stored reports would differ for the same story (the pipeline's views changed). */
  static final int FORMAT = 2; // 2: fact tables, summaries, one event per happening

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String F_STORY = "story";
  private static final String F_STAMP = "stamp";
  private static final String F_REPORT = "report";
  private static final String F_ARTICLE = "article";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private ViewStore(Directory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = writer != null ? new SearcherManager(writer, null) : new SearcherManager(directory, null);
  }

  /** Opens (creating if needed) the views of a data directory for writing; the caller holds the store's lock. */
  static ViewStore open(Path dataDir) throws IOException {
    IndexWriter w = LuceneDirs.openWriter(dataDir.resolve(DIR), new KeywordAnalyzer());
    return new ViewStore(w.getDirectory(), w);
  }

  /** Opens the views for reading beside a writer; none when the data directory has none yet. */
  static ViewStore openReadOnly(Path dataDir) throws IOException {
    Directory d = LuceneDirs.openExisting(dataDir.resolve(DIR));
    return d == null ? null : new ViewStore(d, null);
  }

  /** The stamp a story's view is valid for (hex digest). */
  static String stamp(Story s, Storyline line) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(("v" + FORMAT + "|" + Report.FORMAT_VERSION + "|" + s + "|" + (line == null ? "" : line.id()))
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored report of a story when it was computed for this stamp. */
  Optional<Report> get(String story, String stamp) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs t = s.search(new TermQuery(new Term(F_STORY, story)), 1);
      if (t.scoreDocs.length == 0) return Optional.empty();
      Document d = s.storedFields().document(t.scoreDocs[0].doc);
      if (!stamp.equals(d.get(F_STAMP))) return Optional.empty();
      return Optional.of(JSON.readValue(d.getBinaryValue(F_REPORT).bytes, Report.class));
    } finally {
      searchers.release(s);
    }
  }

  /** Every stored story's stamp, as of the last refresh. */
  Map<String, String> stamps() throws IOException {
    Map<String, String> out = new HashMap<>();
    IndexSearcher s = searchers.acquire();
    try {
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        StoredFields fields = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live != null && !live.get(i)) continue;
          Document d = fields.document(i, java.util.Set.of(F_STORY, F_STAMP));
          out.put(d.get(F_STORY), d.get(F_STAMP));
        }
      }
    } finally {
      searchers.release(s);
    }
    return out;
  }

  /** Keeps a story's report for this stamp (replacing what the story had). */
  void put(String story, String stamp, Report report) throws IOException {
    requireWritable();
    Document d = new Document();
    d.add(new StringField(F_STORY, story, Field.Store.YES));
    for (org.storyline.model.Article a : report.articles()) d.add(new StringField(F_ARTICLE, a.id(), Field.Store.NO));
    d.add(new StoredField(F_STAMP, stamp));
    d.add(new StoredField(F_REPORT, JSON.writeValueAsBytes(report)));
    writer.updateDocument(new Term(F_STORY, story), d);
  }

  /** Forgets the views of the stories that hold these articles (revised articles). */
  void deleteArticles(java.util.Collection<String> articles) throws IOException {
    requireWritable();
    for (String a : articles) writer.deleteDocuments(new Term(F_ARTICLE, a));
  }

  /** Makes what was put visible to readers (without a commit). */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Makes what was put durable and visible. */
  void commit() throws IOException {
    if (writer == null) return;
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  boolean writable() {
    return writer != null;
  }

  private void requireWritable() {
    if (writer == null) throw new IllegalStateException("the views are open read-only");
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      if (writer != null) writer.close();
    } finally {
      directory.close();
    }
  }
}
