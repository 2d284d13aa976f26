package org.storyline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.store.Library;

class StorylineServerTest {
  @TempDir Path dir;

  private static final String ARTICLES = """
      {"id":"flood-a","title":"River floods Port Alder","outlet":"Coast News","published":"2024-03-04","text":"The river Alder burst its banks on Monday and flooded the lower town of Port Alder, the mayor said."}
      {"id":"flood-b","title":"Port Alder flood: mayor asks for help","outlet":"Daily Post","published":"2024-03-05","text":"Mayor Jane Holt asked the government for help after the river Alder flooded the lower town of Port Alder on Monday. \\"We need pumps and we need them now,\\" Holt said."}
      """;

  private static HttpResponse<String> get(int port, String path, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (accept != null) b.header("Accept", accept);
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesStoriesAsJsonAndPagesWithASecurityPolicyAndErrorsAsJson() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, ARTICLES);
    try (Library lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false))) {
      lib.ingest(List.of(in), p -> {});
      try (StorylineServer s = StorylineServer.start(lib, ServerConfig.local(0))) {
        HttpResponse<String> r = get(s.port(), "/api/stories", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"total\":1") && r.body().contains("flood-b"), r.body());

        HttpResponse<String> page = get(s.port(), "/", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("River floods Port Alder") || page.body().contains("Port Alder flood"),
            page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));

        HttpResponse<String> missing = get(s.port(), "/api/stories/nope", null);
        assertEquals(404, missing.statusCode());
        assertEquals("{\"status\":404,\"message\":\"no story nope\"}", missing.body());
        HttpResponse<String> noRoute = get(s.port(), "/api/nothing-here", null);
        assertEquals(404, noRoute.statusCode());
        assertTrue(noRoute.body().startsWith("{\"status\":404,"), noRoute.body());
        assertFalse(noRoute.body().contains("Exception"), noRoute.body());
      }
    }
  }

  @Test
  void refusesToBindBeyondLoopbackWithoutAToken() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ServerConfig("0.0.0.0", 7070, null, ServerConfig.DEFAULT_MAX_UPLOAD));
    assertTrue(e.getMessage().contains("token"), e.getMessage());
    assertEquals("0.0.0.0", new ServerConfig("0.0.0.0", 7070, "secret", 1).host());
    assertTrue(ServerConfig.loopback("127.0.0.1") && ServerConfig.loopback("::1"));
  }
}
