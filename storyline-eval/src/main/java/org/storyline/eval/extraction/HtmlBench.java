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
 * raw pages held in memory, one thread, interleaved page by page after an untimed warm-up pass (see {@link SpeedRace}).
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

  /**
   * Pages per second for each system, in order: storyline, Readability4J, boilerpipe; interleaved page by page after
   * a warm-up pass, median of three rounds (see {@link SpeedRace}).
   */
  public static Map<String, Double> pagesPerSecond(List<String> pages) {
    List<Systems.System> systems =
        List.of(new Systems.Ours(), new Systems.Readability(), new Systems.Boilerpipe());
    SpeedRace.Result r = SpeedRace.run(systems, pages, null, 1, 3);
    Map<String, Double> out = new LinkedHashMap<>();
    // pages/s from ours' median round and each peer's median per-round ratio to ours, so the printed ratios are
    // the robust ones
    double ours = 1000 / r.medianMsPerPage()[0];
    for (int i = 0; i < systems.size(); i++) out.put(r.names().get(i), ours / r.slowerThanFirst()[i]);
    return out;
  }
}
