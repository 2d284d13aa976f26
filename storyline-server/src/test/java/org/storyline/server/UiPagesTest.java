package org.storyline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Story;
import org.storyline.server.ui.Links;
import org.storyline.store.Library;

/** The UI's pages over HTTP (no browser): status, stable URLs with encoded ids, bad parameters. */
class UiPagesTest {
  static Library lib;
  static StorylineServer server;

  private static final String ARTICLES = """
      {"id":"flood a/1?#","title":"River floods Port Alder","outlet":"Coast News","published":"2024-03-04","text":"The river Alder burst its banks on Monday and flooded the lower town of Port Alder, the mayor said.\\n\\n\\"We need pumps now,\\" Mayor Jane Holt said on Monday."}
      {"id":"flood-b","title":"Port Alder flood: mayor asks for help","outlet":"Daily Post","text":"Mayor Jane Holt asked the government for help after the river Alder flooded the lower town of Port Alder on Monday. \\"We need pumps and we need them now,\\" Holt said."}
      """;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, ARTICLES);
    lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false));
    lib.ingest(List.of(in), p -> {});
    // a second revision of flood-b, with a line the cleaner removes
    Path rev = dir.resolve("rev.jsonl");
    Files.writeString(rev, ARTICLES.lines().filter(l -> l.contains("flood-b")).findFirst().orElseThrow()
        .replace("Holt said.", "Holt said. The army was called in.\\n\\nAdvertisement\\n\\nShare this article"));
    lib.ingest(List.of(rev), p -> {});
    server = StorylineServer.start(lib, ServerConfig.local(0));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    lib.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + path)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyPageAnswersAtItsStableUrl() throws Exception {
    Story s = lib.snapshot().stories().get(0);
    assertEquals(2, s.articles().size(), "both reports are one story");
    for (String p : List.of("/", Links.story(s.id()), Links.article("flood a/1?#"),
        Links.article("flood a/1?#", 0, 9), Links.article("flood-b"), "/search?q=pumps", "/search?q=*&outlet=Daily%20Post",
        "/search", "/entities/per%3Ajane-holt")) {
      HttpResponse<String> r = get(p);
      assertEquals(200, r.statusCode(), p + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), p);
    }
    String story = get(Links.story(s.id())).body();
    assertTrue(story.contains("href=\"/articles/flood%20a%2F1%3F%23?hl="), "quote links carry the encoded id");
    String article = get(Links.article("flood a/1?#", 0, 9)).body();
    assertTrue(article.contains("<mark id=\"hl\""), article);
    // an article without a date gets its story's date, marked as inferred
    String b = get(Links.article("flood-b")).body();
    assertTrue(b.contains("class=\"date inferred\""));
    // its revisions, and what the cleaner removed
    assertTrue(b.contains("<strong>revision 2</strong>") && b.contains("href=\"/articles/flood-b?rev=1\""), b);
    assertTrue(b.contains("<li>Advertisement</li>"), b);
    String old = get(Links.revision("flood-b", 1)).body();
    assertTrue(old.contains("older revision") && !old.contains("army was called in"), old);
  }

  @Test
  void theStoryPageShowsTheFactTableAndTheSummaryFromTheReport() throws Exception {
    Story s = lib.snapshot().stories().get(0);
    String story = get(Links.story(s.id())).body();
    // the flood of the lower town, told by both outlets in other words, is one fact of two reports
    assertTrue(story.contains("<section id=\"facts\""), story);
    int facts = story.indexOf("<section id=\"facts\"");
    String section = story.substring(facts, story.indexOf("</section>", facts));
    assertTrue(section.contains("2 reports") && section.contains("Coast News") && section.contains("Daily Post"),
        section);
    assertTrue(section.contains("burst its banks") && section.contains("asked the government for help"), section);
    // the summary links each sentence to its place in its article
    int sum = story.indexOf("<section id=\"summary\"");
    assertTrue(story.substring(sum, story.indexOf("</section>", sum)).contains("?hl="), story);
  }

  @Test
  void badParametersGetClearAnswers() throws Exception {
    assertEquals(404, get("/stories/nope").statusCode());
    assertTrue(get("/stories/nope").body().contains("no story nope"));
    assertEquals(404, get("/articles/nope").statusCode());
    assertEquals(404, get("/entities/per%3Anobody").statusCode());
    assertEquals(404, get(Links.article("flood-b") + "?rev=9").statusCode());
    HttpResponse<String> bad = get("/search?q=%22unclosed");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("cannot parse query"), bad.body());
    assertFalse(bad.body().contains("Exception"), bad.body());
    assertEquals(400, get("/search?q=x&from=yesterday").statusCode());
    assertEquals(400, get("/?from=abc").statusCode());
    // a range outside the text is ignored, not an error
    assertEquals(200, get(Links.article("flood-b") + "?hl=5-99999").statusCode());
    assertEquals(200, get(Links.article("flood-b") + "?hl=x").statusCode());
  }
}
