package org.storyline.extract.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Prepares a parsed page for scoring: removes non-content elements (scripts, navigation, forms controls, hidden
 * elements) from the tree, and marks, without removing, the elements whose class or id says boilerplate, so that a
 * second, more lenient pass can ignore the marks.
 */
final class DomCleaner {
  /** A navigation, aside or footer box holding this share of the page's text swallowed the page and stays. */
  static final double SWALLOWED = 0.7;
  /** Below this many characters a layout box cannot hold the article. */
  static final int SWALLOWED_MIN = 500;

  private DomCleaner() {}

  /**
   * Removes {@link HtmlPatterns#DROP_TAGS}, HTML comments and hidden elements from {@code root}, in place. One walk
   * finds them and counts, bottom up, the text of every layout box and hidden element and of the whole page (text
   * inside dropped elements left out, text inside hidden ones counted), so no subtree is walked twice. The same walk
   * counts the {@link NodeStats} of what is left, returned.
   */
  static NodeStats strip(Element root) {
    return strip(root, 64);
  }

  /** As {@link #strip(Element)}, for a tree of about {@code elements} elements (sizes the statistics table once). */
  static NodeStats strip(Element root, int elements) {
    return strip(root, elements, new Removals());
  }

  /**
   * The nodes {@link #strip} took out of the tree, each with where it stood, in the order taken: {@link #undo} puts
   * them back, last first, which gives the tree as it was before (for a reader of the whole page that is needed only
   * now and then, such as the last-resort date search over the page's text).
   */
  static final class Removals {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Element> parents = new ArrayList<>();
    private final int[][] index = {new int[16]};

    void remove(Node n) {
      Element parent = (Element) n.parentNode();
      if (parent == null) return;
      int k = nodes.size();
      if (k == index[0].length) index[0] = java.util.Arrays.copyOf(index[0], 2 * k);
      index[0][k] = n.siblingIndex();
      nodes.add(n);
      parents.add(parent);
      n.remove();
    }

    /** Puts every removed node back where it stood; the log is then empty. */
    void undo() {
      for (int k = nodes.size() - 1; k >= 0; k--) parents.get(k).insertChildren(index[0][k], nodes.get(k));
      nodes.clear();
      parents.clear();
    }
  }

