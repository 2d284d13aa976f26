package org.storyline.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storyline.model.Story;
import org.storyline.store.Library;
import org.storyline.store.Snapshot;
import org.storyline.store.StoryViews;

/** The REST API under {@code /api/}: thin handlers over the {@link Library}. */
final class ApiRoutes {
  private final Library library;

  private ApiRoutes(Library library) {
    this.library = library;
  }

  static void register(JavalinConfig config, Library library) {
    ApiRoutes api = new ApiRoutes(library);
    config.routes.get("/api/stories", api::stories);
    config.routes.get("/api/stories/{id}", api::story);
  }

  /** Stories, newest first. */
  void stories(Context ctx) throws IOException {
    Snapshot snap = library.snapshot();
    List<Story> newest = snap.stories().reversed();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", newest.size());
    body.put("items", newest);
    ctx.json(body);
  }

  void story(Context ctx) throws IOException {
    StoryViews.View v = library.story(ctx.pathParam("id"))
        .orElseThrow(() -> ApiException.notFound("no story " + ctx.pathParam("id")));
    ctx.json(v);
  }
}
