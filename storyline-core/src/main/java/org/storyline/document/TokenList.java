package org.storyline.document;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.storyline.nlp.Span;

/**
 * An immutable list of token spans kept as one array of offsets ({@code [start0, end0, start1, end1, ...]}): a
 * document keeps its tokens for the whole run, and two ints per token cost a third of a {@link Span} object and its
 * reference. {@link #get} makes the span on demand; equality is a list's (element by element).
 */
final class TokenList extends AbstractList<Span> implements RandomAccess {
  static final TokenList EMPTY = new TokenList(new int[0]);

  private final int[] bounds;

  private TokenList(int[] bounds) {
    this.bounds = bounds;
  }

  /** The spans, copied (a {@code TokenList} is returned as it is). */
  static TokenList of(List<Span> spans) {
    if (spans instanceof TokenList t) return t;
    if (spans.isEmpty()) return EMPTY;
    int[] b = new int[spans.size() * 2];
    int i = 0;
    for (Span s : spans) {
      b[i++] = s.start();
      b[i++] = s.end();
    }
    return new TokenList(b);
  }

  @Override
  public Span get(int i) {
    java.util.Objects.checkIndex(i, size());
    return new Span(bounds[2 * i], bounds[2 * i + 1]);
  }

  @Override
  public int size() {
    return bounds.length / 2;
  }
}
