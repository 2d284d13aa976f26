package org.storyline.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.storyline.store.Library;

/**
 * The Storyline server: the REST API under {@code /api/} ({@link ApiRoutes}) and the web UI ({@link UiRoutes}) over
 * one {@link Library}, which the server holds as the data directory's single writer (a CLI {@code ingest} against
 * the same directory fails at once and says to go through the server). Thin edges: handlers only translate HTTP to
 * library calls and back; one exception mapper turns every failure into {@code {status, message}} (never a stack
 * trace); every response carries a Content Security Policy.
 *
 * <pre>{@code
 * try (StorylineServer s = StorylineServer.start(library, ServerConfig.local(0))) { ... s.port() ... }
 * }</pre>
 */
public final class StorylineServer implements Closeable {
  /** No inline script or style, nothing from other origins. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private static final String ERROR_SET = "storyline.error";

  private final Javalin app;
  private final Library library;
  private final ApiRoutes api;

  private StorylineServer(Javalin app, Library library, ApiRoutes api) {
    this.app = app;
    this.library = library;
    this.api = api;
  }

  /** Creates and starts the server; {@code port} 0 picks a free one ({@link #port()}). */
  public static StorylineServer start(Library library, ServerConfig cfg) {
    Objects.requireNonNull(library, "library");
    ApiRoutes[] api = new ApiRoutes[1];
    Javalin app = Javalin.create(config -> {
      config.jetty.host = cfg.host();
      config.jetty.port = cfg.port();
      config.jetty.threadPool = threadPool();
      config.http.maxRequestSize = cfg.maxUploadBytes();
      config.jsonMapper(new JavalinJackson(JSON, false));
      config.startup.showJavalinBanner = false;
      config.routes.before(ctx -> {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        guardWrite(ctx, cfg);
      });
      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      // Javalin's own refusals (a body over maxRequestSize: 413) keep their status
      config.routes.exception(io.javalin.http.HttpResponseException.class,
          (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))));
      config.routes.error(404, "*", ctx -> {
        if (ctx.attribute(ERROR_SET) == null) error(ctx, 404, "no such page: " + ctx.path());
      });
      api[0] = ApiRoutes.register(config, library, cfg);
      UiRoutes.register(config, library);
      SourceRoutes.register(config, library, api[0]);
    });
    app.start();
    return new StorylineServer(app, library, api[0]);
  }

  public int port() {
    return app.port();
  }

  /**
   * Request threads: a few per core, not hundreds. A request is CPU work (the store is memory-mapped and answers
   * without waiting), so more threads than that only take turns on the same cores; fifty clients' requests then
   * wait their turn in Jetty's queue instead of running fifty at once, and an ingest shares the CPU with a handful
   * of readers instead of fifty (under a saturating read load it was starved: a POST of 100 articles took 30-90 s).
   */
  private static org.eclipse.jetty.util.thread.QueuedThreadPool threadPool() {
    int max = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
    var pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(max, 4, 60_000);
    pool.setName("JettyServerThreadPool");
    return pool;
  }

  public Library library() {
    return library;
  }

  /** The API routes as documented at {@code /openapi.json}. */
  List<OpenApi.Route> apiRoutes() {
    return api.routes();
  }

  /** Every HTTP route the server registered, as "METHOD path" (for the test that keeps the OpenAPI in step). */
  List<String> registeredRoutes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(p -> p.endpoint.method.name().toLowerCase(java.util.Locale.ROOT) + " " + p.endpoint.path).toList();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Writes need the token when one is configured (always when bound beyond loopback). */
  private static void guardWrite(Context ctx, ServerConfig cfg) {
    HandlerType m = ctx.method();
    if (m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS || cfg.token() == null) return;
    String auth = ctx.header("Authorization");
    String given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        cfg.token().getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(401, "this server needs an API token for writes: send Authorization: Bearer TOKEN");
    }
  }

  /** The one error shape: {@code {"status": 404, "message": "..."}}, JSON for the API, a page for the UI. */
  static void error(Context ctx, int status, String message) {
    ctx.attribute(ERROR_SET, Boolean.TRUE);
    ctx.status(status);
    if (ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json") || !acceptsHtml(ctx)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status);
      body.put("message", message);
      ctx.json(body);
    } else {
      UiRoutes.errorPage(ctx, status, message);
    }
  }

  private static boolean acceptsHtml(Context ctx) {
    String a = ctx.header("Accept");
    return a != null && a.contains("text/html");
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
