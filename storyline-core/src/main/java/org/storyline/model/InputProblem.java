package org.storyline.model;

import java.util.Objects;

/**
 * Why (part of) an input was skipped: the file, the line or record where known (0 otherwise), and a message a user
 * can act on. {@code skipped} is true when nothing of the unit was read, false when it was read in part.
 * {@code units} is how many lines or records it stands for (1, or more for "N more lines with the same problem").
 */
public record InputProblem(String source, long line, String reason, boolean skipped, int units) {
  public InputProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    units = Math.max(1, units);
  }

  /** One unit (a file, a line, a record). */
  public InputProblem(String source, long line, String reason, boolean skipped) {
    this(source, line, reason, skipped, 1);
  }

  @Override
  public String toString() {
    return source + (line > 0 ? ":" + line : "") + ": " + (skipped ? "skipped: " : "") + reason;
  }
}
