package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.analyze.ReportJson;
import org.storyline.model.Article;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import picocli.CommandLine;

class StoriesCommandTest {
  @TempDir Path dir;

  private static Article article(String id, String title, String published, boolean inferred) {
    return new Article(id, id, title, "Paper " + id, null, null, published, inferred, List.of(), "en",
        "Text of " + id + ".", List.of(), List.of());
  }

  private Path report() throws Exception {
    Story s1 = new Story("story-a", "Flood hits Kestrel Bay", List.of("a", "b", "c"), "2024-03-04", "2024-03-04",
        List.of("Paper a", "Paper b", "Paper c"),
        List.of(new Story.DuplicateGroup("a", List.of(new Story.Copy("b", 0.93, "near")))));
    Story s2 = new Story("story-d", "Kestrel Bay rebuilds", List.of("d"), "2024-04-02", "2024-04-02",
        List.of("Paper d"), List.of());
    Report r = new Report("test", 1, List.of(article("a", "Flood", "2024-03-04", false),
        article("b", "Flood copy", "2024-03-04", false), article("c", null, "2024-03-04", true),
        article("d", "Rebuild", "2024-04-02", false)), List.of(), List.of(), List.of(), List.of(), List.of(s1, s2),
        List.of(new Storyline("storyline-a", "Flood hits Kestrel Bay (March\u2013April 2024)",
            List.of("story-a", "story-d"))));
    Path p = dir.resolve("r.json");
    try (OutputStream o = Files.newOutputStream(p)) {
      ReportJson.write(r, o);
    }
    return p;
  }

  private static String run(String... args) {
    StringWriter sw = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(sw));
    cl.setErr(new PrintWriter(new StringWriter()));
    int code = cl.execute(args);
    return code + "\n" + sw;
  }

  @Test
  void storiesListsCountsRawAndWithCopiesCollapsed() throws Exception {
    String out = run("stories", "--report", report().toString());
    assertTrue(out.startsWith("0\n2 stories, 1 storylines; 4 articles, 3 with copies collapsed"), out);
    assertTrue(out.contains("3 articles (2 unique)"), out);
  }

  @Test
  void storyShowsArticlesCopiesAndStoryline() throws Exception {
    String out = run("story", "story-a", "--report", report().toString());
    assertTrue(out.contains("b is a near copy of a (overlap 0.93)"), out);
    assertTrue(out.contains("2024-03-04*"), out);
    assertTrue(out.contains("storyline storyline-a"), out);
  }

  @Test
  void storylineShowsItsTimeline() throws Exception {
    String out = run("story", "storyline-a", "--report", report().toString());
    int a = out.indexOf("2024-03-04  story-a");
    int d = out.indexOf("2024-04-02  story-d");
    assertTrue(a > 0 && d > a, out);
  }

  @Test
  void withoutAReportItSaysWhatToDo() {
    assertEquals("2\n", run("stories", "--data", dir.toString()));
  }
}
