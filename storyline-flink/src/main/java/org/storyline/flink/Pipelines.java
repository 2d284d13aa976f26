package org.storyline.flink;

import org.storyline.pipeline.Pipeline;

/**
 * One {@link Pipeline} per task manager JVM and embedding setting: it is immutable and thread-safe, and building it
 * loads the lexicons and the embedding model, which every operator instance of a slot would otherwise repeat.
 */
final class Pipelines {
  private static Pipeline with;
  private static Pipeline without;

  private Pipelines() {}

  static synchronized Pipeline shared(boolean embeddings) {
    if (embeddings) {
      if (with == null) with = Pipeline.defaults(true);
      return with;
    }
    if (without == null) without = Pipeline.defaults(false);
    return without;
  }
}
