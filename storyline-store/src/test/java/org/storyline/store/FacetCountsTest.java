package org.storyline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts over an index of several segments equal counting each hit's entities one by one, both when a search
 * has many hits (counted by segment ordinal and mapped once per value) and when it has few (mapped per value).
 */
class FacetCountsTest {
  @TempDir Path dir;

  private static final String[] PEOPLE = {"Jane Holt", "Tom Reed", "Maria Lopez", "Ahmed Khan", "Lena Berg",
      "Paul Okafor", "Yuki Sato", "Ivan Petrov"};
  private static final String[] PLACES = {"Westbridge", "Port Alder", "Lindhaven", "Norcastle", "Eastmere"};

  @Test
  void entityFacetsEqualCountingEachHit() throws Exception {
    Random rnd = new Random(5);
    try (Library lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false))) {
      int n = 0;
      for (int batch = 0; batch < 5; batch++) { // one commit, so one segment, per batch
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 16; i++, n++) {
          String who = PEOPLE[rnd.nextInt(PEOPLE.length)];
          String other = PEOPLE[rnd.nextInt(PEOPLE.length)];
          String where = PLACES[rnd.nextInt(PLACES.length)];
          String topic = n % 3 == 0 ? "harbour" : "council";
          String text = "Mayor " + who + " met " + other + " in " + where + " on Monday to discuss the " + topic
              + " plan. " + who + " said the " + topic + " would open next year. Case " + n + " was filed.";
          jsonl.append(String.format("{\"id\":\"a%03d\",\"title\":\"The %s plan in %s\",\"outlet\":\"Outlet %d\","
              + "\"published\":\"2024-03-%02d\",\"text\":\"%s\"}%n", n, topic, where, n % 4, 1 + n % 28, text));
        }
        Path in = dir.resolve("in" + batch + ".jsonl");
        Files.writeString(in, jsonl);
        lib.ingest(List.of(in), p -> {});
      }
      EntityIndex ix = lib.entities();
      for (String q : new String[] {"harbour", "council", "plan", "\"Case 7\""}) {
        EntityIndex.SearchResult r = ix.search(new EntityIndex.Search(q, null, null, null, null, null, 0, 1000,
            EntityIndex.DateBucket.DAY));
        assertTrue(r.total() > 0, q);
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> outlets = new HashMap<>();
        for (EntityIndex.Hit h : r.hits()) {
          for (EntityIndex.ArticleEntity e : ix.article(h.article()).orElseThrow().entities()) {
            counts.merge(e.id(), 1, Integer::sum);
          }
          outlets.merge(lib.store().get(h.article()).orElseThrow().outlet(), 1, Integer::sum);
        }
        assertEquals(top(counts), values(r.facets().get("entity")), q);
        assertEquals(top(outlets), values(r.facets().get("outlet")), q);
      }
    }
  }

  private static List<String> top(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> l = new ArrayList<>(counts.entrySet());
    l.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return l.stream().limit(EntityIndex.FACET_SIZE).map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  private static List<String> values(List<EntityIndex.FacetValue> f) {
    return f.stream().map(v -> v.value() + "=" + v.count()).toList();
  }
}
