package org.storyline.extract;

import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/** Turns one raw document into a clean article with metadata. Stateless, thread-safe, never throws on content. */
public interface Extractor {
  Article extract(RawDocument doc);
}
