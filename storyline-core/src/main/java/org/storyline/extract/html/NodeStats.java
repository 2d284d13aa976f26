package org.storyline.extract.html;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Per-element text statistics computed in one iterative pass (no recursion, so deeply nested pages are safe):
 * text length, text inside links, commas, and counts of paragraphs, images and list items underneath.
 */
final class NodeStats {
  /** Mutable accumulator for one element; only NodeStats writes it. */
  static final class Stat {
    int text;
    int link;
    int commas;
    int paras;
    int images;
    int items;
    int blocks;
    /** Text, link text and commas outside child block elements: the element's own run of inline content. */
    int inline;
    int inlineLink;
    int inlineCommas;
  }

  private final Map<Element, Stat> stats;

  private NodeStats(int elements) {
    stats = new IdentityHashMap<>(elements);
  }

  /** The statistics of {@code root} and every element under it. */
  static NodeStats of(Element root) {
    Counter c = new Counter(32);
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) c.open(e);
        else if (node instanceof TextNode t) c.text(t.getWholeText());
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e) c.close(e);
      }
    }, root);
    return c.stats;
  }

  /**
   * Builds the statistics in a walk that someone else drives ({@link DomCleaner#strip} counts while it cleans):
   * {@link #open} and {@link #close} each element and {@link #text} each text node, in document order. A subtree
   * removed afterwards is taken out of its ancestors' counts with {@link #removed}.
   */
  static final class Counter {
    final NodeStats stats;
    private Stat[] stack = new Stat[64];
    private int depth;
    private int linkDepth;

    Counter(int elements) {
      stats = new NodeStats(Math.max(1, elements));
    }

    void open(Element e) {
      Stat st = new Stat();
      stats.stats.put(e, st);
      if (depth == stack.length) stack = java.util.Arrays.copyOf(stack, 2 * depth);
      stack[depth++] = st;
      if (e.nameIs("a")) linkDepth++;
    }

    /** Counts a text node's text; returns its length without leading and trailing whitespace. */
    int text(String w) {
      int n = 0;
      int c = 0;
      int first = -1;
      int last = -1;
      for (int i = 0, len = w.length(); i < len; i++) {
        char ch = w.charAt(i);
        if (!whitespace(ch)) {
          n++;
          if (first < 0) first = i;
          last = i;
          if (ch == ',' || ch == '\uFF0C' || ch == '\u3001' || ch == '\u060C') c++;
        }
      }
      if (depth > 0) {
        Stat top = stack[depth - 1];
        top.text += n;
        top.commas += c;
        top.inline += n;
        top.inlineCommas += c;
        if (linkDepth > 0) {
          top.link += n;
          top.inlineLink += n;
        }
      }
      return first < 0 ? 0 : last - first + 1;
    }

    void close(Element e) {
      Stat st = stack[--depth];
      stack[depth] = null;
      if (e.nameIs("a")) linkDepth--;
      String tag = e.normalName();
      if (tag.equals("p")) st.paras++;
      else if (tag.equals("img")) st.images++;
      else if (tag.equals("li")) st.items++;
      boolean block = HtmlPatterns.BLOCK_TAGS.contains(tag);
      if (block) st.blocks++;
      if (depth > 0) {
        Stat parent = stack[depth - 1];
        if (!block) {
          parent.inline += st.inline;
          parent.inlineLink += st.inlineLink;
          parent.inlineCommas += st.inlineCommas;
        }
        parent.text += st.text;
        parent.link += st.link;
        parent.commas += st.commas;
        parent.paras += st.paras;
        parent.images += st.images;
        parent.items += st.items;
        parent.blocks += st.blocks;
      }
    }

    /**
     * Takes the counts of {@code e}, about to be removed from the tree, out of its ancestors (up to the element
     * the walk started at), as if the walk had never met it. Call after the walk, before removing.
     */
    void removed(Element e) {
      Stat st = stats.stats.get(e);
      if (st == null) return;
      // the inline run goes up through inline elements, and into the first block one
      boolean inline = !HtmlPatterns.BLOCK_TAGS.contains(e.normalName());
      for (Element a = e.parent(); a != null; a = a.parent()) {
        Stat as = stats.stats.get(a);
        if (as == null) break;
        if (inline) {
          as.inline -= st.inline;
          as.inlineLink -= st.inlineLink;
          as.inlineCommas -= st.inlineCommas;
          inline = !HtmlPatterns.BLOCK_TAGS.contains(a.normalName());
        }
        as.text -= st.text;
        as.link -= st.link;
        as.commas -= st.commas;
        as.paras -= st.paras;
        as.images -= st.images;
        as.items -= st.items;
        as.blocks -= st.blocks;
      }
    }
  }

  /** {@link Character#isWhitespace(char)}, without its table look-up for ASCII. */
  static boolean whitespace(char c) {
    if (c <= ' ') return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C';
    return c >= '\u0080' && Character.isWhitespace(c);
  }

  Stat get(Element e) {
    Stat st = stats.get(e);
    return st == null ? new Stat() : st;
  }

  int text(Element e) {
    return get(e).text;
  }

  double linkDensity(Element e) {
    Stat st = get(e);
    return st.text == 0 ? 0 : (double) st.link / st.text;
  }
}
