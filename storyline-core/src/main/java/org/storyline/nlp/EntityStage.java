package org.storyline.nlp;

import java.util.List;
import org.storyline.model.Article;
import org.storyline.model.Entity;

/** Finds entity mentions in every article and merges aliases into canonical entities across articles. */
public interface EntityStage {
  List<Entity> apply(List<Article> articles);
}
