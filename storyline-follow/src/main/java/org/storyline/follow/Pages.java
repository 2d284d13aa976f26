package org.storyline.follow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.storyline.ingest.Ids;
import org.storyline.ingest.RawDocument;

/**
 * A fetched article page as a raw document for the pipeline, with its canonical URL and a hash of its visible text
 * (to recognise the same article at two URLs). What kind of XML or HTML a body is ({@link #rootOf}). Stateless.
 */
final class Pages {
  private static final Pattern ROOT = Pattern.compile("<([A-Za-z][A-Za-z0-9:._-]*)");

  private Pages() {}

  record Page(RawDocument doc, String canonical, String hash) {}

  /**
   * The page as a document; {@code hints} come from the feed or sitemap (their title is not used: the page's own
   * headline is what a later revision is compared with).
   */
  static Page of(String url, String html, RawDocument.Hints hints) {
    Document d = Jsoup.parse(html, url);
    String canonical = null;
    Element c = d.selectFirst("link[rel=canonical][href]");
    if (c != null) {
      String abs = c.absUrl("href");
      if (abs.startsWith("http")) canonical = abs;
    }
    String articleUrl = canonical != null ? canonical : url;
    RawDocument.Hints h = hints == null ? RawDocument.Hints.NONE : hints;
    RawDocument doc = new RawDocument(Ids.fromUrl(articleUrl), articleUrl, RawDocument.Format.HTML, html,
        new RawDocument.Hints(articleUrl, null, h.outlet(), h.byline(), h.published()));
    return new Page(doc, canonical, hash(d.body() == null ? d.text() : d.body().text()));
  }

  static String hash(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] h = md.digest(text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The root element name of an XML or HTML body, lower case ({@code rss}, {@code urlset}, {@code html}), or "". */
  static String rootOf(String text) {
    int i = 0;
    int n = Math.min(text.length(), 8192);
    while (i < n) {
      int lt = text.indexOf('<', i);
      if (lt < 0 || lt + 1 >= text.length()) return "";
      char next = text.charAt(lt + 1);
      if (next == '?' || next == '!') {
        int end = next == '!' && text.startsWith("<!--", lt) ? text.indexOf("-->", lt) : text.indexOf('>', lt);
        if (end < 0) return "";
        i = end + 1;
        continue;
      }
      Matcher m = ROOT.matcher(text).region(lt, Math.min(text.length(), lt + 100));
      if (!m.lookingAt()) return "";
      String name = m.group(1).toLowerCase(Locale.ROOT);
      int colon = name.indexOf(':');
      return colon >= 0 ? name.substring(colon + 1) : name;
    }
    return "";
  }
}
