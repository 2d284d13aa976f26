package org.storyline.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.storyline.model.Article;
import org.storyline.model.Event;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.store.ArticleStore;
import org.storyline.store.EntityIndex;
import org.storyline.store.Library;
import org.storyline.store.Snapshot;
import org.storyline.store.StoryViews;

/**
 * The REST API under {@code /api/}: thin handlers over the {@link Library} and its {@link EntityIndex}. Every route
 * is registered through {@link #get}/{@link #post} with its documentation, so {@code /openapi.json}
 * ({@link OpenApi}) lists exactly the routes served. Lists take {@code offset} (>= 0) and {@code limit} (1..1000,
 * default 50) and answer {@code {total, offset, limit, items}} in a stable order. Ids in paths and parameters are
 * only ever looked up, never used as file paths.
 */
final class ApiRoutes {
  static final int DEFAULT_LIMIT = 50;
  /** Search hits per page unless asked (as the UI's search page): each hit is highlighted. */
  static final int SEARCH_LIMIT = 20;
  static final int MAX_LIMIT = 1000;
  /** Stories of a storyline whose dated events the storyline's timeline lists (newest first). */
  static final int TIMELINE_EVENT_STORIES = 100;

  private final Library library;
  private final ServerConfig cfg;
  private final List<OpenApi.Route> routes = new ArrayList<>();
  private final AtomicReference<ArticleOrder> articleOrder = new AtomicReference<>();

  /** Stories as JSON, while their view is the library's current one. */
  private final RenderedCache rendered = new RenderedCache(32L << 20);

  private ApiRoutes(Library library, ServerConfig cfg) {
    this.library = library;
    this.cfg = cfg;
  }

