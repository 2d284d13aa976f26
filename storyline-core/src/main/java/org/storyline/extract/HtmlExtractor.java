package org.storyline.extract;

import org.storyline.extract.html.HtmlArticleExtractor;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/**
 * Main-content extraction from an HTML page: the article body as paragraphs, with title, byline, publish date,
 * outlet and canonical URL. Container-given metadata ({@link RawDocument.Hints}) wins over the page's own.
 */
public final class HtmlExtractor implements Extractor {
  private final HtmlArticleExtractor impl = new HtmlArticleExtractor();

  @Override
  public Article extract(RawDocument doc) {
    return impl.extract(doc);
  }
}
