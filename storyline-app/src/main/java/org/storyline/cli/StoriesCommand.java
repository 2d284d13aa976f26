package org.storyline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.storyline.analyze.Analyzer;
import org.storyline.analyze.ReportJson;
import org.storyline.cluster.OnlineStoryStage;
import org.storyline.cluster.StoryStage;
import org.storyline.model.Article;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.store.Library;
import org.storyline.store.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code storyline stories} and {@code storyline story ID}: the stories and storylines of the embedded store
 * ({@code --data DIR}, default {@value StoreOptions#DEFAULT_DATA}; the stories {@code ingest} assigned as the
 * articles arrived) or of a JSON report written by {@code storyline analyze --out} ({@code --report FILE}).
 */
final class StoriesCommand {
  private StoriesCommand() {}

  /** A report to show, and for the store the stream's record of why each article joined its story. */
  record Loaded(Report report, OnlineStoryStage.Outcome outcome) {}

  static Loaded load(Path report, Path data, boolean embeddings, PrintWriter err) throws Exception {
    if (report == null) {
      return fromStore(data == null ? Path.of(StoreOptions.DEFAULT_DATA) : data, embeddings, err);
    }
    if (!Files.isRegularFile(report)) {
      err.println("storyline: no report at " + report);
      return null;
    }
    try (InputStream in = Files.newInputStream(report)) {
      return new Loaded(ReportJson.read(in), null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      err.println("storyline: " + report + " is not a report written by `storyline analyze --out` ("
          + e.getOriginalMessage() + ")");
      return null;
    }
  }

  /**
   * The store's stories as {@code ingest} assigned them (kept in {@value Library#STORIES_FILE}), with labels, copies,
   * inferred publish dates and storylines computed from them ({@link Library#snapshot()}). Stored articles that have
   * no story yet (a store written before stories were kept, or an ingest interrupted after its commit) are assigned
   * for this listing, in publish order, and the next {@code ingest} keeps them.
   */
  static Loaded fromStore(Path data, boolean embeddings, PrintWriter err) {
    if (!Files.isDirectory(data)) {
      err.println("storyline: no store at " + data + "; add articles with `storyline ingest --data " + data
          + " PATH...` or pass --report FILE (a report from `storyline analyze --out FILE`)");
      return null;
    }
    try (Library lib = Library.openReadOnly(data, embeddings)) {
      Snapshot snap = lib.snapshot();
      for (String note : lib.notes()) err.println("storyline: " + note);
      Report r = new Report(Analyzer.GENERATOR, Report.FORMAT_VERSION, snap.articles(), List.of(), List.of(),
          List.of(), List.of(), snap.stories(), snap.storylines(), List.of(), List.of(), List.of());
      return new Loaded(r, new OnlineStoryStage.Outcome(new StoryStage.Result(snap.articles(), snap.stories(),
          snap.storylines()), snap.assignments(), snap.events()));
    } catch (IOException | UncheckedIOException e) {
      err.println("storyline: cannot read the store at " + data + ": " + Main.describe(e));
      return null;
    }
  }

  /**
   * Prints why each article of the story joined it: the store's recorded assignments, or for a report a re-run of
   * the story stage on its articles (inferred dates removed).
   */
  static void explain(Loaded loaded, Story s, boolean embeddings, PrintWriter out) {
    Report r = loaded.report();
    var outcome = loaded.outcome();
    if (outcome == null) {
      List<Article> input = r.articles().stream()
          .map(a -> a.publishedInferred() ? a.withPublished(null, false, null) : a).toList();
      outcome = OnlineStoryStage.defaults(embeddings).run(input, r.entities(), r.quotes());
    }
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

  /** "first..last", or "undated". */
  static String span(Story s) {
    return s.first() == null ? "undated              " : s.first() + ".." + s.last();
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
      Loaded loaded = load(report, storeOptions.data, embeddings.on(), spec.commandLine().getErr());
      if (loaded == null) return 2;
      Report r = loaded.report();
      int raw = r.articles().size();
      int copies = r.stories().stream().mapToInt(StoriesCommand::copies).sum();
      out.printf("%d stories, %d storylines; %d articles, %d with copies collapsed%n", r.stories().size(),
          r.storylines().size(), raw, raw - copies);
      for (Story s : r.stories()) {
        out.printf("  %-34s %s  %2d articles (%d unique), %d outlets  %s%n", s.id(), span(s),
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
  @Command(name = "story", description = "Show one story or storyline: articles, copies, timeline, summary, facts "
      + "and what each outlet reported alone.")
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
      Loaded loaded = load(report, storeOptions.data, embeddings.on(), spec.commandLine().getErr());
      if (loaded == null) return 2;
      Report r = loaded.report();
      Map<String, Article> articles = new HashMap<>();
      for (Article a : r.articles()) articles.put(a.id(), a);
      Map<String, Story> stories = new HashMap<>();
      for (Story s : r.stories()) stories.put(s.id(), s);
      for (Storyline l : r.storylines()) {
        if (!l.id().equals(id)) continue;
        out.printf("%s  %s%n  timeline:%n", l.id(), l.label());
        java.util.Set<String> members = new java.util.HashSet<>();
        for (String sid : l.stories()) {
          Story s = stories.get(sid);
          if (s != null) out.printf("    %-10s  %-34s %s%n", s.first() == null ? "undated" : s.first(), s.id(),
              s.label());
          if (s != null) members.addAll(s.articles());
        }
        FactsPrinter.print(r, l.id(), out);
        events(r, members, out);
        out.flush();
        return 0;
      }
      Story s = stories.get(id);
      if (s == null) {
        spec.commandLine().getErr().println("storyline: no story or storyline " + id);
        return 2;
      }
      out.printf("%s  %s%n  %s, %d articles (%d with copies collapsed), outlets: %s%n", s.id(), s.label(),
          span(s).strip(), s.articles().size(), s.articles().size() - copies(s), String.join(", ", s.outlets()));
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
      FactsPrinter.print(r, s.id(), out);
      events(r, new java.util.HashSet<>(s.articles()), out);
      if (explain) explain(loaded, s, embeddings.on(), out);
      out.flush();
      return 0;
    }
  }


  /**
   * The events that the given articles report (one per happening, in date order): date, what, who and where, and each
   * evidence sentence with its article and offsets; background events are marked, and a sentence that only recalls an
   * event by its date is marked "recalls".
   */
  static void events(Report r, java.util.Set<String> articles, PrintWriter out) {
    List<org.storyline.model.Event> evs = r.events().stream()
        .filter(e -> e.evidence().stream().anyMatch(x -> articles.contains(x.article()))).toList();
    if (evs.isEmpty()) return;
    long background = evs.stream().filter(org.storyline.model.Event::background).count();
    out.printf("  events (%d, %d of them background):%n", evs.size(), background);
    for (var e : evs) {
      out.printf("    %-10s %s%s%n", e.date(), e.what(), e.background() ? "  [background]" : "");
      if (!e.who().isEmpty() || !e.where().isEmpty()) {
        out.printf("               who: %s; where: %s%n", e.who().isEmpty() ? "-" : String.join(", ", e.who()),
            e.where().isEmpty() ? "-" : String.join(", ", e.where()));
      }
      for (var x : e.evidence()) {
        if (!articles.contains(x.article())) continue;
        String text = x.text().replaceAll("\\s+", " ");
        out.printf("               %s [%d,%d)%s %s%n", x.article(), x.start(), x.end(), x.recalls() ? " recalls:" : "",
            text.length() > 110 ? text.substring(0, 109) + "\u2026" : text);
      }
    }
  }
}
