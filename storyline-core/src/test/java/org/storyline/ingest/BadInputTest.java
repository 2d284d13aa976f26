package org.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.InputProblem;

/** Every kind of bad input yields a problem with a clear message, and whatever could still be read. */
class BadInputTest {
  @TempDir Path dir;

  private static Inputs.Collected read(Path... files) {
    return Inputs.defaults().readAll(List.of(files));
  }

  private static InputProblem only(Inputs.Collected c) {
    assertEquals(1, c.problems().size(), () -> "problems: " + c.problems());
    return c.problems().get(0);
  }

  @Test
  void emptyFilesAreSkippedAsEmpty() throws IOException {
    for (String name : List.of("e.txt", "e.html", "e.jsonl", "e.rss", "e.warc")) {
      Path f = Files.write(dir.resolve(name), new byte[0]);
      var c = read(f);
      assertTrue(c.documents().isEmpty(), name);
      InputProblem p = only(c);
      assertTrue(p.reason().startsWith("empty file"), name + ": " + p);
      assertTrue(p.skipped());
    }
    var c = read(Files.writeString(dir.resolve("blank.txt"), " \n\t\n"));
    assertTrue(only(c).reason().startsWith("empty file"));
  }

  @Test
  void binaryFilesAreSkipped() throws IOException {
    byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    var c = read(Files.write(dir.resolve("paper.html"), pdf));
    assertTrue(c.documents().isEmpty());
    assertEquals("binary file (PDF)", only(c).reason());

    byte[] junk = new byte[4096];
    for (int i = 0; i < junk.length; i++) junk[i] = (byte) (i * 31 + 7);
    c = read(Files.write(dir.resolve("junk.txt"), junk));
    assertTrue(c.documents().isEmpty());
    assertTrue(only(c).reason().startsWith("binary file"), c.problems().toString());
  }

  @Test
  void windows1252TextWithCurlyQuotesIsDecoded() throws IOException {
    String text = "\u201cWe will rebuild,\u201d said the mayor of K\u00f6ln \u2013 caf\u00e9s reopen on Monday.";
    var c = read(Files.write(dir.resolve("w.txt"), text.getBytes(Charset.forName("windows-1252"))));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals(text, c.documents().get(0).content());
  }

  @Test
  void iso88591HtmlWithMetaCharsetIsDecoded() throws IOException {
    String html = "<html><head><meta charset=\"ISO-8859-1\"><title>Gr\u00fc\u00dfe</title></head>"
        + "<body><p>Se\u00f1or Mu\u00f1oz \u00e0 la fa\u00e7ade, 25\u00b0C.</p></body></html>";
    var c = read(Files.write(dir.resolve("l1.html"), html.getBytes(StandardCharsets.ISO_8859_1)));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals(html, c.documents().get(0).content());
    assertEquals(RawDocument.Format.HTML, c.documents().get(0).format());
    assertEquals("l1", c.documents().get(0).id());
  }

