package org.storyline.extract.html;

import java.util.Locale;

/**
 * Empties the bodies of {@code <script>} and {@code <style>} elements before parsing. About half the characters of a
 * news page are inline code and CSS, which the HTML parser would scan character by character only for the cleaner
 * to drop them; {@code String.indexOf} skips them much faster. Scripts whose start tag mentions JSON are kept whole
 * (JSON-LD metadata is read from them, and the type may be written with entities, {@code ld&#x2B;json}), and so is
 * any script whose body holds {@code <!--} (the tokenizer's escaped states could end it elsewhere).
 *
 * <p>The scan follows the tokenizer far enough to stay in step with it: comments, doctype and processing
 * instructions are skipped, attribute values are skipped honouring quotes (a {@code <script>} inside an attribute is
 * not an element), the bodies of other raw-text and RCDATA elements ({@code title}, {@code textarea}, ...) are
 * skipped, and so is foreign content ({@code <svg>}, {@code <math>}), where {@code script} and {@code style} are
 * ordinary elements. Whenever the input looks unfinished (an unclosed tag, comment or element) the rest is copied
 * unchanged. Stateless.
 */
final class RawTextStripper {
  private RawTextStripper() {}

  static String strip(String html) {
    int n = html.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) break;
      char c = html.charAt(lt + 1);
      if (c == '!' || c == '?') {
        int end = html.startsWith("<!--", lt) ? endOfComment(html, lt + 4) : html.indexOf('>', lt + 2);
        if (end < 0) break;
        i = end;
        continue;
      }
      if (c == '/') {
        int end = tagEnd(html, lt + 2);
        if (end < 0) break;
        i = end + 1;
        continue;
      }
      if (!isAsciiLetter(c)) {
        i = lt + 1;
        continue;
      }
      int nameEnd = lt + 1;
      while (nameEnd < n && !isTagNameEnd(html.charAt(nameEnd))) nameEnd++;
      String name = html.substring(lt + 1, nameEnd).toLowerCase(Locale.ROOT);
      int close = tagEnd(html, nameEnd);
      if (close < 0) break;
      switch (name) {
        case "script", "style" -> {
          int end = endTag(html, close + 1, name);
          if (end < 0) return finish(html, out, copied);
          boolean keep = name.equals("script") && (containsIgnoreCase(html, lt, close, "json")
              || html.substring(close + 1, end).contains("<!--"));
          if (!keep && end > close + 1) {
            if (out == null) out = new StringBuilder(n);
            out.append(html, copied, close + 1);
            copied = end;
          }
          i = end;
        }
        case "title", "textarea", "xmp", "iframe", "noembed", "noframes", "svg", "math" -> {
          int end = endTag(html, close + 1, name);
          if (end < 0) return finish(html, out, copied);
          i = end;
        }
        case "plaintext" -> {
          return finish(html, out, copied);
        }
        default -> i = close + 1;
      }
    }
    return finish(html, out, copied);
  }

  private static String finish(String html, StringBuilder out, int copied) {
    if (out == null) return html;
    return out.append(html, copied, html.length()).toString();
  }

  /** Index just after the {@code -->} that ends a comment whose body starts at {@code from}; -1 when none. */
  private static int endOfComment(String html, int from) {
    int e = html.indexOf("-->", from);
    return e < 0 ? -1 : e + 3;
  }

  /** Index of the {@code >} that ends the tag whose attributes start at {@code from}, skipping quoted values. */
  private static int tagEnd(String html, int from) {
    int n = html.length();
    int k = from;
    while (k < n) {
      char c = html.charAt(k);
      if (c == '>') return k;
      if (c == '=') {
        k++;
        while (k < n && isSpace(html.charAt(k))) k++;
        if (k < n && (html.charAt(k) == '"' || html.charAt(k) == '\'')) {
          int q = html.indexOf(html.charAt(k), k + 1);
          if (q < 0) return -1;
          k = q + 1;
        }
        continue;
      }
      k++;
    }
    return -1;
  }

  /** Index of the {@code </name} (any case, then a space, {@code /} or {@code >}) at or after {@code from}. */
  private static int endTag(String html, int from, String name) {
    int n = html.length();
    int k = from;
    while (true) {
      int lt = html.indexOf("</", k);
      if (lt < 0) return -1;
      int after = lt + 2 + name.length();
      if (html.regionMatches(true, lt + 2, name, 0, name.length())
          && (after >= n || isSpace(html.charAt(after)) || html.charAt(after) == '/' || html.charAt(after) == '>')) {
        return lt;
      }
      k = lt + 2;
    }
  }

  private static boolean containsIgnoreCase(String s, int from, int to, String what) {
    for (int k = from; k + what.length() <= to; k++) if (s.regionMatches(true, k, what, 0, what.length())) return true;
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isTagNameEnd(char c) {
    return isSpace(c) || c == '/' || c == '>';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }
}
