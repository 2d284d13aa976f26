package org.storyline.model;

import java.util.List;

/**
 * The facts of one story or storyline compared across its articles by meaning: each fact is a statement one or more
 * articles make, with the sentence that states it in each. Copies (syndicated or near-identical articles) are left
 * out: they report nothing of their own.
 *
 * <p>{@code scope} is the story or storyline id, {@code kind} "story" or "storyline"; {@code articles} the articles
 * compared (story order: publish date, then id); {@code method} how sentences were compared: "embeddings" (sentence
 * embeddings plus agreement of names, numbers and dates) or "words" (shared content words plus the same agreement,
 * when the pipeline runs without embeddings). {@code facts} are most reported first, then by first report.
 */
public record FactTable(String scope, String kind, List<String> articles, String method, List<Fact> facts) {
  public FactTable {
    articles = List.copyOf(articles);
    facts = List.copyOf(facts);
  }

  /**
   * One fact: {@code id} is stable within the report ({@code scope + "/f" + n}); {@code articles} and {@code outlets}
   * report it (first report first); {@code first*} the earliest report (publish date, then id; {@code firstPublished}
   * null when no report of it is dated); {@code unique} when one article alone reports it; {@code evidence} the
   * sentence stating it in each article, in article order.
   */
  public record Fact(String id, List<String> articles, List<String> outlets, String firstArticle, String firstOutlet,
      String firstPublished, boolean unique, List<Evidence> evidence) {
    public Fact {
      articles = List.copyOf(articles);
      outlets = List.copyOf(outlets);
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * A sentence stating a fact: {@code text} is {@code article.text().substring(start, end)}; {@code similarity} is
   * how closely it matches the fact's first sentence (1 for that sentence itself).
   */
  public record Evidence(String article, String outlet, int start, int end, String text, double similarity) {}
}
