package org.storyline.cluster;

import java.util.List;
import java.util.Locale;

/**
 * Why an article went to its story: the score (cosine with the story centroid times time decay, or the copy overlap
 * for a duplicate), the terms and names that contributed most, how many candidate stories were scored, and any merge
 * the article triggered.
 */
public record Assignment(String article, String story, boolean created, double score, List<String> sharedTerms,
    List<String> sharedNames, int candidates, String duplicateOf, double overlap, String duplicateKind,
    List<StoryIndex.Event> events) {
  public Assignment {
    sharedTerms = List.copyOf(sharedTerms);
    sharedNames = List.copyOf(sharedNames);
    events = List.copyOf(events);
  }

  /** One readable line. */
  public String explain() {
    StringBuilder b = new StringBuilder();
    b.append(article).append(" -> ").append(story);
    if (duplicateOf != null) {
      b.append(String.format(Locale.ROOT, ": %s copy of %s (overlap %.2f)", duplicateKind, duplicateOf, overlap));
    } else if (created) {
      b.append(String.format(Locale.ROOT, ": new story (best candidate score %.3f of %d)", score, candidates));
    } else {
      b.append(String.format(Locale.ROOT, ": score %.3f among %d candidates", score, candidates));
    }
    if (!sharedTerms.isEmpty()) b.append("; shared terms ").append(String.join(", ", sharedTerms));
    if (!sharedNames.isEmpty()) b.append("; shared names ").append(String.join(", ", sharedNames));
    for (StoryIndex.Event e : events) b.append("; merged ").append(e.story()).append(" into ").append(e.into());
    return b.toString();
  }
}
