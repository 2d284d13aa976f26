package org.storyline.nlp;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recognition rule: a pattern tried, anchored, only near a token that is one of its {@code triggers} (a word any
 * match must contain), and a handler that turns a match into a candidate or rejects it (null).
 */
record TimexRule(String name, Set<String> triggers, Pattern pattern, Handler handler) {
  /** Turns a match on the lower-cased text into a candidate (reading {@code text} for the original case), or null. */
  interface Handler {
    TimexCandidate make(Matcher m, String text);
  }
}
