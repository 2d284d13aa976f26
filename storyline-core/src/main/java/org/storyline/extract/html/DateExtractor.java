package org.storyline.extract.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The publication date of a page, from the most to the least reliable source: JSON-LD {@code datePublished}, meta
 * tags, {@code itemprop=datePublished}, {@code <time>} elements, a date in the URL, dates in elements named like
 * dates or bylines, then the first date in the page text. Stateless.
 */
final class DateExtractor {
  /** The date and where it came from (for diagnostics). */
  record Result(String iso, String source) {}

  /** meta name/property/itemprop values that carry the publication date, lower case. */
  static final Set<String> PUBLISHED_META = Set.of("article:published_time", "og:article:published_time",
      "article:published", "og:published_time", "published_time", "article.published", "publishdate", "publish-date",
      "publish_date", "pubdate", "datepublished", "date_published", "publication_date", "publicationdate",
      "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
      "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "originalpublicationdate",
      "article_date_original", "cxenseparse:recs:publishtime", "rnews:datepublished", "bt:pubdate",
      "iso-8601-publish-date", "date", "displaydate", "article:post_date", "og:pubdate", "pub_date", "release_date",
      "dc.created", "created", "datecreated", "vr:published_time", "ga-publishdate", "content_publication_date",
      "article_publication_date", "doc_date", "live_date", "firstpublisheddate", "publish_time", "article:publish_time",
      "nv:date", "prism.publicationdate");
  static final Set<String> MODIFIED_META = Set.of("article:modified_time", "og:updated_time", "datemodified",
      "last-modified", "lastmod", "dcterms.modified", "dc.date.modified", "modified");

  private static final Pattern DATE_HINT = Pattern.compile(
      "(?i)date|time|publish|posted|pubdate|byline|dateline|meta|info|datum|fecha|data|entry-header|post-header"
          + "|article-header|author|submitted|zeit");

  private DateExtractor() {}

  /** From structured sources (JSON-LD, meta, itemprop, marked time elements, URL); call before cleaning. */
  static Result structured(PageIndex ix, JsonLd ld, String url) {
    DateParser.Found f;
    if ((f = DateParser.parse(ld.datePublished())) != null) return new Result(f.iso(), "json-ld datePublished");
    String modified = null;
    for (Element m : ix.metas) {
      String key = key(m);
      if (key.isEmpty()) continue;
      if (PUBLISHED_META.contains(key)) {
        if ((f = DateParser.parse(m.attr("content"))) != null) return new Result(f.iso(), "meta " + key);
      } else if (modified == null && MODIFIED_META.contains(key)) {
        modified = m.attr("content");
      }
    }
    for (Element e : ix.datedItemprops) {
      String v = e.hasAttr("content") ? e.attr("content") : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      if ((f = DateParser.parse(v)) != null) return new Result(f.iso(), "itemprop datePublished");
    }
    if ((f = DateParser.parse(ld.dateCreated())) != null) return new Result(f.iso(), "json-ld dateCreated");
    for (Element t : ix.times) {
      String hint = (Hints.classAndId(t) + " " + t.parent().className()).toLowerCase(Locale.ROOT);
      boolean published = t.hasAttr("pubdate") || hint.contains("publish") || hint.contains("entry-date")
          || hint.contains("posted") || hint.contains("created");
      if (published && (f = timeValue(t)) != null) return new Result(f.iso(), "time element");
    }
    if ((f = DateParser.fromUrl(url)) != null) return new Result(f.iso(), "url");
    if ((f = DateParser.parse(modified)) != null) return new Result(f.iso(), "meta modified");
    return null;
  }

  /** From the text of a cleaned page: time elements, date-like elements, the article's first paragraphs. */
  static Result textual(Element body, List<String> contentParagraphs) {
    DateParser.Found f;
    if (body != null) {
      for (Element t : body.getElementsByTag("time")) {
        String hint = Hints.classAndId(t).toLowerCase(Locale.ROOT);
        if (hint.contains("modif") || hint.contains("update")) continue;
        if ((f = timeValue(t)) != null) return new Result(f.iso(), "time element");
      }
      int seen = 0;
      for (Element e : body.getAllElements()) {
        if (e == body) continue;
        String h = Hints.classAndId(e);
        if (h.isEmpty() || !DATE_HINT.matcher(h).find()) continue;
        String t = e.text();
        if (t.length() > 300) continue;
        if ((f = DateParser.parse(t)) != null) return new Result(f.date().toString(), "date-like element");
        if (++seen > 60) break;
      }
    }
    for (int i = 0; i < contentParagraphs.size() && i < 3; i++) {
      if ((f = DateParser.parse(contentParagraphs.get(i))) != null) return new Result(f.date().toString(), "text");
    }
    if (body != null) {
      String text = body.text();
      if (text.length() > 20000) text = text.substring(0, 20000);
      if ((f = DateParser.parse(text)) != null) return new Result(f.date().toString(), "page text");
    }
    return null;
  }

  private static DateParser.Found timeValue(Element t) {
    DateParser.Found f = DateParser.parse(t.attr("datetime"));
    return f != null ? f : DateParser.parse(t.text());
  }

  static String key(Element meta) {
    String k = meta.attr("property");
    if (k.isEmpty()) k = meta.attr("name");
    if (k.isEmpty()) k = meta.attr("itemprop");
    if (k.isEmpty()) k = meta.attr("http-equiv");
    return k.toLowerCase(Locale.ROOT).strip();
  }
}
