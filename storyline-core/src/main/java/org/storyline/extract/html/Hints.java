package org.storyline.extract.html;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * class/id hints of elements and their weight. One instance per page: class names repeat across a page, so each
 * distinct class or id string is matched against the pattern tables once.
 */
final class Hints {
  private static final int NEGATIVE = 1;
  private static final int POSITIVE = 2;
  private static final int UNLIKELY = 4;
  private static final int MAYBE = 8;
  private static final int BODY = 16;
  private final Map<String, Integer> flags = new HashMap<>();

  static String classAndId(Element e) {
    String c = e.className();
    String id = e.id();
    if (id.isEmpty()) return c;
    if (c.isEmpty()) return id;
    return c + " " + id;
  }

  private static final int KNOWN_SHIFT = 8;

  /** A class or id string met on the page: its normalized form and the flags worked out so far. */
  private static final class Seen {
    final String lower;
    /** Flag bits, and above {@link #KNOWN_SHIFT} which of them are known. */
    int flags;

    Seen(String lower) {
      this.lower = lower;
    }
  }

  private final Map<String, Seen> seen = new HashMap<>();

  /** The requested flag bits of {@code s}, each pattern matched at most once per distinct string. */
  private int flags(String s, int wanted) {
    if (s.isEmpty()) return 0;
    Seen en = seen.get(s);
    if (en == null) {
      en = new Seen(normalize(s));
      seen.put(s, en);
    }
    int f = en.flags;
    int missing = wanted & ~(f >>> KNOWN_SHIFT);
    if (missing != 0) {
      String l = en.lower;
      if ((missing & NEGATIVE) != 0 && HtmlPatterns.NEGATIVE.matches(l)) f |= NEGATIVE;
      if ((missing & POSITIVE) != 0 && HtmlPatterns.POSITIVE.matches(l)) f |= POSITIVE;
      if ((missing & UNLIKELY) != 0 && HtmlPatterns.UNLIKELY.matches(l)) f |= UNLIKELY;
      if ((missing & MAYBE) != 0 && HtmlPatterns.MAYBE_CANDIDATE.matches(l)) f |= MAYBE;
      if ((missing & BODY) != 0 && HtmlPatterns.BODY_HINT.matches(l)) f |= BODY;
      f |= missing << KNOWN_SHIFT;
      en.flags = f;
    }
    return f & wanted;
  }

  /**
   * Lower-cases a class/id string for the keyword tables and removes what says nothing about the element itself:
   * negated tokens ("no-sidebar", "non-paywall", "has-sidebar" describe the layout around the content) and the
   * generic wrapper prefix of the Elementor page builder ("elementor-widget-text-editor" is a text block, while
   * "elementor-widget-share-buttons" still reads as sharing buttons).
   */
  static String normalize(String s) {
    String l = s.toLowerCase(java.util.Locale.ROOT);
    if (l.indexOf('-') < 0 && l.indexOf('_') < 0) return l;
    // nothing to drop or rename, and tokens already single-spaced: the tokens joined again are the string itself
    if (!l.contains("no") && !l.contains("has") && !l.contains("with") && !l.contains("elementor-widget")
        && singleSpaced(l)) {
      return l;
    }
    StringBuilder out = new StringBuilder(l.length());
    int n = l.length();
    for (int i = 0; i < n; ) {
      while (i < n && Character.isWhitespace(l.charAt(i))) i++;
      int start = i;
      while (i < n && !Character.isWhitespace(l.charAt(i))) i++;
      if (start == i) break;
      String t = l.substring(start, i);
      // every neutral token holds "no" (no, non, not), "has" or "with" (with, without): others skip the regex
      if ((t.contains("no") || t.contains("has") || t.contains("with")) && HtmlPatterns.NEUTRAL_TOKEN.matcher(t).find()) {
        continue;
      }
      if (out.length() > 0) out.append(' ');
      out.append(t.contains("elementor-widget") ? t.replace("elementor-widget", "elementor") : t);
    }
    return out.toString();
  }

  /** Whether {@code s} neither starts nor ends with whitespace and separates its tokens by single plain spaces. */
  private static boolean singleSpaced(String s) {
    boolean space = true; // a token must come first
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (space) return false;
        space = true;
      } else if (NodeStats.whitespace(c)) {
        return false;
      } else {
        space = false;
      }
    }
    return !space;
  }

  /** Readability's class weight: +25 for a positive hint, -25 for a negative one, for class and id each. */
  int weight(Element e) {
    int w = 0;
    int c = flags(e.className(), NEGATIVE | POSITIVE);
    if ((c & NEGATIVE) != 0) w -= 25;
    if ((c & POSITIVE) != 0) w += 25;
    int id = flags(e.id(), NEGATIVE | POSITIVE);
    if ((id & NEGATIVE) != 0) w -= 25;
    if ((id & POSITIVE) != 0) w += 25;
    return w;
  }

  /** class or id names boilerplate (and no article-ish word rescues it). */
  boolean unlikely(Element e) {
    int f = flags(e.className(), UNLIKELY) | flags(e.id(), UNLIKELY);
    if (f == 0) return false;
    return ((flags(e.className(), MAYBE) | flags(e.id(), MAYBE)) & MAYBE) == 0;
  }

  /** True when the element is declared or named as the article body. */
  boolean bodyHint(Element e) {
    String ip = e.attr("itemprop");
    if (ip.equalsIgnoreCase("articleBody") || ip.equalsIgnoreCase("text")) return true;
    return (flags(e.className(), BODY) | flags(e.id(), BODY)) != 0;
  }
}
