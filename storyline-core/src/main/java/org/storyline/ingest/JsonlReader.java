package org.storyline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import org.storyline.dates.FeedDates;
import org.storyline.model.InputProblem;

/**
 * JSONL exports ({@code .jsonl}, {@code .ndjson}, also gzipped): one article per line with fields {@code id},
 * {@code url}, {@code title}, {@code outlet}, {@code byline}, {@code published}, and {@code text} or {@code html}
 * (and the other names common exports use: news-please's {@code maintext}, {@code date_publish},
 * {@code source_domain}, {@code authors}; its {@code description} stands in for a missing body).
 * A broken line is reported with its number and skipped; the rest of the file is read. Lines are read as bytes, so
 * a line that is not UTF-8 is decoded best-effort and reported, and a line over
 * {@link ReadLimits#MAX_DOCUMENT_BYTES} is skipped without loading it.
 */
public final class JsonlReader implements SourceReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean accepts(Path file) {
    String n = FileBytes.innerName(file);
    return n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    String src = file.toString();
    Throttled throttled = new Throttled(sink);
    try {
      readLines(file, src, throttled);
    } finally {
      throttled.summarise(src);
    }
  }

  private void readLines(Path file, String src, Sink sink) throws IOException {
    boolean gz = FileBytes.isGzipName(file) || FileBytes.startsWithGzipMagic(file);
    try (InputStream in = FileBytes.open(file)) {
      LineReader lines = new LineReader(in, ReadLimits.MAX_DOCUMENT_BYTES);
      long no = 0;
      long good = 0;
      boolean any = false;
      boolean broken = false;
      while (true) {
        byte[] line;
        try {
          line = lines.next();
        } catch (EOFException e) {
          sink.problem(new InputProblem(src, no + 1, (gz ? "truncated gzip" : "truncated")
              + ": the file ends early; read " + no + " lines before the break", no == 0));
          broken = true;
          break;
        } catch (ZipException e) {
          sink.problem(new InputProblem(src, no + 1, "corrupt gzip (" + e.getMessage() + "): read " + no
              + " lines before the break", no == 0));
          broken = true;
          break;
        }
        if (line == null) break;
        no++;
        any = true;
        if (lines.overLong) {
          sink.problem(new InputProblem(src, no, "line longer than "
              + ReadLimits.mib(ReadLimits.MAX_DOCUMENT_BYTES) + ": skipped", true));
          continue;
        }
        if (no == 1) {
          String binary = Decoding.binaryKind(line);
          if (binary != null) {
            sink.problem(new InputProblem(src, 0, binary, true));
            return;
          }
        }
        if (readLine(file, src, no, line, sink)) good++;
      }
      if (!any && !broken) sink.problem(new InputProblem(src, 0, "empty file", true));
      else if (good == 0 && no > 0) {
        sink.problem(new InputProblem(src, 0, "no readable article in " + no + " lines", true));
      }
    }
  }

  /** Field names read for each hint, first present wins (common export formats name them differently). */
  private static final String[] TEXT = {"text", "body", "content", "article", "maintext", "description"};
  private static final String[] HTML = {"html", "raw_html", "content_html"};
  private static final String[] URL = {"url", "link", "canonical_url"};
  private static final String[] TITLE = {"title", "headline"};
  private static final String[] OUTLET = {"outlet", "publisher", "source_domain", "site_name"};
  private static final String[] BYLINE = {"byline", "author", "authors"};
  private static final String[] PUBLISHED =
      {"published", "date_publish", "publish_date", "pubDate", "publishedAt", "date"};

  /** After this many lines with the same problem in one file, the rest are counted, not listed. */
  static final int MAX_SAME_PROBLEM = 10;

  private static boolean readLine(Path file, String src, long no, byte[] bytes, Sink sink) {
    return readLine(src, Ids.fromFile(file) + "-" + no, no, bytes, sink);
  }

  private static boolean readLine(String src, String fallbackId, long no, byte[] bytes, Sink sink) {
    Decoding.Decoded d = Decoding.decode(bytes, "UTF-8");
    String line = d.text();
    if (line.isBlank()) return false;
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      sink.problem(new InputProblem(src, no, "broken JSON line: " + e.getOriginalMessage(), true));
      return false;
    }
    if (n == null || !n.isObject()) {
      sink.problem(new InputProblem(src, no, "not a JSON object", true));
      return false;
    }
    RawDocument doc = article(n, src + ":" + no, fallbackId);
    if (doc == null) {
      sink.problem(new InputProblem(src, no, "no text or html field", true));
      return false;
    }
    if (d.note() != null) sink.problem(new InputProblem(src, no, d.note(), false));
    sink.document(doc);
    return true;
  }

  /**
   * One record of a stream (a Kafka message holding one JSONL line) read as a line of a file is read: the document
   * goes to the sink, or a problem saying why there is none (binary content, broken JSON, no text). Its id is its
   * {@code id} field, else one from its URL, else {@code fallbackId}. Returns whether a document was found.
   */
  public static boolean readRecord(byte[] record, String source, String fallbackId, Sink sink) {
    String binary = Decoding.binaryKind(record);
    if (binary != null) {
      sink.problem(new InputProblem(source, 1, binary, true));
      return false;
    }
    return readLine(source, fallbackId, 1, record, sink);
  }

  /** Whether a JSON object looks like an article record (a title or a URL), with or without its body. */
  static boolean articleLike(JsonNode n) {
    return str(n, TITLE) != null || str(n, URL) != null;
  }

  /**
   * One article from a JSON object of a common export format (the field names above; news-please's, for one), or
   * null when it has neither a text nor an html field. Its id is its {@code id} field, else one from its URL, else
   * {@code fallbackId}.
   */
  static RawDocument article(JsonNode n, String source, String fallbackId) {
    // (the description, news-please's lead, stands in for a body that is missing)
    String text = str(n, TEXT);
    String html = str(n, HTML);
    if ((text == null || text.isBlank()) && (html == null || html.isBlank())) return null;
    String url = str(n, URL);
    String id = str(n, "id");
    if (id == null || id.isBlank()) id = url != null ? Ids.fromUrl(url) : fallbackId;
    String published = str(n, PUBLISHED);
    String iso = FeedDates.normalize(published);
    String outlet = str(n, OUTLET);
    if (outlet == null && n.path("source").isObject()) outlet = str(n.path("source"), "name"); // NewsAPI's shape
    var hints = new RawDocument.Hints(url, str(n, TITLE), outlet, str(n, BYLINE), iso != null ? iso : published);
    boolean isHtml = text == null || text.isBlank();
    return new RawDocument(id, source, isHtml ? RawDocument.Format.HTML : RawDocument.Format.TEXT,
        isHtml ? html : text, hints);
  }

  private static String str(JsonNode n, String... fields) {
    for (String f : fields) {
      JsonNode v = n.get(f);
      if (v == null || v.isNull()) continue;
      String s;
      if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(e -> { if (e.isValueNode() && !e.asText().isBlank()) parts.add(e.asText().strip()); });
        s = String.join(", ", parts);
      } else {
        s = v.isValueNode() ? v.asText() : v.toString();
      }
      if (!s.isBlank()) return s;
    }
    return null;
  }

  /** Passes on the first {@link #MAX_SAME_PROBLEM} line problems of each kind, then counts the rest. */
  private static final class Throttled implements Sink {
    private final Sink sink;
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, Integer> over = new java.util.TreeMap<>();

    Throttled(Sink sink) {
      this.sink = sink;
    }

    @Override
    public void document(RawDocument doc) {
      sink.document(doc);
    }

    @Override
    public void problem(InputProblem p) {
      if (p.line() == 0) {
        sink.problem(p);
        return;
      }
      String kind = p.reason().replaceAll("[:(].*", "").strip() + (p.skipped() ? "" : " (read in part)");
      if (seen.merge(kind, 1, Integer::sum) <= MAX_SAME_PROBLEM) sink.problem(p);
      else over.merge(kind, 1, Integer::sum);
    }

    void summarise(String src) {
      over.forEach((kind, n) -> sink.problem(new InputProblem(src, 0, n + " more lines with the same problem ("
          + kind + ") not listed", !kind.endsWith("(read in part)"), n)));
    }
  }

  /** Byte lines (LF or CRLF), at most {@code max} bytes kept per line; the rest of an over-long line is skipped. */
  static final class LineReader {
    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    boolean overLong;

    LineReader(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** The next line without its terminator, or null at the end. */
    byte[] next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      overLong = false;
      boolean sawAny = false;
      while (true) {
        if (pos == len) {
          len = in.read(buf, 0, buf.length);
          pos = 0;
          if (len <= 0) {
            len = 0;
            return sawAny ? finish(line) : null;
          }
        }
        sawAny = true;
        int start = pos;
        while (pos < len && buf[pos] != '\n') pos++;
        int n = pos - start;
        if (!overLong) {
          if (line.size() + n > max) {
            overLong = true;
            line.reset();
          } else {
            line.write(buf, start, n);
          }
        }
        if (pos < len) {
          pos++; // the newline
          return finish(line);
        }
      }
    }

    private static byte[] finish(ByteArrayOutputStream line) {
      byte[] b = line.toByteArray();
      if (b.length > 0 && b[b.length - 1] == '\r') return java.util.Arrays.copyOf(b, b.length - 1);
      return b;
    }
  }
}
