package org.storyline.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.storyline.model.Article;
import org.storyline.model.Event;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.model.Entity;
import org.storyline.nlp.EntityLinker;
import org.storyline.server.ui.ArticlePage;
import org.storyline.server.ui.EntityPage;
import org.storyline.server.ui.FrontPage;
import org.storyline.server.ui.Links;
import org.storyline.server.ui.SearchPage;
import org.storyline.server.ui.StoryPage;
import org.storyline.server.ui.StorylinePage;
import org.storyline.store.ArticleStore;
import org.storyline.store.EntityIndex;
import org.storyline.store.Library;
import org.storyline.store.Snapshot;
import org.storyline.store.StoryViews;

/**
 * The web UI: server-rendered pages from JTE templates ({@code src/main/jte}, compiled at build time; every
 * {@code ${...}} is HTML-escaped for its context). Static files (CSS, the small script) are served from
 * {@code /static/}; nothing comes from other origins. Handlers only read the {@link Library} and hand a page model
 * ({@code org.storyline.server.ui}) to a template.
 */
final class UiRoutes {
  static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

  private final Library library;
  /** Story pages as rendered, while their view and the read model are current. */
  private final RenderedCache rendered = new RenderedCache(32L << 20);

  private UiRoutes(Library library) {
    this.library = library;
  }

  static void register(JavalinConfig config, Library library) {
    UiRoutes ui = new UiRoutes(library);
    config.staticFiles.add(sf -> {
      sf.hostedPath = "/static";
      sf.directory = "/static";
      sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
    });
    config.routes.get("/", ui::front);
    config.routes.get("/stories/{id}", ui::story);
    config.routes.get("/storylines/{id}", ui::storyline);
    config.routes.get("/articles/{id}", ui::article);
    config.routes.get("/entities/{id}", ui::entity);
    config.routes.get("/search", ui::search);
  }

