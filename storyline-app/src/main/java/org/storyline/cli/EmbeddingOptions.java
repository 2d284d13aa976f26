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

  /** Says so when embeddings were wanted but the model cannot load on this platform (stories use words only). */
  void warn(java.io.PrintWriter err) {
    String why = off ? null : org.storyline.nlp.MiniLmEmbedder.loadProblem();
    if (why != null) err.println("storyline: stories clustered without sentence embeddings: " + why);
  }
}
