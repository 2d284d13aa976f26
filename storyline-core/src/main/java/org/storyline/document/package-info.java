/**
 * The annotated document: one immutable {@link org.storyline.document.AnnotatedArticle} per article, holding its
 * text, its tokens and sentences (computed once, by {@link org.storyline.document.Segmenter}) and, as the pipeline's
 * stages run, its entity mentions, quotes and time expressions. Each stage returns a new document
 * ({@code withMentions}, {@code withQuotes}, {@code withTimexes}); none mutates one.
 * {@link org.storyline.document.Documents} gives the corpus stages (outlet comparison, fact tables) the sentences of
 * the articles they are handed, so the text is split once per run. docs/architecture.md has the model.
 */
package org.storyline.document;
