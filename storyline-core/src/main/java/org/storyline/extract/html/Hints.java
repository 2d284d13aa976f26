package org.storyline.extract.html;

import org.jsoup.nodes.Element;

/** class/id hints of an element and their weight. */
final class Hints {
  private Hints() {}

  static String classAndId(Element e) {
    String c = e.className();
    String id = e.id();
    if (id.isEmpty()) return c;
    if (c.isEmpty()) return id;
    return c + " " + id;
  }

  /** Readability's class weight: +25 for a positive hint, -25 for a negative one, for class and id each. */
  static int weight(Element e) {
    int w = 0;
    String c = e.className();
    if (!c.isEmpty()) {
      if (HtmlPatterns.NEGATIVE.matcher(c).find()) w -= 25;
      if (HtmlPatterns.POSITIVE.matcher(c).find()) w += 25;
    }
    String id = e.id();
    if (!id.isEmpty()) {
      if (HtmlPatterns.NEGATIVE.matcher(id).find()) w -= 25;
      if (HtmlPatterns.POSITIVE.matcher(id).find()) w += 25;
    }
    return w;
  }

  /** True when the element is declared or named as the article body. */
  static boolean bodyHint(Element e) {
    String ip = e.attr("itemprop");
    if (ip.equalsIgnoreCase("articleBody") || ip.equalsIgnoreCase("text")) return true;
    String h = classAndId(e);
    return !h.isEmpty() && HtmlPatterns.BODY_HINT.matcher(h).find();
  }
}
