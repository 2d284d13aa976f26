package org.storyline.document;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import org.storyline.model.Article;
import org.storyline.model.Quote;
import org.storyline.model.Timex;
import org.storyline.nlp.NamedEntityRecognizer;
import org.storyline.nlp.Span;

/**
 * One article and what the pipeline has learnt about it so far, built up stage by stage and never changed: the
 * {@link Segmenter} gives its tokens and sentences (once per run; every stage that reads them shares them), the entity
 * stage adds the mentions its recogniser found ({@link #withMentions}), the quote stage the article's quotes
 * ({@link #withQuotes}), the time-expression stage its time expressions ({@link #withTimexes}).
 *
 * <p>An annotation that is {@code null} has not been computed yet (its stage has not run, or the article's language
 * is one the stage does not read); an empty list means the stage ran and found nothing. Every offset is into
 * {@link #text()}: {@code text().substring(t.start(), t.end())} is token {@code t}. Lists are copied on the way in,
 * so a document is immutable and safe to share between threads.
 *
 * <p>Entities are not per article: the entity stage links mentions across all the articles of a run into canonical
 * {@link org.storyline.model.Entity entities}, which the pipeline keeps beside the documents. Sentence embeddings are
 * not here either: the story stage computes the one it needs (title and lead) inside its index.
 */
public record AnnotatedArticle(Article article, List<Span> tokens, List<Sentence> sentences,
    List<NamedEntityRecognizer.Found> mentions, List<Quote> quotes, List<Timex> timexes) {
  public AnnotatedArticle {
    Objects.requireNonNull(article, "article");
    tokens = TokenList.of(tokens); // immutable, compact: a document keeps its tokens for the whole run
    sentences = List.copyOf(sentences);
    mentions = mentions == null ? null : List.copyOf(mentions);
    quotes = quotes == null ? null : List.copyOf(quotes);
    timexes = timexes == null ? null : List.copyOf(timexes);
    int end = article.text().length();
    for (Sentence s : sentences) {
      if (s.endToken() > tokens.size() || s.span().end() > end) {
        throw new IllegalArgumentException("sentence " + s + " outside the text or the tokens of " + article.id());
      }
    }
  }

  /** A document with its tokens and sentences and no annotations yet. */
  public static AnnotatedArticle of(Article article, List<Span> tokens, List<Sentence> sentences) {
    return new AnnotatedArticle(article, tokens, sentences, null, null, null);
  }

  public String id() {
    return article.id();
  }

  public String text() {
    return article.text();
  }

  /** The sentence spans, in text order (as {@link org.storyline.nlp.SentenceSplitter#split} gives them). */
  public List<Span> sentenceSpans() {
    return new AbstractList<>() {
      @Override
      public Span get(int i) {
        return sentences.get(i).span();
      }

      @Override
      public int size() {
        return sentences.size();
      }
    };
  }

  /** The tokens of sentence {@code i} (an unmodifiable view of {@link #tokens()}). */
  public List<Span> tokensOf(int i) {
    Sentence s = sentences.get(i);
    return tokens.subList(s.firstToken(), s.endToken());
  }

  /** Each sentence's tokens, in order (as {@link org.storyline.nlp.SentenceSplitter#splitTokens} gives them). */
  public List<List<Span>> sentenceTokens() {
    return new AbstractList<>() {
      @Override
      public List<Span> get(int i) {
        return tokensOf(i);
      }

      @Override
      public int size() {
        return sentences.size();
      }
    };
  }

  /**
   * This document for another version of its article with the same id and text (the story stage may infer a publish
   * date): the tokens, sentences and annotations stay valid.
   */
  public AnnotatedArticle withArticle(Article a) {
    if (!a.id().equals(article.id()) || !a.text().equals(article.text())) {
      throw new IllegalArgumentException("not the same article text: " + a.id() + " for " + article.id());
    }
    return new AnnotatedArticle(a, tokens, sentences, mentions, quotes, timexes);
  }

  /** With the entity mentions the recogniser found (text order). */
  public AnnotatedArticle withMentions(List<NamedEntityRecognizer.Found> m) {
    return new AnnotatedArticle(article, tokens, sentences, Objects.requireNonNull(m, "mentions"), quotes, timexes);
  }

  /** With this article's quotes. */
  public AnnotatedArticle withQuotes(List<Quote> q) {
    return new AnnotatedArticle(article, tokens, sentences, mentions, Objects.requireNonNull(q, "quotes"), timexes);
  }

  /** With this article's time expressions. */
  public AnnotatedArticle withTimexes(List<Timex> t) {
    return new AnnotatedArticle(article, tokens, sentences, mentions, quotes, Objects.requireNonNull(t, "timexes"));
  }
}
