package org.storyline.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.storyline.ingest.RawDocument;

/**
 * Loads the plain-text benchmark corpora under {@code data/corpora} as raw documents (text plus the metadata the
 * corpus gives), and replays them with shifted ids and dates to reach larger volumes.
 */
final class BenchCorpora {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REUTERS =
      DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss.SS", Locale.ROOT);

  private BenchCorpora() {}

  static List<RawDocument> load(Path data, String name) throws IOException {
    Path c = data.resolve("corpora");
    return switch (name) {
      case "reuters" -> jsonl(c.resolve("reuters21578/reuters21578.jsonl.gz"), "reuters");
      case "wikinews" -> jsonl(c.resolve("wikinews_en/wikinews_en_politics_economy_2004_2018.jsonl.gz"), "wikinews");
      case "bbc" -> jsonl(c.resolve("bbc_news/bbc_fulltext.jsonl.gz"), "bbc");
      default -> throw new IllegalArgumentException("unknown corpus " + name + " (reuters, wikinews, bbc)");
    };
  }

  private static List<RawDocument> jsonl(Path file, String kind) throws IOException {
    List<RawDocument> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode n = JSON.readTree(line);
        String text = text(n, kind.equals("reuters") ? "body" : "text");
        if (text == null || text.isBlank()) continue;
        String id = kind.equals("reuters") ? "reuters-" + n.get("newid").asText() : text(n, "id");
        String published = switch (kind) {
          case "reuters" -> reutersDate(text(n, "date"));
          case "wikinews" -> text(n, "date");
          default -> null;
        };
        out.add(new RawDocument(id, file + ":" + (out.size() + 1), RawDocument.Format.TEXT, text,
            new RawDocument.Hints(null, text(n, "title"), text(n, "outlet"), null, published)));
      }
    }
    return out;
  }

  private static String reutersDate(String s) {
    if (s == null) return null;
    try {
      String t = s.strip();
      String[] parts = t.split("-", 3);
      String norm = parts[0] + "-" + parts[1].charAt(0) + parts[1].substring(1).toLowerCase(Locale.ROOT) + "-"
          + parts[2];
      return LocalDateTime.parse(norm, REUTERS).toLocalDate().toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The first {@code n} documents of {@code base} repeated as often as needed; replay {@code r} gets ids suffixed
   * with {@code ~r} and dates shifted by {@code r} years, so replays never collide with the originals.
   */
  static List<RawDocument> replay(List<RawDocument> base, int n) {
    List<RawDocument> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RawDocument d = base.get(i % base.size());
      int r = i / base.size();
      if (r == 0) {
        out.add(d);
        continue;
      }
      out.add(shifted(d, r));
    }
    return out;
  }

  /** {@code d} as if published {@code years} later, under another id and URL (the replay's round {@code years}). */
  static RawDocument shifted(RawDocument d, int years) {
    var h = d.hints();
    String pub = h.published() == null ? null : shift(h.published(), years);
    return new RawDocument(d.id() + "~" + years, d.source(), d.format(), d.content(),
        new RawDocument.Hints(h.url() == null ? null : h.url() + "#r" + years, h.title(), h.outlet(), h.byline(), pub));
  }

  private static String shift(String iso, int years) {
    try {
      return LocalDate.parse(iso.substring(0, 10)).plusYears(years).toString();
    } catch (RuntimeException e) {
      return iso;
    }
  }
}
