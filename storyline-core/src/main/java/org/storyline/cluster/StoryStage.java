package org.storyline.cluster;

import java.util.List;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Quote;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

/**
 * Groups articles into stories and stories into storylines. May return articles with inferred publish dates
 * (marked {@code publishedInferred}); otherwise returns the articles unchanged.
 */
public interface StoryStage {
  Result apply(List<Article> articles, List<Entity> entities, List<Quote> quotes);

  record Result(List<Article> articles, List<Story> stories, List<Storyline> storylines) {}
}
