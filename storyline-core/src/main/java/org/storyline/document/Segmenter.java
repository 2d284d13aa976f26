package org.storyline.document;

import java.util.ArrayList;
import java.util.List;
import org.storyline.model.Article;
import org.storyline.nlp.SentenceSplitter;
import org.storyline.nlp.Span;

/**
 * The first step of every annotated document: an article's tokens and sentences, computed once with
 * {@link SentenceSplitter} (paragraphs, then the CoNLL-style {@link org.storyline.nlp.Tokenizer}, then sentence
 * ends). The sentence spans are exactly {@link SentenceSplitter#split}'s and the tokens
 * {@link SentenceSplitter#splitTokens}'s, so a stage that read either reads the same from the document.
 *
 * <p>Stateless and thread-safe; build once.
 *
 * <pre>{@code
 * AnnotatedArticle d = new Segmenter().segment(article);
 * for (Sentence s : d.sentences()) System.out.println(s.span().text(d.text()));
 * }</pre>
 */
public final class Segmenter {
  private final SentenceSplitter splitter;

  public Segmenter() {
    this(new SentenceSplitter());
  }

  public Segmenter(SentenceSplitter splitter) {
    this.splitter = java.util.Objects.requireNonNull(splitter, "splitter");
  }

  /**
   * The article as a document with its tokens and sentences and no annotations yet. A text the splitter cannot read
   * (it throws) gives a document without tokens or sentences: one bad article never stops a batch.
   */
  public AnnotatedArticle segment(Article article) {
    List<List<Span>> sents;
    try {
      sents = splitter.splitTokens(article.text());
    } catch (RuntimeException e) {
      return AnnotatedArticle.of(article, List.of(), List.of());
    }
    int n = 0;
    for (List<Span> s : sents) n += s.size();
    List<Span> tokens = new ArrayList<>(n);
    List<Sentence> sentences = new ArrayList<>(sents.size());
    for (List<Span> s : sents) {
      int first = tokens.size();
      tokens.addAll(s);
      sentences.add(new Sentence(new Span(s.get(0).start(), s.get(s.size() - 1).end()), first, tokens.size()));
    }
    return AnnotatedArticle.of(article, tokens, sentences);
  }
}
