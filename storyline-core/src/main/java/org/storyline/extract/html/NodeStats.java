package org.storyline.extract.html;

import java.util.ArrayDeque;
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

  static NodeStats of(Element root) {
    return of(root, 32);
  }

  /** As {@link #of(Element)}, for a tree of about {@code elements} elements (sizes the table once). */
  static NodeStats of(Element root, int elements) {
    NodeStats s = new NodeStats(Math.max(1, elements));
    ArrayDeque<Stat> stack = new ArrayDeque<>();
    ArrayDeque<Boolean> inLink = new ArrayDeque<>();
    NodeTraversor.traverse(new NodeVisitor() {
      int linkDepth;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          Stat st = new Stat();
          s.stats.put(e, st);
          stack.push(st);
          if (e.nameIs("a")) linkDepth++;
        } else if (node instanceof TextNode t && !stack.isEmpty()) {
          String w = t.getWholeText();
          int n = 0;
          int c = 0;
          for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (!whitespace(ch)) {
              n++;
              if (ch == ',' || ch == '\uFF0C' || ch == '\u3001' || ch == '\u060C') c++;
            }
          }
          Stat top = stack.peek();
          top.text += n;
          top.commas += c;
          top.inline += n;
          top.inlineCommas += c;
          if (linkDepth > 0) {
            top.link += n;
            top.inlineLink += n;
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e) {
          Stat st = stack.pop();
          if (e.nameIs("a")) linkDepth--;
          String tag = e.normalName();
          if (tag.equals("p")) st.paras++;
          else if (tag.equals("img")) st.images++;
          else if (tag.equals("li")) st.items++;
          boolean block = HtmlPatterns.BLOCK_TAGS.contains(tag);
          if (block) st.blocks++;
          Stat parent = stack.peek();
          if (parent != null) {
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
      }
    }, root);
    return s;
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
