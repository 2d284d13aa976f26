package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Article;
import org.storyline.model.Story;

class StoryStreamTest {
  @TempDir Path dir;
  private final OnlineStoryStage stage = new OnlineStoryStage();

  private static final Article FLOOD_A = Fixtures.article("flood-a", "River floods Kestrel Bay", "2024-03-04",
      "Daily One", null, List.of(), Fixtures.FLOOD);
  private static final Article CHESS = Fixtures.article("chess", "Teen wins Silverton Open", "2024-03-04",
      Fixtures.CHESS);
  private static final Article FLOOD_B = Fixtures.article("flood-b", "Hundreds flee Kestrel Bay floods", "2024-03-05",
      "Other Paper", null, List.of(), Fixtures.FLOOD_REWRITE);
  private static final Article BUDGET = Fixtures.article("budget", "Lirania passes budget", "2024-03-05",
      Fixtures.BUDGET);

  private static Story storyOf(List<Story> stories, String article) {
    return stories.stream().filter(s -> s.articles().contains(article)).findFirst().orElseThrow();
  }

  @Test
  void laterArticlesJoinSavedStoriesWithoutChangingThem() throws IOException {
    Path file = dir.resolve("stories.bin");
    StoryStream first = stage.newStream();
    stage.feed(first, List.of(FLOOD_A, CHESS), List.of(), List.of());
    List<Story> before = stage.summarize(first, List.of(FLOOD_A, CHESS)).result().stories();
    first.save(file);

    assertEquals(new StoryStream.Counts(2, 2), StoryStream.counts(file), "the header tells without loading");
    StoryStream resumed = stage.resume(file);
    assertEquals(2, resumed.size());
    var added = stage.feed(resumed, List.of(FLOOD_A, FLOOD_B, BUDGET), List.of(), List.of());
    assertEquals(List.of("flood-b", "budget"), added.stream().map(Assignment::article).toList(),
        "only unseen articles are assigned, in publish order (one day's: the longer text first)");
    List<Story> after = stage.summarize(resumed, List.of(FLOOD_A, CHESS, FLOOD_B, BUDGET)).result().stories();
    Story flood = storyOf(after, "flood-b");
    assertEquals(storyOf(before, "flood-a").id(), flood.id(), "the follow-up joins the saved story under its id");
    assertEquals(List.of("flood-a", "flood-b"), flood.articles());
    assertEquals(storyOf(before, "chess"), storyOf(after, "chess"), "an untouched story is unchanged");
    assertNotEquals(flood.id(), storyOf(after, "budget").id());
  }

  /**
   * Issue 14, case 4: a saved state with one bit flipped anywhere that matters (the counts, the compressed data, the
   * gzip checksum and length) is refused as damaged, so the caller rebuilds it, instead of loading and carrying the
   * damage forward. (The gzip header's timestamp, extra flags and OS bytes carry no meaning; and a flip that the
   * compressed data does not feel, which decodes to the very same bytes, changes nothing.)
   */
  @Test
  void aSingleBitFlipInTheSavedStateIsCaught() throws IOException {
    Path file = dir.resolve("stories.bin");
    StoryStream s = stage.newStream();
    stage.feed(s, List.of(FLOOD_A, CHESS, FLOOD_B, BUDGET), List.of(), List.of());
    s.save(file);
    byte[] good = Files.readAllBytes(file);
    int magic = new String(good, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
    int gzip = magic + 8; // two int counts, then the gzip member
    int tried = 0;
    List<Integer> passed = new ArrayList<>();
    for (int pos = magic; pos < good.length; pos += Math.max(1, good.length / 300)) {
      if (pos >= gzip + 4 && pos < gzip + 10) continue; // gzip MTIME, XFL, OS: no meaning
      byte[] bad = good.clone();
      bad[pos] ^= (byte) (1 << (pos % 8));
      Path f = dir.resolve("flipped.bin");
      Files.write(f, bad);
      tried++;
      try {
        StoryStream.read(f);
        // a flip the data does not feel (a back reference moved to an equal run of bytes) changes nothing
        if (!java.util.Arrays.equals(payload(good, gzip), payload(bad, gzip))) passed.add(pos);
      } catch (IOException e) {
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("not a story state"),
            e.getMessage());
      }
    }
    for (int pos : new int[] {good.length - 1, good.length - 5, good.length - 8}) { // the gzip CRC32 and ISIZE
      byte[] bad = good.clone();
      bad[pos] ^= 1;
      Files.write(dir.resolve("flipped.bin"), bad);
      tried++;
      try {
        StoryStream.read(dir.resolve("flipped.bin"));
        passed.add(pos);
      } catch (IOException e) {
        // caught
      }
    }
    assertTrue(tried > 100, "flips tried: " + tried);
    assertEquals(List.of(), passed, "flips that loaded without a word, at these offsets of " + good.length);
  }

