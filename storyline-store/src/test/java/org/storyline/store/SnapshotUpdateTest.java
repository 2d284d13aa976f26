package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library whose snapshot is in use (a server) gets the next one from the articles changed since. */
class SnapshotUpdateTest {
  @TempDir Path dir;

  @Test
  void theNextSnapshotHasTheNewAndTheRevisedArticles() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Files.writeString(a, """
        {"id":"harbour","url":"https://t.example/h","title":"Harbour plan approved","outlet":"Coast News","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday, the mayor said."}
        """);
    Path b = dir.resolve("b.jsonl");
    Files.writeString(b, """
        {"id":"harbour","url":"https://t.example/h","title":"Harbour plan approved after long debate","outlet":"Coast News","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday after a long debate, the mayor said."}
        {"id":"budget","url":"https://t.example/b","title":"Budget cut","outlet":"City Paper","published":"2025-04-01","text":"The mayor cut the budget for parks and libraries."}
        """);
    try (Library lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false))) {
      lib.ingest(List.of(a), p -> {});
      Snapshot first = lib.snapshot();
      assertEquals(1, first.articles().size());
      Library.IngestResult r = lib.ingest(List.of(b), p -> {});
      assertEquals(1, r.added());
      assertEquals(1, r.revised());
      Snapshot next = lib.snapshot();
      assertTrue(next.version() > first.version());
      assertEquals(2, next.articles().size());
      assertEquals("Harbour plan approved after long debate", next.article("harbour").title());
      assertEquals("Budget cut", next.article("budget").title());
      assertEquals(first.articles().size(), 1, "the earlier snapshot is unchanged");
      // the read model follows the revision too
      assertTrue(lib.entities().search(EntityIndex.Search.of("debate")).total() == 1);
    }
    try (Library ro = Library.openReadOnly(dir.resolve("data"), false)) {
      assertEquals(2, ro.snapshot().articles().size());
    }
  }

  @Test
  void aStoryViewHasItsArticlesAssignmentsAndEventsInTheSnapshotsOrder() throws Exception {
    Path a = dir.resolve("c.jsonl");
    Files.writeString(a, """
        {"id":"h1","title":"Harbour plan approved","outlet":"Coast News","published":"2025-03-04","text":"The council approved the harbour plan on Tuesday, the mayor said."}
        {"id":"b1","title":"Budget cut","outlet":"City Paper","published":"2025-03-05","text":"The mayor cut the budget for parks and libraries."}
        {"id":"h2","title":"Harbour plan approved by council","outlet":"City Paper","published":"2025-03-05","text":"The council approved the harbour plan, the mayor said on Wednesday."}
        """);
    Path b = dir.resolve("d.jsonl");
    Files.writeString(b, """
        {"id":"h3","title":"Harbour plan: work starts","outlet":"Coast News","published":"2025-03-09","text":"Work on the harbour plan the council approved starts next week, the mayor said."}
        {"id":"b2","title":"Budget cut for parks","outlet":"Coast News","published":"2025-03-08","text":"The mayor cut the budget for parks and libraries, the council said."}
        """);
    try (Library lib = Library.open(dir.resolve("views"), Library.Options.defaults().withEmbeddings(false))) {
      lib.ingest(List.of(a), p -> {});
      lib.snapshot();
      lib.ingest(List.of(b), p -> {}); // a snapshot in use: the next one is built by the ingest
      Snapshot snap = lib.snapshot();
      assertTrue(snap.stories().size() >= 2);
      int assignments = 0;
      for (org.storyline.model.Story s : snap.stories()) {
        StoryViews.View v = lib.story(s.id()).orElseThrow();
        List<org.storyline.cluster.Assignment> want = snap.assignments().stream()
            .filter(x -> s.articles().contains(x.article())).toList();
        assertEquals(want, v.assignments(), s.id());
        assertEquals(snap.events().stream().filter(e -> e.into().equals(s.id()) || e.story().equals(s.id()))
            .toList(), v.events(), s.id());
        assignments += want.size();
      }
      assertEquals(snap.assignments().size(), assignments, "each assignment is in its article's story");
    }
  }
}
