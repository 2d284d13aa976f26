package org.storyline.flink;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The job's configuration, from {@code --name value} arguments (docs/flink.md lists them with their defaults). Strict:
 * an unknown or misspelled name, or a bad value, fails at startup with a message naming it.
 *
 * @param bootstrap Kafka bootstrap servers ({@code host:port,...})
 * @param inputTopic raw articles, one JSONL article line per record
 * @param assignmentsTopic one line per assigned article: its story and why
 * @param storiesTopic one line per story a batch changed: its article ids now (keyed by story id; compactable)
 * @param articlesTopic one line per assigned article: the clean article, its entities and quotes
 * @param deadLetterTopic records that gave no article, with the reason
 * @param files when not empty, read these JSONL files (a bounded back-fill) instead of the input topic
 * @param bounded read the input topic up to its end offsets at startup, then finish (a back-fill, a test)
 * @param key the partition key of the story assignment
 * @param batchMillis the event-time slice released as one batch, or {@link AssignStories#END}
 * @param latenessMillis how far behind the newest publish time an article may arrive and still be in its slice
 * @param checkpointMillis the checkpoint interval
 * @param parallelism the job's parallelism (the source and the per-article stages; the assignment runs one task per
 *     key at most)
 * @param embeddings sentence embeddings in story clustering (as {@code analyze}'s default)
 * @param group the Kafka consumer group of the input
 * @param checkpointDir where checkpoints go ({@code file:///...}, {@code s3://...}); blank: the cluster's setting
 * @param writtenTime event time is when the record was written to the input topic, not the publish date: for a
 *     live feed (articles arrive as they are published), slices then close on the wall clock, so an article is
 *     assigned about {@code batch + lateness} after it arrived; a back-fill keeps the publish date ({@code published})
 */
public record JobConfig(String bootstrap, String inputTopic, String assignmentsTopic, String storiesTopic, String articlesTopic,
    String deadLetterTopic, List<String> files, boolean bounded, PartitionKey key, long batchMillis,
    long latenessMillis, long checkpointMillis, int parallelism, boolean embeddings, String group,
    boolean writtenTime, String checkpointDir) implements Serializable {

  public JobConfig {
    files = List.copyOf(files);
    Objects.requireNonNull(key, "key");
    if (batchMillis < 1) throw new IllegalArgumentException("batch must be positive");
    if (latenessMillis < 0) throw new IllegalArgumentException("lateness must not be negative");
    if (checkpointMillis < 10) throw new IllegalArgumentException("checkpoint interval must be at least 10 ms");
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
  }

  /** The defaults, each overridable by an argument of the same name. */
  public static final Map<String, String> DEFAULTS;

  static {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("bootstrap", "localhost:9092");
    d.put("input-topic", "storyline.raw");
    d.put("assignments-topic", "storyline.assignments");
    d.put("stories-topic", "storyline.stories");
    d.put("articles-topic", "storyline.articles");
    d.put("dead-letter-topic", "storyline.dead-letters");
    d.put("files", "");
    d.put("bounded", "false");
    d.put("key", "all");
    d.put("batch", "1h");
    d.put("lateness", "1h");
    d.put("checkpoint", "30s");
    d.put("parallelism", "1");
    d.put("embeddings", "true");
    d.put("group", "storyline");
    d.put("time", "published");
    d.put("checkpoint-dir", "");
    DEFAULTS = java.util.Collections.unmodifiableMap(d);
  }

  public static JobConfig defaults() {
    return parse(new String[0]);
  }

  /** Reads {@code --name value} pairs over {@link #DEFAULTS}. */
  public static JobConfig parse(String[] args) {
    Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + a);
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
        value = args[++i];
      }
      if (!DEFAULTS.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name + " (known: " + String.join(", ",
            DEFAULTS.keySet()) + ")");
      }
      v.put(name, value);
    }
    List<String> files = new ArrayList<>();
    for (String f : v.get("files").split(",")) if (!f.isBlank()) files.add(f.strip());
    String batch = v.get("batch");
    return new JobConfig(v.get("bootstrap"), v.get("input-topic"), v.get("assignments-topic"),
        v.get("stories-topic"), v.get("articles-topic"), v.get("dead-letter-topic"), files, bool(v, "bounded"), PartitionKey.parse(v.get("key")),
        batch.equals("end") ? AssignStories.END : millis("batch", batch), millis("lateness", v.get("lateness")),
        millis("checkpoint", v.get("checkpoint")), integer(v, "parallelism"), bool(v, "embeddings"), v.get("group"),
        timeOf(v.get("time")), v.get("checkpoint-dir"));
  }

  /** A copy with other values for some names, e.g. {@code with("parallelism", "2")}. */
  public JobConfig with(String... nameValues) {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, String> e : asArgs().entrySet()) {
      args.add("--" + e.getKey());
      args.add(e.getValue());
    }
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      args.add("--" + nameValues[i]);
      args.add(nameValues[i + 1]);
    }
    return parse(args.toArray(String[]::new));
  }

  private Map<String, String> asArgs() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("bootstrap", bootstrap);
    m.put("input-topic", inputTopic);
    m.put("assignments-topic", assignmentsTopic);
    m.put("stories-topic", storiesTopic);
    m.put("articles-topic", articlesTopic);
    m.put("dead-letter-topic", deadLetterTopic);
    m.put("files", String.join(",", files));
    m.put("bounded", Boolean.toString(bounded));
    m.put("key", key.name().toLowerCase(java.util.Locale.ROOT));
    m.put("batch", batchMillis == AssignStories.END ? "end" : batchMillis + "ms");
    m.put("lateness", latenessMillis + "ms");
    m.put("checkpoint", checkpointMillis + "ms");
    m.put("parallelism", Integer.toString(parallelism));
    m.put("embeddings", Boolean.toString(embeddings));
    m.put("group", group);
    m.put("time", writtenTime ? "written" : "published");
    m.put("checkpoint-dir", checkpointDir);
    return m;
  }

  private static boolean timeOf(String s) {
    if (s.equals("published") || s.equals("written")) return s.equals("written");
    throw new IllegalArgumentException("--time must be published or written, got " + s);
  }

  private static boolean bool(Map<String, String> v, String name) {
    String s = v.get(name);
    if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
    throw new IllegalArgumentException("--" + name + " must be true or false, got " + s);
  }

  private static int integer(Map<String, String> v, String name) {
    try {
      return Integer.parseInt(v.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got " + v.get(name));
    }
  }

  /** A duration: a number with ms, s, min, h or d (e.g. 30s, 1h). */
  static long millis(String name, String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|min|h|d)").matcher(s.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--" + name + " must be a duration like 500ms, 30s, 5min, 1h or 1d, got " + s);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> n;
      case "s" -> Duration.ofSeconds(n).toMillis();
      case "min" -> Duration.ofMinutes(n).toMillis();
      case "h" -> Duration.ofHours(n).toMillis();
      default -> Duration.ofDays(n).toMillis();
    };
  }
}
