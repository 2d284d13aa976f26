package org.storyline.model;

import java.util.List;

/**
 * Outlet comparison for one story: per article (copies left out), what it reported that no other article of the
 * story did, and whom it quoted.
 */
public record OutletView(String story, List<ArticleView> articles) {
  public OutletView {
    articles = List.copyOf(articles);
  }

  /**
   * One article of the story: {@code unique} are its most telling sentences that no other article of the story
   * covers, best first; {@code speakers} whom it quotes; {@code speakersOnlyHere} those no other article quotes.
   */
  public record ArticleView(String article, String outlet, List<Fact> unique, List<String> speakers,
      List<String> speakersOnlyHere) {
    public ArticleView {
      unique = List.copyOf(unique);
      speakers = List.copyOf(speakers);
      speakersOnlyHere = List.copyOf(speakersOnlyHere);
    }
  }

  /**
   * A sentence only this article reports: {@code text} is {@code article.text().substring(start, end)};
   * {@code covered} is the largest share of its content words that one sentence of another article has.
   */
  public record Fact(int start, int end, String text, double covered) {}
}
