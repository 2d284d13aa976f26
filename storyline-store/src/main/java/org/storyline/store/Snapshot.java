package org.storyline.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.storyline.cluster.Assignment;
import org.storyline.cluster.StoryIndex;
import org.storyline.model.Article;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

/**
 * The stories of a {@link Library} at one moment: every stored article's metadata (text left out; publish dates
 * inferred from story mates where the article has none), the stories and storylines, and why each article joined its
 * story. Immutable and thread-safe; {@code version} grows with each ingest that changed something.
 */
public record Snapshot(List<Article> articles, List<Story> stories, List<Storyline> storylines,
    List<Assignment> assignments, List<StoryIndex.Event> events, long version, Map<String, Article> articleById,
    Map<String, Story> storyById, Map<String, Story> storyOfArticle, Map<String, Storyline> storylineById,
    Map<String, Storyline> storylineOfStory, Map<String, int[]> assignmentsOfArticle,
    Map<String, List<StoryIndex.Event>> eventsOfStory) {

  public Snapshot {
    articles = List.copyOf(articles);
    stories = List.copyOf(stories);
    storylines = List.copyOf(storylines);
    assignments = List.copyOf(assignments);
    events = List.copyOf(events);
  }

  Snapshot(List<Article> articles, List<Story> stories, List<Storyline> storylines, List<Assignment> assignments,
      List<StoryIndex.Event> events, long version) {
    this(articles, stories, storylines, assignments, events, version, index(articles, Article::id),
        index(stories, Story::id), ofArticle(stories), index(storylines, Storyline::id), ofStory(storylines),
        positions(assignments), eventsByStory(events));
  }

  /** The article's metadata without its text (and without removed lines), to keep a snapshot small. */
  static Article header(Article a) {
    return new Article(a.id(), a.source(), a.title(), a.outlet(), a.url(), a.byline(), a.published(),
        a.publishedInferred(), a.credits(), a.language(), "", List.of(), List.of());
  }

  public Article article(String id) {
    return articleById.get(id);
  }

  public Story story(String id) {
    return storyById.get(id);
  }

  public Story storyOf(String articleId) {
    return storyOfArticle.get(articleId);
  }

  public Storyline storyline(String id) {
    return storylineById.get(id);
  }

  public Storyline storylineOf(String storyId) {
    return storylineOfStory.get(storyId);
  }

  /**
   * Why each article of the story joined it, in the snapshot's order of {@link #assignments}. Built from indexes the
   * snapshot made when it was built (by the writer, before a server's readers see it): a reader used to build them
   * on its first story after each ingest, and every request thread did so at once (100k assignments each, the
   * readers' p99 at 100k articles followed each ingest).
   */
  public List<Assignment> assignmentsOf(Story s) {
    int n = 0;
    for (String a : s.articles()) {
      int[] p = assignmentsOfArticle.get(a);
      if (p != null) n += p.length;
    }
    int[] all = new int[n];
    n = 0;
    for (String a : s.articles()) {
      int[] p = assignmentsOfArticle.get(a);
      if (p != null) for (int i : p) all[n++] = i;
    }
    java.util.Arrays.sort(all);
    List<Assignment> out = new java.util.ArrayList<>(all.length);
    for (int i : all) out.add(assignments.get(i));
    return out;
  }

  /** The events of a story: those into it and those it took part in, in the snapshot's order. */
  public List<StoryIndex.Event> eventsOf(String storyId) {
    return eventsOfStory.getOrDefault(storyId, List.of());
  }

  /** Each article's positions in {@code assignments}, ascending. */
  private static Map<String, int[]> positions(List<Assignment> assignments) {
    Map<String, int[]> m = new HashMap<>();
    for (int i = 0; i < assignments.size(); i++) {
      int[] p = m.get(assignments.get(i).article());
      if (p == null) {
        p = new int[] {i};
      } else {
        p = java.util.Arrays.copyOf(p, p.length + 1);
        p[p.length - 1] = i;
      }
      m.put(assignments.get(i).article(), p);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, List<StoryIndex.Event>> eventsByStory(List<StoryIndex.Event> events) {
    Map<String, List<StoryIndex.Event>> m = new HashMap<>();
    for (StoryIndex.Event e : events) {
      m.computeIfAbsent(e.into(), k -> new java.util.ArrayList<>()).add(e);
      if (!e.story().equals(e.into())) m.computeIfAbsent(e.story(), k -> new java.util.ArrayList<>()).add(e);
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> m = new HashMap<>();
    for (T t : items) m.put(id.apply(t), t);
    return Map.copyOf(m);
  }

  private static Map<String, Story> ofArticle(List<Story> stories) {
    Map<String, Story> m = new HashMap<>();
    for (Story s : stories) for (String a : s.articles()) m.put(a, s);
    return Map.copyOf(m);
  }

  private static Map<String, Storyline> ofStory(List<Storyline> lines) {
    Map<String, Storyline> m = new HashMap<>();
    for (Storyline l : lines) for (String s : l.stories()) m.put(s, l);
    return Map.copyOf(m);
  }
}