  private static byte[] payload(byte[] file, int gzip) throws IOException {
    return new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(file, gzip, file.length - gzip))
        .readAllBytes();
  }

  @Test
  void aBackfillAfterResumingStillFindsTheRetiredStoriesOfItsTime() throws IOException {
    Path file = dir.resolve("backfill.bin");
    List<Article> later = new ArrayList<>();
    for (int i = 0; i < 300; i++) later.add(Fixtures.article("chess-" + i, "Chess", "2024-06-03", Fixtures.CHESS));
    StoryStream s = stage.newStream();
    stage.feed(s, List.of(FLOOD_A), List.of(), List.of());
    stage.feed(s, later, List.of(), List.of()); // months of later news retire the flood story
    s.save(file);
    StoryStream resumed = stage.resume(file);
    var added = stage.feed(resumed, List.of(FLOOD_B), List.of(), List.of());
    assertEquals("story-flood-a", added.get(0).story(), added.get(0).explain());
  }

  @Test
  void theStoriesDoNotDependOnHowTheArticlesAreNamed() {
    // one day's reports; named so that id order and length order disagree, then named the other way round
    for (String[] names : new String[][] {{"a-short", "b-long"}, {"b-short", "a-long"}}) {
      Article shortFlood = Fixtures.article(names[0], "Hundreds flee Kestrel Bay floods", "2024-03-04",
          Fixtures.FLOOD_REWRITE);
      Article longFlood = Fixtures.article(names[1], "River floods Kestrel Bay", "2024-03-04", Fixtures.FLOOD);
      Article chess = Fixtures.article("chess", "Teen wins Silverton Open", "2024-03-04", Fixtures.CHESS);
      List<Story> stories = stage.apply(List.of(shortFlood, chess, longFlood), List.of(), List.of()).stories();
      // the day's fuller report opens the flood story and names it, whatever the ids
      Story flood = storyOf(stories, names[0]);
      assertEquals("story-" + names[1], flood.id());
      assertEquals(java.util.Set.of(names[0], names[1]), java.util.Set.copyOf(flood.articles()));
      assertEquals(2, stories.size());
    }
  }

  @Test
  void savingAndResumingGivesTheSameStoriesAsOneRun() throws IOException {
    Path file = dir.resolve("s.bin");
    List<Article> all = List.of(FLOOD_A, CHESS, FLOOD_B, BUDGET);
    StoryStream oneRun = stage.newStream();
    stage.feed(oneRun, all.subList(0, 2), List.of(), List.of());
    stage.feed(oneRun, all.subList(2, 4), List.of(), List.of());

    StoryStream split = stage.newStream();
    stage.feed(split, all.subList(0, 2), List.of(), List.of());
    split.save(file);
    split = stage.resume(file);
    stage.feed(split, all.subList(2, 4), List.of(), List.of());
    split.save(file);
    split = stage.resume(file);

    assertEquals(stage.summarize(oneRun, all).result(), stage.summarize(split, all).result());
    assertEquals(oneRun.assignments(), split.assignments());
    // and writing the same state twice gives the same bytes
    Path again = dir.resolve("again.bin");
    split.save(again);
    split.save(file);
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
  }

  @Test
  void summaryMatchesTheOneShotStageOnStoriesAndStorylines() {
    List<Article> all = List.of(FLOOD_A, CHESS, FLOOD_B, BUDGET);
    StoryStream s = stage.newStream();
    stage.feed(s, all, List.of(), List.of());
    var streamed = stage.summarize(s, all).result();
    var once = stage.apply(all, List.of(), List.of());
    assertEquals(once.stories().stream().map(Story::articles).toList(),
        streamed.stories().stream().map(Story::articles).toList());
    assertEquals(once.storylines().size(), streamed.storylines().size());
  }

  @Test
  void aMissingDamagedOrForeignFileIsRefusedWithItsName() throws IOException {
    assertThrows(NoSuchFileException.class, () -> stage.resume(dir.resolve("none.bin")));

    Path damaged = dir.resolve("damaged.bin");
    StoryStream s = stage.newStream();
    stage.feed(s, List.of(FLOOD_A), List.of(), List.of());
    s.save(damaged);
    byte[] bytes = Files.readAllBytes(damaged);
    Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    IOException e = assertThrows(IOException.class, () -> stage.resume(damaged));
    assertTrue(e.getMessage().contains("damaged.bin"), e.getMessage());

    Path other = dir.resolve("other.bin");
    Files.writeString(other, "not a story state\n");
    e = assertThrows(IOException.class, () -> stage.resume(other));
    assertTrue(e.getMessage().contains("not a story state of format"), e.getMessage());

    // a file with the right header but a class outside the allow-list is refused before it is built
    Path foreign = dir.resolve("foreign.bin");
    try (OutputStream out = Files.newOutputStream(foreign)) {
      out.write(("storyline-story-stream " + StoryStream.FORMAT + "\n").getBytes(StandardCharsets.US_ASCII));
      GZIPOutputStream gz = new GZIPOutputStream(out);
      ObjectOutputStream oos = new ObjectOutputStream(gz);
      oos.writeObject(new java.net.URI("http://example.com/"));
      oos.flush();
      gz.finish();
    } catch (java.net.URISyntaxException x) {
      throw new AssertionError(x);
    }
    e = assertThrows(IOException.class, () -> stage.resume(foreign));
    assertTrue(e.getMessage().contains("foreign.bin"), e.getMessage());
  }

  @Test
  void keptFeaturesAreBounded() {
    StringBuilder text = new StringBuilder();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 400; i++) words.add("word" + Integer.toString(i, 36) + "x");
    text.append(String.join(" ", words)).append('.');
    Article big = Fixtures.article("big", "Many words", "2024-03-04", text.toString());
    StoryStream s = stage.newStream();
    stage.feed(s, List.of(big), List.of(), List.of());
    assertTrue(s.features.get("big").counts().size() <= StoryStream.KEPT_COUNTS);
    assertFalse(s.features.get("big").counts().isEmpty());
  }

  /** Enough distinct articles over some days (a few stories of several reports each) for the log tests. */
  private static List<Article> news(int n) {
    List<Article> out = new ArrayList<>();
    String[] texts = {Fixtures.FLOOD, Fixtures.CHESS, Fixtures.BUDGET, Fixtures.FLOOD_REWRITE, EmbeddingChannelTest.SHIP,
        EmbeddingChannelTest.VESSEL};
    for (int i = 0; i < n; i++) {
      String day = String.format(java.util.Locale.ROOT, "2024-03-%02d", 1 + i / 3);
      out.add(Fixtures.article("n" + i, "Report " + i, day, texts[i % texts.length] + " Item " + i + "."));
    }
    return out;
  }

  /**
   * Issue 18 (growth): a save of a stream read from a file appends what was assigned since to the file's log instead
   * of writing the whole state again; reading it back replays the log and gives the state of one uninterrupted run,
   * with the sentence embeddings the log kept.
   */
  @Test
  void aSaveAfterResumingAppendsToTheLogAndResumingReplaysIt() throws IOException {
    OnlineStoryStage emb = new OnlineStoryStage(ClusterConfig.DEFAULTS, new EmbeddingChannelTest.FakeEmbedder(),
        EmbeddingChannelTest.STRONG);
    List<Article> all = news(30).subList(0, 24);
    StoryStream oneRun = emb.newStream();
    for (int i = 0; i < all.size(); i += 6) emb.feed(oneRun, all.subList(i, i + 6), List.of(), List.of());

    Path file = dir.resolve("s.bin");
    Path log = StoryLog.of(file);
    StoryStream s = emb.newStream();
    emb.feed(s, all.subList(0, 6), List.of(), List.of());
    s.save(file);
    byte[] base = Files.readAllBytes(file);
    assertFalse(Files.exists(log), "a whole save leaves no log");
    s = emb.resume(file);
    for (int i = 6; i < all.size(); i += 6) {
      emb.feed(s, all.subList(i, i + 6), List.of(), List.of());
      s.save(file);
      assertArrayEquals(base, Files.readAllBytes(file), "the state file is not written again");
    }
    assertTrue(Files.size(log) > 0);
    assertEquals(new StoryStream.Counts(24, oneRun.stories()), StoryStream.counts(file),
        "the counts include the log's articles");

    StoryStream resumed = emb.resume(file);
    assertEquals(0, resumed.replayDiffered());
    assertEquals(oneRun.assignments(), resumed.assignments());
    assertEquals(emb.summarize(oneRun, all).result(), emb.summarize(resumed, all).result());
    // and the replayed state goes on as the writer's does: the next articles go where they go in the writer
    List<Article> more = news(30).subList(24, 30);
    assertEquals(emb.feed(s, more, List.of(), List.of()), emb.feed(resumed, more, List.of(), List.of()));
  }

  /** A stream saved whole with {@code first}, read back, given {@code then} and saved again (so into the log). */
  private StoryStream logged(Path file, List<Article> first, List<Article> then) throws IOException {
    StoryStream s = stage.newStream();
    stage.feed(s, first, List.of(), List.of());
    s.save(file);
    s = stage.resume(file);
    stage.feed(s, then, List.of(), List.of());
    s.save(file);
    return s;
  }

  /** A record torn by a crash while appending is dropped on reading, and the next append writes over it. */
  @Test
  void aTornLogRecordIsDroppedAndWrittenOver() throws IOException {
    List<Article> all = news(12);
    StoryStream oneRun = stage.newStream();
    stage.feed(oneRun, all, List.of(), List.of());

    Path file = dir.resolve("s.bin");
    StoryStream s = logged(file, all.subList(0, 6), all.subList(6, 12));
    Path log = StoryLog.of(file);
    byte[] whole = Files.readAllBytes(log);
    Files.write(log, java.util.Arrays.copyOf(whole, whole.length - 7)); // the last record torn

    StoryStream resumed = stage.resume(file);
    assertEquals(11, resumed.size(), "the torn record's article is not assigned");
    assertEquals(11, StoryStream.counts(file).articles());
    assertEquals(oneRun.assignments().subList(0, 11), resumed.assignments());
    stage.feed(resumed, all, List.of(), List.of()); // the store still holds it: the next ingest assigns it again
    resumed.save(file);
    StoryStream again = stage.resume(file);
    assertEquals(oneRun.assignments(), again.assignments());
    assertEquals(whole.length, Files.size(log), "the torn bytes were cut before appending");
  }

  /** A log left by a crash after a new state was written, before the old log was removed, names the old state. */
  @Test
  void aLogOfAnotherStateIsIgnored() throws IOException {
    List<Article> all = news(12);
    Path file = dir.resolve("s.bin");
    StoryStream s = logged(file, all.subList(0, 6), all.subList(6, 12));
    byte[] staleLog = Files.readAllBytes(StoryLog.of(file));
    s.save(dir.resolve("other.bin")); // a whole save elsewhere ...
    Files.copy(dir.resolve("other.bin"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.write(StoryLog.of(file), staleLog); // ... as if renamed over the state, the crash keeping the old log
    StoryStream resumed = stage.resume(file);
    assertEquals(12, resumed.size(), "the new state alone, not its articles twice");
    assertEquals(new StoryStream.Counts(12, s.stories()), StoryStream.counts(file));
  }

  /** Once the log would hold an eighth of the articles (and at least LOG_MIN), the next save writes the whole. */
  @Test
  void theLogIsFoldedIntoAWholeSaveWhenItGrows() throws IOException {
    Path file = dir.resolve("s.bin");
    List<Article> all = news(StoryStream.LOG_MIN + 40);
    StoryStream s = logged(file, all.subList(0, 20), all.subList(20, 40));
    assertTrue(Files.exists(StoryLog.of(file)));
    stage.feed(s, all.subList(40, all.size()), List.of(), List.of());
    s.save(file);
    assertFalse(Files.exists(StoryLog.of(file)), "the whole state was written and the log removed");
    assertEquals(all.size(), StoryStream.counts(file).articles());
    assertEquals(s.assignments(), stage.resume(file).assignments());
  }
}
