package org.storyline.extract;

import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/** Dispatches a raw document to the extractor for its format. */
public final class Extractors implements Extractor {
  private final Extractor text;
  private final Extractor html;
  private final LanguageDetector language = new LanguageDetector();

  public Extractors(Extractor text, Extractor html) {
    this.text = text;
    this.html = html;
  }

  public static Extractors defaults() {
    return new Extractors(new TextCleaner(), new HtmlExtractor());
  }

  @Override
  public Article extract(RawDocument doc) {
    Article a = switch (doc.format()) {
      case TEXT -> text.extract(doc);
      case HTML -> html.extract(doc);
    };
    return a.language() == null ? a.withLanguage(language.detect(a.text())) : a;
  }
}
