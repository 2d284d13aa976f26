package org.storyline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.store.Library;

/** Every API endpoint against a real server on a random port, over a small store the test writes. */
class ApiRoutesTest {
  @TempDir static Path dir;
  static Library lib;
  static StorylineServer server;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static final String ARTICLES = """
      {"id":"flood-a","title":"River floods Port Alder","outlet":"Coast News","published":"2024-03-04","text":"The river Alder burst its banks on Monday and flooded the lower town of Port Alder, Mayor Jane Holt said. \\"The water came in an hour,\\" Holt said."}
      {"id":"flood-b","title":"Port Alder flood: mayor asks for help","outlet":"Daily Post","published":"2024-03-05","text":"Mayor Jane Holt asked the government for help after the river Alder flooded the lower town of Port Alder on Monday. \\"We need pumps and we need them now,\\" Holt said."}
      {"id":"budget","title":"Parliament passes the budget","outlet":"Daily Post","published":"2024-04-10","text":"Parliament passed the budget on Wednesday. Finance minister Tom Reed said the plan would cut the deficit. \\"It is a fair budget,\\" Reed told reporters in Westbridge."}
      """;

  @BeforeAll
  static void start() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, ARTICLES);
    lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false));
    lib.ingest(List.of(in), p -> {});
    server = StorylineServer.start(lib, new ServerConfig("127.0.0.1", 0, null, 200_000));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    lib.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode ok(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    return JSON.readTree(r.body());
  }

  static HttpResponse<String> post(int port, String path, String type, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) b.header("Content-Type", type);
    if (token != null) b.header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertError(int status, HttpResponse<String> r, String says) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode n = JSON.readTree(r.body());
    assertEquals(status, n.get("status").asInt(), r.body());
    assertTrue(n.get("message").asText().contains(says), r.body());
    assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void listsAndItemsAnswerWithStableIds() throws Exception {
    JsonNode arts = ok("/api/articles");
    assertEquals(3, arts.get("total").asInt());
    assertEquals("budget", arts.get("items").get(0).get("id").asText(), "newest first");
    assertEquals("flood-a", ok("/api/articles?offset=2&limit=1").get("items").get(0).get("id").asText());
    assertEquals(2, ok("/api/articles?outlet=daily%20post").get("total").asInt());
    assertEquals(2, ok("/api/articles?from=2024-03-01&to=2024-03-31").get("total").asInt());

    JsonNode a = ok("/api/articles/flood-b");
    assertEquals("flood-b", a.get("article").get("id").asText());
    assertTrue(a.get("story").isTextual());
    assertTrue(a.get("quotes").size() >= 1, a.toString());
    assertTrue(a.get("entities").toString().contains("per:jane-holt"), a.toString());
    assertEquals(1, ok("/api/articles/flood-b/revisions").get("items").size());

    JsonNode stories = ok("/api/stories");
    assertEquals(2, stories.get("total").asInt(), stories.toString());
    String flood = ok("/api/articles/flood-a").get("story").asText();
    assertEquals(flood, ok("/api/stories?entity=per:jane-holt").get("items").get(0).get("id").asText());
    assertEquals(1, ok("/api/stories?outlet=COAST%20NEWS").get("total").asInt());
    assertEquals(1, ok("/api/stories?from=2024-04-01").get("total").asInt());
    JsonNode story = ok("/api/stories/" + enc(flood));
    assertTrue(story.get("report").get("quotes").size() >= 2, story.toString());

    JsonNode lines = ok("/api/storylines");
    for (JsonNode l : lines.get("items")) {
      JsonNode tl = ok("/api/storylines/" + enc(l.get("id").asText()));
      assertTrue(tl.get("timeline").size() >= 1 && tl.has("events"), tl.toString());
    }

    JsonNode people = ok("/api/entities?type=per");
    assertTrue(people.get("items").toString().contains("per:jane-holt"), people.toString());
    JsonNode holt = ok("/api/entities/per:jane-holt");
    assertEquals(2, holt.get("entity").get("articles").asInt());
    assertEquals(2, holt.get("quotes").get("total").asInt());
    assertEquals(2, holt.get("entity").get("byDay").size());

    assertEquals(2, ok("/api/quotes?speaker=per:jane-holt").get("total").asInt());
    assertTrue(ok("/api/quotes?story=" + enc(flood)).get("total").asInt() >= 2);
    assertTrue(ok("/api/quotes").get("total").asInt() >= 3);
    JsonNode events = ok("/api/events?story=" + enc(flood));
    assertTrue(events.get("items").size() >= 1, events.toString());
    ok("/api/events");

    JsonNode s = ok("/api/search?q=" + enc("Alder AND mayor") + "&date=day");
    assertEquals(2, s.get("total").asInt(), s.toString());
    assertTrue(s.get("items").get(0).get("snippet").asText().contains("«"), s.toString());
    assertEquals(2, s.get("facets").get("date").size());
    assertTrue(s.get("facets").get("speaker").toString().contains("Jane Holt"), s.toString());
    assertEquals(1, ok("/api/search?q=Alder&outlet=Coast%20News").get("total").asInt());
    assertEquals(1, ok("/api/search?speaker=per:tom-reed").get("total").asInt());
    assertEquals(0, ok("/api/search?q=Alder&facets=false").get("facets").size());
  }

  @Test
  void malformedRequestsGetAClear4xx() throws Exception {
    assertError(400, get("/api/articles?limit=0"), "limit must be 1..1000");
    assertError(400, get("/api/stories?limit=1001"), "limit must be 1..1000");
    assertError(400, get("/api/entities?offset=-1"), "offset must be >= 0");
    assertError(400, get("/api/quotes?limit=ten"), "limit must be a whole number");
    assertError(400, get("/api/stories?from=yesterday"), "from must be a date");
    assertError(400, get("/api/entities?type=ANIMAL"), "type must be one of");
    assertError(400, get("/api/search?q=" + enc("title:(")), "cannot parse query");
    assertError(400, get("/api/search?date=week"), "date must be month or day");
    assertError(404, get("/api/articles/nope"), "no article nope");
    assertError(404, get("/api/entities/per:nobody"), "no entity");
    assertError(404, get("/api/storylines/nope"), "no storyline");
    assertError(404, get("/api/quotes?story=nope"), "no story");
    assertError(404, get("/api/export/stories.bin"), "no export");
  }

  @Test
  void noPathTraversalThroughAnyParameter() throws Exception {
    List<String> evil = List.of("../../../../etc/passwd", "..%2F..%2Fstories.bin", "%2e%2e%2fstories.bin",
        "..%252F..%252Fetc%252Fpasswd", "....//....//etc/passwd", "..\\..\\stories.bin", "/etc/passwd");
    List<String> templates = List.of("/api/articles/%s", "/api/articles/%s/revisions", "/api/stories/%s",
        "/api/storylines/%s", "/api/entities/%s", "/api/export/%s", "/api/quotes?story=%s",
        "/api/quotes?speaker=%s", "/api/events?story=%s", "/api/stories?entity=%s", "/api/search?entity=%s");
    for (String t : templates) {
      for (String e : evil) {
        String path = t.formatted(e.contains("%") ? e : enc(e));
        HttpResponse<String> r = get(path);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 404, path + " -> "
            + r.statusCode() + " " + r.body());
        assertFalse(r.body().contains("root:") || r.body().contains("\"articles\":[") && t.contains("export"),
            path + " -> " + r.body());
        if (r.statusCode() != 200) {
          assertTrue(r.body().startsWith("{\"status\":" + r.statusCode()), path + " -> " + r.body());
        }
      }
    }
    // a raw ../ in the path is normalised or refused before routing, never served from disk
    for (String raw : List.of("/api/export/../../../../etc/passwd", "/api/articles/..;/..;/etc/passwd")) {
      HttpResponse<String> r = get(raw);
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, raw + " -> " + r.statusCode());
      assertFalse(r.body().contains("root:"), r.body());
    }
  }

  @Test
  void exportsStreamEveryRowAsJsonlAndCsv() throws Exception {
    HttpResponse<String> jl = get("/api/export/articles.jsonl");
    assertEquals(200, jl.statusCode());
    assertEquals(3, jl.body().lines().count());
    assertTrue(JSON.readTree(jl.body().lines().findFirst().orElseThrow()).has("text"));
    HttpResponse<String> csv = get("/api/export/articles.csv");
    assertTrue(csv.body().startsWith("id,published,publishedInferred,outlet,title,url,byline,story,text\r\n"),
        csv.body());
    assertTrue(csv.body().contains(",\"Mayor Jane Holt asked the government for help after the river Alder flooded the "
        + "lower town of Port Alder on Monday. \"\"We need pumps"), csv.body());
    assertTrue(get("/api/export/quotes.jsonl").body().lines().count() >= 3);
    assertTrue(get("/api/export/quotes.csv").body().contains("per:jane-holt"));
    assertTrue(get("/api/export/entities.jsonl").body().contains("\"per:jane-holt\""));
    assertTrue(get("/api/export/entities.csv").body().startsWith("id,name,type,articles\r\n"));
    assertTrue(get("/api/export/events.jsonl").body().lines().count() >= 1);
    assertTrue(get("/api/export/events.csv").body().startsWith("story,id,date"));
  }

  @Test
  void theOpenApiDocumentListsEveryRouteAndEveryDocumentedPathAnswers() throws Exception {
    JsonNode doc = ok("/openapi.json");
    assertEquals("3.0.3", doc.get("openapi").asText());
    Set<String> documented = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      var e = it.next();
      for (Iterator<String> m = e.getValue().fieldNames(); m.hasNext(); ) documented.add(m.next() + " " + e.getKey());
    }
    List<String> apiRoutes = server.registeredRoutes().stream().filter(r -> r.contains(" /api/")).toList();
    assertFalse(apiRoutes.isEmpty());
    for (String r : apiRoutes) assertTrue(documented.contains(r), r + " is served but not in /openapi.json");
    String story = ok("/api/stories").get("items").get(0).get("id").asText();
    JsonNode lines = ok("/api/storylines").get("items");
    String line = lines.isEmpty() ? null : lines.get(0).get("id").asText();
    Map<String, String> sample = Map.of("/api/articles/{id}", "flood-a", "/api/articles/{id}/revisions", "flood-a",
        "/api/stories/{id}", story, "/api/storylines/{id}", String.valueOf(line), "/api/entities/{id}", "per:jane-holt",
        "/api/export/{file}", "entities.jsonl", "/api/revisions/{id}", "flood-a");
    List<String> answered = new ArrayList<>();
    for (String d : documented) {
      String method = d.substring(0, d.indexOf(' '));
      String path = d.substring(d.indexOf(' ') + 1);
      assertTrue(apiRoutes.contains(d), d + " is documented but not served");
      if (!method.equals("get")) continue;
      if (path.startsWith("/api/sources/")) {
        // the fixture follows no source: the route answers with the JSON 404
        assertError(404, get(path.replace("{id}", "none")), "");
        continue;
      }
      if (path.equals("/api/storylines/{id}") && line == null) {
        // the fixture's stories form no storyline: the route still answers, with the JSON 404
        assertError(404, get("/api/storylines/none"), "no storyline");
        continue;
      }
      String concrete = path.contains("{") ? path.replaceAll("\\{[a-z]+}", enc(sample.get(path))) : path;
      ok(concrete);
      answered.add(concrete);
    }
    assertTrue(answered.size() >= 12, answered.toString());
  }

  @Test
  void ingestTakesJsonJsonlHtmlAndFeedsWithTheCliRules() throws Exception {
    Path data = dir.resolve("ingest-data");
    try (Library l = Library.open(data, Library.Options.defaults().withEmbeddings(false));
        StorylineServer s = StorylineServer.start(l, new ServerConfig("127.0.0.1", 0, null, 4000))) {
      int port = s.port();
      HttpResponse<String> one = post(port, "/api/ingest", "application/json",
          "{\"id\":\"j1\",\"title\":\"Dam opens\",\"outlet\":\"Coast News\",\"published\":\"2024-05-01\","
              + "\"text\":\"The new dam on the river Alder opened on Wednesday, the water board said.\"}", null);
      assertEquals(200, one.statusCode(), one.body());
      assertEquals(1, JSON.readTree(one.body()).get("added").asInt(), one.body());
      HttpResponse<String> again = post(port, "/api/ingest", "application/json; charset=utf-8",
          "{\"id\":\"j1\",\"title\":\"Dam opens\",\"outlet\":\"Coast News\",\"published\":\"2024-05-01\","
              + "\"text\":\"The new dam on the river Alder opened on Wednesday, the water board said.\"}", null);
      assertEquals(1, JSON.readTree(again.body()).get("unchanged").asInt(), again.body());
      HttpResponse<String> arr = post(port, "/api/ingest", "application/json",
          "[{\"id\":\"j2\",\"text\":\"Storms closed the coast road on Friday.\"},{\"id\":\"j3\",\"title\":\"x\"}]",
          null);
      JsonNode arrN = JSON.readTree(arr.body());
      assertEquals(1, arrN.get("added").asInt(), arr.body());
      assertEquals(1, arrN.get("partial").asInt(), arr.body()); // as the CLI says of such a file: read in part
      assertTrue(arrN.get("problems").get(0).get("source").asText().startsWith(ApiIngest.SOURCE), arr.body());
      assertFalse(arr.body().contains(System.getProperty("java.io.tmpdir")), arr.body());
      HttpResponse<String> jl = post(port, "/api/ingest", "application/x-ndjson",
          "{\"id\":\"l1\",\"text\":\"The ferry resumed service on Monday.\"}\n{not json}\n", null);
      JsonNode jlN = JSON.readTree(jl.body());
      assertEquals(1, jlN.get("added").asInt(), jl.body());
      assertTrue(jlN.get("problems").size() >= 1, jl.body());
      HttpResponse<String> html = post(port, "/api/ingest?url=" + enc("https://example.org/news/bridge"),
          "text/html", "<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
              + "<p>The old bridge over the river Alder reopened on Tuesday after repairs that took a year, the "
              + "council said.</p></article></body></html>", null);
      assertEquals(200, html.statusCode(), html.body());
      String htmlId = JSON.readTree(html.body()).get("addedIds").get(0).asText();
      JsonNode stored = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/articles/" + htmlId)).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertEquals("https://example.org/news/bridge", stored.get("article").get("url").asText(), stored.toString());
      HttpResponse<String> rss = post(port, "/api/ingest", "application/rss+xml", """
          <?xml version="1.0"?><rss version="2.0"><channel><title>Coast News</title>
          <item><title>Harbour fees rise</title><link>https://example.org/harbour</link>
          <pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate>
          <description>The harbour board raised mooring fees by ten percent on Tuesday, its chair said.</description>
          </item></channel></rss>""", null);
      assertEquals(1, JSON.readTree(rss.body()).get("added").asInt(), rss.body());

      assertError(400, post(port, "/api/ingest", "application/json", "", null), "empty body");
      assertError(415, post(port, "/api/ingest", "image/png", "xx", null), "unsupported content type");
      assertError(415, post(port, "/api/ingest", null, "xx", null), "unsupported content type");
      assertError(400, post(port, "/api/ingest", "application/json", "{\"title\":\"no text\"}", null),
          "nothing to ingest");
      assertError(400, post(port, "/api/ingest", "application/json", "[1, 2", null), "nothing to ingest");
      assertError(413, post(port, "/api/ingest", "application/x-ndjson", "x".repeat(5000), null), "upload limit");
      assertError(400, post(port, "/api/ingest?url=javascript:alert(1)", "text/html", "<p>hi</p>", null),
          "url must be");
      assertEquals(5, l.store().size(), "nothing already stored was lost");
    }
  }

  @Test
  void writesNeedTheTokenWhenOneIsConfigured() throws Exception {
    Path data = dir.resolve("token-data");
    try (Library l = Library.open(data, Library.Options.defaults().withEmbeddings(false));
        StorylineServer s = StorylineServer.start(l, new ServerConfig("127.0.0.1", 0, "s3cret", 100_000))) {
      String body = "{\"id\":\"t1\",\"text\":\"The council met on Monday.\"}";
      assertError(401, post(s.port(), "/api/ingest", "application/json", body, null), "token");
      assertError(401, post(s.port(), "/api/ingest", "application/json", body, "wrong"), "token");
      assertEquals(0, l.store().size());
      assertEquals(200, post(s.port(), "/api/ingest", "application/json", body, "s3cret").statusCode());
      assertEquals(1, l.store().size());
      HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
          + "/api/articles/t1")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, read.statusCode(), "reads need no token");
    }
  }
}
