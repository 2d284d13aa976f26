package org.storyline.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stories of an assignments topic: each article's story, with the merges the assignments recorded applied
 * (a story merged into another counts as that one), as sorted sets of article ids, so two runs or a run and
 * {@code analyze} compare with {@code equals}.
 */
public final class Stories {
  private Stories() {}

  /** Story id to its article ids (sorted), from story lines ({@link Json#story}) in topic order: the latest wins. */
  public static Map<String, TreeSet<String>> of(List<String> storyLines) {
    Map<String, TreeSet<String>> latest = new HashMap<>();
    for (String line : storyLines) {
      JsonNode n = read(line);
      TreeSet<String> ids = new TreeSet<>();
      for (JsonNode a : n.path("articles")) ids.add(a.asText());
      latest.put(n.get("story").asText(), ids);
    }
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (Map.Entry<String, TreeSet<String>> e : latest.entrySet()) {
      if (!e.getValue().isEmpty()) out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** The article ids of each story as a set of sets (story ids left out), for comparing partitions. */
  public static java.util.Set<TreeSet<String>> partition(Map<String, TreeSet<String>> stories) {
    return new java.util.HashSet<>(stories.values());
  }

  /** Each article id with how many assignment lines name it (more than one would be a doubled record). */
  public static Map<String, Integer> counts(List<String> assignmentLines) {
    Map<String, Integer> c = new TreeMap<>();
    for (String line : assignmentLines) c.merge(read(line).get("article").asText(), 1, Integer::sum);
    return c;
  }

  static List<String> values(List<Topics.Line> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (Topics.Line l : lines) out.add(l.value());
    return out;
  }

  private static JsonNode read(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not an assignment line: " + line, e);
    }
  }
}
