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
   * One article of the story: {@code unique} are its facts that no other article of the story reports in any wording
   * (the story's {@link FactTable} facts with {@code unique} set), most telling first; {@code speakers} whom it quotes;
   * {@code speakersOnlyHere} those no other article quotes. Added later: {@code published} its publish date;
   * {@code hoursToFirstCoverage} how many hours after the story's first report it was published (0 for the first;
   * whole days times 24 when either date has no time of day; null when either is undated); {@code headlineOnlyHere} the content words of its
   * headline that no other article's headline uses.
   */
  public record ArticleView(String article, String outlet, List<Fact> unique, List<String> speakers,
      List<String> speakersOnlyHere, String published, Double hoursToFirstCoverage, List<String> headlineOnlyHere) {
    public ArticleView {
      unique = List.copyOf(unique);
      speakers = List.copyOf(speakers);
      speakersOnlyHere = List.copyOf(speakersOnlyHere);
      headlineOnlyHere = headlineOnlyHere == null ? List.of() : List.copyOf(headlineOnlyHere);
    }

    /** The fields of the first report format. */
    public ArticleView(String article, String outlet, List<Fact> unique, List<String> speakers,
        List<String> speakersOnlyHere) {
      this(article, outlet, unique, speakers, speakersOnlyHere, null, null, List.of());
    }
  }

  /**
   * A sentence only this article reports: {@code text} is {@code article.text().substring(start, end)};
   * {@code covered} is how closely the nearest sentence of another article matches it (0..1: the embedding cosine,
   * or without embeddings the share of its content words that sentence has); {@code fact} the id of the fact in the
   * story's {@link FactTable} (null from reports written before fact tables).
   */
  public record Fact(int start, int end, String text, double covered, String fact) {
    /** The fields of the first report format. */
    public Fact(int start, int end, String text, double covered) {
      this(start, end, text, covered, null);
    }
  }
}
