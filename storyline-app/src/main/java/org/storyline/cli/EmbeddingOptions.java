package org.storyline.cli;

import picocli.CommandLine.Option;

/** The {@code --no-embeddings} option of every command that clusters stories, as a picocli mixin. */
final class EmbeddingOptions {
  @Option(names = "--no-embeddings", description = "Cluster stories by words, names and quotes only, without the "
      + "sentence embedding model (faster; stories may differ).")
  boolean off;

  boolean on() {
    return !off;
  }
}
