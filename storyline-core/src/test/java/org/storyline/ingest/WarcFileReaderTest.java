package org.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.InputProblem;

class WarcFileReaderTest {
  @TempDir Path dir;

  private static byte[] record(String type, String uri, String contentType, byte[] block) {
    String head = "WARC/1.0\r\nWARC-Type: " + type + "\r\n"
        + (uri == null ? "" : "WARC-Target-URI: " + uri + "\r\n")
        + "WARC-Date: 2025-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(block)
        + ">\r\nContent-Type: " + contentType + "\r\nContent-Length: " + block.length + "\r\n\r\n";
    return BadInputTest.concat(head.getBytes(StandardCharsets.US_ASCII), block,
        "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] http(int status, String type, byte[] body) {
    String h = "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
        + "\r\n\r\n";
    return BadInputTest.concat(h.getBytes(StandardCharsets.US_ASCII), body);
  }

  private static final String PAGE_A = "<html><head><title>A</title></head><body><p>First page \u2014 caf\u00e9.</p>"
      + "</body></html>";
  private static final String PAGE_B = "<html><body><p>Second page, K\u00f6ln \u201cquoted\u201d.</p></body></html>";

  /** The records of a small crawl: info, request, 3 HTML pages, an image, a 404, and an HTML resource. */
  private static List<byte[]> records() {
    List<byte[]> r = new ArrayList<>();
    r.add(record("warcinfo", null, "application/warc-fields", "software: test\r\n".getBytes(StandardCharsets.US_ASCII)));
    r.add(record("request", "https://news.example/a", "application/http; msgtype=request",
        "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    r.add(record("response", "https://news.example/a", "application/http; msgtype=response",
        http(200, "text/html; charset=utf-8", PAGE_A.getBytes(StandardCharsets.UTF_8))));
    r.add(record("response", "https://news.example/logo.png", "application/http; msgtype=response",
        http(200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0})));
    r.add(record("response", "https://news.example/missing", "application/http; msgtype=response",
        http(404, "text/html", "<p>not found</p>".getBytes(StandardCharsets.UTF_8))));
    r.add(record("response", "https://news.example/b", "application/http; msgtype=response",
        http(200, "text/html; charset=windows-1252", PAGE_B.getBytes(Charset.forName("windows-1252")))));
    r.add(record("resource", "https://news.example/c", "text/html",
        "<html><body><p>Third, a resource record.</p></body></html>".getBytes(StandardCharsets.UTF_8)));
    return r;
  }

  @Test
  void htmlResponsesBecomeDocuments() throws IOException {
    Path f = Files.write(dir.resolve("crawl.warc"), BadInputTest.concat(records().toArray(byte[][]::new)));
    var c = Inputs.defaults().readAll(List.of(f));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals(List.of("https://news.example/a", "https://news.example/b", "https://news.example/c"),
        c.documents().stream().map(d -> d.hints().url()).toList());
    RawDocument a = c.documents().get(0);
    assertEquals(Ids.fromUrl("https://news.example/a"), a.id());
    assertEquals(PAGE_A, a.content());
    assertEquals(RawDocument.Format.HTML, a.format());
    assertEquals(PAGE_B, c.documents().get(1).content());
    assertTrue(a.source().startsWith(f + "@"), a.source());
  }

  @Test
  void gzippedWarcPerRecordIsRead() throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    for (byte[] r : records()) bos.writeBytes(BadInputTest.gzip(r));
    var c = Inputs.defaults().readAll(List.of(Files.write(dir.resolve("crawl.warc.gz"), bos.toByteArray())));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals(3, c.documents().size());
    assertEquals("crawl", Ids.fromFile(dir.resolve("crawl.warc.gz")));
  }

  @Test
  void truncatedWarcKeepsRecordsReadSoFar() throws IOException {
    List<byte[]> recs = records();
    byte[] all = BadInputTest.concat(recs.toArray(byte[][]::new));
    // Cut inside the windows-1252 page (record 6 of 7): pages a and the cut part of b remain.
    int upToB = 0;
    for (int i = 0; i < 5; i++) upToB += recs.get(i).length;
    int cut = upToB + recs.get(5).length - 30;
    var c = Inputs.defaults().readAll(List.of(Files.write(dir.resolve("cut.warc"), Arrays.copyOf(all, cut))));
    assertEquals("https://news.example/a", c.documents().get(0).hints().url());
    assertFalse(c.problems().isEmpty());
    assertTrue(c.problems().stream().allMatch(p -> p.reason().contains("truncated")), c.problems().toString());
    assertTrue(c.documents().size() <= 2);

    // Cut inside a header: the records before it are kept.
    int intoHeader = upToB + 20;
    var h = Inputs.defaults().readAll(List.of(Files.write(dir.resolve("cut2.warc"), Arrays.copyOf(all, intoHeader))));
    assertEquals(1, h.documents().size());
    InputProblem p = h.problems().get(0);
    assertTrue(p.reason().startsWith("truncated or corrupt WARC after 5 records"), p.reason());
    assertFalse(p.skipped());

    // A gzipped archive cut in the middle.
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    for (byte[] r : recs) bos.writeBytes(BadInputTest.gzip(r));
    byte[] gz = bos.toByteArray();
    var g = Inputs.defaults().readAll(List.of(Files.write(dir.resolve("cut.warc.gz"),
        Arrays.copyOf(gz, gz.length - 40))));
    assertEquals(List.of("https://news.example/a", "https://news.example/b"),
        g.documents().stream().map(d -> d.hints().url()).toList());
    assertTrue(g.problems().get(0).reason().contains("truncated"), g.problems().toString());
  }

  @Test
  void crawlerTruncatedRecordIsReadAndReported() throws IOException {
    byte[] rec = record("response", "https://news.example/long", "application/http; msgtype=response",
        http(200, "text/html", "<html><body><p>Cut by the crawler".getBytes(StandardCharsets.UTF_8)));
    String withHeader = new String(rec, StandardCharsets.ISO_8859_1).replace("WARC-Type: response\r\n",
        "WARC-Type: response\r\nWARC-Truncated: length\r\n");
    var c = Inputs.defaults().readAll(List.of(Files.write(dir.resolve("t.warc"),
        withHeader.getBytes(StandardCharsets.ISO_8859_1))));
    assertEquals(1, c.documents().size());
    assertEquals("page cut short by the crawler (WARC-Truncated: length)", c.problems().get(0).reason());
    assertFalse(c.problems().get(0).skipped());
  }

  @Test
  void notAWarcIsReported() throws IOException {
    var c = Inputs.defaults().readAll(List.of(Files.writeString(dir.resolve("x.warc"), "hello, not a warc\n")));
    assertTrue(c.documents().isEmpty());
    assertTrue(c.problems().get(0).skipped());
    assertTrue(c.problems().get(0).reason().contains("WARC"), c.problems().toString());
  }
}
