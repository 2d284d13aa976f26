package org.storyline.model;

import java.util.Objects;

/**
 * Why (part of) an input was skipped: the file, the line or record where known (0 otherwise), and a message a user
 * can act on. {@code skipped} is true when nothing of the unit was read, false when it was read in part.
 */
public record InputProblem(String source, long line, String reason, boolean skipped) {
  public InputProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return source + (line > 0 ? ":" + line : "") + ": " + (skipped ? "skipped: " : "") + reason;
  }
}
