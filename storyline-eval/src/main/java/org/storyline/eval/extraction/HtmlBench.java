package org.storyline.eval.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.storyline.ingest.Decoding;

/**
 * The HTML path of {@code storyline bench}: our extractor and the Java peers (Readability4J, boilerpipe) over the same
 * raw pages held in memory, one thread each, timed alone after an untimed warm-up pass; best of three rounds.
 */
public final class HtmlBench {
  private HtmlBench() {}

  /** Raw pages: the AEB and trafilatura-eval HTML under {@code data/extraction}, in name order. */
  public static List<String> loadPages(Path data) throws IOException {
    List<String> pages = new ArrayList<>();
    for (String sub : List.of("scrapinghub-aeb/html", "trafilatura-eval/html")) {
      Path dir = data.resolve("extraction").resolve(sub);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            pages.add(Decoding.decode(in.readAllBytes()).text());
          }
        }
      }
    }
    return pages;
  }

  /** Pages per second for each system, in order: storyline, Readability4J, boilerpipe. */
  public static Map<String, Double> pagesPerSecond(List<String> pages) {
    List<Systems.System> systems =
        List.of(new Systems.Ours(), new Systems.Readability(), new Systems.Boilerpipe());
    Map<String, Double> out = new LinkedHashMap<>();
    for (Systems.System s : systems) {
      long best = Long.MAX_VALUE;
      for (int round = -1; round < 3; round++) {
        long t0 = System.nanoTime();
        for (String p : pages) {
          try {
            s.extract(p, null);
          } catch (RuntimeException | StackOverflowError e) {
            // a peer failing on a page is its result, not ours to fix
          }
        }
        long dt = System.nanoTime() - t0;
        if (round >= 0) best = Math.min(best, dt);
      }
      out.put(s.name(), pages.size() / (best / 1e9));
    }
    return out;
  }
}
