package org.storyline.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  @Test
  void dropsTheLeastRecentlyUsedEntryOverTheCap() {
    BoundedCache<String, Integer> c = BoundedCache.ofEntries(2);
    c.put("a", 1);
    c.put("b", 2);
    assertEquals(1, c.get("a")); // a is now the most recently used
    c.put("c", 3);
    assertNull(c.get("b"));
    assertEquals(List.of("a", "c"), c.keys());
    assertEquals(2, c.size());
  }

  @Test
  void replacingAKeyKeepsOneEntryAndItsNewWeight() {
    BoundedCache<String, String> c = BoundedCache.ofWeight(10, String::length);
    c.put("a", "xxxx");
    c.put("a", "xx");
    assertEquals(1, c.size());
    assertEquals(2, c.weight());
    assertEquals("xx", c.get("a"));
  }

  @Test
  void weightCapDropsEldestUntilUnderAndCountsRemovals() {
    BoundedCache<String, String> c = BoundedCache.ofWeight(10, String::length);
    c.put("a", "xxxx");
    c.put("b", "xxxx");
    c.put("c", "xxxx"); // 12 > 10: a goes
    assertEquals(List.of("b", "c"), c.keys());
    assertEquals(8, c.weight());
    c.put("d", "xxxxxxxxx"); // 17 > 10: b, then c go
    assertEquals(List.of("d"), c.keys());
    assertEquals(9, c.weight());
    c.removeIf(v -> v.length() > 5);
    assertEquals(0, c.size());
    assertEquals(0, c.weight());
    c.put("e", "x");
    c.clear();
    assertEquals(0, c.weight());
    assertNull(c.get("e"));
  }

  @Test
  void refusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> BoundedCache.ofEntries(0));
    assertThrows(IllegalArgumentException.class, () -> BoundedCache.ofWeight(-1, v -> 1));
    BoundedCache<String, String> c = BoundedCache.ofEntries(1);
    assertThrows(NullPointerException.class, () -> c.put(null, "x"));
    assertThrows(NullPointerException.class, () -> c.put("x", null));
    BoundedCache<String, String> neg = BoundedCache.ofWeight(5, v -> -1);
    assertThrows(IllegalArgumentException.class, () -> neg.put("x", "y"));
  }

  @Test
  void concurrentPutsKeepTheCapAndTheWeightConsistent() throws Exception {
    BoundedCache<Integer, Integer> c = BoundedCache.ofEntries(50);
    Thread[] ts = new Thread[4];
    for (int i = 0; i < ts.length; i++) {
      int base = i * 10_000;
      ts[i] = new Thread(() -> {
        for (int k = 0; k < 10_000; k++) {
          c.put(base + k % 200, k);
          c.get(base + (k * 7) % 200);
        }
      });
      ts[i].start();
    }
    for (Thread t : ts) t.join();
    assertEquals(50, c.size());
    assertEquals(50, c.weight());
  }
}
