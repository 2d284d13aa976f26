package org.storyline.extract;

import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Removes markdown and stray inline HTML from one line of scraped text, keeping the words: {@code [talks](#)} ->
 * "talks", {@code **x**} -> "x", {@code *x*} -> "x", {@code # Title} -> "Title", {@code &amp;} -> "&". Square
 * brackets that are not links ("I was briefed [on the talks]") are kept. Stateless.
 */
final class Markdown {
  // Every repetition is bounded so that a hostile line (thousands of '*' or '[') stays linear.
  private static final String URL_PART = "\\((?:[^()\\s]|\\([^()]{0,200}\\)){0,500}(?:\\s+\"[^\"]{0,200}\")?\\)";
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\[\\]]{0,300}\\]" + URL_PART);
  private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]{1,300})\\]" + URL_PART);
  private static final Pattern REF_LINK = Pattern.compile("\\[([^\\[\\]]{1,300})\\]\\[[^\\[\\]]{0,100}\\]");
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]{1,2000})>");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)([^*]{1,300}?)(?<=\\S)\\*\\*|__(?=\\S)([^_]{1,300}?)(?<=\\S)__");
  private static final Pattern ITALIC_STAR = Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])([^*]{1,300}?)(?<=[^\\s*])\\*(?![\\w*])");
  private static final Pattern ITALIC_US = Pattern.compile("(?<![\\w_])_(?=[^\\s_])([^_]{1,300}?)(?<=[^\\s_])_(?![\\w_])");
  private static final Pattern STRIKE = Pattern.compile("~~([^~]{1,300}?)~~");
  private static final Pattern CODE = Pattern.compile("`([^`]{1,300})`");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+|\\s+#+\\s*$");
  private static final Pattern QUOTE = Pattern.compile("^(?:>\\s?)+");
  private static final Pattern BULLET = Pattern.compile("^(?:[-*+•]\\s+)");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|])");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
  private static final Pattern ONLY_LINKS = Pattern.compile(
      "(?:\\s*(?:!?\\[[^\\[\\]]{0,300}\\]" + URL_PART + "|<https?://[^>\\s]{1,2000}>)[\\s|,·•]*)+");
  // three or more of - * _ = with blanks between; one character class, so a line of thousands stays flat on the stack
  static final Pattern RULE = Pattern.compile("^(?=\\s*+[-*_=]\\s*+[-*_=]\\s*+[-*_=])[-*_=\\s]++$");

  private Markdown() {}

  /** A line made only of markdown links or images ("[kremlin.ru](https://kremlin.ru)"). */
  static boolean onlyLinks(String raw) {
    if (raw.length() > 2000 || raw.isEmpty() || "[!<".indexOf(raw.charAt(0)) < 0) return false;
    return ONLY_LINKS.matcher(raw).matches();
  }

  static boolean isHeading(String raw) {
    return raw.startsWith("#") && HEADING.matcher(raw).lookingAt();
  }

  static int headingLevel(String raw) {
    int n = 0;
    while (n < raw.length() && raw.charAt(n) == '#') n++;
    return n;
  }

  /** Collapses runs of spaces, tabs and no-break spaces into one space; strips the ends. */
  private static String squeeze(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
        space = true;
      } else {
        if (space && b.length() > 0) b.append(' ');
        space = false;
        b.append(c);
      }
    }
    return b.toString();
  }

  static String clean(String line) {
    String s = line;
    if (s.indexOf('<') >= 0) s = TAG.matcher(s).replaceAll("");
    if (s.indexOf('#') >= 0) s = HEADING.matcher(s).replaceAll("");
    if (s.startsWith(">")) s = QUOTE.matcher(s).replaceFirst("");
    if (!s.isEmpty() && "-*+•".indexOf(s.charAt(0)) >= 0) s = BULLET.matcher(s).replaceFirst("");
    if (s.indexOf('[') >= 0) {
      s = IMAGE.matcher(s).replaceAll("");
      s = LINK.matcher(s).replaceAll("$1");
      s = REF_LINK.matcher(s).replaceAll("$1");
    }
    if (s.indexOf('<') >= 0) s = AUTOLINK.matcher(s).replaceAll("$1");
    if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
      s = BOLD.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
      s = ITALIC_STAR.matcher(s).replaceAll("$1");
      s = ITALIC_US.matcher(s).replaceAll("$1");
    }
    if (s.indexOf('~') >= 0) s = STRIKE.matcher(s).replaceAll("$1");
    if (s.indexOf('`') >= 0) s = CODE.matcher(s).replaceAll("$1");
    if (s.indexOf('\\') >= 0) s = ESCAPE.matcher(s).replaceAll("$1");
    if (s.indexOf('&') >= 0) s = Parser.unescapeEntities(s, false);
    return squeeze(s);
  }
}
