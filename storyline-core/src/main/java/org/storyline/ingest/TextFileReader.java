package org.storyline.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Plain-text articles as scrapers save them ({@code .txt}, {@code .md}, also gzipped). Encoding is detected
 * ({@link Decoding}); empty, binary, truncated and oversized files are reported.
 */
public final class TextFileReader implements SourceReader {
  @Override
  public boolean accepts(Path file) {
    String n = FileBytes.innerName(file);
    return n.endsWith(".txt") || n.endsWith(".md");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    DocumentFiles.read(file, RawDocument.Format.TEXT, sink);
  }
}
