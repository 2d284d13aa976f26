package org.storyline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.storyline.model.InputProblem;

/**
 * Reads one kind of input file into raw documents. Implementations are stateless and thread-safe. A reader never
 * throws for bad content: it reports an {@link InputProblem} to the sink and goes on with what it can read.
 */
public interface SourceReader {

  /** True when this reader handles the file (by name; content sniffing is the reader's business). */
  boolean accepts(Path file);

  /** Reads {@code file}, passing each document and each problem to {@code sink}. */
  void read(Path file, Sink sink) throws IOException;

  /** Receives what a reader found. */
  interface Sink {
    void document(RawDocument doc);

    void problem(InputProblem problem);
  }
}
