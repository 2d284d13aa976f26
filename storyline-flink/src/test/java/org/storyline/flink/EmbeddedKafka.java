package org.storyline.flink;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in KRaft mode (one combined broker and controller), started in this JVM from Maven Central's
 * kafka artifacts: no Docker, no network beyond the loopback. Transactions work (the job's exactly-once sinks).
 */
final class EmbeddedKafka implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private EmbeddedKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  static EmbeddedKafka start() throws Exception {
    KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    c.format();
    c.startup();
    c.waitForReadyBrokers();
    return new EmbeddedKafka(c);
  }

  String bootstrap() {
    return cluster.bootstrapServers();
  }

  void createTopics(int partitions, String... names) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap());
    try (Admin a = Admin.create(p)) {
      a.createTopics(java.util.Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList())
          .all().get();
    }
  }

  /** The job's topics with this prefix: input with {@code partitions} partitions, the outputs with one. */
  JobConfig topics(String prefix, int partitions) throws Exception {
    createTopics(partitions, prefix + ".raw");
    createTopics(1, prefix + ".assignments", prefix + ".stories", prefix + ".articles", prefix + ".dead");
    return JobConfig.parse(new String[] {"--bootstrap", bootstrap(), "--input-topic", prefix + ".raw",
        "--assignments-topic", prefix + ".assignments", "--stories-topic", prefix + ".stories",
        "--articles-topic", prefix + ".articles", "--dead-letter-topic", prefix + ".dead", "--group", prefix,
        "--bounded", "true", "--checkpoint-dir", checkpointDir(prefix)});
  }

  /** A fresh folder for a run's checkpoints (files, as a cluster keeps them). */
  static String checkpointDir(String prefix) throws java.io.IOException {
    return java.nio.file.Files.createTempDirectory("storyline-ckpt-" + prefix).toUri().toString();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }

  static List<String> values(List<Topics.Line> lines) {
    return Stories.values(lines);
  }
}
