package org.storyline.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns the chosen content roots into text blocks (paragraphs, headings, list items), skipping boilerplate
 * sub-containers on the way (link lists, negatively named boxes, figures), then drops boilerplate blocks.
 */
final class BlockCollector {
  /** One text block; {@code link} counts the non-space characters inside links. */
  record Block(String tag, String text, int chars, int link) {
    double linkDensity() {
      return chars == 0 ? 0 : (double) link / chars;
    }
  }

  /** The kept paragraphs and the dropped ones (with why), in document order. */
  record Result(List<String> paragraphs, List<String> removed) {}

  /** A paragraph in a skipped header at least this long is the article's standfirst and kept. */
  static final int LEAD_MIN = 100;

  /** Paragraphs and text that make a box prose. */
  static final int PROSE_PARAS = 3;
  static final int PROSE_TEXT = 400;

  /** The standfirst is looked for at most this many levels above the body ... */
  static final int LEAD_LEVELS = 6;
  /** ... in boxes that hold at most this much text besides the body. */
  static final int LEAD_ZONE = 2000;

  private BlockCollector() {}

  static List<Block> blocks(List<Element> roots, NodeStats stats, Hints hints, Set<Element> excluded,
      boolean weights) {
    List<Block> out = new ArrayList<>();
    if (!roots.isEmpty()) standfirst(roots.get(0), stats, excluded, out);
    for (Element root : roots) walk(root, stats, hints, excluded, weights, out);
    return out;
  }