  @Test
  void iso88591WithoutDeclarationIsGuessed() throws IOException {
    String text = "D\u00e9j\u00e0 vu: the ministre d\u00e9l\u00e9gu\u00e9e spoke in S\u00e3o Paulo.";
    var c = read(Files.write(dir.resolve("l1.txt"), text.getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(text, c.documents().get(0).content());
  }

  @Test
  void iso88592IsGuessedFromLettersInsideWords() throws IOException {
    String text = "Minister spraw zagranicznych Rados\u0142aw Sikorski powiedzia\u0142, \u017ce \u015bwiat "
        + "si\u0119 zmieni\u0142. Wi\u0119cej w \u015brod\u0119.";
    var c = read(Files.write(dir.resolve("pl.txt"), text.getBytes(Charset.forName("ISO-8859-2"))));
    assertEquals(text, c.documents().get(0).content());
  }

  @Test
  void windows1251IsGuessedForCyrillic() throws IOException {
    String text = "Президент заявил, "
        + "что встреча состоится "
        + "в Москве.";
    var c = read(Files.write(dir.resolve("ru.txt"), text.getBytes(Charset.forName("windows-1251"))));
    assertEquals(text, c.documents().get(0).content());
  }

  @Test
  void utf16WithoutBomIsRecognised() throws IOException {
    String text = "Plain English text saved as UTF-16 without a byte-order mark.";
    var c = read(Files.write(dir.resolve("u16.txt"), text.getBytes(StandardCharsets.UTF_16LE)));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals(text, c.documents().get(0).content());
  }

  @Test
  void utf16WithBomIsDecodedBothWays() throws IOException {
    String text = "Z\u00fcrich \u2014 \u201cquoted\u201d text \u4e2d\u6587";
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
    var c = read(Files.write(dir.resolve("le.txt"), le), Files.write(dir.resolve("be.html"), be));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals(text, c.documents().get(0).content());
    assertEquals(text, c.documents().get(1).content());
  }

  @Test
  void utf8BomIsStripped() throws IOException {
    byte[] b = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Caf\u00e9".getBytes(StandardCharsets.UTF_8));
    assertEquals("Caf\u00e9", read(Files.write(dir.resolve("bom.txt"), b)).documents().get(0).content());
  }

  @Test
  void mixedEncodingsAreDecodedBestEffortWithADiagnostic() throws IOException {
    byte[] utf8 = "Z\u00fcrich and M\u00fcnchen: \u201cyes\u201d. ".getBytes(StandardCharsets.UTF_8);
    byte[] cp1252 = "Caf\u00e9 cr\u00e8me.".getBytes(Charset.forName("windows-1252"));
    var c = read(Files.write(dir.resolve("mixed.txt"), concat(utf8, cp1252)));
    assertEquals("Z\u00fcrich and M\u00fcnchen: \u201cyes\u201d. Caf\u00e9 cr\u00e8me.", c.documents().get(0).content());
    InputProblem p = only(c);
    assertTrue(p.reason().startsWith("mixed encodings"), p.reason());
    assertFalse(p.skipped());
  }

  @Test
  void gzippedFilesAreRead() throws IOException {
    Path f = dir.resolve("page.html.gz");
    Files.write(f, gzip("<html><body><p>Gzipped page.</p></body></html>".getBytes(StandardCharsets.UTF_8)));
    var c = read(f);
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals("page", c.documents().get(0).id());
    assertEquals(RawDocument.Format.HTML, c.documents().get(0).format());
  }

  @Test
  void truncatedGzipKeepsWhatIsThere() throws IOException {
    StringBuilder sb = new StringBuilder("<html><body>");
    for (int i = 0; i < 4000; i++) sb.append("<p>Paragraph ").append(i).append(" of a long story.</p>\n");
    byte[] gz = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
    Path f = Files.write(dir.resolve("cut.html.gz"), Arrays.copyOf(gz, gz.length / 2));
    var c = read(f);
    assertEquals(1, c.documents().size());
    String got = c.documents().get(0).content();
    assertTrue(got.startsWith("<html><body><p>Paragraph 0 of a long story.</p>"));
    assertTrue(got.length() > 1000 && got.length() < sb.length(), "partial content: " + got.length());
    InputProblem p = only(c);
    assertTrue(p.reason().startsWith("truncated gzip"), p.reason());
    assertFalse(p.skipped());

    // A JSONL export cut the same way: lines before the break are read, the break is reported.
    StringBuilder jl = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      jl.append("{\"id\":\"a").append(i).append("\",\"text\":\"Body number ").append(i).append(" with words.\"}\n");
    }
    byte[] jgz = gzip(jl.toString().getBytes(StandardCharsets.UTF_8));
    var j = read(Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(jgz, jgz.length / 2)));
    assertTrue(j.documents().size() > 100 && j.documents().size() < 3000, "read " + j.documents().size());
    assertEquals("a0", j.documents().get(0).id());
    assertTrue(j.problems().stream().anyMatch(q -> q.reason().startsWith("truncated gzip")), j.problems().toString());
  }

