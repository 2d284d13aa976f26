package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link StoryIndex#top} keeps the k heaviest terms, heaviest first, ties by term, as a full sort would. */
class TopTermsTest {
  @Test
  void boundedSelectionEqualsAFullSort() {
    Random rnd = new Random(3);
    for (int round = 0; round < 200; round++) {
      Map<String, Double> v = new HashMap<>();
      int n = rnd.nextInt(300);
      // few distinct weights, so ties (broken by term) are common
      for (int i = 0; i < n; i++) v.put("t" + rnd.nextInt(1000), (double) rnd.nextInt(20));
      for (int k : new int[] {0, 1, 12, 40, 200, 500}) {
        List<String> sorted = v.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
            .limit(k).map(Map.Entry::getKey).toList();
        assertEquals(sorted, TopTerms.top(v, k), "round " + round + " k " + k);
      }
    }
  }
}
