package org.storyline.events;

import java.util.List;
import java.util.Set;
import org.storyline.model.Article;
import org.storyline.nlp.Span;

/**
 * A dated sentence: one sentence (its dated clause, and the next sentence when it goes on about the same) saying
 * something happened in a period, with the names, words, phrase and actors that tell its happening from others.
 */
record Mark(Article article, Span sentence, Span clause, Span next, Period period, String dateFrom, int timexStart,
    int timexEnd, Set<String> names, Set<String> terms, List<String> who, List<String> where, EventPhrase.Phrase phrase,
    Set<String> persons, Set<String> agents, Set<String> sentenceTerms) {
  /** The kinds of action that tell this mark's happening (speech is too common to). */
  boolean strongKind(Set<String> kinds) {
    return phrase.kind() != null && !"say".equals(phrase.kind()) && kinds.contains(phrase.kind());
  }
}
