package org.storyline.flink;

/**
 * One record as read from the input topic or file: where it came from ({@code topic/partition/offset} or
 * {@code file}), its bytes (one JSONL article line, or anything a producer sent by mistake) and when it was written
 * (the Kafka record's timestamp, milliseconds; the read time for files). A Flink POJO (public fields, no-argument
 * constructor), so it travels without Kryo.
 */
public final class RawRecord {
  public String source;
  public byte[] body;
  public long writtenMillis;

  public RawRecord() {}

  public RawRecord(String source, byte[] body, long writtenMillis) {
    this.source = source;
    this.body = body;
    this.writtenMillis = writtenMillis;
  }
}
