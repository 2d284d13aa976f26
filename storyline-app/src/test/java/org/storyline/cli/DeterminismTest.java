package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 14, cases 6 and 7: same input, same output. The whole pipeline (with sentence embeddings) over the Wikinews
 * demo articles, one file each, run twice in one order and once with the files named in a shuffled order, gives the
 * same report: every section byte for byte, the list of articles (which keeps the input order) as a set.
 */
class DeterminismTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private String analyze(List<Path> files, String name) throws IOException {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("analyze", "--out", out.toString()));
    for (Path f : files) args.add(f.toString());
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    assertEquals(0, cl.execute(args.toArray(String[]::new)), err.toString());
    JsonNode report = JSON.readTree(out.toFile());
    List<JsonNode> articles = new ArrayList<>();
    report.get("articles").forEach(articles::add);
    articles.sort(Comparator.comparing(a -> a.get("id").asText()));
    ArrayNode sorted = JSON.createArrayNode();
    articles.forEach(sorted::add);
    ((ObjectNode) report).set("articles", sorted);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
  }

  @Test
  void twoRunsAndAShuffledOrderGiveTheSameReport() throws IOException {
    Path corpus = Path.of("..", "demo", "wikinews-demo.jsonl");
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> files = new ArrayList<>();
    for (String line : Files.readAllLines(corpus)) {
      if (line.isBlank()) continue;
      String id = JSON.readTree(line).get("id").asText();
      Path f = in.resolve(id + ".json");
      Files.writeString(f, line);
      files.add(f);
    }
    assertTrue(files.size() >= 20, "the demo corpus: " + files.size());
    String first = analyze(files, "first.json");
    assertEquals(first, analyze(files, "second.json"), "two identical runs");
    List<Path> shuffled = new ArrayList<>(files);
    Collections.shuffle(shuffled, new Random(14));
    assertEquals(first, analyze(shuffled, "shuffled.json"), "the files named in another order");
    Collections.reverse(shuffled);
    assertEquals(first, analyze(shuffled, "reversed.json"), "and in the reverse of that order");
    JsonNode r = JSON.readTree(first);
    assertTrue(r.get("entities").size() > 20 && r.get("events").size() > 0 && r.get("stories").size() > 3
        && r.get("storylines").size() > 0, "the report has something to compare");
  }
}
