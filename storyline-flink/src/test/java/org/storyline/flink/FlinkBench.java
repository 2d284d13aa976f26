package org.storyline.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.storyline.analyze.Analyzer;
import org.storyline.cluster.OnlineStoryStage;
import org.storyline.ingest.Inputs;
import org.storyline.ingest.RawDocument;
import org.storyline.ingest.SourceReader;
import org.storyline.model.Article;
import org.storyline.model.Story;
import org.storyline.pipeline.Pipeline;

/**
 * The job's figures on this machine (docs/flink.md), not a test: {@code bin/flink-bench [--data DIR] [--seeds DIR]}.
 * With a real Kafka broker (KRaft, in-process) and a Flink MiniCluster (one task manager, two slots):
 * <ol>
 *   <li>answers: the seeds and the giveme5w1h stream through Kafka at parallelism 1 and 2 (one batch at the end),
 *       their stories against one {@code analyze} of the same files;</li>
 *   <li>a back-fill: BBC News articles put on the topic first, then read, assigned and written, at parallelism 1 and
 *       2: articles/s from the job's start to its end, and its checkpoints' size and duration;</li>
 *   <li>a live feed: the same articles written at a steady rate while the job runs (event time = write time,
 *       one-second slices): end-to-end latency from the Kafka write to the assignment, p50 and p99;</li>
 *   <li>per-article costs, one stage at a time, in CPU time of this process, for the cluster plan.</li>
 * </ol>
 */
public final class FlinkBench {
  private FlinkBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("..", "shared", "data");
    Path seeds = Path.of("..", "shared", "seeds");
    int live = 40;
    boolean costsOnly = false;
    boolean liveOnly = false;
    int liveCount = Integer.MAX_VALUE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--seeds" -> seeds = Path.of(args[++i]);
        case "--rate" -> live = Integer.parseInt(args[++i]);
        case "--costs-only" -> costsOnly = true;
        case "--live-only" -> liveOnly = true;
        case "--live-count" -> liveCount = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path g5 = data.resolve("corpora/giveme5w1h_news_cluster/news_cluster.jsonl.gz");
    Path bbc = data.resolve("corpora/bbc_news/bbc_fulltext.jsonl.gz");
    PrintStream out = System.out;
    if (costsOnly) {
      costs(List.of(g5, bbc), out);
      System.exit(0);
    }
    org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
    conf.set(org.apache.flink.configuration.RestOptions.BIND_PORT, "0");
    MiniCluster mc = new MiniCluster(new MiniClusterConfiguration.Builder().setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(2).setConfiguration(conf).build());
    mc.start();
    TestStreamEnvironment.setAsContext(mc, 1);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      if (!liveOnly) out.println("== answers: the job's stories against analyze's (batch=end)");
      for (Path input : liveOnly ? List.<Path>of() : List.of(seeds, g5)) {
        Set<TreeSet<String>> expected = FlinkKafkaIT.analyzeStories(List.of(input));
        for (int p : new int[] {1, 2}) {
          String name = "answers" + p + "-" + Integer.toHexString(input.hashCode());
          JobConfig cfg = kafka.topics(name, 2).with("parallelism", Integer.toString(p), "batch", "end",
              "checkpoint", "2s");
          Topics.Published sent = Topics.publish(cfg.bootstrap(), cfg.inputTopic(), List.of(input));
          Run r = run(mc, cfg);
          Map<String, TreeSet<String>> job = Stories.of(Stories.values(Topics.readAll(cfg.bootstrap(),
              cfg.storiesTopic())));
          Set<TreeSet<String>> got = Stories.partition(job);
          int same = 0;
          for (TreeSet<String> s : got) if (expected.contains(s)) same++;
          out.printf(Locale.ROOT, "  %s, parallelism %d: %d articles; job %d stories, analyze %d, identical %d: %s"
              + " (%.1f s)%n", input.getFileName(), p, sent.documents(), got.size(), expected.size(), same,
              got.equals(expected) ? "SAME STORIES" : "DIFFERENT", r.seconds());
        }
      }

