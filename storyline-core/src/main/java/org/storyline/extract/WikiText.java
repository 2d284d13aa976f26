package org.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns MediaWiki markup (Wikinews, Wikipedia exports; also text whose line breaks were lost, where a heading, a
 * table or a list sits in the middle of a line) into lines the cleaner reads like any scraped text. Each line is
 * text or markup: markup lines are removed by the cleaner and listed with the other removed lines.
 *
 * <ul>
 *   <li>markup lines: magic words ({@code __NOTOC__}), tables ({@code {| ... |}}, one line per row), templates
 *       ({@code {{...}}}), images, files, categories and interlanguage links ({@code [[File:x.jpg|thumb|...]]}),
 *       galleries, references ({@code <ref>...</ref>}), a template's parameters left after its opening was lost,
 *       bare external links ({@code [http://x]}), horizontal rules
 *       ({@code ----}), empty list items ({@code * * *}), and the trailing sections (Sources, References, Related
 *       news, External links, See also) with everything under them;</li>
 *   <li>headings ({@code ===Results===}) become markdown heading lines ({@code ### Results}), so the cleaner treats
 *       them as it treats markdown headings; a heading never stays inside a sentence;</li>
 *   <li>list items ({@code * item}, {@code # item}) start a line of their own, as markdown bullets; indentation
 *       colons go; {@code <br>}, {@code <blockquote>} and {@code <p>} break lines;</li>
 *   <li>inline markup keeps its words: {@code [[target|words]]} -> "words", {@code [[words]]} -> "words",
 *       {@code [http://x words]} -> "words", {@code {{w|words}}} -> "words", {@code '''bold'''} -> "bold",
 *       {@code <nowiki>[sic]</nowiki>} -> "[sic]".</li>
 * </ul>
 * A markup element found inside a sentence is removed without splitting the sentence; its line follows the
 * sentence's. Every scan is bounded by the text's length (nesting is counted, never recursed). Stateless.
 */
final class WikiText {
  /** One line of the result: its text and whether it is markup to remove. */
  record Line(String text, boolean markup) {}

  private static final Pattern MAGIC = Pattern.compile("__[A-Z]{3,20}__");
  private static final Pattern HEADING = Pattern.compile("(={2,6})[ \\t]*([^=\\n]{1,150}?)[ \\t]*\\1(?!=)");
  /** Empty list items after the text on its line ("... the report said. * * *"): a flattened list whose links went. */
  private static final Pattern EMPTY_ITEMS = Pattern.compile("[^\\s*][ \\t]+\\*[ \\t*]*\\*[ \\t]*(?:\\n|$)");
  private static final Pattern LONE_EQUALS = Pattern.compile("={2,}(?=\\s|$)");
  private static final Pattern UNCLOSED_IMAGE = Pattern.compile(
      "\\[\\[(?i:file|image):[^|\\]\\n]{1,300}(?:\\|(?:thumb|thumbnail|frame|frameless|border|left|right|center|none|"
          + "upright|\\d{1,4}(?:x\\d{1,4})?px)){0,8}\\|?");
  /** An external link, with its words or bare ("[http://example.org the report]", "[http://example.org]"). */
  private static final Pattern EXTERNAL_LINK = Pattern.compile("\\[https?://[^\\s\\]]{1,2000}(?: [^\\]\\n]{1,300})?\\]");
  private static final Pattern LOOKS_HEADING = Pattern.compile("(?:^|\\s)(={2,6})[ \\t]*[^=\\n]{1,150}?[ \\t]*\\1(?:\\s|$)");
  private static final Pattern RULE = Pattern.compile("-{4,}(?=\\s|$)");
  private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
  private static final Pattern QUOTES = Pattern.compile("'{5}|'{3}|'{2}(?!')");
  private static final Pattern NON_LINK_TARGET = Pattern.compile(
      "(?i)(?:file|image|media|category|categoría|kategorie|catégorie|[a-z]{2,3}(?:-[a-z]{2,8})?)\\s*:.*", Pattern.DOTALL);
  private static final Pattern INTERWIKI = Pattern.compile("(?i)^:?(?:w|wikipedia|wikt|wiktionary|wikinews|n|b|q|s):");
  private static final Pattern OPEN_TAG = Pattern.compile(
      "<(/?)(nowiki|gallery|ref|references|br|blockquote|p|div|poem)\\b[^<>]{0,300}?(/?)>", Pattern.CASE_INSENSITIVE);
  /** Section headings whose content is a list of sources or links, not the article (lower case). */
  private static final Set<String> TRAILING_SECTIONS = Set.of("sources", "source", "references", "notes",
      "related news", "related wikinews", "related articles", "external links", "external link", "see also",
      "further reading", "interviews", "external references");

  private WikiText() {}

  /**
   * True when the text carries MediaWiki markup: a magic word, a wiki link or template (or its closer alone), a
   * table, bold quotes, a wiki heading, an external link in brackets, or empty list items after text on its line.
   * Plain and markdown text (even with a {@code * * *} rule on its own line) is left to the markdown rules.
   */
  static boolean looksLike(String text) {
    // a pattern's fixed characters are looked for first: most texts have none, and a search is much slower
    return text.contains("[[") || text.contains("{{") || text.contains("{|") || text.contains("'''")
        || text.contains("__") && MAGIC.matcher(text).find()
        || text.contains("==") && LOOKS_HEADING.matcher(text).find()
        || text.indexOf('*') >= 0 && EMPTY_ITEMS.matcher(text).find()
        || text.contains("]]") || text.contains("}}") || (text.contains("[http") && EXTERNAL_LINK.matcher(text).find());
  }

  /** The text as lines (stripped, none empty), each marked as text or markup. */
  static List<Line> lines(String text) {
    Builder b = new Builder();
    Closers closers = new Closers(text);
    Params params = new Params(text);
    int end;
    int n = text.length();
    int i = 0;
    Matcher tag;
    while (i < n) {
      char c = text.charAt(i);
      boolean lineStart = b.cur.isEmpty(); // the current line holds nothing yet (leading blanks are not kept)
      boolean afterSpace = i == 0 || Character.isWhitespace(text.charAt(i - 1));
      if (c == '\n') {
        b.breakLine();
        i++;
      } else if (text.startsWith("<!--", i)) {
        end = text.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 3;
      } else if (c == '{' && text.startsWith("{|", i) && (afterSpace || text.charAt(i - 1) == ':')) {
        end = closers.of(i, "{|", "|}");
        if (end < 0) { // unclosed (its end lost): the opener and its attributes go, what follows is read on
          end = text.substring(i, Math.min(n, i + 500)).indexOf(" | ");
          end = end < 0 ? i + 2 : i + end + 3;
          b.markupInline(text.substring(i, end));
          i = end;
          continue;
        }
        b.breakLine();
        for (String row : text.substring(i, end).split("\\n|(?=\\|-)")) b.markupLine(row);
        i = end;
      } else if ((c == '}' || c == '|') && (end = params.end(i)) > 0) {
        b.markupInline(text.substring(i, end));
        i = end;
      } else if ((c == ']' && text.startsWith("]]", i)) || (c == '}' && text.startsWith("}}", i))) {
        b.markupInline(text.substring(i, i + 2)); // a closer whose opener was lost
        i += 2;
      } else if (c == '{' && text.startsWith("{{", i)) {
        end = closers.of(i, "{{", "}}");
        if (end < 0) {
          b.markupInline("{{");
          i += 2;
          continue;
        }
        String inner = text.substring(i + 2, Math.max(i + 2, end - 2));
        String words = wikipediaLink(inner);
        if (words != null) b.text(words);
        else b.markupInline(text.substring(i, end));
        i = end;
      } else if (c == '[' && text.startsWith("[[", i)) {
        end = closers.of(i, "[[", "]]");
        if (end < 0) { // unclosed: the opener goes, and an image's target and layout options with it
          Matcher o = UNCLOSED_IMAGE.matcher(text).region(i, n);
          end = o.lookingAt() ? o.end() : i + 2;
          b.markupInline(text.substring(i, end));
          i = end;
          continue;
        }
        String inner = text.substring(i + 2, Math.max(i + 2, end - 2));
        String target = inner.split("\\|", 2)[0].strip();
        if (NON_LINK_TARGET.matcher(target).matches() && !INTERWIKI.matcher(target).find()) {
          b.markupInline(text.substring(i, end));
        } else {
          int bar = inner.lastIndexOf('|');
          String words = bar >= 0 ? inner.substring(bar + 1) : INTERWIKI.matcher(inner).replaceFirst("");
          b.text(words.isBlank() ? target : words);
        }
        i = end;
      } else if (c == '[' && (text.startsWith("[http", i) || text.startsWith("[//", i))) {
        end = text.indexOf(']', i);
        int nl = text.indexOf('\n', i);
        if (end < 0 || (nl >= 0 && nl < end)) {
          b.text("[");
          i++;
          continue;
        }
        String inner = text.substring(i + 1, end).strip();
        int sp = inner.indexOf(' ');
        if (sp > 0) b.text(inner.substring(sp + 1).strip());
        else b.markupInline(text.substring(i, end + 1));
        i = end + 1;
      } else if (c == '<' && (tag = tagAt(text, i)) != null) {
        Matcher m = tag;
        String name = m.group(2).toLowerCase(Locale.ROOT);
        boolean closing = !m.group(1).isEmpty();
        boolean self = !m.group(3).isEmpty();
        int after = m.end();
        if (!closing && !self && (name.equals("nowiki") || name.equals("gallery") || name.equals("ref")
            || name.equals("references"))) {
          end = closers.tag(name, after);
          int close = end < 0 ? -1 : text.indexOf('>', end);
          if (close < 0) { // unclosed: the tag alone goes
            b.markupInline(m.group());
            i = after;
            continue;
          }
          close = close + 1;
          if (name.equals("nowiki")) b.text(text.substring(after, end < 0 ? n : end));
          else if (name.equals("gallery")) {
            b.breakLine();
            b.markupLine(text.substring(i, close));
          } else {
            b.markupInline(text.substring(i, close));
          }
          i = close;
        } else if (name.equals("ref") || name.equals("references") || name.equals("nowiki")) {
          b.markupInline(m.group());
          i = after;
        } else { // br, blockquote, p, div, poem: a line break
          b.breakLine();
          i = after;
        }
      } else if (c == '_' && text.startsWith("__", i) && MAGIC.matcher(text).region(i, n).lookingAt()) {
        Matcher m = MAGIC.matcher(text).region(i, n);
        m.lookingAt();
        b.markupInline(m.group());
        i = m.end();
      } else if (c == '=' && afterSpace && HEADING.matcher(text).region(i, n).lookingAt()) {
        Matcher m = HEADING.matcher(text).region(i, n);
        m.lookingAt();
        b.heading(m.group(1).length(), m.group(2).strip());
        i = m.end();
      } else if (c == '=' && afterSpace && LONE_EQUALS.matcher(text).region(i, n).lookingAt()) {
        Matcher m = LONE_EQUALS.matcher(text).region(i, n); // half a heading, or a separator
        m.lookingAt();
        b.markupInline(m.group());
        i = m.end();
      } else if (c == '-' && afterSpace && RULE.matcher(text).region(i, n).lookingAt()) {
        Matcher m = RULE.matcher(text).region(i, n);
        m.lookingAt();
        b.breakLine();
        b.markupLine(m.group());
        i = m.end();
      } else if ((c == '*' || (c == '#' && lineStart)) && afterSpace) {
        end = listRun(text, i);
        b.breakLine();
        b.bullet(text.substring(i, end)); // a list item; one left empty (the links it held are gone) is markup
        i = end;
      } else if ((c == ':' || c == ';') && lineStart) {
        i++;
      } else {
        if (!b.cur.isEmpty() || !Character.isWhitespace(c)) b.cur.append(c);
        i++;
      }
    }
    b.breakLine();
    return dropTrailingSections(b.out);
  }

  /** The end of a run of list markers and the blanks between them ("* * # "), from {@code i}. */
  private static int listRun(String text, int i) {
    int end = i;
    int k = i;
    while (k < text.length()) {
      char c = text.charAt(k);
      if (c == '*' || c == '#') end = ++k;
      else if (c == ' ' || c == '\t') k++;
      else break;
    }
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) end++;
    return end;
  }

  private static Matcher tagAt(String text, int i) {
    Matcher m = OPEN_TAG.matcher(text).region(i, text.length());
    return m.lookingAt() ? m : null;
  }

  /** {@code {{w|Page}}}, {@code {{w|Page|words}}}: the words of a link to Wikipedia; null for other templates. */
  private static String wikipediaLink(String inner) {
    String[] parts = inner.split("\\|");
    String name = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!(name.equals("w") || name.equals("wikipedia")) || parts.length < 2) return null;
    String last = parts[parts.length - 1].strip();
    return last.contains("=") ? parts[1].strip() : last;
  }

  /**
   * A template's parameters left after its opening was lost ({@code } | FTSE 100 = 4.366,69 | DAX = 5.013,62 }}}):
   * three or more {@code | key = value} pairs (short keys, values without a line break) up to the closing braces.
   * A scan that fails remembers how far it read, so later starts inside the same run fail at once (linear).
   */
  private static final class Params {
    private final String text;
    private int failedBefore = -1;

    Params(String text) {
      this.text = text;
    }

    /** The index after the parameters' closing braces when they start at {@code i}; -1 when none start there. */
    int end(int i) {
      if (i < failedBefore) return -1;
      int n = text.length();
      int k = text.charAt(i) == '}' ? i + 1 : i;
      int pairs = 0;
      while (true) {
        while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k++;
        if (pairs >= 3 && text.startsWith("}}", k)) return k + 2;
        if (k >= n || text.charAt(k) != '|') break;
        k++;
        int key = 0;
        while (k < n && "|=\n{}".indexOf(text.charAt(k)) < 0 && key <= 40) {
          k++;
          key++;
        }
        if (k >= n || text.charAt(k) != '=' || key == 0 || key > 40) break;
        k++;
        int value = 0;
        while (k < n && text.charAt(k) != '|' && text.charAt(k) != '\n' && !text.startsWith("}}", k) && value <= 80) {
          k++;
          value++;
        }
        if (value > 80) break;
        pairs++;
      }
      failedBefore = k;
      return -1;
    }
  }

  /**
   * Where elements end, found in one pass per kind so that a text full of unclosed openers stays linear: for each
   * opener, the index just after the closer that balances it (nested openers counted), or -1 when none does.
   */
  private static final class Closers {
    private final String text;
    private final java.util.Map<String, int[]> ends = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> tags = new java.util.HashMap<>();

    Closers(String text) {
      this.text = text;
    }

    int of(int from, String open, String shut) {
      int[] end = ends.computeIfAbsent(open, k -> pair(open, shut));
      return end[from];
    }

    private int[] pair(String open, String shut) {
      int[] end = new int[text.length()];
      java.util.Arrays.fill(end, -1);
      int[] stack = new int[text.length() / open.length() + 1];
      int top = 0;
      int i = 0;
      while (i < text.length()) {
        if (text.startsWith(open, i)) {
          stack[top++] = i;
          i += open.length();
        } else if (text.startsWith(shut, i)) {
          if (top > 0) end[stack[--top]] = i + shut.length();
          i += shut.length();
        } else {
          i++;
        }
      }
      return end;
    }

    /** The next {@code </name} at or after {@code from} (any case), or -1; {@code from} only grows between calls. */
    int tag(String name, int from) {
      Integer known = tags.get(name);
      if (known != null && (known < 0 || known >= from)) return known;
      String what = "</" + name;
      int max = text.length() - what.length();
      int found = -1;
      for (int i = from; i <= max; i++) {
        if (text.regionMatches(true, i, what, 0, what.length())) {
          found = i;
          break;
        }
      }
      tags.put(name, found);
      return found;
    }
  }

  /** A trailing section (Sources, Related news, ...) goes with everything under it, up to the next heading. */
  private static List<Line> dropTrailingSections(List<Line> lines) {
    List<Line> out = new ArrayList<>(lines.size());
    int level = 0; // inside a trailing section of this heading level; 0 when not
    for (Line l : lines) {
      int h = l.markup() ? 0 : Markdown.isHeading(l.text()) ? Markdown.headingLevel(l.text()) : 0;
      if (h > 0) {
        String words = Markdown.clean(l.text()).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", "").strip();
        if (TRAILING_SECTIONS.contains(words)) level = h;
        else if (level > 0 && h <= level) level = 0;
      }
      out.add(level > 0 ? new Line(l.text(), true) : l);
    }
    return dropEmptySections(out);
  }

  /** A heading whose section kept no text (its table or list went) goes too: the next text line is a heading as high. */
  private static List<Line> dropEmptySections(List<Line> lines) {
    List<Line> out = new ArrayList<>(lines);
    for (int k = 0; k < out.size(); k++) {
      Line l = out.get(k);
      if (l.markup() || !Markdown.isHeading(l.text())) continue;
      int h = Markdown.headingLevel(l.text());
      int next = k + 1;
      while (next < out.size() && out.get(next).markup()) next++;
      boolean empty = next == out.size()
          || (Markdown.isHeading(out.get(next).text()) && Markdown.headingLevel(out.get(next).text()) <= h);
      if (empty) out.set(k, new Line(l.text(), true));
    }
    return out;
  }

  /** Collects lines: text accumulates into the current line; inline markup waits until that line ends. */
  private static final class Builder {
    final List<Line> out = new ArrayList<>();
    final StringBuilder cur = new StringBuilder();
    final List<String> pending = new ArrayList<>();
    String bullet; // the list marker the current line opened with, if any

    void text(String s) {
      cur.append(s);
    }

    void markupInline(String s) {
      pending.add(s);
      if (cur.length() > 0 && !Character.isWhitespace(cur.charAt(cur.length() - 1))) cur.append(' ');
    }

    void markupLine(String s) {
      if (!s.isBlank()) out.add(new Line(s.strip(), true));
    }

    void heading(int level, String words) {
      breakLine();
      String w = QUOTES.matcher(words).replaceAll("").strip();
      if (!w.isEmpty()) out.add(new Line("#".repeat(level) + " " + w, false));
    }

    void bullet(String raw) {
      bullet = raw;
      cur.append("- ");
    }

    void breakLine() {
      String t = SPACES.matcher(QUOTES.matcher(cur).replaceAll("")).replaceAll(" ").strip();
      cur.setLength(0);
      if (bullet != null && t.equals("-")) markupLine(bullet);
      else if (!t.isEmpty()) out.add(new Line(t, false));
      bullet = null;
      for (String p : pending) markupLine(p);
      pending.clear();
    }
  }
}
