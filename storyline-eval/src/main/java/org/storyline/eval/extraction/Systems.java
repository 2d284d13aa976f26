package org.storyline.eval.extraction;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import net.dankito.readability4j.Readability4J;
import org.storyline.extract.html.HtmlArticleExtractor;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/** The extractors compared: ours and the Java peers (evaluation only). */
final class Systems {
  private Systems() {}

  /** One extractor under test; {@code extract} returns null on failure. */
  interface System {
    String name();

    Article extract(String html, String url);
  }

  static final class Ours implements System {
    private final HtmlArticleExtractor x = new HtmlArticleExtractor();

    @Override
    public String name() {
      return "storyline";
    }

    @Override
    public Article extract(String html, String url) {
      RawDocument d = new RawDocument("page", url == null ? "page" : url, RawDocument.Format.HTML, html,
          new RawDocument.Hints(url, null, null, null, null));
      return x.extract(d);
    }
  }

  static final class Readability implements System {
    @Override
    public String name() {
      return "Readability4J 1.0.8";
    }

    @Override
    public Article extract(String html, String url) {
      try {
        var a = new Readability4J(url == null ? "" : url, html).parse();
        String t = a.getTextContent();
        return t == null ? null : article(t, a.getTitle(), a.getByline());
      } catch (RuntimeException | StackOverflowError e) {
        return null;
      }
    }
  }

  static final class Boilerpipe implements System {
    @Override
    public String name() {
      return "boilerpipe 1.2.2 ArticleExtractor";
    }

    @Override
    public Article extract(String html, String url) {
      try {
        String t = ArticleExtractor.INSTANCE.getText(html);
        return t == null ? null : article(t, null, null);
      } catch (Exception | StackOverflowError e) {
        return null;
      }
    }
  }

  private static Article article(String text, String title, String byline) {
    return new Article("page", "page", title, null, null, byline, null, false, null, null, text, null, null);
  }
}
