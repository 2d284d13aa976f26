package org.storyline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.storyline.model.InputProblem;

/**
 * Reads a one-article file (text or HTML, maybe gzipped) with every bad-input check: empty, binary, truncated gzip,
 * over the size limit, unknown or mixed encoding. Reports each as an {@link InputProblem} and keeps what it can.
 */
final class DocumentFiles {
  private DocumentFiles() {}

  static void read(Path file, RawDocument.Format format, SourceReader.Sink sink) throws IOException {
    String src = file.toString();
    FileBytes.Read r = FileBytes.read(file, ReadLimits.MAX_DOCUMENT_BYTES);
    if (r.empty()) {
      sink.problem(new InputProblem(src, 0, r.broken() != null ? r.broken() + ": nothing readable" : "empty file",
          true));
      return;
    }
    String binary = Decoding.binaryKind(r.bytes());
    if (binary != null) {
      sink.problem(new InputProblem(src, 0, binary, true));
      return;
    }
    Decoding.Decoded d = Decoding.decode(r.bytes());
    if (d.text().isBlank()) {
      sink.problem(new InputProblem(src, 0, "empty file (only white space)", true));
      return;
    }
    if (r.broken() != null) {
      sink.problem(new InputProblem(src, 0, r.broken() + ": read the " + r.bytes().length
          + " bytes before the break", false));
    }
    if (r.capped()) {
      sink.problem(new InputProblem(src, 0, "larger than " + ReadLimits.mib(ReadLimits.MAX_DOCUMENT_BYTES)
          + ": truncated, read the first " + ReadLimits.mib(ReadLimits.MAX_DOCUMENT_BYTES) + " only", false));
    }
    if (d.note() != null) sink.problem(new InputProblem(src, 0, d.note(), false));
    sink.document(new RawDocument(Ids.fromFile(file), src, format, d.text(), null));
  }
}
