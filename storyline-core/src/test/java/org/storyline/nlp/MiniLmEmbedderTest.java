package org.storyline.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private final Embedder e = MiniLmEmbedder.shared();

  @Test
  void sameEventInOtherWordsIsCloserThanAnotherEvent() {
    float[] a = e.embed("Tourist ship strikes highway bridge in Germany");
    float[] b = e.embed("Rhine cruise boat hits a bridge pillar, passengers injured");
    float[] c = e.embed("Central bank raises interest rates to fight inflation");
    assertEquals(384, a.length);
    assertEquals(1.0, Embedder.dot(a, a), 1e-4);
    double same = Embedder.dot(a, b);
    double other = Embedder.dot(a, c);
    assertTrue(same > other + 0.2, same + " vs " + other);
  }

  @Test
  void deterministicAcrossThreads() {
    List<String> texts = IntStream.range(0, 16).mapToObj(i -> "Storm number " + i + " hits the coast of Norway.")
        .toList();
    List<float[]> one = texts.stream().map(e::embed).toList();
    List<float[]> par = texts.parallelStream().map(e::embed).toList();
    for (int i = 0; i < texts.size(); i++) assertArrayEquals(one.get(i), par.get(i));
  }

  @Test
  void emptyTextIsTheZeroVector() {
    float[] z = e.embed("  ");
    assertEquals(384, z.length);
    assertEquals(0.0, Embedder.dot(z, z));
  }

  @Test
  void longTextIsCutNotRejected() {
    String longText = "The council met again on Tuesday. ".repeat(400);
    float[] v = e.embed(longText);
    assertEquals(1.0, Embedder.dot(v, v), 1e-4);
  }
}