  static void render(Context ctx, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    TEMPLATES.render(template, params, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  void front(Context ctx) throws IOException {
    int offset = intParam(ctx, "from", 0);
    render(ctx, "front.jte", Map.of("page", FrontPage.of(library.snapshot(), offset)));
  }

  void story(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    StoryViews.View v = library.story(id).orElseThrow(() -> ApiException.notFound("no story " + id));
    byte[] html = rendered.get(id, v, library.entities().version(), () -> {
      EntityLinks links = new EntityLinks(library.entities());
      StringOutput out = new StringOutput();
      TEMPLATES.render("story.jte", Map.of("page", StoryPage.of(v, links::of, links::speaker)), out);
      return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    });
    ctx.contentType("text/html; charset=utf-8").result(html);
  }

  void storyline(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Snapshot snap = library.snapshot();
    Storyline line = snap.storyline(id);
    if (line == null) throw ApiException.notFound("no storyline " + id);
    List<Story> stories = new ArrayList<>();
    for (String sid : line.stories()) {
      Story s = snap.story(sid);
      if (s != null) stories.add(s);
    }
    Map<String, List<Event>> events = new HashMap<>();
    for (Story s : stories) {
      events.put(s.id(), library.story(s.id()).map(v -> v.report().events()).orElse(List.of()));
    }
    render(ctx, "storyline.jte", Map.of("page", StorylinePage.of(line, stories, s -> events.get(s.id()))));
  }

  void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ArticleStore store = library.store();
    List<ArticleStore.Revision> revs = store.revisions(id);
    if (revs.isEmpty()) throw ApiException.notFound("no article " + id);
    int current = revs.get(revs.size() - 1).number();
    int rev = intParam(ctx, "rev", current);
    Optional<ArticleStore.Revision> shown = revs.stream().filter(r -> r.number() == rev).findFirst();
    if (shown.isEmpty()) throw ApiException.notFound("article " + id + " has no revision " + rev);
    Snapshot snap = library.snapshot();
    Article a = shown.get().article();
    Story story = snap.storyOf(a.id());
    Report report = null;
    if (rev == current && story != null) {
      Optional<StoryViews.View> v = library.story(story.id());
      if (v.isPresent()) {
        report = v.get().report();
        for (Article x : report.articles()) if (x.id().equals(a.id())) a = x; // with the story's inferred date
      }
    }
    EntityLinks links = new EntityLinks(library.entities());
    ArticlePage page = ArticlePage.of(a, story, report, revs, rev, ctx.queryParam("hl"), links::of);
    render(ctx, "article.jte", Map.of("page", page));
  }

  void entity(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    EntityIndex ix = library.entities();
    EntityIndex.EntityDetail e = ix.entity(id).orElseThrow(() -> ApiException.notFound("no entity " + id));
    render(ctx, "entity.jte", Map.of("page", EntityPage.of(ix, library.snapshot(), e)));
  }

  void search(Context ctx) throws IOException {
    SearchPage.Filters f = new SearchPage.Filters(ctx.queryParam("q"), blankToNull(ctx.queryParam("outlet")),
        blankToNull(ctx.queryParam("from")), blankToNull(ctx.queryParam("to")),
        blankToNull(ctx.queryParam("entity")), blankToNull(ctx.queryParam("speaker")),
        Math.max(0, intParam(ctx, "offset", 0)));
    if (f.q().isEmpty() && !f.any()) {
      render(ctx, "search.jte", Map.of("page", new SearchPage(f, List.of(), 0, List.of(), null, null, null)));
      return;
    }
    Library.SearchPage r;
    try {
      r = library.search(new EntityIndex.Search(f.q(), f.outlet(), date(f.from(), "from"), date(f.to(), "to"),
          f.entity(), f.speaker(), f.offset(), SearchPage.PAGE, EntityIndex.DateBucket.MONTH), true);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      render(ctx, "search.jte", Map.of("page", new SearchPage(f, List.of(), 0, List.of(), e.getMessage(), null,
          null)));
      return;
    }
    Snapshot snap = library.snapshot();
    List<SearchPage.Hit> hits = new ArrayList<>();
    for (Library.SearchItem h : r.hits()) {
      Story s = h.story() == null ? null : snap.story(h.story());
      hits.add(new SearchPage.Hit(h.id(), h.title(), h.outlet(), h.published(), h.publishedInferred(),
          Links.article(h.id()), SearchPage.parts(h.snippet()), s == null ? null : s.label(),
          s == null ? null : Links.story(s.id())));
    }
    String prev = f.offset() > 0 ? f.at(Math.max(0, f.offset() - SearchPage.PAGE)) : null;
    String next = f.offset() + SearchPage.PAGE < r.total() ? f.at(f.offset() + SearchPage.PAGE) : null;
    render(ctx, "search.jte", Map.of("page", new SearchPage(f, hits, r.total(), SearchPage.facets(r.facets(), f), null, prev,
        next)));
  }

  /**
   * Links to entity pages: an entity of a story or an article is known store-wide by {@link EntityLinker#key};
   * only keys the read model holds get a link.
   */
  record EntityLinks(EntityIndex ix, Map<String, Boolean> known) {
    EntityLinks(EntityIndex ix) {
      this(ix, new HashMap<>());
    }

    String of(Entity e) {
      return href(EntityLinker.key(e.type(), e.name()));
    }

    String speaker(String name) {
      return href(EntityLinker.key("PER", name));
    }

    private String href(String key) {
      boolean ok = known.computeIfAbsent(key, k -> {
        try {
          return ix.contains(k); // an existence check: entity(k) would count every article naming it
        } catch (IOException ex) {
          return false;
        }
      });
      return ok ? Links.entity(key) : null;
    }
  }

  static void errorPage(Context ctx, int status, String message) {
    render(ctx.status(status), "error.jte", Map.of("status", status, "message", message));
  }

  private static int intParam(Context ctx, String name, int dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number, got \"" + v + "\"");
    }
  }

  private static LocalDate date(String v, String name) {
    if (v == null) return null;
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date like 2024-03-05, got \"" + v + "\"");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
