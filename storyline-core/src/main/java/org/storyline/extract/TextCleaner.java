package org.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/** Cleans scraped plain text: normalises whitespace into paragraphs separated by blank lines. */
public final class TextCleaner implements Extractor {
  @Override
  public Article extract(RawDocument doc) {
    List<String> paras = new ArrayList<>();
    for (String line : doc.content().replace("\r\n", "\n").split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) paras.add(t);
    }
    var h = doc.hints();
    return new Article(doc.id(), doc.source(), h.title(), h.outlet(), h.url(), h.byline(), h.published(), false,
        List.of(), null, String.join("\n\n", paras), List.of(), List.of());
  }
}
