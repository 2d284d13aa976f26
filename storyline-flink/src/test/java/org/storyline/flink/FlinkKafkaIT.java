package org.storyline.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storyline.analyze.Analyzer;
import org.storyline.model.Report;
import org.storyline.model.Story;

/**
 * The job on Flink's MiniCluster against a real Kafka broker (KRaft, in-process), on the demo's Wikinews articles
 * (CC BY 2.5, demo/ATTRIBUTION.md): the same stories as {@code analyze} at parallelism 1 and 2, poison records to
 * the dead-letter topic, and a task failure mid-stream restored from a checkpoint with nothing lost or doubled.
 */
class FlinkKafkaIT {
  static final Path DEMO = Path.of("..", "demo", "wikinews-demo.jsonl");

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) kafka.close();
  }

  static Set<TreeSet<String>> analyzeStories(List<Path> inputs) {
    Report r = Analyzer.defaults().analyze(inputs);
    Set<TreeSet<String>> out = new java.util.HashSet<>();
    for (Story s : r.stories()) out.add(new TreeSet<>(s.articles()));
    return out;
  }

  static void run(JobConfig cfg, MapFunction<RawRecord, RawRecord> tap) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StorylineJob.configure(env, cfg);
    DataStream<RawRecord> in = StorylineJob.source(env, cfg);
    if (tap != null) in = in.map(tap).name("tap");
    StorylineJob.sinkToKafka(StorylineJob.build(in, cfg), cfg);
    env.execute("storyline-it");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void sameStoriesAsAnalyzeAndPoisonRecordsToDeadLetters(int parallelism) throws Exception {
    JobConfig cfg = kafka.topics("same" + parallelism, 2).with("parallelism", Integer.toString(parallelism),
        "batch", "end", "checkpoint", "1s");
    Topics.Published sent = Topics.publish(cfg.bootstrap(), cfg.inputTopic(), List.of(DEMO));
    Topics.send(cfg.bootstrap(), cfg.inputTopic(), List.of("{\"title\": broken".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}));
    run(cfg, null);

    Map<String, TreeSet<String>> job = Stories.of(EmbeddedKafka.values(Topics.readAll(cfg.bootstrap(),
        cfg.storiesTopic())));
    Set<TreeSet<String>> expected = analyzeStories(List.of(DEMO));
    assertEquals(expected, Stories.partition(job), "the job's stories are analyze's");
    Map<String, Integer> counts = Stories.counts(EmbeddedKafka.values(Topics.readAll(cfg.bootstrap(),
        cfg.assignmentsTopic())));
    assertEquals(sent.documents(), counts.size(), "every article assigned");
    assertTrue(counts.values().stream().allMatch(n -> n == 1), "no article assigned twice");
    List<String> items = EmbeddedKafka.values(Topics.readAll(cfg.bootstrap(), cfg.articlesTopic()));
    assertEquals(sent.documents(), items.size());

    if (parallelism == 1) { // the loader: the job's articles into a store, whose stories are the job's
      Path data = Files.createTempDirectory("storyline-flink-store");
      StoreLoader.Loaded l = StoreLoader.load(cfg.bootstrap(), cfg.articlesTopic(), cfg.storiesTopic(), data, true);
      assertEquals(sent.documents(), l.articles(), l.line());
      assertEquals(sent.documents(), l.added(), l.line());
      assertEquals(job.size(), l.sameStories(), l.line());
      try (org.storyline.store.Library lib = org.storyline.store.Library.openReadOnly(data, true)) {
        assertEquals(sent.documents(), lib.snapshot().articles().size(), "the server's store reads them back");
      }
    }

    List<String> dead = EmbeddedKafka.values(Topics.readAll(cfg.bootstrap(), cfg.deadLetterTopic()));
    assertEquals(2, dead.size(), "both poison records are dead letters: " + dead);
    List<String> reasons = new ArrayList<>();
    for (String d : dead) reasons.add(Json.MAPPER.readTree(d).get("reason").asText());
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("broken JSON")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("binary file (PNG)")), reasons.toString());
  }

  /** Fails the job once, at the first record after a checkpoint has completed and {@code after} records. */
  static final class FailOnce implements MapFunction<RawRecord, RawRecord>, CheckpointListener {
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    static final AtomicInteger SEEN = new AtomicInteger();
    private final int after;

    FailOnce(int after) {
      this.after = after;
    }

    @Override
    public RawRecord map(RawRecord r) throws Exception {
      if (!FAILED.get()) {
        Thread.sleep(15); // slow enough for checkpoints to complete mid-stream
        if (SEEN.incrementAndGet() >= after && CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) {
          throw new IllegalStateException("killed on purpose, mid-stream");
        }
      }
      return r;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.set(true);
    }
  }

  /** The demo's lines in publish order (a feed that publishes as the news happen), so slices close as it goes. */
  static List<byte[]> inPublishOrder() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(DEMO));
    lines.removeIf(String::isBlank);
    lines.sort(Comparator.comparing((String l) -> field(l, "published")).thenComparing(l -> field(l, "id")));
    List<byte[]> out = new ArrayList<>();
    for (String l : lines) out.add(l.getBytes(StandardCharsets.UTF_8));
    return out;
  }

  static String field(String line, String name) {
    try {
      JsonNode n = Json.MAPPER.readTree(line);
      return n.path(name).asText("");
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void restartFromCheckpointGivesTheSameStoriesWithNothingLostOrDoubled() throws Exception {
    List<byte[]> feed = inPublishOrder();
    // one slice per week, no lateness: batches close while the input is read, so the restored state holds stories
    JobConfig plain = kafka.topics("plain", 1).with("parallelism", "2", "batch", "7d", "lateness", "0ms",
        "checkpoint", "300ms");
    Topics.send(plain.bootstrap(), plain.inputTopic(), feed);
    run(plain, null);
    JobConfig killed = kafka.topics("killed", 1).with("parallelism", "2", "batch", "7d", "lateness", "0ms",
        "checkpoint", "300ms");
    Topics.send(killed.bootstrap(), killed.inputTopic(), feed);
    run(killed, new FailOnce(feed.size() / 2));
    assertTrue(FailOnce.FAILED.get(), "the job was killed mid-stream");

    Map<String, Integer> counts = Stories.counts(EmbeddedKafka.values(Topics.readAll(killed.bootstrap(),
        killed.assignmentsTopic())));
    assertEquals(feed.size(), counts.size(), "nothing lost");
    assertTrue(counts.values().stream().allMatch(n -> n == 1), "nothing doubled: " + counts);
    Map<String, TreeSet<String>> a = Stories.of(EmbeddedKafka.values(Topics.readAll(plain.bootstrap(),
        plain.storiesTopic())));
    Map<String, TreeSet<String>> b = Stories.of(EmbeddedKafka.values(Topics.readAll(killed.bootstrap(),
        killed.storiesTopic())));
    assertEquals(a, b, "the same stories, with the same ids, as the run that was not killed");
  }
}
