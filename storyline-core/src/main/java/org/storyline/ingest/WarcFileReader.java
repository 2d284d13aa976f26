package org.storyline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.storyline.model.InputProblem;

/**
 * Web archives ({@code .warc}, {@code .warc.gz}, read with jwarc): every {@code response} record with a 2xx HTML
 * HTTP response and every HTML {@code resource} record becomes one raw document, HTTP chunking and content
 * encoding undone, decoded with the HTTP charset when the bytes are not UTF-8. Hints: url = {@code
 * WARC-Target-URI}; id = hash of that URL. The WARC date is the capture date, not the publication date, so it is not
 * passed on. Other records (requests, metadata, images, redirects) are passed over silently. A truncated or corrupt
 * archive keeps the records read before the break and reports it; a record over
 * {@link ReadLimits#MAX_DOCUMENT_BYTES} is truncated and reported.
 */
public final class WarcFileReader implements SourceReader {

  @Override
  public boolean accepts(Path file) {
    String n = FileBytes.innerName(file);
    return n.endsWith(".warc");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    String src = file.toString();
    if (java.nio.file.Files.size(file) == 0) {
      sink.problem(new InputProblem(src, 0, "empty file", true));
      return;
    }
    int records = 0;
    int docs = 0;
    try (FileChannel ch = FileChannel.open(file); WarcReader reader = new WarcReader(ch)) {
      reader.setLenient(true);
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          sink.problem(new InputProblem(src, 0, "truncated or corrupt WARC after " + records + " records ("
              + message(e) + "); kept the " + docs + " documents read before", docs == 0 && records == 0));
          return;
        }
        if (next.isEmpty()) break;
        records++;
        WarcRecord rec = next.get();
        String where = src + "@" + reader.position();
        try {
          if (readRecord(rec, where, sink)) docs++;
        } catch (IOException | RuntimeException e) {
          sink.problem(new InputProblem(where, 0, "cannot read WARC record (" + message(e) + ")", true));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (records == 0) {
        sink.problem(new InputProblem(src, 0, "not a WARC file (" + message(e) + ")", true));
        return;
      }
      throw e;
    }
    if (records == 0) sink.problem(new InputProblem(src, 0, "no WARC records", true));
    else if (docs == 0) sink.problem(new InputProblem(src, 0, "no HTML responses in " + records + " records", true));
  }

  /** Emits the record when it is an HTML page; true if it did. */
  private static boolean readRecord(WarcRecord rec, String where, Sink sink) throws IOException {
    if (!(rec instanceof WarcResponse) && !(rec instanceof WarcResource)) return false;
    String url = ((WarcTargetRecord) rec).target();
    MessageBody body;
    MediaType type;
    if (rec instanceof WarcResponse resp) {
      if (!resp.contentType().base().equals(MediaType.HTTP_RESPONSE.base())
          && !resp.contentType().base().equals(MediaType.HTTP.base())) {
        return false;
      }
      HttpResponse http = resp.http();
      if (http.status() < 200 || http.status() > 299) return false;
      type = http.contentType();
      if (!isHtml(type)) return false;
      body = http.bodyDecoded();
    } else {
      type = rec.contentType();
      if (!isHtml(type)) return false;
      body = rec.body();
    }
    FileBytes.Read r;
    try (InputStream in = body.stream()) {
      r = FileBytes.read(in, ReadLimits.MAX_DOCUMENT_BYTES, false);
    }
    boolean cut = r.broken() != null;
    if (r.empty()) {
      sink.problem(new InputProblem(where, 0, cut ? "truncated WARC record: no content left" : "empty page", true));
      return false;
    }
    String binary = Decoding.binaryKind(r.bytes());
    if (binary != null) {
      sink.problem(new InputProblem(where, 0, binary + " labelled as HTML", true));
      return false;
    }
    Decoding.Decoded d = Decoding.decode(r.bytes(), type.parameters().get("charset"));
    if (cut) {
      sink.problem(new InputProblem(where, 0, "truncated WARC record: read the " + r.bytes().length
          + " bytes that were there", false));
    }
    if (rec.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
      sink.problem(new InputProblem(where, 0, "page cut short by the crawler (WARC-Truncated: "
          + rec.truncated().name().toLowerCase(Locale.ROOT) + ")", false));
    }
    if (r.capped()) {
      sink.problem(new InputProblem(where, 0, "record larger than " + ReadLimits.mib(ReadLimits.MAX_DOCUMENT_BYTES)
          + ": truncated", false));
    }
    if (d.note() != null) sink.problem(new InputProblem(where, 0, d.note(), false));
    String id = url != null && !url.isBlank() ? Ids.fromUrl(url) : "warc-" + Ids.fromUrl(where);
    sink.document(new RawDocument(id, where, RawDocument.Format.HTML, d.text(),
        new RawDocument.Hints(url, null, null, null, null)));
    return true;
  }

  private static boolean isHtml(MediaType t) {
    if (t == null) return false;
    String s = (t.type() + "/" + t.subtype()).toLowerCase(Locale.ROOT);
    return s.equals("text/html") || s.equals("application/xhtml+xml");
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").strip();
  }
}
