package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Golden report files: {@code analyze} over each fixture in {@code src/test/resources/golden} (a {@code .jsonl} file
 * or a folder of article files, Wikinews text under CC BY 2.5, see the folder's README) must write, byte for byte,
 * the checked-in {@code NAME.report.json} beside it. A new case is a dropped-in fixture plus its report. The whole
 * pipeline runs, sentence embeddings included, so any change to any stage's output shows here as a diff of the
 * report, to be explained in the commit that regenerates it (the command is in the folder's README).
 */
class GoldenReportsTest {
  /** Relative to the module folder, where Maven runs the tests: the report's {@code source} fields name it so. */
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @TempDir Path dir;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(GOLDEN)) {
      List<String> names = s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".jsonl") || Files.isDirectory(GOLDEN.resolve(n)))
          .sorted()
          .toList();
      assertTrue(names.size() >= 2, "golden fixtures in " + GOLDEN.toAbsolutePath() + ": " + names);
      return names.stream();
    }
  }

  static String reportName(String fixture) {
    return fixture.replaceFirst("\\.jsonl$", "") + ".report.json";
  }

  @ParameterizedTest
  @MethodSource("cases")
  void analyzeWritesTheCheckedInReport(String fixture) throws IOException {
    Path expectedFile = GOLDEN.resolve(reportName(fixture));
    assertTrue(Files.isRegularFile(expectedFile), "no golden report " + expectedFile + " (see golden/README.md)");
    Path out = dir.resolve("report.json");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute("analyze", GOLDEN.resolve(fixture).toString(), "--out", out.toString());
    assertEquals(0, exit, err.toString());
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    String actual = Files.readString(out, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) fail(firstDifference(fixture, expected, actual));
  }

  /** The first differing line with a little context, instead of two whole reports. */
  static String firstDifference(String fixture, String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int i = 0;
    while (i < e.length && i < a.length && e[i].equals(a[i])) i++;
    StringBuilder sb = new StringBuilder("the report of " + fixture + " differs from " + reportName(fixture)
        + " at line " + (i + 1) + " (if the change is intended, regenerate it: golden/README.md)\n");
    for (int k = Math.max(0, i - 3); k < i; k++) sb.append("   ").append(e[k]).append('\n');
    if (i < e.length) sb.append(" - ").append(e[i]).append('\n');
    if (i < a.length) sb.append(" + ").append(a[i]).append('\n');
    return sb.toString();
  }
}
