package org.storyline.nlp;

import java.time.LocalDate;
import org.storyline.nlp.TimexValues.Gran;
import org.storyline.nlp.TimexValues.Point;

/**
 * What normalising one expression may look at: the publish date ({@code dct}, null when unknown), the text, the
 * reference time (the most recent date the text mentioned so far, at first the publish day) and the expression's
 * offsets. One per tagged text, advanced expression by expression in text order; never shared.
 */
final class TimexContext {
  final LocalDate dct;
  final String text;
  Point ref;
  int start;
  int end;

  TimexContext(LocalDate dct, String text) {
    this.dct = dct;
    this.text = text;
    this.ref = dct == null ? null : new Point(dct, Gran.DAY);
  }
}
