package org.storyline.ingest;

import java.util.List;

/** The registry of built-in readers, most specific first. */
public final class Readers {
  private Readers() {}

  public static List<SourceReader> all() {
    return List.of(new JsonlReader(), new JsonFileReader(), new WarcFileReader(), new FeedReader(), new HtmlFileReader(),
        new TextFileReader());
  }
}
