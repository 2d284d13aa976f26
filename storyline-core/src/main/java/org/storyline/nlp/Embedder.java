package org.storyline.nlp;

/**
 * Turns a short text into a dense unit vector (a sentence embedding), so that two texts saying the same thing in
 * different words have a high dot product. Optional: every stage that uses one also runs without it (pass null).
 *
 * <p>Implementations are thread-safe and deterministic (the same text gives the same vector, bit for bit, in one
 * process), and never throw for bad input: an empty or unreadable text gives the zero vector.
 *
 * <pre>{@code
 * Embedder e = MiniLmEmbedder.shared();           // loaded once per process
 * double sim = Embedder.dot(e.embed("Ship hits bridge"), e.embed("Cruise boat strikes a bridge pylon"));
 * }</pre>
 */
public interface Embedder {
  /** Length of every vector {@link #embed} returns. */
  int dimension();

  /** The unit vector of {@code text} (all zeros when the text is empty or cannot be embedded). */
  float[] embed(String text);

  /** A short name for reports and diagnostics, e.g. the model's. */
  String name();

  /** Dot product (the cosine for unit vectors); 0 when either is null or the lengths differ. */
  static double dot(float[] a, float[] b) {
    if (a == null || b == null || a.length != b.length) return 0;
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
