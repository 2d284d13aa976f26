package org.storyline.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.storyline.model.Article;
import org.storyline.model.Story;
import org.storyline.store.Library;

/**
 * Loads what the job computed into a Storyline store ({@link Library}), so {@code storyline serve} shows it: the
 * articles topic's clean articles are added to the store (in the order the job assigned them), and the store's
 * stories are checked against the job's stories topic.
 *
 * <p>The store keeps its own story state ({@code stories.bin}), which its ingest builds with the same core stage in
 * publish order; the loader does not write it from the topic (a store has one stream, a job one per key), so for a
 * store fed this way the check below is what says the two agree: on one key and one batch, they are the same
 * stories (the integration test proves it on the demo's articles).
 */
public final class StoreLoader {
  private StoreLoader() {}

  /** What a load did: articles added to the store, and how many of the job's stories the store has as they are. */
  public record Loaded(int articles, int added, int jobStories, int storeStories, int sameStories) {
    public String line() {
      return articles + " articles read, " + added + " added to the store; the job's " + jobStories
          + " stories: " + sameStories + " identical in the store (which has " + storeStories + ")";
    }
  }

  public static Loaded load(String bootstrap, String articlesTopic, String storiesTopic, Path data,
      boolean embeddings) throws IOException {
    List<Article> articles = new ArrayList<>();
    for (Topics.Line l : Topics.readAll(bootstrap, articlesTopic)) {
      JsonNode n = Json.MAPPER.readTree(l.value());
      articles.add(Json.MAPPER.treeToValue(n.get("article"), Article.class));
    }
    Map<String, TreeSet<String>> job = Stories.of(Stories.values(Topics.readAll(bootstrap, storiesTopic)));
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(embeddings))) {
      Library.IngestResult r = lib.ingestArticles(articles);
      Set<TreeSet<String>> store = new java.util.HashSet<>();
      for (Story s : lib.snapshot().stories()) store.add(new TreeSet<>(s.articles()));
      int same = 0;
      for (TreeSet<String> s : job.values()) if (store.contains(s)) same++;
      return new Loaded(articles.size(), r.added(), job.size(), store.size(), same);
    }
  }
}
