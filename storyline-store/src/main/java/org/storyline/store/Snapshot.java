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
    Map<String, Storyline> storylineOfStory) {

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
        index(stories, Story::id), ofArticle(stories), index(storylines, Storyline::id), ofStory(storylines));
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
