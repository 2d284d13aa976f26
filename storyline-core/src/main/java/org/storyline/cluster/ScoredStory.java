package org.storyline.cluster;

import java.util.Comparator;

/**
 * A candidate story with its score for the article being added, a note when the follow-up or late-report rule gave
 * the score, and whether the late-report rule did.
 */
record ScoredStory(StoryState story, double score, String note, boolean late) {
  /** Best first; ties by the story's creation order, so the order is stable. */
  static final Comparator<ScoredStory> BEST_FIRST =
      Comparator.comparingDouble((ScoredStory x) -> -x.score).thenComparingInt(x -> x.story.seq);

  ScoredStory(StoryState story, double score) {
    this(story, score, null, false);
  }

  ScoredStory(StoryState story, double score, String note) {
    this(story, score, note, false);
  }
}
