package org.storyline.extract.html;

import java.lang.reflect.Constructor;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The start of an element's text, exactly as jsoup's {@link Element#text()} would begin, without building the rest:
 * readers that keep the first few hundred characters of a page should not pay for all of its text. jsoup builds
 * that text by only appending to a buffer in a walk of the element; its own walker is driven here and stopped once
 * the buffer holds the wanted start. When jsoup's walker cannot be reached (another jsoup version), the whole text is
 * built and cut, which gives the same result more slowly.
 */
final class TextPrefix {
  /** jsoup's text accumulator: a {@link NodeVisitor} that appends an element's text to a {@link StringBuilder}. */
  private static final Constructor<?> ACCUMULATOR = accumulator();

  private TextPrefix() {}

  /** Whether jsoup's own walker is used (else the whole text is built and cut). */
  static boolean direct() {
    return ACCUMULATOR != null;
  }

  private static Constructor<?> accumulator() {
    try {
      Class<?> c = Class.forName("org.jsoup.nodes.Element$TextAccumulator");
      if (!NodeVisitor.class.isAssignableFrom(c)) return null;
      Constructor<?> k = c.getDeclaredConstructor(StringBuilder.class);
      k.setAccessible(true);
      // one trial run: it must append what text() returns
      Element probe = org.jsoup.Jsoup.parse("<p>a <b>b</b></p><div> c\n d </div>").body();
      StringBuilder sb = new StringBuilder();
      NodeTraversor.traverse((NodeVisitor) k.newInstance(sb), probe);
      return sb.toString().trim().equals(probe.text()) ? k : null;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** {@code e.text()}, cut to its first {@code max} characters when longer. */
  static String of(Element e, int max) {
    if (ACCUMULATOR == null) return cut(e.text(), max);
    StringBuilder sb = new StringBuilder();
    NodeVisitor acc;
    try {
      acc = (NodeVisitor) ACCUMULATOR.newInstance(sb);
    } catch (ReflectiveOperationException | RuntimeException e2) {
      return cut(e.text(), max);
    }
    // text() trims the buffer (chars up to ' ') at both ends: the first max characters are known once a non-blank
    // character stands at max - 1 or beyond after the first non-blank one
    Stop stop = new Stop(sb, max);
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        acc.head(node, depth);
        return stop.reached() ? FilterResult.STOP : FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        acc.tail(node, depth);
        return stop.reached() ? FilterResult.STOP : FilterResult.CONTINUE;
      }
    }, e);
    if (stop.start >= 0 && stop.done) return sb.substring(stop.start, stop.start + max);
    return cut(sb.toString().trim(), max);
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  /** Watches the buffer grow. */
  private static final class Stop {
    final StringBuilder sb;
    final int max;
    /** Index of the first character above ' ', -1 until there is one. */
    int start = -1;
    /** Buffer length up to which characters were looked at. */
    int seen;
    boolean done;

    Stop(StringBuilder sb, int max) {
      this.sb = sb;
      this.max = max;
    }

    boolean reached() {
      int n = sb.length();
      if (start < 0) {
        for (; seen < n; seen++) {
          if (sb.charAt(seen) > ' ') {
            start = seen;
            break;
          }
        }
        if (start < 0) return false;
      }
      int from = Math.max(seen, start + max - 1);
      for (int i = from; i < n; i++) {
        if (sb.charAt(i) > ' ') {
          done = true;
          return true;
        }
      }
      seen = Math.max(seen, n);
      return false;
    }
  }
}
