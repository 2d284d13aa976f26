package org.storyline.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.storyline.cluster.Assignment;
import org.storyline.cluster.StoryIndex;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.util.BoundedCache;

/**
 * One story as a user reads it: the story, its storyline, and the pipeline's report of its articles (entities,
 * quotes, time expressions, quote variants, events, outlet comparison), plus why each article joined. Computed on
 * first use and kept in a small LRU cache until the story changes (another article joins, a label or a date
 * changes). Thread-safe.
 */
public final class StoryViews {
  /** Stories kept computed. */
  static final int CACHE = 256;

  private final Library library;
  private final BoundedCache<String, View> cache = BoundedCache.ofEntries(CACHE);

  StoryViews(Library library) {
    this.library = library;
  }

  /**
   * A story with everything said about it. {@code report} holds only this story's articles and items (its
   * {@code stories} section is this story alone, its {@code storylines} the storyline cut to this story).
   */
  public record View(Story story, Storyline storyline, Report report, List<Assignment> assignments,
      List<StoryIndex.Event> events) {
    public View {
      Objects.requireNonNull(story, "story");
      assignments = List.copyOf(assignments);
      events = List.copyOf(events);
    }
  }

  /** Forgets the kept views holding these articles (revised: their story may look the same). */
  void forget(java.util.Collection<String> articles) {
    java.util.Set<String> gone = new java.util.HashSet<>(articles);
    cache.removeIf(v -> v.story().articles().stream().anyMatch(gone::contains));
  }

  Optional<View> story(Snapshot snap, String id) throws IOException {
    Story s = snap.story(id);
    if (s == null) return Optional.empty();
    Storyline line = snap.storylineOf(s.id());
    View kept = cache.get(id);
    if (kept != null && kept.story().equals(s) && Objects.equals(kept.storyline(), line)) return Optional.of(kept);
    Report r = library.storyReport(snap, s);
    View v = new View(s, line, r, snap.assignmentsOf(s), snap.eventsOf(s.id()));
    cache.put(id, v);
    return Optional.of(v);
  }
}
