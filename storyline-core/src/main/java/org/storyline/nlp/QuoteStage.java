package org.storyline.nlp;

import java.util.List;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Quote;

/** Finds quotes and resolves their speakers to the given canonical entities. */
public interface QuoteStage {
  List<Quote> apply(List<Article> articles, List<Entity> entities);
}
