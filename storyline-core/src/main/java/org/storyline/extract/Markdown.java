package org.storyline.extract;

import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Removes markdown and stray inline HTML from one line of scraped text, keeping the words: {@code [talks](#)} ->
 * "talks", {@code **x**} -> "x", {@code *x*} -> "x", {@code # Title} -> "Title", {@code &amp;} -> "&". Square
 * brackets that are not links ("I was briefed [on the talks]") are kept. Stateless.
 */
final class Markdown {
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\((?:[^()\\s]|\\([^)]*\\))*(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\((?:[^()\\s]|\\([^)]*\\))*(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]");
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");
  private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
  private static final Pattern ITALIC_STAR = Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])");
  private static final Pattern ITALIC_US = Pattern.compile("(?<![\\w_])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\w_])");
  private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+|\\s+#+\\s*$");
  private static final Pattern QUOTE = Pattern.compile("^(?:>\\s?)+");
  private static final Pattern BULLET = Pattern.compile("^(?:[-*+•]\\s+)");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|])");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");
  static final Pattern ONLY_LINKS = Pattern.compile(
      "^(?:\\s*(?:!?\\[[^\\]]*\\]\\((?:[^()\\s]|\\([^)]*\\))*(?:\\s+\"[^\"]*\")?\\)|<https?://[^>\\s]+>)[\\s|,·•]*)+$");
  static final Pattern RULE = Pattern.compile("^\\s*(?:[-*_=]\\s*){3,}$");

  private Markdown() {}

  static boolean isHeading(String raw) {
    return raw.startsWith("#") && HEADING.matcher(raw).lookingAt();
  }

  static int headingLevel(String raw) {
    int n = 0;
    while (n < raw.length() && raw.charAt(n) == '#') n++;
    return n;
  }

  static String clean(String line) {
    String s = line;
    if (s.indexOf('<') >= 0) s = TAG.matcher(s).replaceAll("");
    s = HEADING.matcher(s).replaceAll("");
    s = QUOTE.matcher(s).replaceFirst("");
    s = BULLET.matcher(s).replaceFirst("");
    if (s.indexOf('[') >= 0) {
      s = IMAGE.matcher(s).replaceAll("");
      s = LINK.matcher(s).replaceAll("$1");
      s = REF_LINK.matcher(s).replaceAll("$1");
    }
    if (s.indexOf('<') >= 0) s = AUTOLINK.matcher(s).replaceAll("$1");
    if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
      s = BOLD.matcher(s).replaceAll("$2");
      s = ITALIC_STAR.matcher(s).replaceAll("$1");
      s = ITALIC_US.matcher(s).replaceAll("$1");
    }
    if (s.indexOf('~') >= 0) s = STRIKE.matcher(s).replaceAll("$1");
    if (s.indexOf('`') >= 0) s = CODE.matcher(s).replaceAll("$1");
    if (s.indexOf('\\') >= 0) s = ESCAPE.matcher(s).replaceAll("$1");
    if (s.indexOf('&') >= 0) s = Parser.unescapeEntities(s, false);
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}
