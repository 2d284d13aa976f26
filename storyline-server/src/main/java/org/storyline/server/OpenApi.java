package org.storyline.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3 document at {@code /openapi.json}, built from the routes as {@link ApiRoutes} registers them (so the
 * document cannot list a route that is not served, nor leave one out).
 */
final class OpenApi {
  private OpenApi() {}

  /** One documented parameter: {@code in} is {@code path} or {@code query}. */
  record Param(String name, String in, String type, String description) {}

  /** One documented route: lower-case method, Javalin path ({@code /api/stories/{id}}), summary, parameters. */
  record Route(String method, String path, String summary, List<Param> params) {
    Route {
      params = List.copyOf(params);
    }
  }

  static Param query(String name, String type, String description) {
    return new Param(name, "query", type, description);
  }

  static Param path(String name, String description) {
    return new Param(name, "path", "string", description);
  }

  static String document(List<Route> routes) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of("title", "Storyline API", "version", "1",
        "description", "Stories, storylines, articles, entities, quotes, events and search over a Storyline store. "
            + "Errors are {status, message}. Writes need 'Authorization: Bearer TOKEN' when the server has a token."));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route r : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<>());
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("summary", r.summary());
      op.put("operationId", r.method() + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
      op.put("parameters", r.params().stream().map(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("in", p.in());
        m.put("required", p.in().equals("path"));
        m.put("description", p.description());
        m.put("schema", Map.of("type", p.type()));
        return m;
      }).toList());
      if (r.method().equals("post")) {
        op.put("requestBody", Map.of("required", true, "content", Map.of(
            "application/json", Map.of("schema", Map.of("type", "object")),
            "application/x-ndjson", Map.of("schema", Map.of("type", "string")),
            "text/html", Map.of("schema", Map.of("type", "string")),
            "application/rss+xml", Map.of("schema", Map.of("type", "string")),
            "application/atom+xml", Map.of("schema", Map.of("type", "string")))));
      }
      Map<String, Object> responses = new LinkedHashMap<>();
      responses.put("200", Map.of("description", "OK"));
      responses.put("400", error("malformed request"));
      if (r.path().contains("{")) responses.put("404", error("no such item"));
      if (r.method().equals("post")) {
        responses.put("401", error("a token is required for writes"));
        responses.put("413", error("the body is over the upload limit"));
        responses.put("415", error("unsupported content type"));
      }
      op.put("responses", responses);
      item.put(r.method(), op);
    }
    doc.put("paths", paths);
    doc.put("components", Map.of("schemas", Map.of("Error", Map.of("type", "object", "properties",
        Map.of("status", Map.of("type", "integer"), "message", Map.of("type", "string"))))));
    try {
      return StorylineServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> error(String what) {
    return Map.of("description", what, "content", Map.of("application/json",
        Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
  }
}
