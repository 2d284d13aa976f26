package org.storyline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.follow.SourceList;
import org.storyline.store.Library;

/** The sources API against a real server on a random port; no source is fetched (no follower runs here). */
class SourceRoutesTest {
  @TempDir Path dir;

  private static HttpResponse<String> send(int port, String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) b.header("Content-Type", "application/json");
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void addsListsShowsAndRemovesSources() throws Exception {
    Path data = dir.resolve("data");
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false));
        StorylineServer s = StorylineServer.start(lib, ServerConfig.local(0))) {
      int port = s.port();
      HttpResponse<String> added = send(port, "POST", "/api/sources",
          "{\"url\":\"http://127.0.0.1:9/feed.xml\",\"name\":\"Local\",\"every\":\"30m\"}");
      assertEquals(201, added.statusCode(), added.body());
      assertTrue(added.body().contains("\"name\":\"Local\""), added.body());
      String id = new SourceList(data).all().get(0).id();

      HttpResponse<String> list = send(port, "GET", "/api/sources", null);
      assertEquals(200, list.statusCode());
      assertTrue(list.body().contains("\"total\":1") && list.body().contains("\"every\":\"30m\"")
          && list.body().contains("\"health\""), list.body());
      assertEquals(200, send(port, "GET", "/api/sources/" + id + "/health", null).statusCode());

      HttpResponse<String> bad = send(port, "POST", "/api/sources", "{\"url\":\"ftp://x\"}");
      assertEquals(400, bad.statusCode(), bad.body());
      HttpResponse<String> badEvery = send(port, "POST", "/api/sources", "{\"url\":\"http://a.test/\",\"every\":\"soon\"}");
      assertEquals(400, badEvery.statusCode(), badEvery.body());

      assertEquals(204, send(port, "DELETE", "/api/sources/" + id, null).statusCode());
      assertEquals(404, send(port, "DELETE", "/api/sources/" + id, null).statusCode());
      assertEquals(0, new SourceList(data).all().size());
      assertEquals(404, send(port, "GET", "/api/revisions/nope", null).statusCode());
    }
  }
}
