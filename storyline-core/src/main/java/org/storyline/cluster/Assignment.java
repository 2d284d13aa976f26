package org.storyline.cluster;

import java.util.List;
import java.util.Locale;

/**
 * Why an article went to its story: the score (cosine with the story centroid times time decay, or the copy overlap
 * for a duplicate), the terms and names that contributed most, the numbers, dates and years shared with the story,
 * the arguments in conflict with it (for a new story: with the best candidate it did not join), how many candidate
 * stories were scored, any merge the article triggered, and a note on how it joined when a rule other than the score
 * decided (e.g. a follow-up across a time gap; null otherwise).
 */
public record Assignment(String article, String story, boolean created, double score, List<String> sharedTerms,
    List<String> sharedNames, int candidates, String duplicateOf, double overlap, String duplicateKind,
    List<StoryIndex.Event> events, List<String> sharedArguments, List<String> conflicts, String note)
    implements java.io.Serializable {
  public Assignment {
    sharedTerms = List.copyOf(sharedTerms);
    sharedNames = List.copyOf(sharedNames);
    events = List.copyOf(events);
    sharedArguments = List.copyOf(sharedArguments);
    conflicts = List.copyOf(conflicts);
  }

  /** An assignment without argument evidence. */
  public Assignment(String article, String story, boolean created, double score, List<String> sharedTerms,
      List<String> sharedNames, int candidates, String duplicateOf, double overlap, String duplicateKind,
      List<StoryIndex.Event> events) {
    this(article, story, created, score, sharedTerms, sharedNames, candidates, duplicateOf, overlap, duplicateKind,
        events, List.of(), List.of(), null);
  }

  /** An assignment without a note. */
  public Assignment(String article, String story, boolean created, double score, List<String> sharedTerms,
      List<String> sharedNames, int candidates, String duplicateOf, double overlap, String duplicateKind,
      List<StoryIndex.Event> events, List<String> sharedArguments, List<String> conflicts) {
    this(article, story, created, score, sharedTerms, sharedNames, candidates, duplicateOf, overlap, duplicateKind,
        events, sharedArguments, conflicts, null);
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
    if (!sharedArguments.isEmpty()) b.append("; shared numbers/dates ").append(String.join(", ", sharedArguments));
    if (!conflicts.isEmpty()) b.append("; conflicting ").append(String.join(", ", conflicts));
    if (note != null) b.append("; ").append(note);
    for (StoryIndex.Event e : events) b.append("; merged ").append(e.story()).append(" into ").append(e.into());
    return b.toString();
  }
}
