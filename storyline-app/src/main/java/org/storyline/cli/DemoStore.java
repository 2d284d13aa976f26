package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.storyline.model.Article;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.store.ArticleStore;
import org.storyline.store.Library;
import org.storyline.store.SearchQuery;

/** The store part of {@code storyline demo}: ingest the analysed articles, then run one search. */
final class DemoStore {
  private DemoStore() {}

  static void ingestAndSearch(Report report, Path data, EmbeddingOptions embeddings, PrintWriter out,
      PrintWriter err) throws IOException {
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(embeddings.on()))) {
      Library.IngestResult r = lib.ingestArticles(report.articles());
      out.println();
      out.print("Embedded store ");
      IngestCommand.print(out, lib, r);
      for (String note : lib.notes()) err.println("storyline: " + note);
      ArticleStore store = lib.store();
      String q = exampleQuery(report);
      if (q == null) return;
      out.printf("%nSearch example: storyline search --data %s %s%n%n", data, q);
      SearchCommand.print(out, q, store.search(new SearchQuery(q, null, null, null, 3)));
      out.printf("%nNext: storyline stories --data %s        (the stories and storylines of the store)%n", data);
      if (!report.storylines().isEmpty()) {
        out.printf("      storyline story %s --data %s        (a storyline's timeline)%n",
            report.storylines().get(0).id(), data);
      }
      report.stories().stream().max(Comparator.comparingInt((Story s) -> s.articles().size())
          .thenComparing(Story::id, Comparator.reverseOrder()))
          .ifPresent(s -> out.printf("      storyline story %s --data %s --explain        (why its articles are "
              + "together)%n", s.id(), data));
      out.flush();
    }
  }

  /** The word (5+ letters) most titles share, ties alphabetically: a query that finds something in any corpus. */
  static String exampleQuery(Report report) {
    Map<String, Integer> df = new TreeMap<>();
    for (Article a : report.articles()) {
      if (a.title() == null) continue;
      new java.util.TreeSet<>(java.util.Arrays.asList(a.title().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")))
          .stream().filter(w -> w.length() >= 5).forEach(w -> df.merge(w, 1, Integer::sum));
    }
    return df.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).map(Map.Entry::getKey).orElse(null);
  }
}
