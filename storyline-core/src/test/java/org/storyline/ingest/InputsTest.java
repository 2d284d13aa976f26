package org.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
