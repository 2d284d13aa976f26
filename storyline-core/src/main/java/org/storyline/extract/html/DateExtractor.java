package org.storyline.extract.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.storyline.dates.DateParser;

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

  /** class/id words of elements that hold dates (matched ignoring ASCII case). */
  private static final Keywords DATE_HINT = new Keywords("date", "time", "publish", "posted", "pubdate", "byline",
      "dateline", "meta", "info", "datum", "fecha", "data", "entry-header", "post-header", "article-header", "author",
      "submitted", "zeit");

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /** {@link Result#source()} of a date taken from a modification-time meta tag, the structured last resort. */
  static final String MODIFIED_SOURCE = "meta modified";

  private DateExtractor() {}

  /** From structured sources (JSON-LD, meta, itemprop, marked time elements, URL); call before cleaning. */
  static Result structured(PageIndex ix, JsonLd ld, String url) {
    DateParser.Found fromUrl = DateParser.fromUrl(url);
    Result r = structuredOnly(ix, ld, fromUrl);
    if (r == null || fromUrl == null || r.source().equals("url")) return r;
    // a time stamp in UTC often falls on the next day of the outlet's local date, which its URL gives
    java.time.LocalDate d = java.time.LocalDate.parse(r.iso().substring(0, 10));
    long days = Math.abs(d.toEpochDay() - fromUrl.date().toEpochDay());
    if (days == 1) return new Result(fromUrl.iso(), r.source() + ", day from url");
    // a full date in the URL path is fixed at publication; page metadata may describe a later edition
    if (days > 1) return new Result(fromUrl.iso(), "url");
    return r;
  }

  private static Result structuredOnly(PageIndex ix, JsonLd ld, DateParser.Found fromUrl) {
    DateParser.Found f;
    // every declared publication date, most trusted first
    List<DateParser.Found> found = new java.util.ArrayList<>();
    List<String> sources = new java.util.ArrayList<>();
    if ((f = DateParser.parse(ld.datePublished())) != null) {
      found.add(f);
      sources.add("json-ld datePublished");
    }
    String modified = null;
    List<String> keys = ix.metaKeys();
    for (int i = 0; i < keys.size(); i++) {
      Element m = ix.metas.get(i);
      String key = keys.get(i);
      if (key.isEmpty()) continue;
      if (PUBLISHED_META.contains(key)) {
        if ((f = DateParser.parse(m.attr("content"))) != null) {
          found.add(f);
          sources.add("meta " + key);
        }
      } else if (modified == null && MODIFIED_META.contains(key)) {
        modified = m.attr("content");
      }
    }
    for (Element e : ix.datedItemprops) {
      String v = e.hasAttr("content") ? e.attr("content") : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      if ((f = DateParser.parse(v)) != null) {
        found.add(f);
        sources.add("itemprop datePublished");
      }
    }
    if (!found.isEmpty()) {
      DateParser.Found first = found.get(0);
      if (isUtc(first.iso())) {
        // a UTC stamp hides the outlet's local day: prefer the same moment stated with a local offset, or a
        // plain local date a day away
        for (int i = 1; i < found.size(); i++) {
          DateParser.Found o = found.get(i);
          long days = Math.abs(o.date().toEpochDay() - first.date().toEpochDay());
          boolean local = o.iso().length() > 10 && !isUtc(o.iso());
          if (days <= 1 && (local || o.iso().length() == 10 && days == 1)) return new Result(o.iso(), sources.get(i));
        }
      }
      return new Result(first.iso(), sources.get(0));
    }
    if ((f = DateParser.parse(ld.dateCreated())) != null) return new Result(f.iso(), "json-ld dateCreated");
    for (Element t : ix.times) {
      String hint = (Hints.classAndId(t) + " " + t.parent().className()).toLowerCase(Locale.ROOT);
      boolean published = t.hasAttr("pubdate") || hint.contains("publish") || hint.contains("entry-date")
          || hint.contains("posted") || hint.contains("create");
      if (published && (f = timeValue(t)) != null) return new Result(f.iso(), "time element");
    }
    if (fromUrl != null) return new Result(fromUrl.iso(), "url");
    if ((f = DateParser.parse(modified)) != null) return new Result(f.iso(), MODIFIED_SOURCE);
    return null;
  }

  /** Days within which a modification date shown under the heading replaces the declared publication date. */
  static final int VISIBLE_EDITION_DAYS = 400;
  /** Days within which a date shown under the heading replaces a date from a generic meta tag. */
  static final int VISIBLE_META_DAYS = 45;
  /** The meta tag that CMSs fill at publication; other date meta names are generic (page, edition or crawl dates). */
  private static final String OPEN_GRAPH_PUBLISHED = "meta article:published_time";

  /**
   * Reconciles a declared publication date with the first date shown under the article's heading, where readers see
   * the page's date. When that date is the page's declared modification date (within {@link #VISIBLE_EDITION_DAYS}
   * of publication) the page presents itself as that edition, and a generic meta date (not JSON-LD, itemprop, time
   * elements or {@code article:published_time}) yields to a shown date within {@link #VISIBLE_META_DAYS}. Otherwise
   * {@code declared} stands.
   */
  static Result visible(Result declared, DateParser.Found modified, String afterHeading) {
    if (!mayDeferToVisible(declared, modified)) return declared;
    DateParser.Found shown = DateParser.earliest(afterHeading);
    if (shown == null) return declared;
    java.time.LocalDate day = java.time.LocalDate.parse(declared.iso().substring(0, 10));
    long gap = Math.abs(shown.date().toEpochDay() - day.toEpochDay());
    if (gap == 0) return declared;
    if (modified != null && modified.date().equals(shown.date()) && gap <= VISIBLE_EDITION_DAYS) {
      return new Result(shown.date().toString(), "modified date shown under heading");
    }
    if (declared.source().startsWith("meta ") && !declared.source().startsWith(OPEN_GRAPH_PUBLISHED)
        && gap <= VISIBLE_META_DAYS) {
      return new Result(shown.date().toString(), "date under heading over " + declared.source());
    }
    return declared;
  }

  /** Whether {@link #visible} could replace {@code declared}: a cheap test that spares reading the heading's text. */
  static boolean mayDeferToVisible(Result declared, DateParser.Found modified) {
    if (declared == null || declared.source().equals(MODIFIED_SOURCE)) return false;
    boolean genericMeta = declared.source().startsWith("meta ") && !declared.source().startsWith(OPEN_GRAPH_PUBLISHED);
    return genericMeta || modified != null && !declared.iso().startsWith(modified.date().toString());
  }

  /** The declared modification date: JSON-LD {@code dateModified}, else the first modification-time meta tag. */
  static DateParser.Found modified(PageIndex ix, JsonLd ld) {
    DateParser.Found f = DateParser.parse(ld.dateModified());
    if (f != null) return f;
    List<String> keys = ix.metaKeys();
    for (int i = 0; i < keys.size(); i++) {
      if (MODIFIED_META.contains(keys.get(i)) && (f = DateParser.parse(ix.metas.get(i).attr("content"))) != null) {
        return f;
      }
    }
    for (Element e : ix.modifiedItemprops) {
      String v = e.hasAttr("content") ? e.attr("content") : e.attr("datetime");
      if ((f = DateParser.parse(v)) != null) return f;
    }
    return null;
  }

  /** From the text of a cleaned page: time elements, date-like elements, the article's first paragraphs. */
  static Result textual(Element body, List<String> contentParagraphs, String pageText) {
    return textual(body, contentParagraphs, pageText, null);
  }

  /**
   * As {@link #textual(Element, List, String)}, trying first {@code afterHeading}: the text that follows the
   * article's heading (see {@link #textAfterHeading}), where bylines put the publication date.
   */
  static Result textual(Element body, List<String> contentParagraphs, String pageText, String afterHeading) {
    return textual(body, contentParagraphs, pageText == null ? null : () -> pageText, afterHeading);
  }

  /** As {@link #textual(Element, List, String, String)}, the page's text read only when it is needed. */
  static Result textual(Element body, List<String> contentParagraphs, java.util.function.Supplier<String> pageText,
      String afterHeading) {
    DateParser.Found f;
    if ((f = DateParser.earliest(afterHeading)) != null) {
      return new Result(f.date().toString(), "after heading");
    }
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
        if (h.isEmpty() || !DATE_HINT.containsIgnoreAsciiCase(h)) continue;
        if (++seen > 60) break;
        if (e.childrenSize() > 12) continue;
        String t = e.text();
        if (t.length() > 300) continue;
        f = t.length() <= 80 ? DateParser.parseLabel(t) : DateParser.parse(t);
        if (f != null) return new Result(f.date().toString(), "date-like element");
      }
    }
    for (int i = 0; i < contentParagraphs.size() && i < 3; i++) {
      if ((f = DateParser.parse(contentParagraphs.get(i))) != null) return new Result(f.date().toString(), "text");
    }
    if (body != null) {
      String text = TextPrefix.of(body, 20000);
      if ((f = DateParser.parse(text)) != null) return new Result(f.date().toString(), "page text");
    }
    if (pageText != null && (f = DateParser.parse(pageText.get())) != null) {
      return new Result(f.date().toString(), "page text with boilerplate");
    }
    return null;
  }

  /** Characters of text after the heading read by {@link #textAfterHeading}. */
  static final int AFTER_HEADING_CHARS = 320;

  /**
   * The first {@link #AFTER_HEADING_CHARS} characters of text that follow the page's main heading in document
   * order (the first {@code h1} that shares a word with {@code title}, else the first {@code h1}); null when
   * the page has no {@code h1}. Call before cleaning: bylines are often removed as boilerplate.
   */
  static String textAfterHeading(Element body, String title) {
    return body == null ? null : textAfterHeading(body, body.getElementsByTag("h1"), title);
  }

  /** As {@link #textAfterHeading(Element, String)} given the page's {@code h1} elements in document order. */
  static String textAfterHeading(Element body, List<Element> h1s, String title) {
    if (body == null) return null;
    Element h1 = null;
    String t = title == null ? "" : title.toLowerCase(Locale.ROOT);
    for (Element e : h1s) {
      String text = e.text().strip();
      if (text.isEmpty()) continue;
      if (h1 == null) h1 = e;
      String first = SPACES.split(text, 2)[0].toLowerCase(Locale.ROOT);
      if (first.length() > 2 && t.contains(first)) {
        h1 = e;
        break;
      }
    }
    if (h1 == null) return null;
    StringBuilder sb = new StringBuilder();
    org.jsoup.nodes.Node n = h1;
    while (sb.length() < AFTER_HEADING_CHARS) {
      org.jsoup.nodes.Node next = n.nextSibling();
      while (next == null && n.parent() != null && n.parent() != body) {
        n = n.parent();
        next = n.nextSibling();
      }
      if (next == null) break;
      n = next;
      String text;
      if (n instanceof org.jsoup.nodes.TextNode tn) {
        text = tn.text();
      } else if (n instanceof Element e && !e.nameIs("script") && !e.nameIs("style")) {
        // only the start of a long element's text can be kept: read no further than that (and fall back to the
        // whole text when the start read is too blank to tell)
        int need = Math.max(1, AFTER_HEADING_CHARS - sb.length() - 1);
        text = TextPrefix.of(e, need + 64);
        if (text.length() == need + 64 && text.strip().length() < need) text = e.text();
      } else {
        continue;
      }
      if (!text.isBlank()) sb.append(' ').append(text.strip());
    }
    return sb.length() > AFTER_HEADING_CHARS ? sb.substring(0, AFTER_HEADING_CHARS) : sb.toString();
  }

  private static DateParser.Found timeValue(Element t) {
    DateParser.Found f = DateParser.parse(t.attr("datetime"));
    return f != null ? f : DateParser.parse(t.text());
  }

  private static boolean isUtc(String iso) {
    return iso.endsWith("Z") || iso.endsWith("+00:00");
  }

  static String key(Element meta) {
    String k = meta.attr("property");
    if (k.isEmpty()) k = meta.attr("name");
    if (k.isEmpty()) k = meta.attr("itemprop");
    if (k.isEmpty()) k = meta.attr("http-equiv");
    return k.toLowerCase(Locale.ROOT).strip();
  }
}
