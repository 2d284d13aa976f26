package org.storyline.nlp;

import java.util.ArrayList;
import java.util.List;
import org.storyline.nlp.ner.NerTagger;

/**
 * Finds named-entity mentions (PER, ORG, LOC, MISC) in raw article text, with character offsets: splits sentences,
 * tokenizes, and tags each article as one document with the shipped CoNLL-2003 model ({@link NerTagger}).
 * Thread-safe; build once.
 */
public final class NamedEntityRecognizer {
  /** A mention: {@code text.substring(start, end)}, type PER/ORG/LOC/MISC. */
  public record Found(int start, int end, String type) {}

  private final SentenceSplitter splitter;
  private final NerTagger tagger;

  public NamedEntityRecognizer(SentenceSplitter splitter, NerTagger tagger) {
    this.splitter = splitter;
    this.tagger = tagger;
  }

  public static NamedEntityRecognizer defaults() {
    return new NamedEntityRecognizer(new SentenceSplitter(), NerTagger.defaults());
  }

  /** The tokens of a text (all sentences, in order) and the mentions found in it. */
  public record Result(List<Span> tokens, List<Found> found) {}

  /** Mentions in text order. */
  public List<Found> find(String text) {
    return analyze(text).found();
  }

  /** Tokens and mentions in text order. */
  public Result analyze(String text) {
    return analyze(text, splitter.splitTokens(text));
  }

  /**
   * Tokens and mentions in text order, for a text already split into sentences of tokens (an annotated document's,
   * see {@link org.storyline.document.AnnotatedArticle#sentenceTokens}): the same as {@link #analyze(String)} when
   * {@code sents} is this recogniser's splitter's {@code splitTokens(text)}.
   */
  public Result analyze(String text, List<List<Span>> sents) {
    List<Span> allTokens = new ArrayList<>();
    for (List<Span> s : sents) allTokens.addAll(s);
    List<List<String>> words = new ArrayList<>(sents.size());
    for (List<Span> s : sents) {
      List<String> w = new ArrayList<>(s.size());
      for (Span t : s) w.add(text.substring(t.start(), t.end()));
      words.add(w);
    }
    List<List<NerTagger.Chunk>> chunks = tagger.tag(words);
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < sents.size(); i++) {
      List<Span> s = sents.get(i);
      for (NerTagger.Chunk c : chunks.get(i)) {
        out.add(new Found(s.get(c.start()).start(), s.get(c.end() - 1).end(), c.type()));
      }
    }
    return new Result(allTokens, out);
  }
}
