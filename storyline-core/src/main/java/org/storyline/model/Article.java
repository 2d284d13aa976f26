package org.storyline.model;

import java.util.List;
import java.util.Objects;

/**
 * A clean article: metadata plus the clean body {@code text}. Every offset elsewhere in a report
 * (entity mention, quote, time expression) indexes this {@code text}.
 *
 * <p>Immutable. {@code published} is an ISO 8601 date or date-time (with offset where the source states one),
 * or null when unknown; it is never guessed from the clock.
 */
public record Article(
    String id,
    String source,
    String title,
    String outlet,
    String url,
    String byline,
    String published,
    boolean publishedInferred,
    List<String> credits,
    String language,
    String text,
    List<String> removed,
    List<String> diagnostics) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    credits = List.copyOf(credits == null ? List.of() : credits);
    removed = List.copyOf(removed == null ? List.of() : removed);
    diagnostics = List.copyOf(diagnostics == null ? List.of() : diagnostics);
  }

  public Article withPublished(String newPublished, boolean inferred, String diagnostic) {
    List<String> d = new java.util.ArrayList<>(diagnostics);
    if (diagnostic != null) d.add(diagnostic);
    return new Article(id, source, title, outlet, url, byline, newPublished, inferred, credits, language, text,
        removed, d);
  }

  /** The same article with one more diagnostic. */
  public Article withDiagnostic(String diagnostic) {
    List<String> d = new java.util.ArrayList<>(diagnostics);
    d.add(diagnostic);
    return new Article(id, source, title, outlet, url, byline, published, publishedInferred, credits, language, text,
        removed, d);
  }

  public Article withLanguage(String lang) {
    return new Article(id, source, title, outlet, url, byline, published, publishedInferred, credits, lang, text,
        removed, diagnostics);
  }
}
