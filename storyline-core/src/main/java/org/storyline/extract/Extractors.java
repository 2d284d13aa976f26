package org.storyline.extract;

import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/** Dispatches a raw document to the extractor for its format. */
public final class Extractors implements Extractor {
  private final Extractor text;
  private final Extractor html;

  public Extractors(Extractor text, Extractor html) {
    this.text = text;
    this.html = html;
  }

  public static Extractors defaults() {
    return new Extractors(new TextCleaner(), new HtmlExtractor());
  }

  @Override
  public Article extract(RawDocument doc) {
    return switch (doc.format()) {
      case TEXT -> text.extract(doc);
      case HTML -> html.extract(doc);
    };
  }
}
