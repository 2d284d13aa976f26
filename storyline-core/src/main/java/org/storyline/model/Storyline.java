package org.storyline.model;

import java.util.List;

/** Stories of one developing narrative, {@code stories} in time order. */
public record Storyline(String id, String label, List<String> stories) {
  public Storyline {
    stories = List.copyOf(stories);
  }
}
