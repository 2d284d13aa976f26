package org.storyline.nlp;

/**
 * A half-open character range {@code [start, end)} into some text (UTF-16 offsets, as {@link String#substring}).
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
  }

  /** The covered text. */
  public String text(CharSequence s) {
    return s.subSequence(start, end).toString();
  }

  public int length() {
    return end - start;
  }
}
