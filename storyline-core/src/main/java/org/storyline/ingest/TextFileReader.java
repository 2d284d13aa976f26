package org.storyline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.storyline.model.InputProblem;

/** Plain-text articles as scrapers save them ({@code .txt}, {@code .md}). */
public final class TextFileReader implements SourceReader {
  @Override
  public boolean accepts(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".md");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      sink.problem(new InputProblem(file.toString(), 0, "empty file", true));
      return;
    }
    sink.document(new RawDocument(Ids.fromFile(file), file.toString(), RawDocument.Format.TEXT, text, null));
  }
}