  /** As {@link #strip(Element, int)}, logging what it removes in {@code removals}. */
  static NodeStats strip(Element root, int elements, Removals removals) {
    NodeStats.Counter stats = new NodeStats.Counter(elements);
    List<Node> doomed = new ArrayList<>();
    List<Element> hidden = new ArrayList<>();
    List<Element> layout = new ArrayList<>();
    Map<Element, Integer> counted = new IdentityHashMap<>();
    int[] rootLength = new int[1];
    NodeTraversor.filter(new NodeFilter() {
      /** Text counted so far under each open element, innermost last. */
      int[] open = new int[64];
      /** Whether each open element is a layout box to be measured. */
      boolean[] box = new boolean[64];
      int depth;
      /** Depth of the hidden element being walked through, -1 when none: nothing inside it is collected. */
      int hiddenAt = -1;

      @Override
      public FilterResult head(Node node, int d) {
        if (node instanceof TextNode t) {
          int n = stats.text(t.getWholeText());
          if (depth > 0) open[depth - 1] += n;
          return FilterResult.CONTINUE;
        }
        if (node instanceof Comment && hiddenAt < 0) {
          doomed.add(node);
          return FilterResult.SKIP_ENTIRELY;
        }
        if (!(node instanceof Element e)) return FilterResult.CONTINUE;
        boolean isBox = false;
        if (e != root && hiddenAt < 0) {
          int kind = HtmlPatterns.kind(e.normalName());
          if ((kind & HtmlPatterns.LAYOUT) != 0) {
            // decided below, once the page's text is known; look inside for scripts meanwhile
            layout.add(e);
            isBox = true;
          } else if ((kind & HtmlPatterns.DROP) != 0) {
            doomed.add(node);
            return FilterResult.SKIP_ENTIRELY;
          } else if (hidden(e) || e.nameIs("noscript")) {
            // decided below too; its text is counted, nothing inside it collected
            hidden.add(e);
            hiddenAt = depth;
          }
        }
        if (depth == open.length) {
          open = java.util.Arrays.copyOf(open, 2 * depth);
          box = java.util.Arrays.copyOf(box, 2 * depth);
        }
        box[depth] = isBox;
        open[depth++] = 0;
        stats.open(e);
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int d) {
        if (!(node instanceof Element e)) return FilterResult.CONTINUE;
        stats.close(e);
        int n = open[--depth];
        if (depth > 0) open[depth - 1] += n;
        else rootLength[0] = n;
        if (hiddenAt == depth) {
          hiddenAt = -1;
          counted.put(e, n);
        } else if (box[depth]) {
          counted.put(e, n);
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    for (Node n : doomed) removals.remove(n);
    // the page's text as the tree stands: less each box removed below
    int page = rootLength[0];
    if (!layout.isEmpty()) {
      // an unclosed <aside> or <nav> can swallow the rest of the page: such a box holding most of the text stays.
      // Boxes come in document order, so one inside a box already removed is skipped; the page total is taken
      // when the first box long enough to matter comes.
      int total = -1;
      Element removed = null;
      for (Element e : layout) {
        if (removed != null && ContentScorer.isAncestor(removed, e)) continue;
        int len = counted.get(e);
        if (len >= SWALLOWED_MIN) {
          if (total < 0) total = page;
          if (len >= SWALLOWED * total) continue;
        }
        stats.removed(e);
        removals.remove(e);
        removed = e;
        page -= len;
      }
    }
    if (hidden.isEmpty()) return stats.stats;
    // pages that reveal themselves by script hide their whole body, and an unclosed tag in a <noscript> can swallow
    // the page: keep such wrappers when they hold most of the text
    int[] lengths = new int[hidden.size()];
    int hiddenTotal = 0;
    for (int i = 0; i < lengths.length; i++) hiddenTotal += lengths[i] = counted.get(hidden.get(i));
    if (hiddenTotal == 0) {
      // nothing hidden holds text, so nothing is mostly hidden: all go
      for (Element h : hidden) {
        stats.removed(h);
        removals.remove(h);
      }
      return stats.stats;
    }
    int total = page;
    boolean mostlyHidden = total - hiddenTotal < 0.2 * total;
    for (int i = 0; i < lengths.length; i++) {
      if (!mostlyHidden || lengths[i] < 0.3 * total) {
        stats.removed(hidden.get(i));
        removals.remove(hidden.get(i));
      }
    }
    return stats.stats;
  }

  static boolean hidden(Element e) {
    if (e.hasAttr("hidden")) return true;
    if ("true".equalsIgnoreCase(e.attr("aria-hidden")) && !e.normalName().equals("body")) return true;
    String style = e.attr("style");
    if (style.isEmpty()) return false;
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }

  /**
   * The elements under {@code body} whose class or id marks them as boilerplate, except wrappers that hold a large
   * share of the page's text (a page-wide "has-sidebar" wrapper must not take the article with it).
   */
  static Set<Element> unlikely(Element body, NodeStats stats, Hints hints) {
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    int total = Math.max(1, stats.text(body));
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e) || e == body) return FilterResult.CONTINUE;
        String tag = e.normalName();
        if (tag.equals("article") || tag.equals("main") || tag.equals("a") || tag.equals("html")) {
          return FilterResult.CONTINUE;
        }
        boolean mark = false;
        if (tag.equals("header")) {
          mark = stats.text(e) < 0.3 * total;
        } else {
          if (hints.unlikely(e)) {
            mark = stats.text(e) < 0.3 * total;
          }
          if (!mark) {
            String role = e.attr("role");
            if (role.equals("complementary") || role.equals("navigation")) mark = stats.text(e) < 0.3 * total;
          }
        }
        if (mark) {
          out.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        return FilterResult.CONTINUE;
      }
    }, body);
    return out;
  }
}
