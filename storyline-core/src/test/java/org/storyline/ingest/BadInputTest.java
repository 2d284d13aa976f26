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

  /** Issue 14, case 10: UTF-32 with a byte-order mark was read as UTF-16 (NULs in the text). */
  @Test
  void utf32WithBomIsDecodedBothWays() throws IOException {
    String text = "Z\u00fcrich \u2014 \u201cquoted\u201d text \u4e2d\u6587 \ud83d\ude00";
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, text.getBytes(Charset.forName("UTF-32LE")));
    byte[] be = concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, text.getBytes(Charset.forName("UTF-32BE")));
    var c = read(Files.write(dir.resolve("le.txt"), le), Files.write(dir.resolve("be.html"), be));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals(text, c.documents().get(0).content());
    assertEquals(text, c.documents().get(1).content());
  }

  /** Issue 14, case 10: lone surrogates from JSON escapes reached the report, which jq then rejected. */
  @Test
  void loneSurrogatesFromJsonAreReplaced() throws IOException {
    Path f = Files.writeString(dir.resolve("s.jsonl"),
        "{\"id\":\"s\",\"title\":\"Bad \\ud800 title\",\"outlet\":\"\\udc00Out\",\"text\":\"A text with a lone "
        + "\\ud83d surrogate and a good pair \\ud83d\\ude00 and another \\udfff.\"}\n");
    var c = read(f);
    RawDocument d = c.documents().get(0);
    assertEquals("A text with a lone \ufffd surrogate and a good pair \ud83d\ude00 and another \ufffd.", d.content());
    assertEquals("Bad \ufffd title", d.hints().title());
    assertEquals("\ufffdOut", d.hints().outlet());
    assertTrue(only(c).reason().contains("surrogate"), c.problems().toString());
  }

  /**
   * Issue 14, case 15: undeclared GB2312, KOI8-R and Shift_JIS text files came out as mojibake (or, Shift_JIS, as no
   * article at all); the guess is now ICU4J's detector when the bytes are neither UTF nor declared.
   */
  @Test
  void undeclaredEastAsianAndCyrillicEncodingsAreDetected() throws IOException {
    String zh = "\u5317\u4eac\u4e3e\u884c\u4f1a\u8c08\u3002\u4e24\u56fd\u9886\u5bfc\u4eba\u5728\u5317"
        + "\u4eac\u4e3e\u884c\u4e86\u4f1a\u8c08\uff0c\u8ba8\u8bba\u4e86\u7ecf\u6d4e\u5408\u4f5c\u548c"
        + "\u5730\u533a\u5b89\u5168\u95ee\u9898\u3002\u53cc\u65b9\u8868\u793a\u5c06\u7ee7\u7eed\u52a0"
        + "\u5f3a\u4ea4\u6d41\u3002\u4f1a\u8c08\u7ed3\u675f\u540e\uff0c\u4e24\u56fd\u7b7e\u7f72\u4e86"
        + "\u591a\u9879\u5408\u4f5c\u534f\u8bae\u3002";
    String ru = "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438"
        + "\u043b, \u0447\u0442\u043e \u0432\u0441\u0442\u0440\u0435\u0447\u0430 \u0441\u043e\u0441\u0442"
        + "\u043e\u0438\u0442\u0441\u044f \u0432 \u041c\u043e\u0441\u043a\u0432\u0435 \u0432 \u043f\u044f"
        + "\u0442\u043d\u0438\u0446\u0443. \u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
        + "\u0431\u0443\u0434\u0443\u0442 \u043f\u043e\u0441\u0432\u044f\u0449\u0435\u043d\u044b "
        + "\u044d\u043a\u043e\u043d\u043e\u043c\u0438\u043a\u0435 \u0438 \u0431\u0435\u0437\u043e\u043f"
        + "\u0430\u0441\u043d\u043e\u0441\u0442\u0438 \u0440\u0435\u0433\u0438\u043e\u043d\u0430.";
    String ja = "\u6771\u4eac\u3067\u4f1a\u8ac7\u304c\u884c\u308f\u308c\u307e\u3057\u305f\u3002\u4e21"
        + "\u56fd\u306e\u9996\u8133\u306f\u7d4c\u6e08\u5354\u529b\u306b\u3064\u3044\u3066\u8a71\u3057"
        + "\u5408\u3044\u307e\u3057\u305f\u3002\u4f1a\u8ac7\u306e\u5f8c\u3001\u8a18\u8005\u4f1a\u898b"
        + "\u304c\u958b\u304b\u308c\u3001\u65b0\u3057\u3044\u5354\u5b9a\u306b\u7f72\u540d\u3057\u305f"
        + "\u3068\u767a\u8868\u3057\u307e\u3057\u305f\u3002";
    var c = read(Files.write(dir.resolve("zh.txt"), zh.getBytes(Charset.forName("GB2312"))),
        Files.write(dir.resolve("ru.txt"), ru.getBytes(Charset.forName("KOI8-R"))),
        Files.write(dir.resolve("ja.txt"), ja.getBytes(Charset.forName("Shift_JIS"))));
    assertEquals(3, c.documents().size(), c.problems().toString());
    assertEquals(zh, c.documents().get(0).content());
    assertEquals(ru, c.documents().get(1).content());
    assertEquals(ja, c.documents().get(2).content());
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
