package org.storyline.store;

import java.time.LocalDate;

/**
 * A full-text search: Lucene query syntax over title and text ({@code "exact phrase"}, {@code AND}/{@code OR}/
 * {@code NOT}, {@code title:word}, {@code wildcard*}, {@code *:*} for everything); optional filters on the outlet
 * (exact, case-insensitive) and on the publication date (inclusive; articles without a date are left out when a date
 * filter is given); at most {@code limit} hits.
 */
public record SearchQuery(String query, String outlet, LocalDate from, LocalDate to, int limit) {
  public SearchQuery {
    if (query == null || query.isBlank()) query = "*:*";
    if (limit <= 0) limit = 10;
  }

  public static SearchQuery of(String query) {
    return new SearchQuery(query, null, null, null, 10);
  }
}
