package org.storyline.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/** The metadata-bearing elements of a page, gathered in one pass so metadata readers need not search the tree. */
final class PageIndex {
  final List<Element> metas = new ArrayList<>();
  final List<Element> jsonLd = new ArrayList<>();
  final List<Element> times = new ArrayList<>();
  final List<Element> h1s = new ArrayList<>();
  final List<Element> datedItemprops = new ArrayList<>();
  final List<Element> modifiedItemprops = new ArrayList<>();
  final List<Element> authorish = new ArrayList<>();
  Element canonical;

  private static final Keywords BYLINE_OR_AUTHOR = new Keywords("byline", "author");
  private static final Keywords BYLINE = new Keywords("byline");

  private PageIndex() {}

  static PageIndex of(Document doc) {
    PageIndex ix = new PageIndex();
    NodeTraversor.traverse((node, depth) -> {
      if (!(node instanceof Element e)) return;
      switch (e.normalName()) {
        case "meta" -> ix.metas.add(e);
        case "script" -> {
          if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) ix.jsonLd.add(e);
        }
        case "time" -> ix.times.add(e);
        case "h1" -> ix.h1s.add(e);
        case "link" -> {
          if (ix.canonical == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) {
            ix.canonical = e;
          }
        }
        default -> { }
      }
      if (e.attributesSize() == 0) return;
      String ip = e.attr("itemprop");
      if (ip.equalsIgnoreCase("datePublished") || ip.equalsIgnoreCase("dateCreated")) ix.datedItemprops.add(e);
      else if (ip.equalsIgnoreCase("dateModified")) ix.modifiedItemprops.add(e);
      if (ip.equalsIgnoreCase("author") || e.attr("rel").equalsIgnoreCase("author")) ix.authorish.add(e);
      else {
        // ASCII words: compared ignoring ASCII case, as in the lower-cased string (no other character lower-cases
        // to one of their letters)
        String c = e.className();
        if (!c.isEmpty()) {
          if (BYLINE_OR_AUTHOR.containsIgnoreAsciiCase(c)) ix.authorish.add(e);
        } else if (BYLINE.containsIgnoreAsciiCase(e.id())) {
          ix.authorish.add(e);
        }
      }
    }, doc);
    return ix;
  }
}
