package org.storyline.extract.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Chooses the article container: paragraphs score their ancestors by text length and commas (Readability's
 * scheme), scores are damped by link density and class/id hints, and an element declared as the article body
 * (itemprop, class names like "article-body") is preferred when it holds the scored text. Returns the container
 * and the siblings that belong with it, in document order.
 */
final class ContentScorer {
  private static final int MIN_PARAGRAPH = 25;
  private static final int ANCESTOR_LEVELS = 5;
  /** How far up paragraph text is summed (bounds the work on absurdly nested pages). */
  private static final int MAX_CLIMB = 40;
  /** A parent replaces the container when it holds this much more paragraph text. */
  private static final double GROW_RATIO = 1.25;
  /** Parents without more paragraph text passed over before giving up. */
  private static final int GROW_LOOKAHEAD = 2;

  /** Own inline text a box needs to be scored as loose paragraphs ... */
  private static final int LOOSE_MIN = 200;
  /** ... counted as one paragraph per this many characters. */
  private static final int LOOSE_RUN = 300;

  private ContentScorer() {}

  /** The chosen content roots, in document order; empty when the page has no scorable text. */
  static List<Element> choose(Element body, NodeStats stats, Hints hints, Set<Element> excluded,
      boolean weights) {
    Map<Element, double[]> scores = new IdentityHashMap<>();
    Map<Element, int[]> paraText = new IdentityHashMap<>();
    List<Element> candidates = new ArrayList<>();
    List<Element> hinted = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e)) return FilterResult.CONTINUE;
        if (excluded.contains(e)) return FilterResult.SKIP_ENTIRELY;
        if (e != body && (hints.bodyHint(e) || e.nameIs("article"))) hinted.add(e);
        if (!scorable(e, stats)) {
          if (loose(e, stats)) scoreLoose(e);
          return FilterResult.CONTINUE;
        }
        NodeStats.Stat st = stats.get(e);
        double score = 1 + st.commas + Math.min(st.text / 100.0, 3.0);
        if (stats.linkDensity(e) < 0.3) {
          int level = 0;
          for (Element a = e.parent(); a != null && level < MAX_CLIMB; a = a.parent(), level++) {
            paraText.computeIfAbsent(a, k -> new int[1])[0] += st.text - st.link;
          }
        }
        credit(e.parent(), score);
        return FilterResult.CONTINUE;
      }

      /**
       * Readability's share of a paragraph's score for its box and the boxes above it: all of it at the first, half
       * at the second, a third of the level beyond.
       */
      private void credit(Element from, double score) {
        Element a = from;
        for (int level = 0; a != null && level < ANCESTOR_LEVELS; level++, a = a.parent()) {
          double[] s = scores.get(a);
          if (s == null) {
            s = new double[] {initial(a, weights ? hints.weight(a) : 0)};
            scores.put(a, s);
            candidates.add(a);
          }
          s[0] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
      }

      /** Text set with line breaks straight into a box: scored as the paragraphs Readability would wrap it in. */
      private void scoreLoose(Element e) {
        NodeStats.Stat st = stats.get(e);
        int runs = Math.max(1, Math.round(st.inline / (float) LOOSE_RUN));
        double score = runs + st.inlineCommas + Math.min(st.inline / 100.0, 3.0 * runs);
        int prose = st.inline - st.inlineLink;
        int level = 0;
        for (Element a = e; a != null && level < MAX_CLIMB; a = a.parent(), level++) {
          paraText.computeIfAbsent(a, k -> new int[1])[0] += prose;
        }
        credit(e, score);
      }
    }, body);
    if (candidates.isEmpty()) return List.of();
    Element top = null;
    double best = Double.NEGATIVE_INFINITY;
    for (Element c : candidates) {
      if (c.nameIs("html")) continue;
      double s = scores.get(c)[0] * (1 - stats.linkDensity(c));
      scores.get(c)[0] = s;
      if (s > best) {
        best = s;
        top = c;
      }
    }
    if (top == null) return List.of();
    top = climb(top, best, candidates, scores);
    top = grow(top, paraText, stats);
    Element hint = bestHint(hinted, top, stats);
    if (hint != null) return List.of(hint);
    return withSiblings(top, scores, stats, excluded);
  }

  /** A box with block children that also holds a long run of its own inline text (paragraphs split by br). */
  private static boolean loose(Element e, NodeStats stats) {
    NodeStats.Stat st = stats.get(e);
    if (st.inline < LOOSE_MIN || st.inlineLink > 0.3 * st.inline) return false;
    String tag = e.normalName();
    return tag.equals("div") || tag.equals("section") || tag.equals("article") || tag.equals("td");
  }

  private static boolean scorable(Element e, NodeStats stats) {
    String tag = e.normalName();
    NodeStats.Stat st = stats.get(e);
    if (st.text < MIN_PARAGRAPH) return false;
    if (HtmlPatterns.SCORED_TAGS.contains(tag)) {
      // a list item or cell made of paragraphs is scored through its paragraphs
      return tag.equals("p") || tag.equals("pre") || st.paras == 0;
    }
    // a div holding only inline content is a paragraph
    return (tag.equals("div") || tag.equals("section") || tag.equals("span") && st.blocks == 0) && st.blocks <= 1;
  }

  private static double initial(Element e, int weight) {
    double base = switch (e.normalName()) {
      case "div", "article", "main" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return base + weight;
  }

  /**
   * Readability's alternative ancestors: when several near-best candidates share an ancestor with the best one,
   * the shared ancestor is the article.
   */
  private static Element climb(Element top, double best, List<Element> candidates, Map<Element, double[]> scores) {
    List<Element> alts = new ArrayList<>();
    for (Element c : candidates) {
      if (c != top && scores.get(c)[0] >= 0.75 * best) alts.add(c);
    }
    if (alts.size() >= 3) {
      for (Element p = top.parent(); p != null && !p.nameIs("body") && !p.nameIs("html"); p = p.parent()) {
        int n = 0;
        for (Element a : alts) if (isAncestor(p, a)) n++;
        if (n >= 3) {
          top = p;
          break;
        }
      }
    }
    // a lone child says nothing about its siblings: look from the parent
    while (top.parent() != null && !top.parent().nameIs("body") && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  /**
   * Sectioned articles put each section in its own box: climbs to the parent while the parent holds markedly more
   * paragraph text (text of low-link-density paragraphs outside boilerplate boxes).
   */
  private static Element grow(Element top, Map<Element, int[]> paraText, NodeStats stats) {
    Element cur = top;
    int idle = 0;
    for (Element p = cur.parent(); p != null && !p.nameIs("body") && !p.nameIs("html"); p = p.parent()) {
      int[] mine = paraText.get(cur);
      int[] theirs = paraText.get(p);
      if (mine == null || theirs == null) break;
      if (theirs[0] >= GROW_RATIO * mine[0]) {
        cur = p;
        idle = 0;
      } else if (++idle > GROW_LOOKAHEAD) {
        break;
      }
    }
    return cur;
  }

  /** The declared article body that best matches the scored container, or null. */
  private static Element bestHint(List<Element> hinted, Element top, NodeStats stats) {
    int topText = stats.text(top);
    Element best = null;
    int bestText = 0;
    for (Element h : hinted) {
      int t = stats.text(h);
      if (t < 0.5 * topText && !isAncestor(h, top)) continue;
      if (isAncestor(h, top)) {
        // an enclosing declared body: accept unless it is mostly other text
        if (t > 1.6 * topText && stats.get(h).paras > 2 * Math.max(1, stats.get(top).paras)) continue;
      } else if (!isAncestor(top, h)) {
        continue;
      }
      if (t > bestText || best != null && isAncestor(best, h) && t >= 0.8 * bestText) {
        best = h;
        bestText = t;
      }
    }
    return best;
  }

  private static List<Element> withSiblings(Element top, Map<Element, double[]> scores, NodeStats stats,
      Set<Element> excluded) {
    Element parent = top.parent();
    if (parent == null) return List.of(top);
    double topScore = scores.get(top) == null ? 0 : scores.get(top)[0];
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> out = new ArrayList<>();
    for (Element sib : parent.children()) {
      if (sib == top) {
        out.add(sib);
        continue;
      }
      if (excluded.contains(sib)) continue;
      double bonus = !top.className().isEmpty() && top.className().equals(sib.className()) ? topScore * 0.2 : 0;
      double[] s = scores.get(sib);
      if (s != null && s[0] + bonus >= threshold) {
        out.add(sib);
      } else if (sib.nameIs("p")) {
        int len = stats.text(sib);
        double ld = stats.linkDensity(sib);
        String t = sib.text();
        if (len > 80 && ld < 0.25 || len > 0 && len <= 80 && ld == 0 && t.matches("(?s).*[.!?]\\s*$")) out.add(sib);
      }
    }
    return out;
  }

  static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e; p != null; p = p.parent()) if (p == ancestor) return true;
    return false;
  }
}
