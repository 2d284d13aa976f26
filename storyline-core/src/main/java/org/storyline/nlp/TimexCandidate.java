package org.storyline.nlp;

/**
 * A recognised expression not yet normalised: its offsets, the index of the rule that found it (a tie-breaker
 * between overlapping candidates) and how to resolve its value once the context before it is known.
 */
record TimexCandidate(int start, int end, int rule, Resolver resolver) {
  /** Resolves the value against the publish date and the reference time; null when there is none. */
  interface Resolver {
    TimexResult resolve(TimexContext ctx);
  }

  /** A candidate spanning [start, end) (its rule index is set by the tagger). */
  static TimexCandidate cand(int start, int end, Resolver r) {
    return new TimexCandidate(start, end, 0, r);
  }
}
