package org.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileReaderTest {
  @TempDir Path dir;

  /** The shape news-please writes, one article per file. */
  static final String NEWS_PLEASE = """
      {"authors": ["Ann Reporter", "Bo Writer"], "date_publish": "2017-12-27 06:57:28",
       "description": "A tourist ship struck a bridge.", "language": "en", "source_domain": "www.example.com",
       "maintext": "A tourist ship struck a highway bridge on the river and 25 people were injured, police said.",
       "title": "Tourist Ship Strikes Highway Bridge; 25 Hurt", "url": "https://www.example.com/2017/12/27/ship.html"}
      """;

  @Test
  void readsANewsPleaseFileAsOneArticleWithItsMetadata() throws Exception {
    Path f = dir.resolve("ship.json");
    Files.writeString(f, NEWS_PLEASE);
    var c = Inputs.defaults().readAll(List.of(f));
    assertEquals(List.of(), c.problems());
    assertEquals(1, c.documents().size());
    RawDocument d = c.documents().get(0);
    assertEquals(Ids.fromUrl("https://www.example.com/2017/12/27/ship.html"), d.id());
    assertEquals(RawDocument.Format.TEXT, d.format());
    assertTrue(d.content().startsWith("A tourist ship struck"), d.content());
    assertEquals("Tourist Ship Strikes Highway Bridge; 25 Hurt", d.hints().title());
    assertEquals("www.example.com", d.hints().outlet());
    assertEquals("Ann Reporter, Bo Writer", d.hints().byline());
    assertTrue(d.hints().published().startsWith("2017-12-27T06:57:28"), d.hints().published());
  }

  @Test
  void readsAnArrayOfArticlesAndSaysHowManyItemsWereNotArticles() throws Exception {
    Path f = dir.resolve("export.json");
    Files.writeString(f, """
        [{"id": "a1", "title": "One", "text": "Body one."},
         {"id": "a2", "title": "Two", "html": "<p>Body two.</p>"},
         {"id": "a3", "title": "No body"}]
        """);
    var c = Inputs.defaults().readAll(List.of(f));
    assertEquals(List.of("a1", "a2"), c.documents().stream().map(RawDocument::id).toList());
    assertEquals(RawDocument.Format.HTML, c.documents().get(1).format());
    assertEquals(1, c.problems().size());
    assertTrue(c.problems().get(0).reason().startsWith("1 of 3 array items"), c.problems().get(0).reason());
  }

  @Test
  void aJsonFileThatHoldsNoArticleIsQuietInAFolderAndReportedWhenNamed() throws Exception {
    Files.writeString(dir.resolve("gold.json"), "{\"articles\": {\"a\": {\"title\": \"x\"}}, \"stories\": []}");
    Files.writeString(dir.resolve("ship.json"), NEWS_PLEASE);
    var walked = Inputs.defaults().readAll(List.of(dir));
    assertEquals(1, walked.documents().size());
    assertEquals(List.of(), walked.problems());

    var named = Inputs.defaults().readAll(List.of(dir.resolve("gold.json")));
    assertEquals(0, named.documents().size());
    assertEquals(JsonFileReader.NOT_AN_ARTICLE, named.problems().get(0).reason());
  }

  @Test
  void aRecordWithoutBodyFallsBackToItsDescriptionElseIsReportedEvenInAFolder() throws Exception {
    Files.writeString(dir.resolve("lead.json"), "{\"title\": \"Rose Parade rolls in\", \"maintext\": \"\","
        + " \"description\": \"Sun, fun and flowers as the 129th Rose Parade rolls in.\"}");
    Files.writeString(dir.resolve("bare.json"), "{\"title\": \"Bears fire coach\", \"maintext\": \"\","
        + " \"url\": \"https://x.example/bears\"}");
    var c = Inputs.defaults().readAll(List.of(dir));
    assertEquals(1, c.documents().size());
    assertTrue(c.documents().get(0).content().startsWith("Sun, fun and flowers"), c.documents().get(0).content());
    assertEquals(1, c.problems().size());
    assertTrue(c.problems().get(0).source().endsWith("bare.json"), c.problems().toString());
    assertTrue(c.problems().get(0).reason().startsWith("no text or html field"), c.problems().toString());
  }

  @Test
  void readsANewsApiResponseWithItsWrappedListAndSourceName() throws Exception {
    Path f = dir.resolve("newsapi.json");
    Files.writeString(f, """
        {"status": "ok", "totalResults": 2, "articles": [
          {"source": {"id": null, "name": "Coast News"}, "author": "Ann Reporter", "title": "River floods bay",
           "description": "The river burst its banks.", "url": "https://coast.example/flood",
           "publishedAt": "2024-03-04T09:15:00Z", "content": "The river burst its banks on Monday after heavy rain."},
          {"source": {"id": null, "name": "Chess Daily"}, "title": "Teen wins open", "url": "https://chess.example/open",
           "publishedAt": "2024-03-05T10:00:00Z", "content": "A teenager won the Silverton Open on Tuesday."}]}
        """);
    var c = Inputs.defaults().readAll(List.of(f));
    assertEquals(List.of(), c.problems());
    assertEquals(2, c.documents().size());
    RawDocument d = c.documents().get(0);
    assertEquals("Coast News", d.hints().outlet());
    assertEquals("Ann Reporter", d.hints().byline());
    assertTrue(d.hints().published().startsWith("2024-03-04T09:15"), d.hints().published());
    assertTrue(d.content().startsWith("The river burst its banks on Monday"), d.content());
  }

  @Test
  void brokenOrEmptyJsonIsSkippedWithItsReason() throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"title\": \"cut off\", \"text\": \"Body");
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "");
    var c = Inputs.defaults().readAll(List.of(broken, empty));
    assertEquals(0, c.documents().size());
    assertEquals(2, c.problems().size());
    assertTrue(c.problems().get(0).reason().startsWith("broken JSON"), c.problems().get(0).reason());
    assertTrue(c.problems().get(0).skipped());
    assertEquals("empty file", c.problems().get(1).reason());
  }
}
