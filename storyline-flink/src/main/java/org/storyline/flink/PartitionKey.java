package org.storyline.flink;

import java.util.Locale;
import org.storyline.model.Article;

/**
 * What the story assignment is keyed by. One key's articles are assigned in publish order by one task, against one
 * story state; articles of different keys never share a story. So a key must keep stories whole: {@link #ALL} (one
 * key; the same stories as {@code storyline analyze} on the same input, one task assigns), or {@link #LANGUAGE} (the
 * article's detected language, "und" when unknown: a story is told in one language, and the languages' streams are
 * assigned in parallel).
 */
public enum PartitionKey {
  ALL,
  LANGUAGE;

  public String of(Article a) {
    return switch (this) {
      case ALL -> "all";
      case LANGUAGE -> a.language() == null || a.language().isBlank() ? "und" : a.language();
    };
  }

  /** The key named in the configuration ({@code all} or {@code language}). */
  public static PartitionKey parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("key must be all or language, got " + s);
    }
  }
}
