package org.storyline.nlp;

import java.util.List;
import org.storyline.model.Article;
import org.storyline.model.Entity;

/**
 * The default entity stage: {@link NamedEntityRecognizer} on every article (in parallel, order kept), then
 * {@link EntityLinker} across all of them. Thread-safe; deterministic.
 */
public final class DefaultEntityStage implements EntityStage {
  private final NamedEntityRecognizer recognizer;
  private final EntityLinker linker;

  public DefaultEntityStage(NamedEntityRecognizer recognizer, EntityLinker linker) {
    this.recognizer = recognizer;
    this.linker = linker;
  }

  public static DefaultEntityStage defaults() {
    return new DefaultEntityStage(NamedEntityRecognizer.defaults(), EntityLinker.defaults());
  }

  @Override
  public List<Entity> apply(List<Article> articles) {
    List<EntityLinker.ArticleMentions> found = articles.parallelStream().map(a -> {
      try {
        NamedEntityRecognizer.Result r = recognizer.analyze(a.text());
        return new EntityLinker.ArticleMentions(a.id(), a.text(), r.tokens(), r.found());
      } catch (RuntimeException e) {
        // one unreadable article must not stop the batch: it contributes no mentions
        return new EntityLinker.ArticleMentions(a.id(), a.text(), List.of(), List.of());
      }
    }).toList();
    return linker.link(found);
  }
}
