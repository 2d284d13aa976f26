package org.storyline.follow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.storyline.ingest.FeedReader;
import org.storyline.ingest.RawDocument;
import org.storyline.ingest.SourceReader;
import org.storyline.model.InputProblem;

/**
 * The items of a fetched RSS/Atom feed, read by the file reader ({@link FeedReader#readText}) so that a feed fetched
 * and a feed file give the same documents. Items that carry no content at all (a link and a title only) are found by
 * a lenient second look, so they can still be fetched. Stateless.
 */
final class FeedItems {
  private FeedItems() {}

  /** One item: its link, the document the feed itself gives (null when it has no content) and whether that is full. */
  record Item(String url, RawDocument feedDoc, boolean full, RawDocument.Hints hints) {}

  record Parsed(List<Item> items, List<String> problems) {}

  static Parsed parse(String feedUrl, String xml, int fullContentChars) {
    List<RawDocument> docs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Path label = Path.of("feed", feedUrl.replaceAll("[^A-Za-z0-9._-]", "_"));
    new FeedReader().readText(label, xml, new SourceReader.Sink() {
      @Override
      public void document(RawDocument doc) {
        docs.add(doc);
      }

      @Override
      public void problem(InputProblem p) {
        if (!p.reason().contains("has no content") && !p.reason().equals("feed has no items")) {
          problems.add(p.reason());
        }
      }
    });
    Map<String, Item> byUrl = new LinkedHashMap<>();
    for (RawDocument d : docs) {
      String url = d.hints().url();
      if (url == null || !url.startsWith("http")) continue;
      url = FeedReaderLinks.resolve(feedUrl, url);
      String text = d.format() == RawDocument.Format.HTML ? Jsoup.parse(d.content()).text() : d.content();
      boolean full = text.length() >= fullContentChars;
      RawDocument.Hints h = d.hints();
      RawDocument doc = new RawDocument(d.id(), url, d.format(), d.content(),
          new RawDocument.Hints(url, h.title(), h.outlet(), h.byline(), h.published()));
      byUrl.putIfAbsent(url, new Item(url, doc, full, doc.hints()));
    }
    if (problems.isEmpty() || !docs.isEmpty()) {
      // link-only items: the reader reports them as having no content; find their links leniently
      Document x = Jsoup.parse(xml, feedUrl, Parser.xmlParser());
      for (Element item : x.select("item, entry")) {
        String link = null;
        for (Element l : item.getElementsByTag("link")) {
          String href = l.attr("href");
          String rel = l.attr("rel");
          if (!href.isBlank() && (rel.isBlank() || rel.equals("alternate"))) {
            link = href.strip();
            break;
          }
          if (href.isBlank() && !l.text().isBlank()) {
            link = l.text().strip();
            break;
          }
        }
        if (link == null) continue;
        link = FeedReaderLinks.resolve(feedUrl, link);
        if (!link.startsWith("http") || byUrl.containsKey(link)) continue;
        Element t = item.getElementsByTag("title").first();
        String title = t == null ? null : t.text().strip();
        byUrl.put(link, new Item(link, null, false,
            new RawDocument.Hints(link, title == null || title.isEmpty() ? null : title, null, null, null)));
      }
    }
    return new Parsed(List.copyOf(byUrl.values()), problems);
  }

  /** Relative item links resolved against the feed's URL. */
  static final class FeedReaderLinks {
    private FeedReaderLinks() {}

    static String resolve(String base, String link) {
      if (link.contains("://")) return link;
      try {
        return java.net.URI.create(base).resolve(link).toString();
      } catch (IllegalArgumentException e) {
        return link;
      }
    }
  }
}
