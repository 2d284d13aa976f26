package org.storyline.model;

import java.util.List;

/**
 * A short extractive summary of one story or storyline ({@code kind} "story" or "storyline", {@code scope} its id):
 * sentences of its articles, the most reported facts first, no fact twice, at most {@code budget} characters in all.
 * Each sentence links to its article: {@code text} is {@code article.text().substring(start, end)}; {@code fact} is
 * the fact it states (an id of the scope's {@link FactTable}) and {@code reports} how many articles report it.
 */
public record Summary(String scope, String kind, int budget, List<Sentence> sentences) {
  public Summary {
    sentences = List.copyOf(sentences);
  }

  public record Sentence(String article, String outlet, int start, int end, String text, String fact, int reports) {}
}
