package org.storyline.flink;

/**
 * A clean article on its way to the story assignment: its partition key ({@link PartitionKey}), its event time (the
 * publish instant in milliseconds, or {@link #UNDATED}), when its raw record was written to the input (for the
 * end-to-end latency) and the article itself as JSON ({@link Json#article}). A Flink POJO.
 */
public final class ArticleRecord {
  /** The event time of an article without a publish date: it never holds back nor moves the watermark. */
  public static final long UNDATED = Long.MIN_VALUE;

  public String key;
  public long eventMillis;
  public long writtenMillis;
  public String article;
  /** When the assignment releases it: the end of its event-time slice, set by {@link AssignStories}. */
  public long releaseMillis;

  public ArticleRecord() {}

  public ArticleRecord(String key, long eventMillis, long writtenMillis, String article) {
    this.key = key;
    this.eventMillis = eventMillis;
    this.writtenMillis = writtenMillis;
    this.article = article;
  }
}