  static ApiRoutes register(JavalinConfig config, Library library, ServerConfig cfg) {
    ApiRoutes api = new ApiRoutes(library, cfg);
    OpenApi.Param page1 = OpenApi.query("offset", "integer", "items to skip (>= 0, default 0)");
    OpenApi.Param page2 = OpenApi.query("limit", "integer", "items per page (1..1000, default 50)");
    OpenApi.Param from = OpenApi.query("from", "string", "first publish date, YYYY-MM-DD (inclusive)");
    OpenApi.Param to = OpenApi.query("to", "string", "last publish date, YYYY-MM-DD (inclusive)");
    OpenApi.Param outlet = OpenApi.query("outlet", "string", "outlet name (case-insensitive)");
    OpenApi.Param id = OpenApi.path("id", "the id as the lists give it");
    api.get(config, "/api/articles", "Articles, newest first (undated last), ties by id", api::articles,
        page1, page2, from, to, outlet);
    api.get(config, "/api/articles/{id}", "One article (current revision) with its story, entities and quotes",
        api::article, id);
    api.get(config, "/api/articles/{id}/revisions", "Every stored revision of an article, oldest first",
        api::revisions, id);
    api.get(config, "/api/stories", "Stories, newest first", api::stories, page1, page2, from, to, outlet,
        OpenApi.query("entity", "string", "entity id: stories with an article naming it"));
    api.get(config, "/api/stories/{id}", "One story with its articles, copies, quotes, quote variants, events, "
        + "outlet comparison and why each article joined", api::story, id);
    api.get(config, "/api/storylines", "Storylines, newest first", api::storylines, page1, page2);
    api.get(config, "/api/storylines/{id}", "One storyline: its stories in time order and their dated events",
        api::storyline, id);
    api.get(config, "/api/entities", "Entities, most articles first", api::entities, page1, page2,
        OpenApi.query("type", "string", "PER, ORG, LOC or MISC"));
    api.get(config, "/api/entities/{id}", "One entity: aliases, roles, articles per day, co-occurring entities, "
        + "its latest quotes and articles", api::entity, id);
    api.get(config, "/api/quotes", "Quotes, newest article first; by speaker or by story", api::quotes, page1,
        page2, OpenApi.query("speaker", "string", "speaker entity id"),
        OpenApi.query("story", "string", "story id"));
    api.get(config, "/api/events", "Dated events of the stories, newest story first (total not counted: -1)",
        api::events, page1, page2, OpenApi.query("story", "string", "story id"),
        OpenApi.query("storyline", "string", "storyline id"));
    api.get(config, "/api/search", "Full-text search (Lucene syntax) with facets outlet, date, entity, speaker",
        api::search, OpenApi.query("q", "string", "query, Lucene syntax (default: everything)"), page1,
        OpenApi.query("limit", "integer", "hits per page, 1..1000 (default 20: each hit is highlighted)"),
        from, to, outlet, OpenApi.query("entity", "string", "entity id"),
        OpenApi.query("speaker", "string", "speaker entity id"),
        OpenApi.query("date", "string", "date facet by month (default) or day"),
        OpenApi.query("facets", "boolean", "false leaves the facets out (faster)"));
    api.get(config, "/api/export/{file}", "Streamed export of everything (no cap): articles, quotes, entities or "
        + "events as .jsonl or .csv", new ApiExports(library)::export,
        OpenApi.path("file", "one of " + String.join(", ", ApiExports.FILES)));
    api.post(config, "/api/ingest", "Add articles: JSON (one article, an array, or {articles: [...]}), JSONL, an "
        + "HTML page (?url= its address) or an RSS/Atom feed; answers the ingest's counts and problems",
        new ApiIngest(library, cfg)::ingest, OpenApi.query("url", "string", "address of a posted HTML page"));
    config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(api.openApi()));
    return api;
  }

  /** The routes registered, in order. */
  List<OpenApi.Route> routes() {
    return List.copyOf(routes);
  }

  String openApi() {
    return OpenApi.document(routes);
  }

  /** Registers a route of another part of the server (the followed sources) so that it is documented too. */
  void route(JavalinConfig c, String method, String path, String summary, Handler h, OpenApi.Param... params) {
    routes.add(new OpenApi.Route(method, path, summary, List.of(params)));
    switch (method) {
      case "get" -> c.routes.get(path, h);
      case "post" -> c.routes.post(path, h);
      case "delete" -> c.routes.delete(path, h);
      default -> throw new IllegalArgumentException("no such method: " + method);
    }
  }

  private void get(JavalinConfig c, String path, String summary, Handler h, OpenApi.Param... params) {
    routes.add(new OpenApi.Route("get", path, summary, List.of(params)));
    c.routes.get(path, h);
  }

  private void post(JavalinConfig c, String path, String summary, Handler h, OpenApi.Param... params) {
    routes.add(new OpenApi.Route("post", path, summary, List.of(params)));
    c.routes.post(path, h);
  }

  // --------------------------------------------------------------------------------------------------- articles

  /** The snapshot's articles newest first (undated last), computed once per snapshot. */
  private record ArticleOrder(long version, List<Article> newest) {}

  private List<Article> newestArticles(Snapshot snap) {
    ArticleOrder o = articleOrder.get();
    if (o != null && o.version() == snap.version()) return o.newest();
    List<Article> dated = new ArrayList<>();
    List<Article> undated = new ArrayList<>();
    for (Article a : snap.articles()) (a.published() == null ? undated : dated).add(a);
    List<Article> out = new ArrayList<>(dated.reversed());
    out.addAll(undated);
    o = new ArticleOrder(snap.version(), List.copyOf(out));
    articleOrder.set(o);
    return o.newest();
  }

  void articles(Context ctx) throws IOException {
    Page p = page(ctx);
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    String outlet = blankToNull(ctx.queryParam("outlet"));
    List<Article> all = newestArticles(library.snapshot());
    if (from != null || to != null || outlet != null) {
      all = all.stream().filter(a -> outlet == null || outlet.equalsIgnoreCase(strip(a.outlet())))
          .filter(a -> inRange(a.published(), a.published(), from, to)).toList();
    }
    ctx.json(p.of(all));
  }

  void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Snapshot snap = library.snapshot();
    Article a = library.store().get(id).orElseThrow(() -> ApiException.notFound("no article " + id));
    Article meta = snap.article(a.id());
    if (meta != null && meta.publishedInferred() && (a.published() == null || a.publishedInferred())) {
      a = a.withPublished(meta.published(), true, null);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("article", a);
    body.put("revisions", library.store().revisions(a.id()).size());
    Story s = snap.storyOf(a.id());
    body.put("story", s == null ? null : s.id());
    Storyline line = s == null ? null : snap.storylineOf(s.id());
    body.put("storyline", line == null ? null : line.id());
    Optional<EntityIndex.ArticleAnnotations> an = library.entities().article(a.id());
    body.put("entities", an.map(EntityIndex.ArticleAnnotations::entities).orElse(List.of()));
    body.put("quotes", an.map(EntityIndex.ArticleAnnotations::quotes).orElse(List.of()));
    ctx.json(body);
  }

  void revisions(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    List<ArticleStore.Revision> r = library.store().revisions(id);
    if (r.isEmpty()) throw ApiException.notFound("no article " + id);
    ctx.json(Map.of("article", r.get(r.size() - 1).article().id(), "items", r));
  }

  // ---------------------------------------------------------------------------------------------------- stories

  /** Stories, newest first. */
  void stories(Context ctx) throws IOException {
    Page p = page(ctx);
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    String outlet = blankToNull(ctx.queryParam("outlet"));
    String entity = blankToNull(ctx.queryParam("entity"));
    Snapshot snap = library.snapshot();
    List<Story> newest = snap.stories().reversed();
    if (from != null || to != null || outlet != null || entity != null) {
      Set<String> mentioning = entity == null ? null : library.entities().allArticlesMentioning(entity);
      newest = newest.stream()
          .filter(s -> outlet == null || s.outlets().stream().anyMatch(o -> outlet.equalsIgnoreCase(strip(o))))
          .filter(s -> inRange(s.first(), s.last(), from, to))
          .filter(s -> mentioning == null || s.articles().stream().anyMatch(mentioning::contains)).toList();
    }
    ctx.json(p.of(newest));
  }

  void story(Context ctx) throws IOException {
    StoryViews.View v = library.story(ctx.pathParam("id"))
        .orElseThrow(() -> ApiException.notFound("no story " + ctx.pathParam("id")));
    ctx.contentType("application/json").result(rendered.get(v.story().id(), v, 0,
        () -> StorylineServer.JSON.writeValueAsBytes(v)));
  }

  void storylines(Context ctx) throws IOException {
    Page p = page(ctx);
    Snapshot snap = library.snapshot();
    List<Map<String, Object>> items = new ArrayList<>();
    List<Storyline> newest = snap.storylines().reversed();
    for (int i = p.offset(); i < Math.min(newest.size(), (long) p.offset() + p.limit()); i++) {
      items.add(storylineHeader(snap, newest.get(i)));
    }
    ctx.json(p.page(items, newest.size()));
  }

  private static Map<String, Object> storylineHeader(Snapshot snap, Storyline l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("label", l.label());
    m.put("stories", l.stories().size());
    String first = null;
    String last = null;
    for (String sid : l.stories()) {
      Story s = snap.story(sid);
      if (s == null) continue;
      if (s.first() != null && (first == null || s.first().compareTo(first) < 0)) first = s.first();
      if (s.last() != null && (last == null || s.last().compareTo(last) > 0)) last = s.last();
    }
    m.put("first", first);
    m.put("last", last);
    return m;
  }

  void storyline(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Snapshot snap = library.snapshot();
    Storyline l = snap.storyline(id);
    if (l == null) throw ApiException.notFound("no storyline " + id);
    Map<String, Object> body = storylineHeader(snap, l);
    List<Story> stories = l.stories().stream().map(snap::story).filter(s -> s != null).toList();
    body.put("timeline", stories);
    List<Map<String, Object>> events = new ArrayList<>();
    List<Story> recent = stories.subList(Math.max(0, stories.size() - TIMELINE_EVENT_STORIES), stories.size());
    for (Story s : recent) {
      Optional<StoryViews.View> v = library.story(s.id());
      if (v.isEmpty()) continue;
      for (Event e : v.get().report().events()) events.add(event(s.id(), e));
    }
    events.sort(java.util.Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("date"))));
    body.put("events", events);
    body.put("eventsFromStories", recent.size());
    ctx.json(body);
  }

  static Map<String, Object> event(String story, Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("story", story);
    m.put("id", e.id());
    m.put("date", e.date());
    m.put("granularity", e.granularity());
    m.put("dateFrom", e.dateFrom());
    m.put("what", e.what());
    m.put("who", e.who());
    m.put("where", e.where());
    m.put("evidence", e.evidence());
    m.put("background", e.background());
    m.put("kind", e.kind());
    m.put("clause", e.clause());
    return m;
  }

  // --------------------------------------------------------------------------------------- entities and quotes

  private static final Set<String> TYPES = Set.of("PER", "ORG", "LOC", "MISC");

  void entities(Context ctx) throws IOException {
    Page p = page(ctx);
    String type = blankToNull(ctx.queryParam("type"));
    if (type != null && !TYPES.contains(type.toUpperCase(Locale.ROOT))) {
      throw ApiException.badRequest("type must be one of PER, ORG, LOC, MISC; got \"" + clip(type) + "\"");
    }
    ctx.json(p.of(library.entities().entities(type, p.offset(), p.limit())));
  }

  void entity(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    EntityIndex ix = library.entities();
    EntityIndex.EntityDetail d = ix.entity(id).orElseThrow(() -> ApiException.notFound("no entity " + id));
    Snapshot snap = library.snapshot();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entity", d);
    body.put("quotes", ix.quotesBy(id, 0, 20));
    EntityIndex.Page<String> ids = ix.articlesMentioning(id, 0, 20);
    List<Object> arts = new ArrayList<>();
    for (String a : ids.items()) {
      Article h = snap.article(a);
      if (h != null) arts.add(h);
    }
    body.put("articles", Map.of("total", ids.total(), "items", arts));
    ctx.json(body);
  }

  void quotes(Context ctx) throws IOException {
    Page p = page(ctx);
    String speaker = blankToNull(ctx.queryParam("speaker"));
    String story = blankToNull(ctx.queryParam("story"));
    EntityIndex ix = library.entities();
    if (story != null) {
      Story s = library.snapshot().story(story);
      if (s == null) throw ApiException.notFound("no story " + story);
      List<EntityIndex.StoredQuote> qs = ix.quotesOf(s.articles());
      if (speaker != null) qs = qs.stream().filter(q -> speaker.equals(q.speakerId())).toList();
      ctx.json(p.of(qs));
    } else if (speaker != null) {
      ctx.json(p.of(ix.quotesBy(speaker, p.offset(), p.limit())));
    } else {
      ctx.json(p.of(ix.quotes(p.offset(), p.limit())));
    }
  }

  void events(Context ctx) throws IOException {
    Page p = page(ctx);
    String story = blankToNull(ctx.queryParam("story"));
    String storyline = blankToNull(ctx.queryParam("storyline"));
    Snapshot snap = library.snapshot();
    List<Story> stories;
    if (story != null) {
      Story s = snap.story(story);
      if (s == null) throw ApiException.notFound("no story " + story);
      stories = List.of(s);
    } else if (storyline != null) {
      Storyline l = snap.storyline(storyline);
      if (l == null) throw ApiException.notFound("no storyline " + storyline);
      stories = l.stories().reversed().stream().map(snap::story).filter(s -> s != null).toList();
    } else {
      stories = snap.stories().reversed();
    }
    // events are computed per story (from its articles' time expressions); walk stories until the page is full
    List<Map<String, Object>> items = new ArrayList<>();
    long seen = 0;
    long want = (long) p.offset() + p.limit();
    boolean complete = true;
    for (Story s : stories) {
      if (seen >= want) {
        complete = false;
        break;
      }
      Optional<StoryViews.View> v = library.story(s.id());
      if (v.isEmpty()) continue;
      for (Event e : v.get().report().events()) {
        if (seen >= p.offset() && seen < want) items.add(event(s.id(), e));
        seen++;
      }
    }
    ctx.json(p.page(items, complete ? seen : -1));
  }

  // ----------------------------------------------------------------------------------------------------- search

  void search(Context ctx) throws IOException {
    Page p = page(ctx, SEARCH_LIMIT);
    String bucket = Optional.ofNullable(blankToNull(ctx.queryParam("date"))).orElse("month");
    EntityIndex.DateBucket b = switch (bucket.toLowerCase(Locale.ROOT)) {
      case "month" -> EntityIndex.DateBucket.MONTH;
      case "day" -> EntityIndex.DateBucket.DAY;
      default -> throw ApiException.badRequest("date must be month or day; got \"" + clip(bucket) + "\"");
    };
    String facets = Optional.ofNullable(blankToNull(ctx.queryParam("facets"))).orElse("true");
    if (!facets.equals("true") && !facets.equals("false")) {
      throw ApiException.badRequest("facets must be true or false; got \"" + clip(facets) + "\"");
    }
    String q = ctx.queryParam("q");
    if (q != null && q.length() > 2000) throw ApiException.badRequest("the query is longer than 2000 characters");
    EntityIndex.Search s = new EntityIndex.Search(q, blankToNull(ctx.queryParam("outlet")), date(ctx, "from"),
        date(ctx, "to"), blankToNull(ctx.queryParam("entity")), blankToNull(ctx.queryParam("speaker")), p.offset(),
        p.limit(), b);
    Library.SearchPage r = library.search(s, facets.equals("true"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", s.query());
    body.put("total", r.total());
    body.put("offset", p.offset());
    body.put("limit", p.limit());
    body.put("items", r.hits());
    body.put("facets", r.facets());
    ctx.json(body);
  }

  // ----------------------------------------------------------------------------------------------------- params

  /** Offset and limit of a list request. */
  record Page(int offset, int limit) {
    <T> Map<String, Object> of(List<T> all) {
      List<T> items = offset >= all.size() ? List.of() : all.subList(offset, (int) Math.min(all.size(),
          (long) offset + limit));
      return page(items, all.size());
    }

    <T> Map<String, Object> of(EntityIndex.Page<T> p) {
      return page(p.items(), p.total());
    }

    Map<String, Object> page(List<?> items, long total) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("total", total);
      m.put("offset", offset);
      m.put("limit", limit);
      m.put("items", items);
      return m;
    }
  }

  static Page page(Context ctx) {
    return page(ctx, DEFAULT_LIMIT);
  }

  static Page page(Context ctx, int defaultLimit) {
    int offset = intParam(ctx, "offset", 0);
    int limit = intParam(ctx, "limit", defaultLimit);
    if (offset < 0) throw ApiException.badRequest("offset must be >= 0; got " + offset);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be 1.." + MAX_LIMIT + "; got " + limit);
    }
    return new Page(offset, limit);
  }

  static int intParam(Context ctx, String name, int dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number; got \"" + clip(v) + "\"");
    }
  }

  static LocalDate date(Context ctx, String name) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) return null;
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date YYYY-MM-DD; got \"" + clip(v) + "\"");
    }
  }

  /** Whether [first, last] (ISO dates or date-times, null when unknown) meets [from, to]; undated never does. */
  static boolean inRange(String first, String last, LocalDate from, LocalDate to) {
    if (from == null && to == null) return true;
    if (first == null || last == null || first.length() < 10 || last.length() < 10) return false;
    if (from != null && last.substring(0, 10).compareTo(from.toString()) < 0) return false;
    return to == null || first.substring(0, 10).compareTo(to.toString()) <= 0;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  /** A parameter echoed in a message, cut short. */
  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
