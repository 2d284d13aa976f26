package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 (growth): an ingest into a store with saved stories appends what it assigned to the stories' log rather
 * than writing the whole state again, and the next process reads the same stories back.
 */
class StoriesLogTest {
  @TempDir Path dir;

  @Test
  void aLaterIngestAppendsToTheLogAndTheNextProcessSeesTheSameStories() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Files.writeString(a, """
        {"id":"h1","title":"Harbour plan approved","outlet":"Coast News","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday, the mayor said."}
        {"id":"b1","title":"Budget cut","outlet":"City Paper","published":"2025-03-05","text":"The mayor cut the budget for parks and libraries."}
        """);
    Path b = dir.resolve("b.jsonl");
    Files.writeString(b, """
        {"id":"h2","title":"Harbour plan approved by council","outlet":"City Paper","published":"2025-03-05","text":"The council approved the harbour plan, the mayor said on Wednesday."}
        {"id":"b2","title":"Budget cut for parks","outlet":"Coast News","published":"2025-03-08","text":"The mayor cut the budget for parks and libraries, the council said."}
        {"id":"f1","title":"Ferry service resumes","outlet":"Coast News","published":"2025-03-08","text":"The island ferry resumed its service after the storm, the operator said."}
        """);
    Path data = dir.resolve("data");
    Path stories = Library.storiesFile(data);
    Path log = stories.resolveSibling("stories.bin.log");
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false))) {
      lib.ingest(List.of(a), p -> {});
    }
    byte[] base = Files.readAllBytes(stories);
    assertTrue(Files.notExists(log), "the first save writes the whole state");
    List<org.storyline.model.Story> written;
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false))) {
      Library.IngestResult r = lib.ingest(List.of(b), p -> {});
      assertEquals(3, r.assigned());
      written = lib.snapshot().stories();
    }
    assertArrayEquals(base, Files.readAllBytes(stories), "stories.bin is not written again");
    assertTrue(Files.size(log) > 0, "the three new articles are in the log");
    try (Library ro = Library.openReadOnly(data, false)) {
      Snapshot s = ro.snapshot();
      assertEquals(5, s.articles().size());
      assertEquals(written, s.stories());
      assertEquals(List.of(), ro.notes());
    }
    // an ingest of nothing new finds every stored article counted (the state file's and its log's) without loading
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false))) {
      Library.IngestResult r = lib.ingest(List.of(a, b), p -> {});
      assertEquals(0, r.assigned());
      assertEquals(written.size(), r.stories());
    }
  }

  /**
   * A library killed (SIGKILL) while it ingests batch after batch, each appending to the stories' log: the next open
   * loads the saved stories without a word of damage (a record torn by the kill is dropped), assigns what the store
   * holds without a story, and every stored article then has one.
   */
  @Test
  @org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // a net for a hung child
  void aKillWhileAppendingLosesNoStory() throws Exception {
    Path data = dir.resolve("killed");
    Path err = dir.resolve("child.err");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
        LogCrashChild.class.getName(), data.toString()).redirectError(err.toFile()).start();
    int ingested = 0;
    try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while (ingested < 420 && (line = out.readLine()) != null) {
        if (line.startsWith("ingested ")) ingested = Integer.parseInt(line.substring(9));
      }
      child.destroyForcibly();
      child.waitFor();
    }
    assertTrue(ingested >= 420, () -> "the child stopped early: " + readQuietly(err));
    Path log = Library.storiesFile(data).resolveSibling("stories.bin.log");
    assertTrue(Files.exists(log), "the child's later ingests appended to the log");
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false))) {
      lib.ingestDocuments(List.of(), p -> {});
      assertEquals(List.of(), lib.notes(), "the saved stories loaded as they were");
      int stored = lib.store().size();
      assertTrue(stored >= ingested, stored + " >= " + ingested);
      assertEquals(stored, org.storyline.cluster.StoryStream.counts(Library.storiesFile(data)).articles(),
          "every stored article is in the saved stories");
      Snapshot s = lib.snapshot();
      long inStories = s.stories().stream().mapToLong(x -> x.articles().size()).sum();
      assertEquals(stored, inStories);
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
