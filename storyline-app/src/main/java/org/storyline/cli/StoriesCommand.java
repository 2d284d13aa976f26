package org.storyline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.storyline.analyze.Analyzer;
import org.storyline.analyze.ReportJson;
import org.storyline.model.Article;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.store.ArticleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code storyline stories} and {@code storyline story ID}: the stories and storylines of the embedded store
 * ({@code --data DIR}, default {@value StoreOptions#DEFAULT_DATA}; its articles are analysed on the fly) or of a JSON
 * report written by {@code storyline analyze --out} ({@code --report FILE}).
 */
final class StoriesCommand {
  private StoriesCommand() {}

  static Report load(Path report, Path data, boolean embeddings, PrintWriter err) throws Exception {
    if (report == null) {
      return fromStore(data == null ? Path.of(StoreOptions.DEFAULT_DATA) : data, embeddings, err);
    }
    if (!Files.isRegularFile(report)) {
      err.println("storyline: no report at " + report);
      return null;
    }
    try (InputStream in = Files.newInputStream(report)) {
      return ReportJson.read(in);
    }
  }

  /**
   * Analyses the store's articles (current revisions; inferred publish dates dropped, since the story stage infers
   * them again) in a fixed order, publish date then id, so the same store always gives the same stories.
   */
  static Report fromStore(Path data, boolean embeddings, PrintWriter err) {
    if (!Files.isDirectory(data)) {
      err.println("storyline: no store at " + data + "; add articles with `storyline ingest --data " + data
          + " PATH...` or pass --report FILE (a report from `storyline analyze --out FILE`)");
      return null;
    }
    List<Article> articles = new ArrayList<>();
    try (ArticleStore store = ArticleStore.openReadOnly(data)) {
      store.forEachArticle(a -> articles.add(a.publishedInferred() ? a.withPublished(null, false, null) : a));
    } catch (IOException | UncheckedIOException e) {
      err.println("storyline: cannot read the store at " + data + ": " + e.getMessage());
      return null;
    }
    articles.sort(STORE_ORDER);
    return Analyzer.defaults(embeddings).analyzeArticles(articles);
  }

  /** Publish date (undated last), then id. */
  static final Comparator<Article> STORE_ORDER = Comparator
      .comparing((Article a) -> a.published() == null ? "\uffff" : a.published()).thenComparing(Article::id);

  /** Re-runs the story stage on the report's articles (inferred dates removed) and prints the story's reasons. */
  static void explain(Report r, Story s, boolean embeddings, PrintWriter out) {
    List<Article> input = r.articles().stream()
        .map(a -> a.publishedInferred() ? a.withPublished(null, false, null) : a).toList();
    var outcome = org.storyline.cluster.OnlineStoryStage.defaults(embeddings).run(input, r.entities(),
        r.quotes());
    out.println("  why:");
    for (var a : outcome.assignments()) {
      if (s.articles().contains(a.article())) out.println("    " + a.explain());
    }
    for (var e : outcome.events()) {
      if (e.into().equals(s.id()) || e.story().equals(s.id())) {
        out.printf("    event: %s %s into %s (%s)%n", e.kind(), e.story(), e.into(), e.reason());
      }
    }
  }

  static int copies(Story s) {
    return s.duplicates().stream().mapToInt(g -> g.copies().size()).sum();
  }

  /** {@code storyline stories}. */
  @Command(name = "stories", description = "List stories and storylines of the articles in the store (or in a "
      + "JSON report).")
  static final class ListStories implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--report", paramLabel = "FILE", description = "Read a report written by `storyline analyze "
        + "--out` instead of the store.")
    Path report;

    @Mixin StoreOptions storeOptions;

    @Mixin EmbeddingOptions embeddings;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Report r = load(report, storeOptions.data, embeddings.on(), spec.commandLine().getErr());
      if (r == null) return 2;
      int raw = r.articles().size();
      int copies = r.stories().stream().mapToInt(StoriesCommand::copies).sum();
      out.printf("%d stories, %d storylines; %d articles, %d with copies collapsed%n", r.stories().size(),
          r.storylines().size(), raw, raw - copies);
      for (Story s : r.stories()) {
        out.printf("  %-34s %s..%s  %2d articles (%d unique), %d outlets  %s%n", s.id(), s.first(), s.last(),
            s.articles().size(), s.articles().size() - copies(s), s.outlets().size(), s.label());
      }
      if (!r.storylines().isEmpty()) {
        out.println("Storylines:");
        for (Storyline l : r.storylines()) {
          out.printf("  %-34s %d stories  %s%n", l.id(), l.stories().size(), l.label());
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code storyline story ID}. */
  @Command(name = "story", description = "Show one story or storyline: articles, copies, timeline.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A story or storyline id.")
    String id;

    @Option(names = "--report", paramLabel = "FILE", description = "Read a report written by `storyline analyze "
        + "--out` instead of the store.")
    Path report;

    @Mixin StoreOptions storeOptions;

    @Mixin EmbeddingOptions embeddings;

    @Option(names = "--explain", description = "Also say why each article joined the story (re-runs the "
        + "deterministic story stage on the articles).")
    boolean explain;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Report r = load(report, storeOptions.data, embeddings.on(), spec.commandLine().getErr());
      if (r == null) return 2;
      Map<String, Article> articles = new HashMap<>();
      for (Article a : r.articles()) articles.put(a.id(), a);
      Map<String, Story> stories = new HashMap<>();
      for (Story s : r.stories()) stories.put(s.id(), s);
      for (Storyline l : r.storylines()) {
        if (!l.id().equals(id)) continue;
        out.printf("%s  %s%n  timeline:%n", l.id(), l.label());
        for (String sid : l.stories()) {
          Story s = stories.get(sid);
          if (s != null) out.printf("    %s  %-34s %s%n", s.first(), s.id(), s.label());
        }
        out.flush();
        return 0;
      }
      Story s = stories.get(id);
      if (s == null) {
        spec.commandLine().getErr().println("storyline: no story or storyline " + id);
        return 2;
      }
      out.printf("%s  %s%n  %s..%s, %d articles (%d with copies collapsed), outlets: %s%n", s.id(), s.label(),
          s.first(), s.last(), s.articles().size(), s.articles().size() - copies(s), String.join(", ", s.outlets()));
      for (String aid : s.articles()) {
        Article a = articles.get(aid);
        if (a == null) continue;
        out.printf("    %-28s %-10s%s %-22s %s%n", a.id(), a.published() == null ? "?" : a.published(),
            a.publishedInferred() ? "*" : " ", a.outlet() == null ? "?" : a.outlet(),
            a.title() == null ? "(no title)" : a.title());
      }
      for (Story.DuplicateGroup g : s.duplicates()) {
        for (Story.Copy c : g.copies()) {
          out.printf("    copy: %s is a %s copy of %s (overlap %.2f)%n", c.article(), c.kind(), g.original(),
              c.overlap());
        }
      }
      for (Storyline l : r.storylines()) {
        if (l.stories().contains(s.id())) out.printf("  storyline %s: %s%n", l.id(), l.label());
      }
      if (s.articles().stream().map(articles::get).anyMatch(a -> a != null && a.publishedInferred())) {
        out.println("  * publish date inferred from the story");
      }
      if (explain) explain(r, s, embeddings.on(), out);
      out.flush();
      return 0;
    }
  }

}
