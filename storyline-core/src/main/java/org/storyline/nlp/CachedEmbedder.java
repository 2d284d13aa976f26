package org.storyline.nlp;

import java.util.Objects;
import org.storyline.util.BoundedCache;

/**
 * An {@link Embedder} that keeps the vectors of the last {@code capacity} texts it embedded. A server recomputes a
 * story's fact table each time an article joins it, and every sentence of the story's other articles was embedded
 * the time before (and wire copies repeat their sentences word for word): kept, they cost a look-up instead of a
 * model run. Embeddings are deterministic, so a kept vector is the one the model would give again; the output does
 * not depend on what is kept. Thread-safe; the model runs outside the lock.
 */
public final class CachedEmbedder implements Embedder {
  private final Embedder delegate;
  private final BoundedCache<String, float[]> kept;

  private CachedEmbedder(Embedder delegate, int capacity) {
    this.delegate = delegate;
    this.kept = BoundedCache.ofEntries(capacity);
  }

  /** {@code delegate} with a cache of {@code capacity} texts; null when {@code delegate} is null. */
  public static Embedder of(Embedder delegate, int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    return delegate == null ? null : new CachedEmbedder(delegate, capacity);
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public float[] embed(String text) {
    Objects.requireNonNull(text, "text");
    float[] v = kept.get(text);
    if (v == null) {
      v = delegate.embed(text);
      kept.put(text, v);
    }
    return v.clone(); // callers may write to theirs
  }

  @Override
  public String name() {
    return delegate.name();
  }

  /** How many texts are kept now. */
  int size() {
    return kept.size();
  }
}
