package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Report;
import org.storyline.model.Story;

/**
 * Each story's view is computed once and kept in {@code <data>/views}: what is kept is what the pipeline says, a
 * changed or revised story never gets its old view, and the views survive a restart.
 */
class StoryViewsKeptTest {
  @TempDir Path dir;

  private static final String HARBOUR = """
      {"id":"harbour-1","url":"https://t.example/h1","title":"Council approves harbour plan","outlet":"Coast News","published":"2025-03-04","text":"The city council approved the harbour expansion plan on Tuesday. \\"This is a good day for the port,\\" Mayor Ana Ruiz said after the vote in Porto Vale."}
      {"id":"harbour-2","url":"https://t.example/h2","title":"Harbour expansion plan approved by council","outlet":"Bay Times","published":"2025-03-04","text":"Porto Vale's city council approved the harbour expansion plan on Tuesday after a long debate. Mayor Ana Ruiz called it \\"a good day for the port\\"."}
      """;
  private static final String BUDGET = """
      {"id":"budget","url":"https://t.example/b","title":"Mayor cuts parks budget","outlet":"City Paper","published":"2025-04-01","text":"Mayor Ana Ruiz cut the budget for parks and libraries on Monday, the city's finance office said."}
      """;

  private Path file(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, body);
    return p;
  }

  private static Library.Options opts() {
    return Library.Options.defaults().withEmbeddings(false);
  }

  @Test
  void keptViewsAreWhatThePipelineSaysAndSurviveARestart() throws Exception {
    Path data = dir.resolve("data");
    Path in = file("a.jsonl", HARBOUR + BUDGET);
    Map<String, Report> computed = new java.util.HashMap<>();
    try (Library lib = Library.open(data, opts())) {
      lib.ingest(List.of(in), p -> {});
      Snapshot snap = lib.snapshot();
      int n = lib.precomputeViews(() -> false);
      assertEquals(snap.stories().size(), n, "one view per story");
      assertEquals(0, lib.precomputeViews(() -> false), "nothing left to compute");
      for (Story s : snap.stories()) computed.put(s.id(), lib.report(snap, List.of(s)));
    }
    try (Library lib = Library.open(data, opts())) {
      Snapshot snap = lib.snapshot();
      assertEquals(0, lib.precomputeViews(() -> false), "kept across a restart");
      for (Story s : snap.stories()) {
        Report kept = lib.story(s.id()).orElseThrow().report();
        assertEquals(computed.get(s.id()), kept, "the kept view of " + s.id() + " is the computed one");
      }
      Story harbour = snap.storyOf("harbour-1");
      assertEquals(2, lib.story(harbour.id()).orElseThrow().report().articles().size());
      assertFalse(lib.story(harbour.id()).orElseThrow().report().quotes().isEmpty());
    }
    // a read-only library reads the kept views too
    try (Library ro = Library.openReadOnly(data, false)) {
      Snapshot snap = ro.snapshot();
      Story budget = snap.storyOf("budget");
      assertEquals(computed.get(budget.id()), ro.story(budget.id()).orElseThrow().report());
    }
  }

  @Test
  void aSnapshotBuiltAfterEachIngestEqualsOneBuiltAtOnce() throws Exception {
    Path data = dir.resolve("data");
    String[] lines = (HARBOUR + BUDGET).strip().split("\n");
    try (Library lib = Library.open(data, opts())) {
      for (int i = 0; i < lines.length; i++) {
        lib.ingest(List.of(file("part" + i + ".jsonl", lines[i] + "\n")), p -> {});
        lib.snapshot(); // kept up to date after each ingest, reusing what it computed per story
      }
      Snapshot incremental = lib.snapshot();
      try (Library fresh = Library.openReadOnly(data, false)) {
        Snapshot once = fresh.snapshot();
        assertEquals(once.stories(), incremental.stories());
        assertEquals(once.storylines(), incremental.storylines());
        assertEquals(once.articles(), incremental.articles());
      }
    }
  }

  @Test
  void anIngestComputesTheViewsOfTheStoriesItChangedAndARevisionIsNeverServedStale() throws Exception {
    Path data = dir.resolve("data");
    try (Library lib = Library.open(data, opts())) {
      lib.ingest(List.of(file("a.jsonl", HARBOUR)), p -> {});
      lib.snapshot(); // in use, as a server keeps it
      lib.precomputeViews(() -> false);
      lib.ingest(List.of(file("b.jsonl", BUDGET)), p -> {});
      assertEquals(0, lib.precomputeViews(() -> false), "the ingest computed the new story's view");
      Snapshot snap = lib.snapshot();
      Story budget = snap.storyOf("budget");
      assertEquals(lib.report(snap, List.of(budget)), lib.story(budget.id()).orElseThrow().report());

      // a revision of an article keeps its story's members but changes what the story says
      lib.ingest(List.of(file("c.jsonl", BUDGET.replace("parks and libraries", "parks, pools and libraries"))),
          p -> {});
      snap = lib.snapshot();
      budget = snap.storyOf("budget");
      Report r = lib.story(budget.id()).orElseThrow().report();
      assertTrue(r.articles().get(0).text().contains("pools"), "the revised text, not the kept view's");
      assertEquals(lib.report(snap, List.of(budget)), r);
    }
  }
}
