package org.storyline.nlp;

import java.util.List;
import org.storyline.document.AnnotatedArticle;
import org.storyline.model.Article;
import org.storyline.model.Entity;

/**
 * Finds entity mentions in every article and merges aliases into canonical entities across articles. The pipeline
 * calls it in two steps on annotated documents: {@link #recognize} per article (in parallel; it may read the
 * document's shared tokens and sentences and add its mentions), then {@link #link} once across the run. A stage that
 * only implements {@link #apply} works unchanged: the defaults hand it the articles.
 */
public interface EntityStage {
  List<Entity> apply(List<Article> articles);

  /** One article's step: the document with the mentions found in it. Default: the document unchanged. */
  default AnnotatedArticle recognize(AnnotatedArticle doc) {
    return doc;
  }

  /** The run's step: canonical entities of the recognised documents. Default: {@link #apply} on their articles. */
  default List<Entity> link(List<AnnotatedArticle> docs) {
    return apply(docs.stream().map(AnnotatedArticle::article).toList());
  }
}
