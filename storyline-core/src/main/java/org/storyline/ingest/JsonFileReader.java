package org.storyline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.storyline.model.InputProblem;

/**
 * JSON files ({@code .json}, also gzipped): one article per file (news-please writes one such file per article), or
 * an array of articles (bare, or under {@code articles}, {@code items}, {@code results} or {@code data} as NewsAPI's
 * responses have it), with the field names {@link JsonlReader} reads. A record with a title or URL but no body is
 * reported and skipped. A JSON file that holds no article at all (such as a gold file beside the articles) is
 * reported with the reason
 * {@link #NOT_AN_ARTICLE}, which {@link Inputs} keeps quiet about for a file found by walking a folder. A file is
 * read up to {@link ReadLimits#MAX_FEED_BYTES}; a longer, truncated or broken one cannot be parsed and is skipped with
 * the reason.
 */
public final class JsonFileReader implements SourceReader {
  /** The reason given for a JSON file that holds no article. */
  public static final String NOT_AN_ARTICLE = "not an article: a JSON value with no text or html field";
  /** The reason given for a report that Storyline itself wrote ({@code analyze --out}): its output, not input. */
  public static final String OWN_REPORT = "a Storyline report (the output of analyze), not input: not read";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fields under which an export object may hold its list of articles. */
  private static final String[] LISTS = {"articles", "items", "results", "data"};

  /** A report as {@code analyze --out} writes it: its generator, format version and list of articles. */
  static boolean isOwnReport(JsonNode n) {
    return n != null && n.isObject() && n.path("generator").asText("").startsWith("storyline")
        && n.path("formatVersion").isInt() && n.path("articles").isArray();
  }

  @Override
  public boolean accepts(Path file) {
    return FileBytes.innerName(file).endsWith(".json");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    String src = file.toString();
    FileBytes.Read r = FileBytes.read(file, ReadLimits.MAX_FEED_BYTES);
    if (r.broken() != null) {
      sink.problem(new InputProblem(src, 0, r.broken() + ": the JSON cannot be parsed", true));
      return;
    }
    if (r.capped()) {
      sink.problem(new InputProblem(src, 0, "larger than " + ReadLimits.mib(ReadLimits.MAX_FEED_BYTES)
          + ": skipped (split it, or export JSONL)", true));
      return;
    }
    if (r.empty()) {
      sink.problem(new InputProblem(src, 0, "empty file", true));
      return;
    }
    String binary = Decoding.binaryKind(r.bytes());
    if (binary != null) {
      sink.problem(new InputProblem(src, 0, binary, true));
      return;
    }
    Decoding.Decoded d = Decoding.decode(r.bytes(), "UTF-8");
    JsonNode n;
    try {
      n = JSON.readTree(d.text());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      sink.problem(new InputProblem(src, 0, "broken JSON: " + e.getOriginalMessage(), true));
      return;
    }
    if (d.note() != null) sink.problem(new InputProblem(src, 0, d.note(), false));
    if (isOwnReport(n)) {
      sink.problem(new InputProblem(src, 0, OWN_REPORT, true));
      return;
    }
    if (n != null && n.isObject()) {
      RawDocument doc = JsonlReader.article(n, src, Ids.fromFile(file));
      if (doc != null) {
        sink.document(doc);
        return;
      }
      if (JsonlReader.articleLike(n)) {
        sink.problem(new InputProblem(src, 0, "no text or html field: an article record without its body", true));
        return;
      }
      // an export that wraps its list ({"articles": [...]}, as NewsAPI's responses do)
      for (String list : LISTS) {
        if (n.path(list).isArray()) {
          n = n.get(list);
          break;
        }
      }
    }
    if (n != null && n.isArray()) {
      int read = 0;
      int skipped = 0;
      for (int i = 0; i < n.size(); i++) {
        RawDocument doc = n.get(i).isObject()
            ? JsonlReader.article(n.get(i), src + ":" + (i + 1), Ids.fromFile(file) + "-" + (i + 1)) : null;
        if (doc == null) {
          skipped++;
        } else {
          sink.document(doc);
          read++;
        }
      }
      if (read == 0) {
        sink.problem(new InputProblem(src, 0, NOT_AN_ARTICLE, true));
      } else if (skipped > 0) {
        sink.problem(new InputProblem(src, 0, skipped + " of " + n.size()
            + " array items have no text or html field: skipped", false));
      }
      return;
    }
    sink.problem(new InputProblem(src, 0, NOT_AN_ARTICLE, true));
  }
}
