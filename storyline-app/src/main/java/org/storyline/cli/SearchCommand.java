package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.storyline.store.ArticleStore;
import org.storyline.store.SearchHit;
import org.storyline.store.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storyline search [--data DIR] [--outlet X] [--from DATE] [--to DATE] [--limit N] QUERY}. */
@Command(name = "search", description = "Full-text search of the stored articles (Lucene query syntax over title "
    + "and text: words, \"phrases\", AND/OR/NOT, title:word, prefix*; all words must match by default).")
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query; several words are joined.")
  List<String> query;

  @Mixin StoreOptions storeOptions;

  @Option(names = "--outlet", paramLabel = "NAME", description = "Only articles from this outlet (exact name, any case).")
  String outlet;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after this date (yyyy-mm-dd).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before this date (yyyy-mm-dd).")
  LocalDate to;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N hits (default 10).")
  int limit;

  @Option(names = "--json", description = "Print the hits as a JSON array (id, title, outlet, published, score, "
      + "snippet).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String q = String.join(" ", query);
    if (limit < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit takes 1 or more");
    try (ArticleStore store = ArticleStore.openReadOnly(storeOptions.data)) {
      List<SearchHit> hits = store.search(new SearchQuery(q, outlet, from, to, limit));
      if (json) {
        out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(hits));
        out.flush();
      } else {
        print(out, q, hits);
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("storyline: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("storyline: " + Main.describe(e));
      return Main.storeExit(e, 2);
    }
  }

  static void print(PrintWriter out, String q, List<SearchHit> hits) {
    out.printf("%d hit%s for %s%n", hits.size(), hits.size() == 1 ? "" : "s", q);
    int n = 0;
    for (SearchHit h : hits) {
      n++;
      out.printf("%n%2d. %s  (score %.2f)%n    %s | %s | %s%n    %s%n", n,
          h.title() == null ? "(no title)" : h.title(), h.score(), h.id(),
          h.outlet() == null ? "?" : h.outlet(), h.published() == null ? "?" : h.published(), h.snippet());
    }
    out.flush();
  }
}
