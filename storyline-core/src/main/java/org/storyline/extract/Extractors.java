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
    // a given publish date that is none (2025-02-30, 25:61, +99:00, words) is rejected, not bent or kept: the
    // article is read as if none was given, and says why
    String rejected = org.storyline.ingest.PublishedValues.rejected(doc.hints().published());
    if (rejected != null) {
      var h = doc.hints();
      doc = new RawDocument(doc.id(), doc.source(), doc.format(), doc.content(),
          new RawDocument.Hints(h.url(), h.title(), h.outlet(), h.byline(), null));
    }
    Article a = switch (doc.format()) {
      case TEXT -> text.extract(doc);
      case HTML -> html.extract(doc);
    };
    if (rejected != null) a = a.withDiagnostic(rejected);
    String future = org.storyline.ingest.PublishedValues.farFuture(a.published());
    if (future != null) a = a.withDiagnostic(future);
    return a.language() == null ? a.withLanguage(language.detect(a.text())) : a;
  }
}
