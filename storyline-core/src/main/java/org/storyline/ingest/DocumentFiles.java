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
    String text = decodeChecked(file, ReadLimits.MAX_DOCUMENT_BYTES, sink);
    if (text == null) return;
    if (text.isBlank()) {
      sink.problem(new InputProblem(file.toString(), 0, "empty file (only white space)", true));
      return;
    }
    sink.document(new RawDocument(Ids.fromFile(file), file.toString(), format, text, null));
  }

  /**
   * Reads and decodes {@code file} (at most {@code limit} bytes) with the checks every reader shares: empty and
   * binary files are reported as skipped (null is returned); a broken gzip, the size cap and an encoding note are
   * reported as read in part, and the decoded text is returned.
   */
  static String decodeChecked(Path file, int limit, SourceReader.Sink sink) throws IOException {
    String src = file.toString();
    FileBytes.Read r = FileBytes.read(file, limit);
    if (r.empty()) {
      sink.problem(new InputProblem(src, 0, r.broken() != null ? r.broken() + ": nothing readable" : "empty file",
          true));
      return null;
    }
    String binary = Decoding.binaryKind(r.bytes());
    if (binary != null) {
      sink.problem(new InputProblem(src, 0, binary, true));
      return null;
    }
    Decoding.Decoded d = Decoding.decode(r.bytes());
    if (r.broken() != null) {
      sink.problem(new InputProblem(src, 0, r.broken() + ": read the " + r.bytes().length
          + " bytes before the break", false));
    }
    if (r.capped()) {
      sink.problem(new InputProblem(src, 0, "larger than " + ReadLimits.mib(limit)
          + ": truncated, read the first " + ReadLimits.mib(limit) + " only", false));
    }
    if (d.note() != null) sink.problem(new InputProblem(src, 0, d.note(), false));
    return d.text();
  }
}