      out.println("== back-fill: BBC News put on the topic first, then the job (one-day slices, checkpoints every"
          + " 2 s)");
      for (int p : liveOnly ? new int[0] : new int[] {1, 2}) {
        JobConfig cfg = kafka.topics("backfill" + p, 2).with("parallelism", Integer.toString(p), "batch", "1d",
            "lateness", "0ms", "checkpoint", "2s");
        Topics.Published sent = Topics.publish(cfg.bootstrap(), cfg.inputTopic(), List.of(bbc));
        Run r = run(mc, cfg);
        int assigned = Topics.readAll(cfg.bootstrap(), cfg.assignmentsTopic()).size();
        out.printf(Locale.ROOT, "  parallelism %d: %d articles in %.1f s = %.1f articles/s (job start to end, model"
            + " load included); %s%n", p, assigned, r.seconds(), assigned / r.seconds(), r.checkpoints());
        if (assigned != sent.documents()) out.println("  (sent " + sent.documents() + ")");
      }

      out.printf(Locale.ROOT, "== live feed: BBC News written at %d articles/s while the job runs (event time ="
          + " write time, 1 s slices)%n", live);
      for (int p : new int[] {1, 2}) {
        JobConfig cfg = kafka.topics("live" + p, 2).with("parallelism", Integer.toString(p), "batch", "1s",
            "lateness", "0ms", "checkpoint", "2s", "time", "written", "bounded", "false");
        List<byte[]> lines = lines(bbc);
        if (lines.size() > liveCount) lines = lines.subList(0, liveCount);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StorylineJob.configure(env, cfg);
        StorylineJob.sinkToKafka(StorylineJob.build(StorylineJob.source(env, cfg), cfg), cfg);
        JobClient job = env.executeAsync("storyline-live");
        Thread.sleep(8000); // the job is up and has loaded its models
        long t0 = System.currentTimeMillis();
        for (int i = 0; i < lines.size(); i++) {
          long due = t0 + i * 1000L / live;
          long wait = due - System.currentTimeMillis();
          if (wait > 0) Thread.sleep(wait);
          Topics.send(cfg.bootstrap(), cfg.inputTopic(), List.of(lines.get(i)));
        }
        long deadline = System.currentTimeMillis() + 600_000;
        List<Topics.Line> got = List.of();
        while (System.currentTimeMillis() < deadline) {
          Thread.sleep(2000);
          got = Topics.readAll(cfg.bootstrap(), cfg.assignmentsTopic());
          if (got.size() >= lines.size()) break;
        }
        CheckpointStatsSnapshot cs = mc.getExecutionGraph(job.getJobID()).get().getCheckpointStatsSnapshot();
        job.cancel().get();
        long[] lat = new long[got.size()];
        long last = 0;
        for (int i = 0; i < lat.length; i++) {
          JsonNode n = Json.MAPPER.readTree(got.get(i).value());
          lat[i] = n.get("assignedMillis").asLong() - n.get("writtenMillis").asLong();
          last = Math.max(last, n.get("assignedMillis").asLong());
        }
        Arrays.sort(lat);
        out.printf(Locale.ROOT, "  parallelism %d: %d of %d assigned, %.1f articles/s (first write to last"
            + " assignment); latency write -> assignment p50 %d ms, p99 %d ms, max %d ms; %s%n", p, got.size(),
            lines.size(), got.size() * 1000.0 / Math.max(1, last - t0), pct(lat, 0.50), pct(lat, 0.99),
            lat.length == 0 ? 0 : lat[lat.length - 1], checkpoints(cs));
      }
    } finally {
      TestStreamEnvironment.unsetAsContext();
      mc.close();
    }
    if (!liveOnly) costs(List.of(g5, bbc), out);
    System.exit(0);
  }

  record Run(double seconds, String checkpoints) {}

  static Run run(MiniCluster mc, JobConfig cfg) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StorylineJob.configure(env, cfg);
    StorylineJob.sinkToKafka(StorylineJob.build(StorylineJob.source(env, cfg), cfg), cfg);
    long t0 = System.nanoTime();
    JobClient job = env.executeAsync("storyline-bench");
    job.getJobExecutionResult().get();
    double s = (System.nanoTime() - t0) / 1e9;
    JobID id = job.getJobID();
    return new Run(s, checkpoints(mc.getArchivedExecutionGraph(id).get().getCheckpointStatsSnapshot()));
  }

  static String checkpoints(CheckpointStatsSnapshot cs) {
    var sum = cs.getSummaryStats();
    return String.format(Locale.ROOT, "%d checkpoints, size avg %.1f / max %.1f KiB, duration avg %d / max %d ms",
        cs.getCounts().getNumberOfCompletedCheckpoints(), sum.getStateSizeStats().getAverage() / 1024.0,
        sum.getStateSizeStats().getMaximum() / 1024.0, sum.getEndToEndDurationStats().getAverage(),
        sum.getEndToEndDurationStats().getMaximum());
  }

  static long pct(long[] sorted, double q) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  static List<byte[]> lines(Path file) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (RawDocument d : read(List.of(file))) out.add(Json.documentLine(d).getBytes(StandardCharsets.UTF_8));
    return out;
  }

  static List<RawDocument> read(List<Path> files) {
    List<RawDocument> docs = new ArrayList<>();
    Inputs.defaults().read(files, new SourceReader.Sink() {
      @Override
      public void document(RawDocument d) {
        docs.add(d);
      }

      @Override
      public void problem(org.storyline.model.InputProblem p) {}
    });
    return docs;
  }

  /** CPU seconds of this process (all threads) per article for each stage, on the given corpora. */
  static void costs(List<Path> files, PrintStream out) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<RawDocument> docs = read(files);
    Pipeline p = Pipeline.defaults(true);
    OnlineStoryStage stage = (OnlineStoryStage) p.storyStage();
    p.extract(docs.subList(0, Math.min(50, docs.size()))); // warm-up
    long c0 = os.getProcessCpuTime();
    List<Article> arts = new ArrayList<>();
    for (RawDocument d : docs) arts.addAll(p.extract(List.of(d)).articles());
    long c1 = os.getProcessCpuTime();
    Pipeline.Annotations an = p.annotate(arts);
    long c2 = os.getProcessCpuTime();
    var emb = org.storyline.nlp.MiniLmEmbedder.sharedOrNull();
    if (emb != null) for (Article a : arts) emb.embed(org.storyline.cluster.EmbeddingConfig.DEFAULTS.text(a));
    long c3 = os.getProcessCpuTime();
    for (Article a : arts) {
      org.storyline.cluster.ArticleFeatures.of(a, List.of(), List.of(), org.storyline.cluster.ClusterConfig.DEFAULTS);
    }
    long c3b = os.getProcessCpuTime();
    var stream = stage.newStream();
    List<Article> sorted = new ArrayList<>(arts);
    sorted.sort(OnlineStoryStage.PUBLISH_ORDER);
    stage.feed(stream, sorted, an.entities(), an.quotes());
    long c4 = os.getProcessCpuTime();
    byte[] state = AssignStories.bytes(stream);
    long c5 = os.getProcessCpuTime();
    double n = arts.size();
    out.printf(Locale.ROOT, "== per-article costs (CPU ms per article, this process, %d articles of %s)%n", arts.size(),
        files.stream().map(f -> f.getFileName().toString()).toList());
    out.printf(Locale.ROOT, "  extract %.2f; entities+quotes (one batch) %.2f; sentence embedding %.2f; features"
        + " %.2f; feed (features + embedding + sequential assignment) %.2f, so assignment alone about %.2f; state"
        + " write %.3f%n", (c1 - c0) / 1e6 / n, (c2 - c1) / 1e6 / n, (c3 - c2) / 1e6 / n, (c3b - c3) / 1e6 / n,
        (c4 - c3b) / 1e6 / n, Math.max(0, (c4 - c3b) - (c3 - c2) - (c3b - c3)) / 1e6 / n, (c5 - c4) / 1e6 / n);
    out.printf(Locale.ROOT, "  story state: %d bytes for %d articles and %d stories = %.0f bytes per article%n",
        state.length, stream.size(), stream.stories(), state.length / n);
  }
}
