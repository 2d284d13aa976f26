package org.storyline.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A kept vector equals the model's, a kept text is not embedded again, and the cache keeps to its capacity. */
class CachedEmbedderTest {
  /** A stand-in model: a vector from the text's characters, counting its runs. */
  private static final class Counting implements Embedder {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public int dimension() {
      return 4;
    }

    @Override
    public float[] embed(String text) {
      runs.incrementAndGet();
      float[] v = new float[4];
      for (int i = 0; i < text.length(); i++) v[i % 4] += text.charAt(i);
      return v;
    }

    @Override
    public String name() {
      return "counting";
    }
  }

  @Test
  void keepsVectorsOfRecentTexts() {
    Counting model = new Counting();
    CachedEmbedder e = (CachedEmbedder) CachedEmbedder.of(model, 2);
    assertArrayEquals(model.embed("Ship hits bridge"), e.embed("Ship hits bridge"));
    int runs = model.runs.get();
    float[] again = e.embed("Ship hits bridge");
    assertEquals(runs, model.runs.get(), "a kept text is not embedded again");
    again[0] = -1; // a caller writing to its vector does not change the kept one
    assertArrayEquals(model.embed("Ship hits bridge"), e.embed("Ship hits bridge"));
    e.embed("a");
    e.embed("b");
    assertEquals(2, e.size());
    runs = model.runs.get();
    e.embed("Ship hits bridge"); // pushed out by "a" and "b"
    assertEquals(runs + 1, model.runs.get());
    assertNull(CachedEmbedder.of(null, 10));
  }
}
