package org.storyline.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.storyline.ingest.RawDocument;

class JobConfigTest {
  @Test
  void readsNamesOverDefaultsAndRefusesUnknownOnes() {
    JobConfig c = JobConfig.parse(new String[] {"--parallelism", "4", "--batch=1d", "--key", "language"});
    assertEquals(4, c.parallelism());
    assertEquals(86_400_000L, c.batchMillis());
    assertEquals(PartitionKey.LANGUAGE, c.key());
    assertEquals("storyline.raw", c.inputTopic());
    assertEquals(AssignStories.END, c.with("batch", "end").batchMillis());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JobConfig.parse(new String[] {"--paralelism", "2"}));
    assertTrue(e.getMessage().contains("unknown option --paralelism"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JobConfig.parse(new String[] {"--batch", "soon"}));
    assertThrows(IllegalArgumentException.class, () -> JobConfig.parse(new String[] {"--key", "region"}));
  }

  @Test
  void eventTimeIsThePublishInstantAndUndatedNeverMovesTheWatermark() {
    assertEquals(0L, ExtractArticles.eventMillis("1970-01-01"));
    assertEquals(3_600_000L, ExtractArticles.eventMillis("1970-01-01T02:00:00+01:00"));
    assertEquals(3_600_000L, ExtractArticles.eventMillis("1970-01-01T01:00:00Z"));
    assertEquals(3_600_000L, ExtractArticles.eventMillis("1970-01-01T01:00"));
    assertEquals(ArticleRecord.UNDATED, ExtractArticles.eventMillis(null));
    assertEquals(ArticleRecord.UNDATED, ExtractArticles.eventMillis("sometime"));
  }

  @Test
  void aDocumentLineReadsBackToTheSameDocument() {
    RawDocument d = new RawDocument("a1", "x.txt", RawDocument.Format.TEXT, "Text here.",
        new RawDocument.Hints("https://example.org/a", "Title", "Outlet", "By Someone", "2024-05-01"));
    java.util.List<RawDocument> back = new java.util.ArrayList<>();
    org.storyline.ingest.JsonlReader.readRecord(Json.documentLine(d).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "topic/0/7", "fallback", new org.storyline.ingest.SourceReader.Sink() {
          @Override
          public void document(RawDocument doc) {
            back.add(doc);
          }

          @Override
          public void problem(org.storyline.model.InputProblem p) {
            throw new AssertionError(p.toString());
          }
        });
    assertEquals(1, back.size());
    RawDocument r = back.get(0);
    assertEquals(d.id(), r.id());
    assertEquals(d.format(), r.format());
    assertEquals(d.content(), r.content());
    assertEquals(d.hints(), r.hints());
  }
}
