package org.storyline.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.storyline.ingest.Inputs;
import org.storyline.ingest.RawDocument;
import org.storyline.ingest.SourceReader;
import org.storyline.model.InputProblem;

/**
 * The job's edges on the Kafka side, outside Flink: {@link #publish} puts input files (any format
 * {@code storyline analyze} reads) on the input topic as JSONL article lines, {@link #readAll} reads a topic's
 * committed records up to its end. Used by {@link Tools}, the tests and the benchmark.
 */
public final class Topics {
  private Topics() {}

  /** A record read back: its value as text and its timestamp (ms). */
  public record Line(String value, long timestamp) {}

  /** What {@link #publish} sent: documents and the inputs' problems. */
  public record Published(int documents, List<InputProblem> problems) {}

  /** Reads the inputs as {@code analyze} does and sends each document as one line, in input order. */
  public static Published publish(String bootstrap, String topic, List<Path> inputs) throws IOException {
    List<RawDocument> docs = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    Inputs.defaults().read(inputs, new SourceReader.Sink() {
      @Override
      public void document(RawDocument d) {
        docs.add(d);
      }

      @Override
      public void problem(InputProblem p) {
        problems.add(p);
      }
    });
    List<byte[]> lines = new ArrayList<>(docs.size());
    for (RawDocument d : docs) lines.add(Json.documentLine(d).getBytes(StandardCharsets.UTF_8));
    send(bootstrap, topic, lines);
    return new Published(docs.size(), problems);
  }

  /** Sends these values to the topic, in order, and waits until all are written. */
  public static void send(String bootstrap, String topic, List<byte[]> values) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    p.put("linger.ms", "5");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] v : values) producer.send(new ProducerRecord<>(topic, v));
      producer.flush();
    }
  }

  /** Every committed record of the topic (read_committed), partition by partition, up to the end offsets now. */
  public static List<Line> readAll(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("isolation.level", "read_committed");
    p.put("enable.auto.commit", "false");
    p.put("max.poll.records", "2000");
    List<Line> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo i : c.partitionsFor(topic, Duration.ofSeconds(30))) {
        parts.add(new TopicPartition(topic, i.partition()));
      }
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("timed out reading " + topic);
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          out.add(new Line(new String(r.value(), StandardCharsets.UTF_8), r.timestamp()));
        }
      }
    }
    return out;
  }
}
