package org.storyline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.storyline.model.InputProblem;

/**
 * JSONL exports: one article per line with fields {@code id}, {@code url}, {@code title}, {@code outlet},
 * {@code byline}, {@code published}, and {@code text} or {@code html}. A broken line is reported with its number
 * and skipped; the rest of the file is read.
 */
public final class JsonlReader implements SourceReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean accepts(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        if (line.isBlank()) continue;
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          sink.problem(new InputProblem(file.toString(), no, "broken JSON line: " + e.getOriginalMessage(), true));
          continue;
        }
        String text = str(n, "text");
        String html = str(n, "html");
        if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
          sink.problem(new InputProblem(file.toString(), no, "no text or html field", true));
          continue;
        }
        String url = str(n, "url");
        String id = str(n, "id");
        if (id == null) id = url != null ? Ids.fromUrl(url) : Ids.fromFile(file) + "-" + no;
        var hints = new RawDocument.Hints(url, str(n, "title"), str(n, "outlet"), str(n, "byline"),
            str(n, "published"));
        boolean isHtml = text == null || text.isBlank();
        sink.document(new RawDocument(id, file + ":" + no,
            isHtml ? RawDocument.Format.HTML : RawDocument.Format.TEXT, isHtml ? html : text, hints));
      }
    }
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
