package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            List.of("story-a", "story-d"))), List.of(), events(), List.of());
    Path p = dir.resolve("r.json");
    try (OutputStream o = Files.newOutputStream(p)) {
      ReportJson.write(r, o);
    }
    return p;
  }

  private static List<org.storyline.model.Event> events() {
    var news = new org.storyline.model.Event("ev-a-0", "2024-03-03", "day", "text", "Floods close the bay road",
        List.of("Kestrel Council"), List.of("Kestrel Bay"), List.of(new org.storyline.model.Event.Evidence("a", 0, 10,
            "Text of a.", -1, -1, false)), false, "close", "Text of a");
    var old = new org.storyline.model.Event("ev-d-0", "2019", "year", "text", "A storm floods the bay", List.of(),
        List.of(), List.of(new org.storyline.model.Event.Evidence("d", 0, 10, "Text of d.", -1, -1, true)), true,
        "crash", "Text of d");
    return List.of(old, news);
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
    // issue 16: the story's events, one per happening, with who, where and each evidence sentence's offsets
    assertTrue(out.contains("events (1, 0 of them background):"), out);
    assertTrue(out.contains("2024-03-03 Floods close the bay road"), out);
    assertTrue(out.contains("who: Kestrel Council; where: Kestrel Bay"), out);
    assertTrue(out.contains("a [0,10) Text of a."), out);
    assertTrue(!out.contains("A storm floods the bay"), "an event of another story's articles: " + out);
  }

  @Test
  void storylineShowsItsTimeline() throws Exception {
    String out = run("story", "storyline-a", "--report", report().toString());
    int a = out.indexOf("2024-03-04  story-a");
    int d = out.indexOf("2024-04-02  story-d");
    assertTrue(a > 0 && d > a, out);
    assertTrue(out.contains("events (2, 1 of them background):"), out);
    assertTrue(out.contains("2019       A storm floods the bay  [background]"), out);
    assertTrue(out.contains("d [0,10) recalls: Text of d."), out);
  }

  @Test
  void withoutAStoreItSaysWhatToDo() {
    assertEquals("2\n", run("stories", "--data", dir.resolve("nothing-here").toString()));
    assertEquals("2\n", run("story", "story-x", "--data", dir.resolve("nothing-here").toString()));
  }

  private static final String INLINE = """
      {"id":"flood-b","url":"https://b.example/flood","title":"Floods force hundreds from homes in Kestrel Bay","outlet":"Bay Herald","published":"2024-03-04","text":"Heavy rain caused the Varna River to burst its banks on Monday, flooding the centre of Kestrel Bay and forcing hundreds of residents to leave their homes, Mayor Elena Dravik said. Emergency crews used boats to reach families trapped near the old harbour of Kestrel Bay."}
      {"id":"flood-a","url":"https://a.example/flood","title":"Varna River floods Kestrel Bay","outlet":"Coast News","published":"2024-03-04","text":"The Varna River burst its banks on Monday after heavy rain and flooded the centre of Kestrel Bay. Hundreds of residents left their homes, Mayor Elena Dravik said, and emergency crews in boats reached families trapped near the old harbour."}
      {"id":"chess","url":"https://c.example/chess","title":"Teen wins Silverton Open","outlet":"Chess Weekly","published":"2024-03-05","text":"Fifteen-year-old Mira Tosk won the Silverton Open chess tournament on Sunday, beating three grandmasters with the black pieces in the final rounds."}
      """;

  @Test
  void storiesAndStoryReadTheStoreLikeAReport() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, INLINE);
    Path data = dir.resolve("store");
    assertTrue(run("ingest", "--data", data.toString(), in.toString()).startsWith("0\n"));

    String fromStore = run("stories", "--data", data.toString());
    assertTrue(fromStore.startsWith("0\n2 stories, 0 storylines; 3 articles"), fromStore);
    // of one day's two flood reports the longer opens the story and names it
    assertTrue(fromStore.contains("story-flood-b"), fromStore);
    assertTrue(fromStore.contains(" 2 articles (2 unique), 2 outlets"), fromStore);

    // the same articles analysed into a report give the same listing
    Path report = dir.resolve("r.json");
    assertTrue(run("analyze", in.toString(), "--out", report.toString()).startsWith("0\n"));
    assertEquals(run("stories", "--report", report.toString()), fromStore);

    String story = run("story", "story-flood-b", "--data", data.toString(), "--explain");
    assertTrue(story.startsWith("0\nstory-flood-b"), story);
    assertTrue(story.contains("flood-a") && story.contains("Bay Herald, Coast News"), story);
    assertTrue(story.contains("why:") && story.contains("flood-a"), story);
    assertTrue(run("story", "story-nope", "--data", data.toString()).startsWith("2\n"));
  }

  private static final String LATER = """
      {"id":"flood-c","url":"https://c.example/flood","title":"Kestrel Bay counts the cost of Varna River floods","outlet":"Valley Times","published":"2024-03-05","text":"Residents of Kestrel Bay returned to flooded homes on Tuesday, a day after the Varna River burst its banks. Mayor Elena Dravik said emergency crews had reached every family trapped near the old harbour."}
      {"id":"budget","url":"https://d.example/budget","title":"Lirania passes budget","outlet":"Capital Post","published":"2024-03-05","text":"The parliament of Lirania approved the national budget on Thursday after a marathon session, with Finance Minister Pavel Osterman securing a narrow majority."}
      """;

  private static String runErr(String... args) {
    StringWriter sw = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(sw));
    cl.execute(args);
    return sw.toString();
  }

  @Test
  void ingestAssignsNewArticlesToTheStoredStoriesAndKeepsThem() throws Exception {
    Path first = dir.resolve("first.jsonl");
    Files.writeString(first, INLINE);
    Path later = dir.resolve("later.jsonl");
    Files.writeString(later, LATER);
    Path data = dir.resolve("store");
    String out = run("ingest", "--no-embeddings", "--data", data.toString(), first.toString());
    assertTrue(out.contains("Stories: 3 articles assigned to stories; 2 stories in the store"), out);
    assertTrue(Files.isRegularFile(data.resolve(org.storyline.store.Library.STORIES_FILE)));
    String before = run("stories", "--no-embeddings", "--data", data.toString());

    out = run("ingest", "--no-embeddings", "--data", data.toString(), later.toString());
    assertTrue(out.contains("Stories: 2 articles assigned to stories; 3 stories in the store"), out);
    String after = run("stories", "--no-embeddings", "--data", data.toString());
    assertTrue(after.startsWith("0\n3 stories, "), after);
    assertTrue(after.contains("story-flood-b") && after.contains(" 3 articles (3 unique), 3 outlets"), after);
    String chess = before.lines().filter(l -> l.contains("story-chess")).findFirst().orElseThrow();
    assertTrue(after.contains(chess), "an untouched story is listed as before:\n" + before + "\n" + after);

    // re-ingesting the same files assigns nothing and changes nothing
    byte[] state = Files.readAllBytes(data.resolve(org.storyline.store.Library.STORIES_FILE));
    out = run("ingest", "--no-embeddings", "--data", data.toString(), first.toString(), later.toString());
    assertTrue(out.contains("Stories: 0 articles assigned"), out);
    assertEquals(after, run("stories", "--no-embeddings", "--data", data.toString()));
    org.junit.jupiter.api.Assertions.assertArrayEquals(state, Files.readAllBytes(data.resolve(org.storyline.store.Library.STORIES_FILE)));

    String story = run("story", "story-flood-b", "--no-embeddings", "--data", data.toString(), "--explain");
    assertTrue(story.contains("why:") && story.contains("flood-c"), story);
  }

  @Test
  void aLostOrDamagedStoryFileIsRebuiltFromTheStoredArticles() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, INLINE + LATER);
    Path data = dir.resolve("store");
    run("ingest", "--no-embeddings", "--data", data.toString(), in.toString());
    String listing = run("stories", "--no-embeddings", "--data", data.toString());
    Path file = data.resolve(org.storyline.store.Library.STORIES_FILE);

    // as if an ingest had been killed after the store's commit, before the stories were saved
    Files.delete(file);
    String err = runErr("stories", "--no-embeddings", "--data", data.toString());
    assertTrue(err.contains("5 stored articles had no story yet"), err);
    assertEquals(listing, run("stories", "--no-embeddings", "--data", data.toString()));
    String out = run("ingest", "--no-embeddings", "--data", data.toString(), in.toString());
    assertTrue(out.contains("Stories: 5 articles assigned"), out);
    assertTrue(Files.isRegularFile(file));

    // a save killed half-way leaves only its temporary file: the saved state is untouched and the next save
    // replaces the leftover
    Path tmp = data.resolve(org.storyline.store.Library.STORIES_FILE + ".tmp");
    Files.writeString(tmp, "half a state");
    assertEquals(listing, run("stories", "--no-embeddings", "--data", data.toString()));
    Path more = dir.resolve("more.jsonl");
    Files.writeString(more, "{\"id\":\"quake\",\"title\":\"Earthquake shakes Port Alder\",\"published\":"
        + "\"2024-03-06\",\"text\":\"A magnitude 5.1 earthquake shook Port Alder on Wednesday, damaging old "
        + "buildings near the harbour, the regional seismic office said.\"}\n");
    out = run("ingest", "--no-embeddings", "--data", data.toString(), more.toString());
    assertTrue(out.contains("Stories: 1 articles assigned"), out);
    assertFalse(Files.exists(tmp), "the leftover temporary file is replaced and renamed away");

    Files.writeString(file, "garbage");
    err = runErr("stories", "--no-embeddings", "--data", data.toString());
    assertTrue(err.contains(org.storyline.store.Library.STORIES_FILE) && err.contains("rebuilt from the stored articles"), err);
    String rebuilt = run("stories", "--no-embeddings", "--data", data.toString());
    assertTrue(rebuilt.startsWith("0\n4 stories, ") && rebuilt.contains("story-quake"), rebuilt);
  }
}
