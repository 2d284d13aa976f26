package org.storyline.model;

import java.util.List;

/**
 * One event reported by one or more articles. {@code first}/{@code last} are the earliest and latest publish
 * dates of its articles (null if none is dated). {@code duplicates} groups syndicated or near-identical copies.
 */
public record Story(String id, String label, List<String> articles, String first, String last,
    List<String> outlets, List<DuplicateGroup> duplicates) {
  public Story {
    articles = List.copyOf(articles);
    outlets = List.copyOf(outlets);
    duplicates = List.copyOf(duplicates);
  }

  /** An original and its copies; {@code overlap} is the share of the copy's shingles found in the original. */
  public record DuplicateGroup(String original, List<Copy> copies) {
    public DuplicateGroup {
      copies = List.copyOf(copies);
    }
  }

  public record Copy(String article, double overlap, String kind) {}
}
