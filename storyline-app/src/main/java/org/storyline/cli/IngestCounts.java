package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.storyline.model.Article;
import org.storyline.model.InputProblem;
import org.storyline.store.ArticleStore;

/** Adds articles to the store and keeps the counts a user sees after {@code ingest} and {@code demo}. */
final class IngestCounts {
  int added;
  int unchanged;
  int revised;
  final List<InputProblem> problems = new ArrayList<>();
  /** The articles added (not unchanged or revised), for the story stage. */
  final List<StoreStories.Key> addedKeys = new ArrayList<>();

  void add(ArticleStore store, Article a) throws IOException {
    switch (store.add(a).outcome()) {
      case ADDED -> {
        added++;
        addedKeys.add(StoreStories.key(a));
      }
      case UNCHANGED -> unchanged++;
      case REVISED -> revised++;
    }
  }

  /** Lines, records or files skipped (a "N more lines" problem counts N). */
  long skipped() {
    return problems.stream().filter(InputProblem::skipped).mapToLong(InputProblem::units).sum();
  }

  long partial() {
    return problems.stream().filter(p -> !p.skipped()).mapToLong(InputProblem::units).sum();
  }

  void print(PrintWriter out, ArticleStore store) throws IOException {
    out.printf("%s: %d added, %d unchanged, %d revised, %d skipped, %d read in part; %d articles in the store%n",
        store.dataDir(), added, unchanged, revised, skipped(), partial(), store.size());
    out.flush();
  }
}
