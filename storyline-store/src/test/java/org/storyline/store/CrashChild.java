package org.storyline.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.storyline.model.Article;

/**
 * Child process for {@link CrashSafetyTest}: ingests articles in an endless loop (every third add also revises an
 * older article), commits every 10 adds (or, with {@code durable}, after every add) and prints {@code committed N}
 * after each commit, until it is killed.
 */
public final class CrashChild {
  private CrashChild() {}

  static Article article(int i, int rev) {
    String text = "Article " + i + " revision " + rev + ". "
        + "The council met on Tuesday to discuss the harbour project and its budget. ".repeat(1 + i % 7);
    return new Article("a" + i, "crash-test", "Title " + i + " r" + rev, "Outlet " + (i % 3),
        "https://crash.example/" + i, null, "2025-01-" + String.format(java.util.Locale.ROOT, "%02d", 1 + i % 28),
        false, List.of(), "en", text, List.of(), List.of());
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int limit = Integer.parseInt(args[1]);
    boolean durable = args.length > 2 && args[2].equals("durable");
    Map<Integer, Integer> revs = new HashMap<>();
    try (ArticleStore store = ArticleStore.open(data, durable ? 1 : Integer.MAX_VALUE)) {
      int adds = 0;
      for (int i = 0; i < limit; i++) {
        store.add(article(i, 1));
        revs.put(i, 1);
        adds++;
        if (i % 3 == 2) {
          int j = i / 3;
          int r = revs.merge(j, 1, Integer::sum);
          store.add(article(j, r));
          adds++;
        }
        if (durable) {
          System.out.println("committed " + (i + 1));
          System.out.flush();
        } else if (i % 10 == 9) {
          store.commit();
          System.out.println("committed " + (i + 1));
          System.out.flush();
        }
      }
    }
    System.out.println("done");
  }
}
