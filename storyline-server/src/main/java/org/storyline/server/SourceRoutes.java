package org.storyline.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storyline.follow.CrawlState;
import org.storyline.follow.RevisionChanges;
import org.storyline.follow.Source;
import org.storyline.follow.SourceList;
import org.storyline.follow.SourceStatus;
import org.storyline.store.ArticleStore;
import org.storyline.store.Library;

/**
 * The followed sources and article revisions under {@code /api/}: thin handlers over {@link SourceList} (the same
 * file {@code storyline sources} edits; the follower started by {@code serve} picks changes up at its next round)
 * and the crawl state's health.
 *
 * <ul>
 *   <li>{@code GET /api/sources}: every source with its health and warning</li>
 *   <li>{@code POST /api/sources} {@code {"url": ..., "name": ..., "every": "15m", "kind": "auto"}}: adds one (201)</li>
 *   <li>{@code GET /api/sources/{id}} and {@code /api/sources/{id}/health}: one source's status</li>
 *   <li>{@code DELETE /api/sources/{id}}: removes it (204)</li>
 *   <li>{@code GET /api/revisions/{id}}: an article's revisions with what changed between them</li>
 * </ul>
 */
final class SourceRoutes {
  private final Library library;
  private final SourceList sources;

  private SourceRoutes(Library library) {
    this.library = library;
    this.sources = new SourceList(library.dataDir());
  }

  static void register(JavalinConfig config, Library library, ApiRoutes api) {
    SourceRoutes r = new SourceRoutes(library);
    OpenApi.Param id = OpenApi.path("id", "the source's id, URL or name");
    api.route(config, "get", "/api/sources", "Followed sources with their health", r::list);
    api.route(config, "post", "/api/sources", "Follow a source: {url, name, every (e.g. 15m), kind}", r::add);
    api.route(config, "get", "/api/sources/{id}", "One followed source with its health", r::one, id);
    api.route(config, "get", "/api/sources/{id}/health", "One followed source's health", r::one, id);
    api.route(config, "delete", "/api/sources/{id}", "Stop following a source", r::remove, id);
    api.route(config, "get", "/api/revisions/{id}", "An article's revisions with what changed between them",
        r::revisions, OpenApi.path("id", "the article's id or URL"));
  }

  private List<SourceStatus> status() throws IOException {
    return SourceStatus.of(sources.all(), CrawlState.load(library.dataDir()), Instant.now());
  }

  void list(Context ctx) throws IOException {
    List<SourceStatus> all = status();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", all.size());
    body.put("items", all);
    ctx.json(body);
  }

  void one(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ctx.json(status().stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> ApiException.notFound("no source " + id)));
  }

  /** A source to add, as posted. */
  record AddRequest(String url, String name, String every, String kind) {}

  void add(Context ctx) throws IOException {
    AddRequest req;
    try {
      req = ctx.bodyAsClass(AddRequest.class);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("expected JSON {\"url\": ..., \"name\": ..., \"every\": \"15m\"}");
    }
    if (req == null || req.url() == null || req.url().isBlank()) throw ApiException.badRequest("url is required");
    Source.Kind kind = req.kind() == null ? Source.Kind.AUTO
        : Source.Kind.valueOf(req.kind().strip().toUpperCase(Locale.ROOT));
    Source s = sources.add(req.url(), req.name(), kind, Source.parseEvery(req.every() == null ? "15m" : req.every()),
        Instant.now().toEpochMilli());
    ctx.status(201);
    ctx.json(status().stream().filter(x -> x.id().equals(s.id())).findFirst().orElseThrow());
  }

  void remove(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    if (sources.remove(id).isEmpty()) throw ApiException.notFound("no source " + id);
    ctx.status(204);
  }

  void revisions(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    List<ArticleStore.Revision> revs = library.store().revisions(id);
    if (revs.isEmpty()) throw ApiException.notFound("no article " + id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", revs.get(revs.size() - 1).article().id());
    body.put("revisions", revs);
    body.put("changes", RevisionChanges.of(revs));
    ctx.json(body);
  }
}
