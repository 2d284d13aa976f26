package org.storyline.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Storyline as a Flink DataStream job (docs/flink.md): raw articles from a Kafka topic (or JSONL files, bounded) →
 * {@link ExtractArticles} (stateless, any parallelism; bad records to the dead-letter topic) → event time from the
 * publish date → keyed by {@link PartitionKey} → {@link AssignStories} (keyed state, publish order) → the assignments
 * and article items to Kafka topics, exactly once (transactions committed on checkpoints).
 *
 * <p>{@link #build} takes the input stream and returns the output streams, so tests and other deployments give
 * their own sources and sinks; {@link #main} wires Kafka (or files) to Kafka.
 *
 * <pre>{@code
 * flink run -c org.storyline.flink.StorylineJob storyline-flink-job.jar --bootstrap kafka:9092 --parallelism 8
 * }</pre>
 */
public final class StorylineJob {
  private StorylineJob() {}

  /** The job's outputs: assignment lines, story lines, article item lines and dead letters. */
  public record Outputs(DataStream<String> assignments, DataStream<String> stories, DataStream<String> articles,
      DataStream<String> deadLetters) {}

  public static void main(String[] args) throws Exception {
    JobConfig cfg = JobConfig.parse(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    configure(env, cfg);
    sinkToKafka(build(source(env, cfg), cfg), cfg);
    env.execute("storyline");
  }

  /** Parallelism and exactly-once checkpointing as configured. */
  public static void configure(StreamExecutionEnvironment env, JobConfig cfg) {
    env.setParallelism(cfg.parallelism());
    env.enableCheckpointing(cfg.checkpointMillis(), CheckpointingMode.EXACTLY_ONCE);
    // one failed checkpoint (a slow disk, a busy machine) is retried at the next interval, not a restart of the job
    env.getCheckpointConfig().setTolerableCheckpointFailureNumber(3);
    if (!cfg.checkpointDir().isBlank()) {
      // checkpoints in files, not in the JobManager's memory (which refuses a task state over 5 MB)
      org.apache.flink.configuration.Configuration c = new org.apache.flink.configuration.Configuration();
      c.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      c.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY, cfg.checkpointDir());
      env.configure(c);
    }
  }

  /** The input: the configured JSONL files (bounded), or the input topic (bounded when configured so). */
  public static DataStream<RawRecord> source(StreamExecutionEnvironment env, JobConfig cfg) {
    if (!cfg.files().isEmpty()) {
      Path[] paths = cfg.files().stream().map(Path::new).toArray(Path[]::new);
      FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(), paths).build();
      return env.fromSource(files, WatermarkStrategy.noWatermarks(), "files").uid("files")
          .map(line -> new RawRecord("file", line.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis()))
          .returns(TypeInformation.of(RawRecord.class)).name("records").uid("records");
    }
    var b = KafkaSource.<RawRecord>builder()
        .setBootstrapServers(cfg.bootstrap())
        .setTopics(cfg.inputTopic())
        .setGroupId(cfg.group())
        // a restart without a checkpoint goes on from the group's committed offsets (the earliest the first time)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(
            org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
        .setDeserializer(new RawDeserializer())
        .setProperty("isolation.level", "read_committed");
    if (cfg.bounded()) b.setBounded(OffsetsInitializer.latest());
    return env.fromSource(b.build(), WatermarkStrategy.noWatermarks(), "kafka " + cfg.inputTopic()).uid("kafka-in");
  }

  /** The pipeline between the input and the outputs. */
  public static Outputs build(DataStream<RawRecord> input, JobConfig cfg) {
    SingleOutputStreamOperator<ArticleRecord> articles = input
        .process(new ExtractArticles(cfg.key(), cfg.embeddings(), cfg.writtenTime()))
        .returns(TypeInformation.of(ArticleRecord.class))
        .name("extract").uid("extract");
    WatermarkStrategy<ArticleRecord> wm;
    if (cfg.writtenTime()) {
      // a live feed: event time is the write time, so the watermark is the wall clock less the lateness
      long lateness = cfg.latenessMillis();
      wm = WatermarkStrategy.<ArticleRecord>forGenerator(ctx -> new WallClock(lateness))
          .withTimestampAssigner((r, ts) -> r.eventMillis);
    } else {
      wm = WatermarkStrategy.<ArticleRecord>forBoundedOutOfOrderness(Duration.ofMillis(cfg.latenessMillis()))
          .withTimestampAssigner((r, ts) -> r.eventMillis);
      if (!cfg.bounded() && cfg.files().isEmpty()) wm = wm.withIdleness(Duration.ofMinutes(1));
    }
    SingleOutputStreamOperator<String> assigned = articles
        .assignTimestampsAndWatermarks(wm).name("publish time").uid("publish-time")
        .keyBy(new ByKey())
        .process(new AssignStories(cfg.embeddings(), cfg.batchMillis()))
        .name("assign stories").uid("assign-stories");
    return new Outputs(assigned, assigned.getSideOutput(AssignStories.STORIES),
        assigned.getSideOutput(AssignStories.ARTICLES),
        articles.getSideOutput(ExtractArticles.DEAD_LETTERS));
  }

  /** Each output to its topic, exactly once. */
  public static void sinkToKafka(Outputs o, JobConfig cfg) {
    o.assignments().sinkTo(sink(cfg, cfg.assignmentsTopic())).name("to " + cfg.assignmentsTopic())
        .uid("sink-assignments");
    o.stories().sinkTo(sink(cfg, cfg.storiesTopic())).name("to " + cfg.storiesTopic()).uid("sink-stories");
    o.articles().sinkTo(sink(cfg, cfg.articlesTopic())).name("to " + cfg.articlesTopic()).uid("sink-articles");
    o.deadLetters().sinkTo(sink(cfg, cfg.deadLetterTopic())).name("to " + cfg.deadLetterTopic())
        .uid("sink-dead-letters");
  }

  static KafkaSink<String> sink(JobConfig cfg, String topic) {
    Properties p = new Properties();
    // at most the broker's transaction.max.timeout.ms (15 minutes by default)
    p.setProperty("transaction.timeout.ms", "600000");
    return KafkaSink.<String>builder()
        .setBootstrapServers(cfg.bootstrap())
        .setKafkaProducerConfig(p)
        .setRecordSerializer(new Keyed(topic))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(cfg.group() + "-" + topic)
        .build();
  }

  /**
   * A line to its topic, keyed by its story id, else its article id (so one story's or article's lines keep their
   * order in one partition, and a compacted stories topic keeps each story's latest line), else unkeyed.
   */
  static final class Keyed implements KafkaRecordSerializationSchema<String> {
    private final String topic;

    Keyed(String topic) {
      this.topic = topic;
    }

    @Override
    public org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> serialize(String line,
        KafkaSinkContext ctx, Long timestamp) {
      return new org.apache.kafka.clients.producer.ProducerRecord<>(topic, null, null, keyOf(line),
          line.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] keyOf(String line) {
      try {
        JsonNode n = Json.MAPPER.readTree(line);
        JsonNode article = n.path("article");
        String k = n.hasNonNull("story") && !n.has("created") ? n.get("story").asText() // a story line
            : article.isTextual() ? article.asText() // an assignment
            : article.hasNonNull("id") ? article.get("id").asText() : null; // an article item; dead letters: none
        return k == null ? null : k.getBytes(StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        return null;
      }
    }
  }

  /** Watermarks of a live feed: the wall clock less the lateness, whether or not records come. */
  static final class WallClock implements org.apache.flink.api.common.eventtime.WatermarkGenerator<ArticleRecord> {
    private final long lateness;

    WallClock(long lateness) {
      this.lateness = lateness;
    }

    @Override
    public void onEvent(ArticleRecord r, long ts, org.apache.flink.api.common.eventtime.WatermarkOutput out) {}

    @Override
    public void onPeriodicEmit(org.apache.flink.api.common.eventtime.WatermarkOutput out) {
      out.emitWatermark(new org.apache.flink.api.common.eventtime.Watermark(
          System.currentTimeMillis() - lateness - 1));
    }
  }

  /** The partition key of an article record. */
  static final class ByKey implements KeySelector<ArticleRecord, String> {
    @Override
    public String getKey(ArticleRecord r) {
      return r.key;
    }
  }

  /** A Kafka record as a {@link RawRecord}: its place, its value's bytes, its timestamp. */
  static final class RawDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RawRecord> out) {
      out.collect(new RawRecord(r.topic() + "/" + r.partition() + "/" + r.offset(), r.value(), r.timestamp()));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
      return TypeInformation.of(RawRecord.class);
    }
  }
}
