package org.storyline.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A rendered body is reused only for the same source object and version, and the cache keeps to its size. */
class RenderedCacheTest {
  @Test
  void reusesABodyOnlyForTheSameSourceAndVersion() throws Exception {
    RenderedCache cache = new RenderedCache(1 << 20);
    AtomicInteger renders = new AtomicInteger();
    Object view = new Object();
    RenderedCache.Render r = () -> ("page " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
    byte[] first = cache.get("story-1", view, 1, r);
    assertArrayEquals(first, cache.get("story-1", view, 1, r));
    assertEquals(1, renders.get(), "the same view and version: rendered once");
    cache.get("story-1", new Object(), 1, r); // the story changed: its view is another object
    assertEquals(2, renders.get());
    Object now = new Object();
    cache.get("story-1", now, 1, r);
    cache.get("story-1", now, 2, r); // the read model committed: links may differ
    assertEquals(4, renders.get());
    cache.get("story-1", now, 2, r);
    assertEquals(4, renders.get());
  }

  @Test
  void keepsToItsSizeDroppingTheLeastRecentlyUsed() throws Exception {
    RenderedCache cache = new RenderedCache(16 * 100);
    AtomicInteger renders = new AtomicInteger();
    Object view = new Object();
    RenderedCache.Render hundred = () -> {
      renders.incrementAndGet();
      return new byte[100];
    };
    for (int i = 0; i < 16; i++) cache.get("s" + i, view, 0, hundred);
    cache.get("s0", view, 0, hundred); // s0 used again: s1 is now the least recently used
    cache.get("s16", view, 0, hundred); // over the budget: s1 goes
    int before = renders.get();
    cache.get("s0", view, 0, hundred);
    assertEquals(before, renders.get(), "s0 kept");
    cache.get("s1", view, 0, hundred);
    assertEquals(before + 1, renders.get(), "s1 dropped");
  }
}