  /**
   * The standfirst set just before the article body: pages put the teaser or deck in its own element above the
   * body box (often beside the title and byline). Looks up from the body while the enclosing box adds little text
   * (title, byline, teaser), and keeps the prose paragraphs found before the body there.
   */
  private static void standfirst(Element root, NodeStats stats, Set<Element> excluded, List<Block> out) {
    int rootText = stats.text(root);
    Element zone = null;
    int level = 0;
    for (Element a = root.parent(); a != null && !a.nameIs("body") && level < LEAD_LEVELS; a = a.parent(), level++) {
      if (excluded.contains(a) || stats.text(a) - rootText > LEAD_ZONE) break;
      zone = a;
    }
    if (zone == null) return;
    List<Element> found = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      boolean done;

      @Override
      public FilterResult head(Node node, int depth) {
        if (done || node == root) {
          done = true;
          return FilterResult.STOP;
        }
        if (!(node instanceof Element e)) return FilterResult.SKIP_CHILDREN;
        if (excluded.contains(e) || e.nameIs("figure") || e.nameIs("h1")) return FilterResult.SKIP_ENTIRELY;
        if (ContentScorer.isAncestor(e, root)) return FilterResult.CONTINUE;
        NodeStats.Stat st = stats.get(e);
        boolean candidate = e.nameIs("p") || e.nameIs("h2") || (e.nameIs("div") && st.blocks == 1);
        if (candidate && st.text >= LEAD_MIN && st.link <= 0.2 * st.text) {
          found.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        return FilterResult.CONTINUE;
      }
    }, zone);
    if (found.isEmpty()) return;
    String body = root.text();
    for (Element e : found) {
      NodeStats.Stat st = stats.get(e);
      String t = invisible(e.text()).strip();
      // an excerpt that repeats the body's opening is not a standfirst
      if (t.isEmpty() || body.contains(t.length() > 80 ? t.substring(0, 80) : t)) continue;
      out.add(new Block(e.nameIs("h2") ? "p" : e.normalName(), t, st.text, st.link));
    }
  }

  private static void walk(Element root, NodeStats stats, Hints hints, Set<Element> excluded, boolean weights,
      List<Block> out) {
    StringBuilder buf = new StringBuilder();
    int[] counts = new int[2]; // chars, link chars
    String[] tag = {root.normalName()};
    int rootText = stats.text(root);
    NodeTraversor.filter(new NodeFilter() {
      int linkDepth;

      void flush(String nextTag) {
        String t = buf.toString().strip();
        if (!t.isEmpty()) out.add(new Block(tag[0], t, counts[0], counts[1]));
        buf.setLength(0);
        counts[0] = 0;
        counts[1] = 0;
        tag[0] = nextTag;
      }

      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode tn) {
          append(tn.getWholeText());
          return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) return FilterResult.CONTINUE;
        if (e != root && (excluded.contains(e) || skip(e, stats, hints, rootText, weights))) {
          if (e.nameIs("header")) {
            flush(tag[0]);
            leads(e, stats, out);
          }
          return FilterResult.SKIP_ENTIRELY;
        }
        String name = e.normalName();
        if (name.equals("br")) {
          flush(tag[0]);
        } else if (name.equals("a")) {
          linkDepth++;
        } else if (name.equals("img") && buf.length() > 0 && buf.charAt(buf.length() - 1) != ' ') {
          buf.append(' ');
        } else if (HtmlPatterns.BLOCK_TAGS.contains(name)) {
          flush(name);
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
          String name = e.normalName();
          if (name.equals("a")) linkDepth--;
          else if (HtmlPatterns.BLOCK_TAGS.contains(name)) {
            flush(parentBlockTag(e));
          } else if ((name.equals("td") || name.equals("th")) && buf.length() > 0) buf.append(' ');
        }
        return FilterResult.CONTINUE;
      }

      private void append(String s) {
        // runs of visible characters are copied whole; whitespace between them collapses to one space
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
          char c = s.charAt(i);
          if (c > ' ' && c < '\u007F') continue; // printable ASCII, the common case
          boolean invisible = c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
          // soft hyphens and zero-width characters are invisible: they must not split the words they sit in
          if (!invisible && !NodeStats.whitespace(c) && c != '\u00A0' && c != '\u2009' && c != '\u202F') continue;
          copy(s, run, i);
          run = i + 1;
          if (!invisible && buf.length() > 0 && buf.charAt(buf.length() - 1) != ' ') buf.append(' ');
        }
        copy(s, run, n);
      }

      private void copy(String s, int from, int to) {
        if (from >= to) return;
        buf.append(s, from, to);
        counts[0] += to - from;
        if (linkDepth > 0) counts[1] += to - from;
      }    }, root);
    String t = buf.toString().strip();
    if (!t.isEmpty()) out.add(new Block(tag[0], t, counts[0], counts[1]));
  }

  /**
   * The lead paragraphs of an article header that is otherwise skipped (title, byline, date and share buttons):
   * paragraphs of real prose, with few links, that is the standfirst of the story.
   */
  private static void leads(Element header, NodeStats stats, List<Block> out) {
    for (Element p : header.getAllElements()) {
      if (!p.nameIs("p") && !p.nameIs("div")) continue;
      NodeStats.Stat st = stats.get(p);
      // a paragraph, or a box of inline text only
      if (st.text < LEAD_MIN || st.link > 0.2 * st.text || st.blocks > 1) continue;
      String t = invisible(p.text()).strip();
      if (!t.isEmpty()) out.add(new Block("p", t, st.text, st.link));
    }
  }

  /** Removes soft hyphens and zero-width characters. */
  static String invisible(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF') {
        return s.replace("\u00AD", "").replace("\u200B", "").replace("\u2060", "").replace("\uFEFF", "");
      }
    }
    return s;
  }

  private static String parentBlockTag(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (HtmlPatterns.BLOCK_TAGS.contains(p.normalName())) return p.normalName();
    }
    return "div";
  }

  /** Readability-style conditional cleaning of a sub-container inside the content. */
  private static boolean skip(Element e, NodeStats stats, Hints hints, int rootText, boolean weights) {
    String tag = e.normalName();
    switch (tag) {
      case "header", "dialog" -> {
        return true;
      }
      case "figcaption" -> {
        return true;
      }
      case "figure" -> {
        // a picture with its caption and credit, unless it holds a table, a list or paragraphs (editors wrap
        // tables and pull quotes in figures)
        NodeStats.Stat st = stats.get(e);
        if (st.paras < 2 && st.items < 2 && e.getElementsByTag("table").isEmpty()) return true;
      }
      case "div", "section", "ul", "ol", "table", "form", "dl", "aside", "span", "p", "blockquote", "li" -> {
        // go on
      }
      default -> {
        return false;
      }
    }
    NodeStats.Stat st = stats.get(e);
    if (st.text == 0) return true;
    // a wrapper of most of the content is never conditionally removed
    if (st.text > 0.5 * rootText) return false;
    boolean declared = hints.bodyHint(e);
    int weight = weights ? hints.weight(e) : 0;
    double ld = stats.linkDensity(e);
    if (weight < 0 && !declared && !(prose(st, ld) && shown(e, hints))) return true;
    if (tag.equals("p") || tag.equals("span") || tag.equals("li") || tag.equals("blockquote")) return false;
    if ((tag.equals("div") || tag.equals("section") || tag.equals("aside")) && titledBoilerplate(e)) return true;
    if (st.commas >= 10 && ld < 0.5) return false;
    if (weight < 25 && ld > 0.33) return true;
    if (weight >= 25 && ld > 0.5) return true;
    if (st.images > 1 && st.paras < 0.5 * st.images && st.text < 200) return true;
    if (!tag.equals("ul") && !tag.equals("ol") && st.items > st.paras + 1 && ld > 0.2) return true;
    return false;
  }

  /**
   * A box of several real paragraphs with few links: a negative class name ("card", "media", "scroll") says less
   * about it than its text does.
   */
  private static boolean prose(NodeStats.Stat st, double ld) {
    return st.paras >= PROSE_PARAS && st.text >= PROSE_TEXT && ld < 0.1;
  }

  /**
   * Neither named boilerplate nor hidden by a class ("hidden", "d-none", or a responsive "...hidden-desktop" box
   * that duplicates the story for phones); "overflow-hidden" or "label-hidden" hide nothing.
   */
  private static boolean shown(Element e, Hints hints) {
    if (hints.unlikely(e)) return false;
    for (String c : e.classNames()) {
      String l = c.toLowerCase(java.util.Locale.ROOT);
      if (HtmlPatterns.HIDING_CLASSES.contains(l) || l.endsWith("hidden-desktop")) return false;
    }
    return true;
  }

  /**
   * A box whose own title says it holds related stories or comments ("Related articles", "Das könnte Sie auch
   * interessieren", "Comments"): its first element, looked for down the first children, is a short heading.
   */
  private static boolean titledBoilerplate(Element e) {
    Element first = e.firstElementChild();
    for (int depth = 0; first != null && depth < 3; depth++) {
      if (HtmlPatterns.HEADING_TAGS.contains(first.normalName())) {
        String t = first.text();
        return t.length() < HtmlPatterns.LABEL_MAX && HtmlPatterns.BOX_TITLE.matcher(t.strip()).matches();
      }
      if (!first.nameIs("div") && !first.nameIs("header")) return false;
      first = first.firstElementChild();
    }
    return false;
  }

  /** Drops boilerplate blocks: link-dense lines, stock phrases, repeats, a leading copy of the title. */
  static Result filter(List<Block> blocks, String title) {
    List<String> kept = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    String last = null;
    for (Block b : blocks) {
      String t = b.text();
      String why = null;
      if (b.linkDensity() > 0.5) why = "links";
      else if (t.length() < 160 && HtmlPatterns.BOILERPLATE_TEXT.matcher(t).matches()) why = "boilerplate";
      else if (t.length() < HtmlPatterns.LABEL_MAX && HtmlPatterns.LABEL_TEXT.matcher(t).matches()) why = "label";
      else if (t.length() < HtmlPatterns.NOTICE_MAX && HtmlPatterns.notice(t)) why = "notice";
      else if (t.equals(last)) why = "repeat";
      else if (kept.isEmpty() && title != null && b.tag().startsWith("h") && sameText(t, title)) why = "title";
      else if (b.tag().equals("h1") && title != null && sameText(t, title)) why = "title";
      if (why == null) {
        kept.add(t);
        last = t;
      } else {
        removed.add(t.length() > 200 ? t.substring(0, 200) + "…" : t);
      }
    }
    return new Result(kept, removed);
  }

  private static boolean sameText(String a, String b) {
    return a.strip().equalsIgnoreCase(b.strip());
  }
}
