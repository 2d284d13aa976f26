package org.storyline.flink;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.storyline.ingest.JsonlReader;
import org.storyline.ingest.RawDocument;
import org.storyline.ingest.SourceReader;
import org.storyline.model.Article;
import org.storyline.model.InputProblem;
import org.storyline.pipeline.Pipeline;

/**
 * The stateless per-article stage: one input record (a JSONL article line) to a clean article, through the same
 * {@link JsonlReader} and {@link Pipeline#extract} as {@code storyline analyze}. Runs at any parallelism. A record
 * that gives no article (broken JSON, a binary body, no text, an extractor failure) goes to {@link #DEAD_LETTERS}
 * with its reason, and the job goes on.
 */
public final class ExtractArticles extends ProcessFunction<RawRecord, ArticleRecord> {
  /** Records that gave no article, as {@link Json#deadLetter} lines. */
  public static final OutputTag<String> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  private final PartitionKey key;
  private final boolean embeddings;
  private final boolean writtenTime;
  private transient Pipeline pipeline;

  /** @param writtenTime the event time is the record's write time (a live feed), not the publish date */
  public ExtractArticles(PartitionKey key, boolean embeddings, boolean writtenTime) {
    this.key = key;
    this.embeddings = embeddings;
    this.writtenTime = writtenTime;
  }

  @Override
  public void open(OpenContext ctx) {
    pipeline = Pipelines.shared(embeddings);
  }

  @Override
  public void processElement(RawRecord r, Context ctx, Collector<ArticleRecord> out) {
    List<RawDocument> docs = new ArrayList<>(1);
    List<InputProblem> problems = new ArrayList<>(1);
    // a record with neither an id nor a URL is named by its content, so a replayed record keeps its id
    String fallbackId = "record-" + Integer.toHexString(java.util.Arrays.hashCode(r.body)) + "-"
        + (r.body == null ? 0 : r.body.length);
    JsonlReader.readRecord(r.body == null ? new byte[0] : r.body, r.source, fallbackId, new SourceReader.Sink() {
      @Override
      public void document(RawDocument doc) {
        docs.add(doc);
      }

      @Override
      public void problem(InputProblem p) {
        if (p.skipped()) problems.add(p);
      }
    });
    if (docs.isEmpty()) {
      String why = problems.isEmpty() ? "no article" : problems.get(0).reason();
      ctx.output(DEAD_LETTERS, Json.deadLetter(r.source, why, r.body));
      return;
    }
    Pipeline.Extracted x = pipeline.extract(docs);
    if (x.articles().isEmpty()) {
      String why = x.problems().isEmpty() ? "no article" : x.problems().get(0).reason();
      ctx.output(DEAD_LETTERS, Json.deadLetter(r.source, why, r.body));
      return;
    }
    Article a = x.articles().get(0);
    long t = writtenTime ? r.writtenMillis : eventMillis(a.published());
    out.collect(new ArticleRecord(key.of(a), t, r.writtenMillis, Json.article(a)));
  }

  /**
   * The event time of a publish date: the instant of a date-time (UTC when it has no offset), the start of the day
   * (UTC) of a date alone, {@link ArticleRecord#UNDATED} when there is none or it cannot be read.
   */
  static long eventMillis(String published) {
    if (published == null || published.length() < 10) return ArticleRecord.UNDATED;
    try {
      if (published.length() == 10) return LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant()
          .toEpochMilli();
      try {
        return OffsetDateTime.parse(published).toInstant().toEpochMilli();
      } catch (java.time.format.DateTimeParseException e) {
        try {
          return Instant.parse(published).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e2) {
          return java.time.LocalDateTime.parse(published).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
      }
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return LocalDate.parse(published.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } catch (java.time.format.DateTimeParseException e2) {
        return ArticleRecord.UNDATED;
      }
    }
  }
}
