package org.storyline.nlp;

import java.util.List;
import org.storyline.document.AnnotatedArticle;
import org.storyline.document.Segmenter;
import org.storyline.model.Article;
import org.storyline.model.Entity;

/**
 * The default entity stage: {@link NamedEntityRecognizer} on every article (in parallel, order kept), on the
 * document's sentences and tokens when the pipeline gives them ({@link #recognize}), then {@link EntityLinker} across
 * all of them, on those same tokens ({@link #link}). Thread-safe; deterministic.
 */
public final class DefaultEntityStage implements EntityStage {
  private static final Segmenter SEGMENTER = new Segmenter();
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
    return link(articles.parallelStream().map(a -> recognize(SEGMENTER.segment(a))).toList());
  }

  @Override
  public AnnotatedArticle recognize(AnnotatedArticle doc) {
    try {
      return doc.withMentions(recognizer.analyze(doc.text(), doc.sentenceTokens()).found());
    } catch (RuntimeException e) {
      // one unreadable article must not stop the batch: it contributes no mentions
      return doc.withMentions(List.of());
    }
  }

  @Override
  public List<Entity> link(List<AnnotatedArticle> docs) {
    return linker.link(docs.stream().map(d -> d.mentions() == null ? recognize(d) : d)
        .map(d -> new EntityLinker.ArticleMentions(d.id(), d.text(), d.tokens(), d.mentions())).toList());
  }
}
