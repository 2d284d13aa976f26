package org.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir Path dir;

  @Test
  void aFoldersDocumentationIsNotAnArticleButANamedFileIsRead() throws Exception {
    Files.writeString(dir.resolve("story.txt"), "Harbour reopens\n\nThe harbour reopened on Monday.");
    Files.writeString(dir.resolve("ATTRIBUTION.md"), "These articles come from Example News, CC BY.");
    Files.writeString(dir.resolve("README.txt"), "A folder of articles.");
    var folder = Inputs.defaults().readAll(List.of(dir));
    assertEquals(List.of("story"), folder.documents().stream().map(RawDocument::id).toList());
    assertEquals(List.of(), folder.problems());
    var named = Inputs.defaults().readAll(List.of(dir.resolve("ATTRIBUTION.md")));
    assertEquals(List.of("ATTRIBUTION"), named.documents().stream().map(RawDocument::id).toList());
  }

  private static List<String> ids(Inputs.Collected c) {
    return c.documents().stream().map(RawDocument::id).toList();
  }

  @Test
  void twoInputsWithOneBaseNameGetTwoIds() throws Exception {
    Path d1 = Files.createDirectories(dir.resolve("d1"));
    Path d2 = Files.createDirectories(dir.resolve("d2"));
    Files.writeString(d1.resolve("index.txt"), "Harbour reopens\n\nThe harbour reopened on Monday.");
    Files.writeString(d2.resolve("index.txt"), "Bridge closes\n\nThe bridge closed on Tuesday.");
    Files.writeString(d2.resolve("a.txt"), "Mayor speaks\n\nThe mayor spoke on Wednesday.");
    Files.writeString(d2.resolve("a.html"), "<html><body><p>The mayor spoke again on Thursday.</p></body></html>");
    Files.writeString(d2.resolve("lone.txt"), "A lone article\n\nIts name is its own.");
    var folders = Inputs.defaults().readAll(List.of(d1, d2));
    assertEquals(List.of("d1/index.txt", "a.html", "a.txt", "d2/index.txt", "lone"), ids(folders),
        folders.toString());
    // the two folders named separately, or their parent walked: the same ids
    assertEquals(ids(folders), ids(Inputs.defaults().readAll(List.of(dir))));
    // one file named twice is one input
    var twice = Inputs.defaults().readAll(List.of(d1.resolve("index.txt"), d1.resolve("index.txt")));
    assertEquals(List.of("index"), ids(twice));
  }

  @Test
  void anIdGivenTwiceIsReportedAndKeptApart() throws Exception {
    Files.writeString(dir.resolve("one.jsonl"), """
        {"id":"x","title":"First","text":"The first article with id x."}
        """);
    Files.writeString(dir.resolve("two.jsonl"), """
        {"id":"x","title":"Second","text":"Another article that also says it is x."}
        {"id":"y","url":"https://e.example/y","text":"An article at a URL."}
        {"id":"y","url":"https://e.example/y","text":"The same URL again: one article, a revision."}
        """);
    var c = Inputs.defaults().readAll(List.of(dir));
    assertEquals(List.of("x", "x~2", "y", "y"), ids(c));
    assertEquals(1, c.problems().size(), c.problems().toString());
    assertTrue(c.problems().get(0).reason().contains("id x"), c.problems().toString());
  }

  @Test
  void theEnginesOwnReportIsNotReadBack() throws Exception {
    Files.writeString(dir.resolve("story.txt"), "Harbour reopens\n\nThe harbour reopened on Monday.");
    Files.writeString(dir.resolve("report.json"), """
        {"generator":"storyline 0.1.0","formatVersion":1,"articles":[{"id":"story","title":"Harbour reopens",
         "text":"The harbour reopened on Monday.","diagnostics":[]}],"problems":[],"stories":[]}
        """);
    var folder = Inputs.defaults().readAll(List.of(dir));
    assertEquals(List.of("story"), ids(folder));
    assertEquals(List.of(), folder.problems());
    var named = Inputs.defaults().readAll(List.of(dir.resolve("report.json")));
    assertEquals(List.of(), ids(named));
    assertTrue(named.problems().get(0).reason().contains("report"), named.problems().toString());
  }

  @Test
  void aRecordWithImmenseFieldsIsCutOrSkippedAndTheRestGoesIn() throws Exception {
    String huge = "z".repeat(40_000);
    Files.writeString(dir.resolve("feed.jsonl"), String.join("\n",
        "{\"id\":\"first\",\"text\":\"The first article.\"}",
        "{\"id\":\"outlet\",\"outlet\":\"" + huge + "\",\"text\":\"An immense outlet.\"}",
        "{\"id\":\"" + huge + "\",\"text\":\"An immense id.\"}",
        "{\"id\":\"url\",\"url\":\"https://e.example/" + huge + "\",\"text\":\"An immense URL.\"}",
        "{\"id\":\"last\",\"text\":\"The last article.\"}") + "\n");
    var c = Inputs.defaults().readAll(List.of(dir.resolve("feed.jsonl")));
    assertEquals(List.of("first", "outlet", "last"), ids(c), c.problems().toString());
    assertTrue(c.documents().get(1).hints().outlet().length() <= Inputs.MAX_NAME_CHARS);
    assertEquals(3, c.problems().size(), c.problems().toString());
    assertTrue(c.problems().stream().allMatch(p -> p.toString().length() < 1000), c.problems().toString());
  }

  /** Issue 14, case 13: a failure of the store during an ingest was blamed on the input file being read. */
  @Test
  void aFailureDownstreamIsNotBlamedOnTheInput() throws Exception {
    Files.writeString(dir.resolve("story.txt"), "Harbour reopens\n\nThe harbour reopened on Monday.");
    List<org.storyline.model.InputProblem> problems = new java.util.ArrayList<>();
    IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> Inputs.defaults().read(List.of(dir), new SourceReader.Sink() {
          @Override public void document(RawDocument doc) {
            throw new IllegalStateException("the store's lock was released");
          }

          @Override public void problem(org.storyline.model.InputProblem p) {
            problems.add(p);
          }
        }));
    assertEquals("the store's lock was released", thrown.getMessage());
    assertEquals(List.of(), problems);
  }
}
