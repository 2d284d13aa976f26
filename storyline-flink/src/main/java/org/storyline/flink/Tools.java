package org.storyline.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.storyline.model.InputProblem;

/**
 * The job's companions on the command line (docs/flink.md):
 * <pre>
 * publish --bootstrap B [--topic storyline.raw] PATH...   input files to the input topic, one JSONL line each
 * load --bootstrap B --data DIR [--embeddings true|false]   the job's output topics into a Storyline store
 * stories --bootstrap B [--topic storyline.stories]       count the job's stories and their articles
 * </pre>
 */
public final class Tools {
  private Tools() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  static int run(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: publish|load|stories --bootstrap HOST:PORT ... (see docs/flink.md)");
      return 2;
    }
    String bootstrap = "localhost:9092";
    String topic = null;
    String data = null;
    boolean embeddings = true;
    List<Path> paths = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--bootstrap" -> bootstrap = args[++i];
        case "--topic" -> topic = args[++i];
        case "--data" -> data = args[++i];
        case "--embeddings" -> embeddings = Boolean.parseBoolean(args[++i]);
        default -> {
          if (args[i].startsWith("--")) {
            System.err.println("unknown option " + args[i]);
            return 2;
          }
          paths.add(Path.of(args[i]));
        }
      }
    }
    JobConfig d = JobConfig.defaults();
    switch (args[0]) {
      case "publish" -> {
        Topics.Published p = Topics.publish(bootstrap, topic == null ? d.inputTopic() : topic, paths);
        for (InputProblem x : p.problems()) System.err.println(x.source() + ": " + x.reason());
        System.out.println(p.documents() + " documents sent");
      }
      case "load" -> {
        if (data == null) {
          System.err.println("load needs --data DIR");
          return 2;
        }
        System.out.println(StoreLoader.load(bootstrap, d.articlesTopic(), topic == null ? d.storiesTopic() : topic,
            Path.of(data), embeddings).line());
      }
      case "stories" -> {
        Map<String, TreeSet<String>> s = Stories.of(Stories.values(Topics.readAll(bootstrap,
            topic == null ? d.storiesTopic() : topic)));
        System.out.println(s.size() + " stories of " + s.values().stream().mapToInt(TreeSet::size).sum()
            + " articles");
      }
      default -> {
        System.err.println("unknown command " + args[0] + " (publish, load, stories)");
        return 2;
      }
    }
    return 0;
  }
}
