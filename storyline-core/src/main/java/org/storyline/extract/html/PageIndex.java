package org.storyline.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
  /** Elements in the page. */
  int elements;

  private List<String> metaKeys;

  private PageIndex() {}

  /** {@link DateExtractor#key} of each of {@link #metas}, worked out once. */
  List<String> metaKeys() {
    if (metaKeys == null) {
      List<String> keys = new ArrayList<>(metas.size());
      for (Element m : metas) keys.add(DateExtractor.key(m));
      metaKeys = keys;
    }
    return metaKeys;
  }

  static PageIndex of(Document doc) {
    PageIndex ix = new PageIndex();
    forEachElement(doc, e -> {
      ix.elements++;
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
        String c = e.className();
        if (!c.isEmpty()) {
          // lower-casing a string without upper-case letters returns it as is
          String lc = c.toLowerCase(Locale.ROOT);
          if (lc.contains("byline") || lc.contains("author")) ix.authorish.add(e);
        } else if (e.id().toLowerCase(Locale.ROOT).contains("byline")) {
          ix.authorish.add(e);
        }
      }
    });
    return ix;
  }

  /**
   * Calls {@code f} on {@code root} and every element under it, in document order: an element-only walk, cheaper
   * than a {@link org.jsoup.select.NodeTraversor} walk that stops at every text node. The tree must not change meanwhile.
   */
  static void forEachElement(Element root, java.util.function.Consumer<Element> f) {
    f.accept(root);
    Element[] parents = new Element[32];
    int[] next = new int[32];
    int top = 0;
    parents[0] = root;
    while (top >= 0) {
      Element p = parents[top];
      int i = next[top];
      if (i >= p.childNodeSize()) {
        parents[top--] = null;
        continue;
      }
      next[top] = i + 1;
      if (p.childNode(i) instanceof Element c) {
        f.accept(c);
        if (c.childNodeSize() > 0) {
          if (++top == parents.length) {
            parents = java.util.Arrays.copyOf(parents, 2 * top);
            next = java.util.Arrays.copyOf(next, 2 * top);
          }
          parents[top] = c;
          next[top] = 0;
        }
      }
    }
  }
}
