package org.storyline.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.storyline.model.Article;
import org.storyline.nlp.Span;

/**
 * The annotated documents of one run, by article id: how a corpus stage handed plain {@link Article}s (outlet
 * comparison, fact tables) reads the sentences the pipeline already computed instead of splitting the text again.
 * An article that is not among the documents (a caller outside the pipeline, or another text under the same id) is
 * segmented on demand, with the same {@link Segmenter}, so the answer never depends on whether it was.
 *
 * <p>Immutable and thread-safe.
 */
public final class Documents {
  private static final Segmenter SEGMENTER = new Segmenter();
  private static final Documents NONE = new Documents(List.of());

  private final Map<String, AnnotatedArticle> byId;

  private Documents(List<AnnotatedArticle> docs) {
    Map<String, AnnotatedArticle> m = new HashMap<>(docs.size() * 2);
    for (AnnotatedArticle d : docs) m.putIfAbsent(d.id(), d);
    this.byId = Map.copyOf(m);
  }

  /** The given documents (the first of any id given twice). */
  public static Documents of(List<AnnotatedArticle> docs) {
    return new Documents(docs);
  }

  /** No documents: every article is segmented when asked for. */
  public static Documents none() {
    return NONE;
  }

  /** The document of {@code a}: the one held for its id when its text is the same, else {@code a} segmented now. */
  public AnnotatedArticle of(Article a) {
    AnnotatedArticle d = byId.get(a.id());
    return d != null && d.text().equals(a.text()) ? d : SEGMENTER.segment(a);
  }

  /** The sentence spans of {@code a}, in order. */
  public List<Span> sentences(Article a) {
    return of(a).sentenceSpans();
  }
}