  @Test
  void gzipWithABrokenHeaderIsReported() throws IOException {
    var c = read(Files.write(dir.resolve("bad.txt.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}));
    assertTrue(c.documents().isEmpty());
    InputProblem p = only(c);
    assertTrue(p.reason().startsWith("truncated gzip") || p.reason().startsWith("corrupt gzip"), p.reason());
    assertTrue(p.reason().endsWith("nothing readable"), p.reason());
  }

  @Test
  void fiftyMegabyteHtmlIsCappedNotLoadedWhole() throws IOException {
    Path f = dir.resolve("huge.html");
    byte[] para = "<p>Lorem ipsum dolor sit amet, a paragraph of filler text for a huge page.</p>\n"
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream o = Files.newOutputStream(f)) {
      o.write("<html><head><title>Huge</title></head><body>".getBytes(StandardCharsets.UTF_8));
      long written = 0;
      while (written < 50L << 20) {
        o.write(para);
        written += para.length;
      }
      o.write("</body></html>".getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(Files.size(f) > 50L << 20);
    var c = read(f);
    assertEquals(1, c.documents().size());
    String content = c.documents().get(0).content();
    assertTrue(content.startsWith("<html><head><title>Huge</title>"));
    assertTrue(content.length() <= ReadLimits.MAX_DOCUMENT_BYTES, "capped: " + content.length());
    InputProblem p = only(c);
    assertTrue(p.reason().contains("truncated"), p.reason());
    assertFalse(p.skipped());
  }

  @Test
  void jsonlBrokenLinesAreReportedAndTheRestRead() throws IOException {
    byte[] latin = "{\"id\":\"l1\",\"text\":\"Caf\u00e9 society.\"}\n".getBytes(Charset.forName("windows-1252"));
    String good = """
        {"id":"g1","url":"https://x.org/1","title":"T","text":"Body one."}
        {"id":"g2", "text": "unterminated
        [1,2,3]
        {"id":"g3","title":"no body"}

        {"id":"g4","html":"<p>Four</p>"}
        {"id":"g5","text":"cut in the mid""";
    var c = read(Files.write(dir.resolve("mix.jsonl"), concat(good.getBytes(StandardCharsets.UTF_8),
        new byte[] {'\n'}, latin)));
    assertEquals(List.of("g1", "g4", "l1"), c.documents().stream().map(RawDocument::id).toList());
    assertEquals("Caf\u00e9 society.", c.documents().get(2).content());
    var reasons = c.problems().stream().map(p -> p.line() + " " + p.reason()).toList();
    assertTrue(reasons.get(0).startsWith("2 broken JSON line"), reasons.toString());
    assertEquals("3 not a JSON object", reasons.get(1));
    assertEquals("4 no text or html field", reasons.get(2));
    assertTrue(reasons.get(3).startsWith("7 broken JSON line"), reasons.toString());
    assertTrue(reasons.get(4).startsWith("8 declared UTF-8 but the bytes are not UTF-8"), reasons.toString());
    assertEquals(5, reasons.size());
  }

  @Test
  void jsonlRepeatedProblemsAreSummarisedAndCommonFieldNamesRead() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 25; i++) sb.append("{\"id\":\"n").append(i).append("\"}\n");
    sb.append("{\"headline\":\"H\",\"body\":\"B text.\",\"link\":\"https://x.org/h\",")
        .append("\"date_publish\":\"2017-12-27T06:57:28\",\"authors\":[\"Ann Lee\",\"Bo Chan\"],")
        .append("\"publisher\":\"X Daily\"}\n");
    var c = read(Files.writeString(dir.resolve("many.jsonl"), sb.toString()));
    assertEquals(11, c.problems().size(), c.problems().toString());
    assertEquals("15 more lines with the same problem (no text or html field) not listed",
        c.problems().get(10).reason());
    RawDocument d = c.documents().get(0);
    assertEquals(new RawDocument.Hints("https://x.org/h", "H", "X Daily", "Ann Lee, Bo Chan", "2017-12-27T06:57:28"),
        d.hints());
    assertEquals("B text.", d.content());
  }

  @Test
  void unsupportedAndMissingFilesAreReported() throws IOException {
    var c = read(Files.writeString(dir.resolve("x.docx"), "zzz"), dir.resolve("missing.txt"));
    assertEquals(List.of("unsupported file type", "no such file or folder"),
        c.problems().stream().map(InputProblem::reason).toList());
  }

  @Test
  void decodingHelperReportsCharsetNames() {
    assertEquals("UTF-8", Decoding.decode("plain ascii".getBytes(StandardCharsets.US_ASCII)).charset());
    assertEquals("windows-1252", Decoding.decode(new byte[] {'a', (byte) 0x93, 'b', (byte) 0x94}).charset());
    assertNotNull(Decoding.binaryKind(new byte[] {'a', 0, 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0, 1, 2}));
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(bos)) {
      g.write(b);
    }
    return bos.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    for (byte[] p : parts) bos.writeBytes(p);
    return bos.toByteArray();
  }
}
