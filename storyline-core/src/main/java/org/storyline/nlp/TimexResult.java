package org.storyline.nlp;

/**
 * A normalised time expression: its TIMEX3 {@code type} (DATE, TIME, DURATION, SET) and {@code value}; {@code anchors}:
 * it may serve as the reference time for the expressions after it (a comparison such as "a year ago" does not).
 */
record TimexResult(String type, String value, boolean anchors) {
  TimexResult(String type, String value) {
    this(type, value, true);
  }

  /** The same value, as a comparison: not a reference time for what follows. */
  TimexResult comparison() {
    return new TimexResult(type, value, false);
  }

  /** A DATE value that anchors. */
  static TimexResult date(String v) {
    return new TimexResult("DATE", v);
  }
}
