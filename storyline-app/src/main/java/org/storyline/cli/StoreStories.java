package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.storyline.analyze.Analyzer;
import org.storyline.cluster.OnlineStoryStage;
import org.storyline.cluster.StoryStream;
import org.storyline.model.Article;
import org.storyline.store.ArticleStore;

/**
 * The stories of the embedded store, kept beside its index in {@value #FILE}: {@code ingest} assigns each new article
 * to a story against the stories already there (no re-clustering of what is stored), and {@code stories} / {@code
 * story} read them. The file is saved after the store's own commit, so a crash in between leaves articles without a
 * story; the next {@code ingest} (or {@code stories}, for its listing) assigns them, in publish order.
 */
final class StoreStories {
  static final String FILE = "stories.bin";
  /** Articles annotated (entities, quotes) together before their features go to the stream. */
  private static final int CHUNK = 2000;

  private StoreStories() {}

  /** A stored article's id and publish date: enough to put unassigned articles in order before reading them. */
  record Key(String id, String published) {}

  static final Comparator<Key> KEY_ORDER = Comparator
      .comparing((Key k) -> k.published() == null ? "\uffff" : k.published()).thenComparing(Key::id);

  static Key key(Article a) {
    return new Key(a.id(), a.publishedInferred() ? null : a.published());
  }

  static Path file(Path data) {
    return data.resolve(FILE);
  }

  /** The saved stream of the store at {@code data}, or a new one (saying why when a saved one cannot be used). */
  static StoryStream open(OnlineStoryStage stage, Path data, PrintWriter err) {
    Path f = file(data);
    try {
      return stage.resume(f);
    } catch (NoSuchFileException e) {
      return stage.newStream();
    } catch (IOException e) {
      err.println("storyline: " + e.getMessage() + "; its stories are rebuilt from the stored articles");
      return stage.newStream();
    }
  }

  /**
   * Assigns the store's current articles that the stream has not seen, in publish order, and returns how many.
   * {@code added} are the articles this run added (their keys): when the stream plus them account for the whole
   * store, only they are read; otherwise (an older store, a damaged state, an interrupted ingest) the store is
   * scanned for every article without a story.
   */
  static int update(OnlineStoryStage stage, StoryStream stream, ArticleStore store, List<Key> added)
      throws IOException {
    List<Key> todo = new ArrayList<>();
    for (Key k : added) if (!stream.contains(k.id())) todo.add(k);
    if (stream.size() + todo.size() != store.size()) {
      todo.clear();
      store.forEachArticle(a -> {
        if (!stream.contains(a.id())) todo.add(key(a));
      });
    }
    todo.sort(KEY_ORDER);
    if (todo.isEmpty()) return 0;
    Analyzer annotator = Analyzer.defaults(false); // its entity and quote stages; no embedding model is loaded
    int n = 0;
    for (int i = 0; i < todo.size(); i += CHUNK) {
      List<Article> chunk = new ArrayList<>();
      for (Key k : todo.subList(i, Math.min(todo.size(), i + CHUNK))) {
        Optional<Article> a = store.get(k.id());
        a.ifPresent(x -> chunk.add(x.publishedInferred() ? x.withPublished(null, false, null) : x));
      }
      Analyzer.Annotations an = annotator.annotate(chunk);
      n += stage.feed(stream, chunk, an.entities(), an.quotes()).size();
    }
    return n;
  }

  static boolean saved(Path data) {
    return Files.isRegularFile(file(data));
  }

  /**
   * After a commit: assigns the articles without a story (this run's new ones, or all that an earlier run left) to
   * stories against the stored stories, saves them and prints one line. Runs after the store's commit, so a failure
   * here loses no article, and the next ingest assigns what is left.
   */
  static void assignAndSave(ArticleStore store, List<Key> added, EmbeddingOptions embeddings, PrintWriter out,
      PrintWriter err) throws IOException {
    if (added.isEmpty()) {
      // nothing new: when the saved state already holds every stored article, it need not even be loaded
      try {
        StoryStream.Counts c = StoryStream.counts(file(store.dataDir()));
        if (c.articles() == store.size()) {
          out.printf("Stories: 0 articles assigned to stories; %d stories in the store%n", c.stories());
          out.flush();
          return;
        }
      } catch (IOException e) {
        // missing, damaged or of another version: loaded (and rebuilt) below, which says why
      }
    }
    OnlineStoryStage stage = OnlineStoryStage.defaults(embeddings.on());
    StoryStream stream = open(stage, store.dataDir(), err);
    if (stream.embeddings() != embeddings.on() && stream.size() > 0) {
      err.println("storyline: the store's stories were started " + (stream.embeddings() ? "with" : "without")
          + " sentence embeddings and go on that way");
    } else {
      embeddings.warn(err);
    }
    int n = update(stage, stream, store, added);
    if (n > 0 || !saved(store.dataDir())) stream.save(file(store.dataDir()));
    out.printf("Stories: %d articles assigned to stories; %d stories in the store%n", n, stream.stories());
    out.flush();
  }
}
