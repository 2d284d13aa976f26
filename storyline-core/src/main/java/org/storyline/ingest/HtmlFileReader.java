package org.storyline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.storyline.model.InputProblem;

/** Saved HTML pages ({@code .html}, {@code .htm}). */
public final class HtmlFileReader implements SourceReader {
  @Override
  public boolean accepts(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    String html = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    if (html.isBlank()) {
      sink.problem(new InputProblem(file.toString(), 0, "empty file", true));
      return;
    }
    sink.document(new RawDocument(Ids.fromFile(file), file.toString(), RawDocument.Format.HTML, html, null));
  }
}
