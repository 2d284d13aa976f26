package org.storyline.server.ui;

import java.nio.charset.StandardCharsets;

/**
 * The UI's stable URLs. Ids are percent-encoded as one path segment (every byte but the unreserved characters of
 * RFC 3986), so an id with spaces, slashes, {@code ?}, {@code #} or non-ASCII letters still makes one working link.
 * Only {@code http:} and {@code https:} URLs from articles are ever made into links ({@link #external}).
 */
public final class Links {
  private Links() {}

  public static String story(String id) {
    return "/stories/" + segment(id);
  }

  public static String storyline(String id) {
    return "/storylines/" + segment(id);
  }

  public static String entity(String id) {
    return "/entities/" + segment(id);
  }

  public static String article(String id) {
    return "/articles/" + segment(id);
  }

  /** The article with {@code [start, end)} of its text highlighted and scrolled to. */
  public static String article(String id, int start, int end) {
    if (start < 0 || end < start) return article(id);
    return article(id) + "?hl=" + start + "-" + end + "#hl";
  }

  /** A revision of an article. */
  public static String revision(String id, int number) {
    return article(id) + "?rev=" + number;
  }

  public static String search(String q) {
    return "/search?q=" + query(q);
  }

  /** {@code url} when it is an http(s) URL (so safe to link to), else null: never a javascript: or data: link. */
  public static String external(String url) {
    if (url == null) return null;
    String u = url.strip();
    String lower = u.toLowerCase(java.util.Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://"))) return null;
    for (int i = 0; i < u.length(); i++) if (u.charAt(i) < 0x21 || u.charAt(i) == 0x7f) return null;
    return u;
  }

  /** Percent-encodes all but RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}). */
  public static String segment(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
          || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  /** A query-string value: like {@link #segment}, which is valid there too. */
  public static String query(String s) {
    return s == null ? "" : segment(s);
  }
}
