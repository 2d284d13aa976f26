package org.storyline.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storyline.ingest.FeedReader;
import org.storyline.ingest.HtmlFileReader;
import org.storyline.ingest.Ids;
import org.storyline.ingest.JsonFileReader;
import org.storyline.ingest.JsonlReader;
import org.storyline.ingest.RawDocument;
import org.storyline.ingest.SourceReader;
import org.storyline.model.InputProblem;
import org.storyline.store.Library;

/**
 * {@code POST /api/ingest}: articles posted as JSON (one article, an array, or a NewsAPI-style
 * {@code {"articles": [...]}}), JSON Lines, one HTML page ({@code ?url=} gives its address) or an RSS/Atom feed. The
 * body goes through the same readers, validation and cleaning as {@code storyline ingest} (it is written to a
 * private temporary file named by its content hash, so posting the same body twice gives the same ids and changes
 * nothing), then to {@link Library#ingestDocuments}, the store's single writer. Answers the ingest's counts and
 * problems; a body from which nothing at all can be read is a 400 that says why, an unknown content type a 415, a
 * body over the upload limit a 413.
 */
final class ApiIngest {
  /** Where a posted body's documents say they came from. */
  static final String SOURCE = "POST /api/ingest";

  private final Library library;
  private final ServerConfig cfg;

  ApiIngest(Library library, ServerConfig cfg) {
    this.library = library;
    this.cfg = cfg;
  }

  /** The reader for a content type, and the file extension that reader expects. */
  private record Kind(SourceReader reader, String ext) {}

  static Kind kind(String contentType) {
    String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    int semi = ct.indexOf(';');
    if (semi >= 0) ct = ct.substring(0, semi);
    ct = ct.strip();
    return switch (ct) {
      case "application/json" -> new Kind(new JsonFileReader(), ".json");
      case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines",
          "application/ndjson" -> new Kind(new JsonlReader(), ".jsonl");
      case "text/html", "application/xhtml+xml" -> new Kind(new HtmlFileReader(), ".html");
      case "application/rss+xml", "application/atom+xml", "application/xml", "text/xml" ->
          new Kind(new FeedReader(), ".xml");
      default -> null;
    };
  }

  void ingest(Context ctx) throws IOException {
    if (!library.writable()) throw new ApiException(409, "this server's store is open read-only");
    Kind kind = kind(ctx.contentType());
    if (kind == null) {
      throw new ApiException(415, "unsupported content type " + (ctx.contentType() == null ? "(none)"
          : "\"" + ApiRoutes.clip(ctx.contentType()) + "\"") + ": post application/json, application/x-ndjson "
          + "(JSON Lines), text/html (one page; ?url= its address) or application/rss+xml / application/atom+xml");
    }
    long declared = ctx.contentLength();
    if (declared > cfg.maxUploadBytes()) throw tooLarge();
    String url = ApiRoutes.blankToNull(ctx.queryParam("url"));
    if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw ApiException.badRequest("url must be an http:// or https:// address; got \"" + ApiRoutes.clip(url) + "\"");
    }
    Path dir = Files.createTempDirectory("storyline-ingest");
    try {
      Path tmp = dir.resolve("body.tmp");
      long n;
      MessageDigest md = sha256();
      try (InputStream in = ctx.req().getInputStream(); var out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[1 << 16];
        n = 0;
        for (int r; (r = in.read(buf)) > 0; ) {
          n += r;
          if (n > cfg.maxUploadBytes()) throw tooLarge();
          md.update(buf, 0, r);
          out.write(buf, 0, r);
        }
      }
      if (n == 0) throw ApiException.badRequest("empty body: post the articles in the request body");
      String name = "post-" + HexFormat.of().formatHex(md.digest(), 0, 6) + kind.ext();
      Path file = dir.resolve(name);
      Files.move(tmp, file);
      List<RawDocument> docs = new ArrayList<>();
      List<InputProblem> problems = new ArrayList<>();
      String fileSource = file.toString();
      kind.reader().read(file, new SourceReader.Sink() {
        @Override
        public void document(RawDocument d) {
          String id = d.id();
          RawDocument.Hints h = d.hints();
          if (url != null && kind.reader() instanceof HtmlFileReader) {
            id = Ids.fromUrl(url);
            h = new RawDocument.Hints(url, h.title(), h.outlet(), h.byline(), h.published());
          }
          docs.add(new RawDocument(id, SOURCE + sourceSuffix(d.source(), fileSource, name), d.format(), d.content(),
              h));
        }

        @Override
        public void problem(InputProblem p) {
          problems.add(new InputProblem(SOURCE + sourceSuffix(p.source(), fileSource, name), p.line(),
              p.reason().replace(fileSource, name), p.skipped()));
        }
      });
      if (docs.isEmpty()) {
        String why = problems.isEmpty() ? "no article found in the body" : problems.get(0).reason();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("message", "nothing to ingest: " + why);
        body.put("problems", problems);
        ctx.status(400).json(body);
        return;
      }
      Library.IngestResult r = library.ingestDocuments(docs, p -> {});
      List<InputProblem> all = new ArrayList<>(problems);
      all.addAll(r.problems());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("read", docs.size());
      body.put("added", r.added());
      body.put("unchanged", r.unchanged());
      body.put("revised", r.revised());
      body.put("skipped", all.stream().filter(InputProblem::skipped).count());
      body.put("partial", all.stream().filter(p -> !p.skipped()).count());
      body.put("problems", all);
      body.put("addedIds", r.addedIds());
      body.put("assigned", r.assigned());
      body.put("stories", r.stories());
      body.put("articles", r.articles());
      ctx.json(body);
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  /** "POST /api/ingest" plus what followed the temporary file's path (a JSONL line, a feed item). */
  private static String sourceSuffix(String source, String file, String name) {
    if (source == null) return "";
    if (source.startsWith(file)) return " " + name + source.substring(file.length());
    return "";
  }

  private ApiException tooLarge() {
    return new ApiException(413, "the body is over the upload limit of " + cfg.maxUploadBytes() + " bytes: post "
        + "fewer articles at a time");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
