package org.storyline.ingest;

/**
 * Size limits for reading input, in one place. A file or record above a limit is read in part (up to the limit) and
 * reported as truncated; nothing is ever loaded whole when it could be arbitrarily large.
 */
public final class ReadLimits {
  private ReadLimits() {}

  /** At most this many (decompressed) bytes of one article: an HTML or text file, a WARC record, a JSONL line. */
  public static final int MAX_DOCUMENT_BYTES = 8 << 20;

  /** At most this many (decompressed) bytes of a feed file, which holds many articles. */
  public static final int MAX_FEED_BYTES = 64 << 20;

  /** Bytes looked at to tell text from binary and to find a declared charset. */
  public static final int SNIFF_BYTES = 8192;

  static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
