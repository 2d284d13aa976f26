package org.storyline.model;

import java.util.List;

/**
 * One statement quoted by several articles, and how its wording differs from one to the next. Each member is the
 * aligned part of a direct quote in one article ({@code text} is {@code article.text().substring(start, end)});
 * {@code changes} say how each member's wording differs from the first member's (the reference: earliest published,
 * then by article id). {@code identical} is true when every member has the same words (case and punctuation aside).
 */
public record QuoteVariant(String id, String speaker, boolean identical, List<Member> members,
    List<Change> changes) {
  public QuoteVariant {
    members = List.copyOf(members);
    changes = List.copyOf(changes);
  }

  /** The quoted statement as one article gives it. */
  public record Member(String article, String outlet, int start, int end, String text, String speaker) {}

  /** In {@code article}, the reference's words {@code from} read {@code to} (either may be empty). */
  public record Change(String article, String from, String to) {}
}
