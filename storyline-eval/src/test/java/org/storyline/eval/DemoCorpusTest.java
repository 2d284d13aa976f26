package org.storyline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo corpus selection on a three-article fixture in the Wikinews collection's shape. */
class DemoCorpusTest {
  @TempDir Path dir;

  @Test
  void takesArticlesOfATopicsWindowAndTitleInDateOrder() throws Exception {
    Path gz = dir.resolve("wikinews.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(("""
          {"id":"wikinews-ID2","date":"2008-01-09","title":"McCain wins New Hampshire","categories":["politics"],"outlet":"Wikinews (en)","text":"B."}
          {"id":"wikinews-ID1","date":"2008-01-04","title":"Obama wins \\"Iowa\\" caucuses?","categories":["politics"],"outlet":"Wikinews (en)","text":"A."}
          {"id":"wikinews-ID3","date":"2009-01-04","title":"Obama names cabinet","categories":["politics"],"outlet":"Wikinews (en)","text":"C."}
          {"id":"wikinews-ID4","date":null,"title":"Obama undated","categories":["politics"],"outlet":"Wikinews (en)","text":"D."}
          """).getBytes(StandardCharsets.UTF_8));
    }
    var topic = new DemoCorpus.Topic("us", "2008-01-01", "2008-03-10", Pattern.compile("Obama|McCain"), "Primaries");
    List<DemoCorpus.Pick> picks = DemoCorpus.select(gz, List.of(topic));
    assertEquals(List.of("wikinews-ID1", "wikinews-ID2"), picks.stream().map(DemoCorpus.Pick::id).toList());
    String jsonl = DemoCorpus.jsonl(picks);
    assertTrue(jsonl.startsWith("{\"id\":\"wikinews-ID1\",\"url\":\"https://en.wikinews.org/wiki/"
        + "Obama_wins_%22Iowa%22_caucuses%3F\",\"title\":\"Obama wins \\\"Iowa\\\" caucuses?\",\"outlet\":\"Wikinews\","
        + "\"published\":\"2008-01-04\",\"text\":\"A.\"}\n"), jsonl);
    String attribution = DemoCorpus.attribution("demo.jsonl", List.of(topic), picks);
    assertTrue(attribution.contains("Creative Commons"), attribution);
    assertTrue(attribution.contains("- 2008-01-09 [McCain wins New Hampshire]"
        + "(https://en.wikinews.org/wiki/McCain_wins_New_Hampshire)"), attribution);
  }

  @Test
  void shippedTopicsParse() throws Exception {
    List<DemoCorpus.Topic> topics = DemoCorpus.topics();
    assertTrue(topics.size() >= 5);
    for (var t : topics) assertTrue(t.from().compareTo(t.to()) < 0, t.name());
  }
}
