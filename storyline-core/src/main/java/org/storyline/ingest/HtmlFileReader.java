package org.storyline.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saved HTML pages ({@code .html}, {@code .htm}, {@code .xhtml}, also gzipped). Encoding: BOM, valid UTF-8, the
 * page's meta charset, else a single-byte guess ({@link Decoding}); empty, binary, truncated and oversized files are
 * reported.
 */
public final class HtmlFileReader implements SourceReader {
  @Override
  public boolean accepts(Path file) {
    String n = FileBytes.innerName(file);
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    DocumentFiles.read(file, RawDocument.Format.HTML, sink);
  }
}
