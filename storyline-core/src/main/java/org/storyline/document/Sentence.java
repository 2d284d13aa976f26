package org.storyline.document;

import org.storyline.nlp.Span;

/**
 * One sentence of an {@link AnnotatedArticle}: its span in the text ({@code text.substring(span.start(),
 * span.end())} is the sentence, trimmed) and its tokens, {@code [firstToken, endToken)} in the document's token
 * list (never empty: {@code firstToken < endToken}).
 */
public record Sentence(Span span, int firstToken, int endToken) {
  public Sentence {
    java.util.Objects.requireNonNull(span, "span");
    if (firstToken < 0 || endToken <= firstToken) {
      throw new IllegalArgumentException("bad token range " + firstToken + ".." + endToken);
    }
  }
}
