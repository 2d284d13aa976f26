package org.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/** Main-content extraction from an HTML page. */
public final class HtmlExtractor implements Extractor {
  @Override
  public Article extract(RawDocument doc) {
    Document d = Jsoup.parse(doc.content(), doc.hints().url() == null ? "" : doc.hints().url());
    List<String> paras = new ArrayList<>();
    for (Element p : d.select("p")) {
      String t = p.text().strip();
      if (!t.isEmpty()) paras.add(t);
    }
    var h = doc.hints();
    String title = h.title() != null ? h.title() : emptyToNull(d.title());
    return new Article(doc.id(), doc.source(), title, h.outlet(), h.url(), h.byline(), h.published(), false,
        List.of(), null, String.join("\n\n", paras), List.of(), List.of());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
