package org.storyline.ingest;

import java.util.Objects;

/**
 * One unit of input before cleaning: its stable id, where it came from, its format and its decoded content, with
 * whatever metadata the container already gave (feed item, JSONL fields, WARC target URI); null where not given.
 */
public record RawDocument(String id, String source, Format format, String content, Hints hints) {

  /** What {@code content} is. */
  public enum Format { TEXT, HTML }

  /** Metadata known before cleaning. Any field may be null. */
  public record Hints(String url, String title, String outlet, String byline, String published) {
    public static final Hints NONE = new Hints(null, null, null, null, null);
  }

  public RawDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
    hints = hints == null ? Hints.NONE : hints;
  }
}
