package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The storyline linker's embedding channel: same-subject stories with few shared words link only with it. */
class StorylineEmbeddingTest {
  private static final float[] SUBJECT = {1, 0, 0};
  private static final float[] OTHER = {0, 1, 0};

  private static StorylineLinker.StoryInfo story(String id, long day, Map<String, Double> centroid) {
    return new StorylineLinker.StoryInfo(id, id, day, day, centroid);
  }

  private final List<StorylineLinker.StoryInfo> stories = List.of(
      story("story-a", 19000, Map.of("summit", 1.0, "harbour", 1.0, "treaty", 1.0, "#kestrel", 1.0)),
      story("story-b", 19008, Map.of("summit", 0.3, "ferries", 1.0, "strike", 1.0, "wages", 1.0, "#dravik", 1.0)));

  @Test
  void wordsAloneDoNotLinkThem() {
    assertTrue(StorylineLinker.link(stories, ClusterConfig.DEFAULTS).isEmpty());
    EmbeddingConfig off = EmbeddingConfig.DEFAULTS.withStoryline(0, 0.5);
    assertTrue(StorylineLinker.link(stories, ClusterConfig.DEFAULTS,
        Map.of("story-a", SUBJECT, "story-b", SUBJECT), off).isEmpty());
  }

  @Test
  void aSharedSubjectByEmbeddingLinksThem() {
    EmbeddingConfig on = EmbeddingConfig.DEFAULTS.withStoryline(1.0, 0.5);
    List<StorylineLinker.Line> lines = StorylineLinker.link(stories, ClusterConfig.DEFAULTS,
        Map.of("story-a", SUBJECT, "story-b", SUBJECT), on);
    assertEquals(1, lines.size());
    assertEquals("storyline-a", lines.get(0).id());
    assertEquals(2, lines.get(0).stories().size());
    assertTrue(StorylineLinker.link(stories, ClusterConfig.DEFAULTS,
        Map.of("story-a", SUBJECT, "story-b", OTHER), on).isEmpty(), "different subjects stay apart");
  }
}
