package org.storyline.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.storyline.store.Library;

/**
 * The web UI: server-rendered pages from JTE templates ({@code src/main/jte}, compiled at build time; every
 * {@code ${...}} is HTML-escaped for its context). Static files (CSS, the small script) are served from
 * {@code /static/}; nothing comes from other origins.
 */
final class UiRoutes {
  static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

  private final Library library;

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
  }

  static void render(Context ctx, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    TEMPLATES.render(template, params, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  void front(Context ctx) throws IOException {
    render(ctx, "front.jte", Map.of("snap", library.snapshot()));
  }

  static void errorPage(Context ctx, int status, String message) {
    render(ctx.status(status), "error.jte", Map.of("status", status, "message", message));
  }
}
