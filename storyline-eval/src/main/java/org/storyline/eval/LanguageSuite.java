package org.storyline.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.storyline.extract.LanguageDetector;

/**
 * {@code storyline eval language}: language identification on the multilingual news pages of
 * {@code corpora/trafilatura_news_html} (tarball read as is). The reference is each page's {@code <html lang>}
 * attribute (a publisher's claim, sometimes wrong); the input is the text of the page's paragraphs. Pages with under
 * 300 characters of paragraph text are left out. Reports accuracy, and how often the detector abstains.
 */
public final class LanguageSuite implements EvalSuite {
  private static final String TARBALL = "corpora/trafilatura_news_html/trafilatura-news-subset.tar.gz";

  @Override
  public String name() {
    return "language";
  }

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    Map<String, Double> metrics = new TreeMap<>();
    Path tar = dataDir.resolve(TARBALL);
    if (!Files.isRegularFile(tar)) {
      out.println("  no " + tar + "; skipped");
      return metrics;
    }
    LanguageDetector detector = new LanguageDetector();
    int n = 0;
    int right = 0;
    int abstained = 0;
    Map<String, int[]> perLang = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    long nanos = 0;
    for (Entry e : htmlEntries(tar)) {
      Document doc = Jsoup.parse(new String(e.bytes(), StandardCharsets.UTF_8));
      Element html = doc.selectFirst("html");
      String want = html == null ? "" : html.attr("lang").strip().toLowerCase(Locale.ROOT);
      if (want.length() < 2) continue;
      want = want.substring(0, 2);
      doc.select("script,style,noscript").remove();
      StringBuilder text = new StringBuilder();
      for (Element p : doc.select("p")) text.append(p.text()).append("\n\n");
      if (text.length() < 300) continue;
      long t0 = System.nanoTime();
      String got = detector.detect(text.toString());
      nanos += System.nanoTime() - t0;
      n++;
      int[] c = perLang.computeIfAbsent(want, k -> new int[2]);
      c[1]++;
      if (want.equals(got)) {
        right++;
        c[0]++;
      } else {
        if (got == null) abstained++;
        misses.add(want + " -> " + got + "  " + e.name());
      }
    }
    if (n == 0) {
      out.println("  no pages with a lang attribute found; skipped");
      return metrics;
    }
    for (var c : perLang.entrySet()) out.printf("  %-3s %d/%d%n", c.getKey(), c.getValue()[0], c.getValue()[1]);
    double acc = (double) right / n;
    out.printf("  accuracy vs <html lang>  %d/%d  %.3f   abstained %d   %.2f ms/page%n", right, n, acc, abstained,
        nanos / 1e6 / n);
    for (String m : misses) out.println("  MISS " + m);
    metrics.put("accuracy", acc);
    return metrics;
  }

  private record Entry(String name, byte[] bytes) {}

  /** The {@code .html} members of a gzipped ustar archive. */
  private static List<Entry> htmlEntries(Path tarGz) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz))) {
      byte[] header = new byte[512];
      String longName = null; // from a GNU 'L' or pax 'x' header before the entry
      while (in.readNBytes(header, 0, 512) == 512) {
        if (header[0] == 0) break;
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) name = prefix + "/" + name;
        if (longName != null) {
          name = longName;
          longName = null;
        }
        long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
        byte type = header[156];
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(size, 1 << 24));
        long left = size;
        byte[] buf = new byte[8192];
        while (left > 0) {
          int r = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (r < 0) throw new IOException("truncated tar " + tarGz);
          body.write(buf, 0, r);
          left -= r;
        }
        long pad = (512 - size % 512) % 512;
        in.skipNBytes(pad);
        if (type == 'L') {
          longName = new String(body.toByteArray(), StandardCharsets.UTF_8).replace("\0", "").strip();
        } else if (type == 'x') {
          for (String rec : new String(body.toByteArray(), StandardCharsets.UTF_8).split("\n")) {
            int eq = rec.indexOf(" path=");
            if (eq >= 0) longName = rec.substring(eq + 6);
          }
        } else if ((type == '0' || type == 0) && name.endsWith(".html")) {
          out.add(new Entry(name, body.toByteArray()));
        }
      }
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  private static String field(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) end++;
    return new String(h, off, end - off, StandardCharsets.UTF_8).strip();
  }
}
