package org.storyline.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.dates.DateFinder;
import org.storyline.dates.UrlDates;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/**
 * Cleans scraped plain text (what scrapers save as {@code .txt}/{@code .md}) into an article with metadata.
 *
 * <p>Each non-empty line is read in order and is either metadata, boilerplate or body:
 * <ul>
 *   <li><b>title</b>: a markdown heading, a {@code Title:} line, or else a headline-like line above the body (short,
 *       no final full stop, also none inside closing quotes): the first, unless a later one shares the lead's words
 *       and the first does not; no line below a kept line that reads as a sentence (five words or more ending in a
 *       full stop, question or exclamation mark) is taken for the title;</li>
 *   <li><b>date</b>: lines that are only a date, with an optional label ({@code Published on}, {@code Updated:}) or
 *       byline ({@code FP News Desk February 27, 2025, 18:56:48 IST}); time and zone are kept when printed. A
 *       "published" line wins over an "updated" one, which wins over a date in the URL, which wins over a
 *       container date ({@code Document Date:}, {@code Retrieved}), which is used only when the text does not
 *       contradict it and is then marked inferred. A place dateline on its own line ({@code LONDON 1996-08-30},
 *       {@code BIRMINGHAM, England 1996-08-31}) gives a date too but stays in the text (it names a place). Without
 *       any, the date may be inferred from a dateline or a weekday printed with a date in the text (marked
 *       inferred); otherwise it stays null with a diagnostic, never today;</li>
 *   <li><b>byline</b>: {@code By X}, {@code Author: X}, desk bylines ({@code FP News Desk});</li>
 *   <li><b>url</b>: {@code Original url:}/{@code URL:}/{@code Source:} lines (URL on the same or the next line), or a
 *       bare URL line;</li>
 *   <li><b>outlet</b>: a {@code Source(s)}/{@code Publisher} line, else the URL's domain in {@code outlets.tsv},
 *       else a desk byline known there, else a copyright or terms line;</li>
 *   <li><b>credits</b>: credit lines ({@code credits.txt}). A credit line is metadata: it leaves the text and is
 *       listed in {@code removed}, like every other metadata line; an agency dateline ("MOSCOW (Reuters) -") also
 *       credits but stays in the text;</li>
 *   <li><b>boilerplate</b> ({@code boilerplate.tsv}, {@code nav.txt}): ads, teasers of other articles, newsletter
 *       sign-ups, sharing widgets, captions and photo credits, navigation, footers, HTML remnants, markdown link
 *       lines, repeated lines, and wiki markup lines (magic words, tables, templates, images, rules, empty list
 *       items, Sources sections: see {@link WikiText}, which first splits MediaWiki text into lines).</li>
 * </ul>
 * Kept paragraphs lose their markdown ({@code [talks](#)} -> "talks"); a paragraph broken mid-sentence (next part
 * starting in lower case) is joined again. Container hints (JSONL, feeds) win over anything guessed here.
 * Thread-safe; build once.
 */
public final class TextCleaner implements Extractor {
  private static final String MONTH = DateFinder.MONTH;
  private static final String WEEKDAY = DateFinder.WEEKDAY;
  private static final int CI = Pattern.CASE_INSENSITIVE;
  private static final Pattern DATE_LABEL = Pattern.compile(
      "(?:(?:first|last|originally|date)\\s+)?(?:published|updated|posted|modified|edited|released|created|date|"
          + "dated|document date|publication date|pub date|pubdate|retrieved|accessed|crawled|fetched|downloaded|"
          + "scraped|indexed|load date|archived|saved|on|pubdate|datepublished|datemodified|lastmod|"
          + "publié|publie|mis à jour|veröffentlicht|aktualisiert|stand|publicado|actualizado|pubblicato|"
          + "aggiornato|atualizado|gepubliceerd|bijgewerkt)"
          + "(?:\\s+(?:on|at|time|date|le|am|el|em|il|op|à|a las|às))?", CI);
  private static final Pattern DATE_PREFIX = Pattern.compile(
      "^(?<pre>.*?)[\\s|,·•/–—-]*(?<label>" + DATE_LABEL.pattern() + ")?\\s*:?\\s*$", CI);
  private static final Pattern MONTH_YEAR = Pattern.compile("(?<![\\p{L}])(" + MONTH + ")\\s+((?:19|20)\\d{2})(?!\\d)", CI);
  private static final Pattern SEPARATORS = Pattern.compile("[\\s|,·•/:()\\[\\]–—-]*");
  private static final Pattern AFTER_DATE = Pattern.compile(
      "[\\s|,·•/()–—-]*(?:\\d+\\s*min(?:ute)?s?\\s*read|\\(?[A-Z]{2,5}\\)?|(?i:updated\\s+)?\\d+\\s*(?i:minutes?|mins?|hours?|"
          + "hrs?|days?)\\s+(?i:ago))?[\\s|,·•/()–—-]*");
  private static final String NAME_TOKEN = "(?:[\\p{Lu}][\\p{L}.'’&-]*|and|&|de|da|del|der|van|von|bin|al|el|la|le|"
      + "di|du|dos|ibn|of|the)";
  private static final Pattern NAME = Pattern.compile(
      "[\\p{Lu}][\\p{L}.'’&-]*(?:[\\s,]+" + NAME_TOKEN + "){0,9}");
  private static final Pattern BY_PREFIX = Pattern.compile(
      "^(?:by|written by|words by|reported by|story by|author|authors|byline|posted by)\\s*:?\\s+(?<who>.{2,150})$",
      CI);
  private static final Pattern DESK = Pattern.compile(
      "^(?:[\\p{Lu}][\\p{L}.&'’-]*\\s+){1,4}(?:News Desk|Web Desk|Online Desk|World Desk|Digital Desk|Desk|Staff|"
          + "Staff Reporter|Bureau|News Service|Web Team|News Network|Correspondent|Online|Team|Newsroom)$");
  private static final Pattern TITLE_LINE = Pattern.compile("^(?:title|headline)\\s*:\\s*(?<t>.{3,300})$", CI);
  private static final Pattern SOURCE_LINE = Pattern.compile(
      "^(?:sources?|source name|publisher|published by|outlet|publication|news source|provider)\\s*(?<colon>:)?"
          + "\\s*(?<name>[^:]{2,80})$", CI);
  private static final Pattern URL_LABEL = Pattern.compile(
      "^(?:original url|original link|original article|original source|source url|source link|canonical url|"
          + "canonical|url|link|permalink|article url|article link|web link|source|url source)\\s*:\\s*(?<rest>.*)$", CI);
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>()\\[\\]\"']+[^\\s<>()\\[\\]\"'.,;:!?]");
  private static final Pattern BARE_URL = Pattern.compile("^<?(https?://\\S+?)>?$");
  private static final Pattern HTML_LINE = Pattern.compile("^<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[\\s>/].*|^<!--.*|^</?[a-zA-Z][a-zA-Z0-9]*>.*");
  private static final Pattern OUTLET_IN_FURNITURE = Pattern.compile(
      "(?:terms\\s*(?:&|and)\\s*conditions|terms of (?:use|service)|privacy policy)\\s+of\\s+(?<a>[\\p{Lu}][\\p{L}\\d&.' -]{1,60}?)\\.?$"
          + "|^(?:copyright|©|\\(c\\))\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*-\\s*\\d{4})?)?\\s*(?<b>[\\p{Lu}][\\p{L}\\d&.' -]{1,60}?)"
          + "(?:\\.|,|\\s+all rights reserved.*|$)", CI);
  private static final Pattern DATELINE = Pattern.compile(
      "^[\\p{Lu}][\\p{L} .,'’-]{1,40}?,?\\s+(?<mon>" + MONTH + ")\\s+(?<d>\\d{1,2})(?:,?\\s+(?<y>(?:19|20)\\d{2}))?"
          + "\\s*(?:\\([^)]{1,40}\\))?\\s*[-–—:]", CI);
  private static final Pattern WEEKDAY_DATE = Pattern.compile(
      "(?<![\\p{L}])(?<wd>" + WEEKDAY + "),?\\s+\\(?(?:(?<mon>" + MONTH + ")\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?"
          + "|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<mon2>" + MONTH + "))\\)?(?:,?\\s+(?<y>(?:19|20)\\d{2}))?(?![\\p{L}\\d])",
      CI);
  private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])((?:19|20)\\d{2})(?![\\d])");
  private static final Pattern RELATIVE = Pattern.compile(
      "(?<![\\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
          + "this week|last week|this month|last month)(?![\\p{L}])", CI);
  private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|$)");
  private static final Pattern ABBREV_END = Pattern.compile("(?:\\b(?:\\p{Lu}\\.){2,}|\\b(?:Co|Inc|Corp|Ltd|Jr|Sr|St|Bros)\\.)$");
  private static final Pattern ISO_DATE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern LABEL_WORD = Pattern.compile(
      "(?<![\\p{L}])(?:published|updated|posted|modified|date|time|created|edited|released|issued|last|first|publié|"
          + "veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|atualizado|mis à jour)(?![\\p{L}])",
      CI);
  private static final Pattern FRONT_KEY = Pattern.compile("^[A-Za-z_][\\w -]{0,30}\\s*:.*$");
  private static final Pattern BYLINE_SEPARATORS = Pattern.compile("\\s*[|/•·]\\s*");
  private static final Pattern DOMAIN_LIKE = Pattern.compile("(?i)[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|in|co\\.uk|uk|de|fr|ru|pk|au|ca)");
  private static final Pattern SOURCE_SPLIT = Pattern.compile("\\s*(?:,|&|\\band\\b)\\s*");
  private static final Pattern AGENCY_WORDS = Pattern.compile("(?:news |wire )?(?:agency|agencies|wires?)", CI);
  private static final Pattern BIO_VERB = Pattern.compile(
      "\\s*,?\\s*(?:is|was|covers|writes|reports|has covered|has been|edits|joined|can be reached|contributed|a)\\b.*");
  private static final Pattern SENTENCE_BREAK = Pattern.compile(
      "(?<![A-Z])(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|Sr|Inc|Co|vs|No))[.!?…][\"”’')]*\\s+[\"“‘]?\\p{Lu}");
  private static final Pattern QUOTE_END = Pattern.compile("[.,!?][\"”’']$");
  private static final Pattern BULLET_RAW = Pattern.compile("(?:[-*+•]|\\d{1,2}[.)])\\s+");
  private static final java.util.Set<String> STOP_STEMS = java.util.Set.of("that", "this", "with", "from", "have",
      "were", "will", "would", "their", "there", "about", "after", "says", "said", "over", "into", "more", "than");
  private static final Pattern CAMEL = Pattern.compile("\\p{Ll}+\\p{Lu}");
  private static final Pattern OPEN_END = Pattern.compile("\\s(?:the|a|an|of|to|and|or|with|by|from|that|for)$");
  private static final Pattern TERMINAL = Pattern.compile(".*[.!?…\"”’'):;]$");
  private static final Pattern CLOSERS = Pattern.compile("[\"”’')\\]]+$");
  private static final Pattern PLACE_DATELINE = Pattern.compile(
      "(?<place>\\p{Lu}[\\p{Lu}\\p{M}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.'’-]+){0,3}"
          + "(?:,\\s*(?!(?i:" + MONTH + "|" + WEEKDAY + ")\\b)\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})?)"
          + "[\\s,]+(?<date>(?:\\d|(?i:" + MONTH + "|" + WEEKDAY + ")\\b).*)");
  private static final Pattern STARTS_LOWER = Pattern.compile("^[\"“‘'(]?\\p{Ll}.*");

  private final OutletTable outlets;
  private final Boilerplate boilerplate;
  private final CreditFinder credits;
  private final DateFinder dates;
  private final LanguageDetector language;

  public TextCleaner() {
    this(new OutletTable(), new LanguageDetector());
  }

  public TextCleaner(OutletTable outlets, LanguageDetector language) {
    WireList wires = new WireList();
    this.outlets = outlets;
    this.language = language;
    this.boilerplate = new Boilerplate(wires);
    this.credits = new CreditFinder(wires);
    this.dates = new DateFinder();
  }

  private enum DateKind { PUBLISHED, UPDATED, WEAK }

  private record DateCand(DateKind kind, DateFinder.Found found, String label) {}

  private record Unit(String raw, String md, int line) {}

  private record Removed(int line, String text) {}

  /** Per-document working state. */
  private static final class Work {
    final List<Unit> body = new ArrayList<>();
    final List<Removed> removed = new ArrayList<>();
    int at;

    void remove(String raw) {
      removed.add(new Removed(at, raw));
    }
    final List<String> diagnostics = new ArrayList<>();
    final LinkedHashSet<String> credits = new LinkedHashSet<>();
    final List<DateCand> dates = new ArrayList<>();
    String hintTitle;
    final List<Unit> titleCands = new ArrayList<>();
    int titleLine = -1;
    boolean[] navRun;
    boolean[] markup; // wiki markup lines (WikiText), removed
    String title;
    String titleHow;
    String byline;
    String url;
    String urlBare;
    String outletLine;
    boolean outletLineInBody;
    String outletFurniture;
    boolean bodyStarted;
    boolean sentenceSeen; // a kept line that reads as a sentence of the body: no title candidates below it
    boolean teaser;
    boolean footer;
  }

  @Override
  public Article extract(RawDocument doc) {
    try {
      return clean(doc);
    } catch (RuntimeException e) { // bad input yields data, never a dead batch
      var h = doc.hints();
      String text = doc.content().strip().replaceAll("\\n\\s*\\n+", "\n\n");
      return new Article(doc.id(), doc.source(), h.title(), h.outlet(), h.url(), h.byline(), h.published(), false,
          List.of(), language.detect(text), text, List.of(),
          List.of("cleaning failed, text kept as read: " + e.getClass().getSimpleName()));
    }
  }

  private Article clean(RawDocument doc) {
    Work w = new Work();
    w.hintTitle = doc.hints().title();
    List<String> lines = lines(doc.content());
    w.markup = new boolean[lines.size()];
    if (WikiText.looksLike(doc.content())) { // MediaWiki markup: its lines, with the markup lines marked
      List<WikiText.Line> wiki = WikiText.lines(String.join("\n", lines));
      lines = wiki.stream().map(WikiText.Line::text).toList();
      w.markup = new boolean[lines.size()];
      for (int k = 0; k < lines.size(); k++) w.markup[k] = wiki.get(k).markup();
      w.diagnostics.add("wiki markup read");
    }
    int from = frontMatter(lines, w);
    w.navRun = navRuns(lines, from);
    for (int i = from; i < lines.size(); i++) {
      w.at = i;
      i = classify(lines, i, w);
    }
    chooseTitle(w);
    List<Unit> body = dropAuthorBio(dedupe(w), doc.hints().byline() != null ? doc.hints().byline() : w.byline, w);
    List<String> paras = join(body, w);
    for (int k = 0; k < Math.min(3, paras.size()); k++) { // an agency dateline opens one of the first paragraphs
      String agency = credits.dateline(paras.get(k));
      if (agency != null) {
        w.credits.add(agency);
        break;
      }
    }
    String text = String.join("\n\n", paras);

    var h = doc.hints();
    String title = h.title() != null ? h.title() : w.title;
    if (h.title() == null && w.titleHow != null) w.diagnostics.add(w.titleHow);
    String url = h.url() != null ? h.url() : w.url != null ? w.url : w.urlBare;
    if (h.url() == null && w.url == null && w.urlBare != null) w.diagnostics.add("url taken from a bare URL line");
    String byline = h.byline() != null ? h.byline() : w.byline;
    String outlet = h.outlet() != null ? h.outlet() : outlet(w, url, byline);
    String published;
    boolean inferred = false;
    if (h.published() != null) {
      published = normaliseHintDate(h.published(), w);
    } else {
      String[] p = published(w, url, text);
      published = p[0];
      inferred = p[1] != null;
    }
    String lang = language.detect(title == null ? text : title + "\n" + text);
    return new Article(doc.id(), doc.source(), title, outlet, url, byline, published, inferred,
        List.copyOf(w.credits), lang, text,
        w.removed.stream().sorted(java.util.Comparator.comparingInt(Removed::line)).map(Removed::text).toList(),
        w.diagnostics);
  }

  /** A container date as ISO 8601 ("Wed, 19 Feb 2025 10:00:00 +0000" -> "2025-02-19T10:00:00Z"); kept when unreadable. */
  private String normaliseHintDate(String given, Work w) {
    String g = given.strip();
    if (ISO_DATE.matcher(g).matches()) return g;
    List<DateFinder.Found> f = dates.find(g);
    if (f.isEmpty()) {
      w.diagnostics.add("container date not understood, kept as given: " + g);
      return g;
    }
    return f.get(0).zoneKnown() ? f.get(0).iso() : f.get(0).date().toString();
  }

  private static List<String> lines(String content) {
    String c = content.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "")
        .replaceAll("[\\u200B\\u200D\\u2060]", "");
    List<String> out = new ArrayList<>();
    for (String l : c.split("\n")) {
      String t = l.replace('\u00A0', ' ').strip();
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }

  /**
   * A YAML front-matter block ("---", "key: value" lines, "---") at the very top: its title, date, author, url and
   * source keys are read like header lines and every line of it is removed. Returns the index after the block.
   */
  private int frontMatter(List<String> lines, Work w) {
    if (lines.isEmpty() || !lines.get(0).equals("---")) return 0;
    int end = -1;
    for (int i = 1; i < Math.min(lines.size(), 60); i++) {
      if (lines.get(i).equals("---")) {
        end = i;
        break;
      }
      if (!FRONT_KEY.matcher(lines.get(i)).matches() && !lines.get(i).startsWith("- ")) return 0;
    }
    if (end < 0) return 0;
    for (int i = 0; i <= end; i++) {
      w.at = i;
      String l = lines.get(i);
      String unq = l.replaceFirst("^([^:]+:)\\s*[\"']?(.*?)[\"']?$", "$1 $2").strip();
      Matcher u = URL_LABEL.matcher(unq);
      if (u.matches() && URL.matcher(u.group("rest")).find()) {
        if (w.url == null) w.url = u.group("rest").strip();
      } else if (!unq.endsWith(":")) {
        metadata(unq, w);
      }
      w.remove(l);
    }
    return end + 1;
  }

  /** Classifies line {@code i}; returns the index of the last line consumed. */
  private int classify(List<String> lines, int i, Work w) {
    String raw = lines.get(i);
    if (w.markup[i]) {
      w.remove(raw);
      return i;
    }
    if (raw.contains("<!--")) { // HTML comments go; an unterminated one takes the rest of its line
      String bare = COMMENT.matcher(raw).replaceAll("").strip();
      if (bare.isEmpty()) {
        w.remove(raw);
        return i;
      }
      raw = bare;
    }
    // URL lines first: "<https://...>" looks like HTML
    Matcher lab = URL_LABEL.matcher(raw);
    if (lab.matches()) {
      Matcher u = URL.matcher(lab.group("rest"));
      if (u.find()) {
        if (w.url == null) w.url = u.group();
        w.remove(raw);
        return i;
      }
      if (lab.group("rest").isBlank() && i + 1 < lines.size()) {
        Matcher next = URL.matcher(lines.get(i + 1));
        if (next.find() && lines.get(i + 1).length() < next.group().length() + 40) {
          if (w.url == null) w.url = next.group();
          w.remove(raw);
          w.removed.add(new Removed(i + 1, lines.get(i + 1)));
          return i + 1;
        }
      }
    }
    Matcher bare = BARE_URL.matcher(raw);
    if (bare.matches()) {
      if (w.urlBare == null && articleLike(bare.group(1))) w.urlBare = bare.group(1);
      w.remove(raw);
      return i;
    }
    if (raw.startsWith("<!--") || Markdown.onlyLinks(raw) || Markdown.RULE.matcher(raw).matches()) {
      w.remove(raw);
      return i;
    }
    String md = Markdown.clean(raw);
    if (HTML_LINE.matcher(raw).matches() && words(md) < 8) { // an HTML remnant; with enough text, its text is read on
      w.remove(raw);
      return i;
    }
    if (md.isEmpty() || !md.chars().anyMatch(Character::isLetterOrDigit)) {
      w.remove(raw);
      return i;
    }
    if (Markdown.isHeading(raw) && w.title == null && !w.bodyStarted && Markdown.headingLevel(raw) <= 2) {
      w.title = md;
      w.titleLine = i;
      w.remove(raw);
      return i;
    }
    if (placeDateline(md, w)) { // "LONDON 1996-08-30": its date is read, the place stays
      w.body.add(new Unit(raw, md, i));
      return i;
    }
    if (metadata(md, w)) {
      w.remove(raw);
      return i;
    }
    CreditFinder.Credit cr = credits.line(md);
    if (cr != null) {
      w.credits.addAll(cr.organisations());
      if (!cr.people().isEmpty()) w.diagnostics.add("contributors credited (not wires): " + cr.people());
      w.remove(raw);
      return i;
    }
    Boilerplate.Kind kind = boilerplate.classify(md);
    if (kind != null) {
      Matcher o = OUTLET_IN_FURNITURE.matcher(md);
      if (w.outletFurniture == null && o.find()) {
        String name = o.group("a") != null ? o.group("a") : o.group("b");
        if (name != null) w.outletFurniture = name.strip();
      }
      if (kind == Boilerplate.Kind.LABEL) w.teaser = w.bodyStarted; // other furniture keeps a teaser run going
      if (kind == Boilerplate.Kind.FOOTER) w.footer = true;
      w.remove(raw);
      return i;
    }
    if (w.teaser && teaserLike(md)) {
      w.remove(raw);
      w.diagnostics.add("dropped teaser: " + md);
      return i;
    }
    w.teaser = false;
    if (w.footer) {
      if (!longParagraph(md)) {
        w.remove(raw);
        return i;
      }
      w.footer = false;
    }
    if (w.navRun[i]) { // a menu or topic list: a run of short lines above or below the article
      w.remove(raw);
      return i;
    }
    if (!w.bodyStarted && words(md) <= 4 && boilerplate.onlySectionWords(md)) { // "World News"
      w.remove(raw);
      return i;
    }
    if (w.hintTitle != null && !w.bodyStarted && key(md).equals(key(w.hintTitle))) { // the container's title again
      w.remove(raw);
      return i;
    }
    if (w.title == null && w.hintTitle == null && !w.bodyStarted && !w.sentenceSeen && w.titleCands.size() < 6
        && headlineLike(md) && !continues(md, lines, i)) { // a title candidate, decided by chooseTitle
      Unit u = new Unit(raw, md, i);
      w.titleCands.add(u);
      w.body.add(u);
      return i;
    }
    w.body.add(new Unit(raw, md, i));
    if (words(md) >= 12) w.bodyStarted = true;
    if (words(md) >= 5 && sentenceEnd(md)) w.sentenceSeen = true;
    return i;
  }

  /**
   * Picks the title among the headline-like lines above the body: the first one, unless it shares no content word
   * with the lead (a site tagline, a kicker) and a later one of 4+ words shares at least two. Candidates above it are header
   * furniture and go; those below it (a standfirst) stay in the body. With a title from a heading, candidates above
   * the heading go.
   */
  private static void chooseTitle(Work w) {
    if (w.titleCands.isEmpty()) return;
    Unit chosen = null;
    if (w.title == null) {
      java.util.Set<String> lead = new java.util.HashSet<>();
      int longSeen = 0;
      for (Unit u : w.body) {
        if (w.titleCands.contains(u) || words(u.md()) < 12) continue;
        lead.addAll(stems(u.md()));
        if (++longSeen == 2) break;
      }
      Unit first = w.titleCands.get(0);
      chosen = first;
      if (overlap(first.md(), lead) == 0) { // a tagline or kicker first? prefer a later line that tells the story
        for (Unit c : w.titleCands.subList(1, w.titleCands.size())) {
          String t = c.md();
          if (words(t) >= 4 && !t.endsWith("?") && !t.equals(t.toUpperCase(Locale.ROOT)) && overlap(t, lead) >= 2) {
            chosen = c;
            break;
          }
        }
      }
      w.title = chosen.md();
      w.titleLine = chosen.line();
      w.titleHow = "title guessed: headline-like line above the body";
    }
    for (Unit c : w.titleCands) {
      if (c.line() > w.titleLine) continue;
      w.body.remove(c);
      w.removed.add(new Removed(c.line(), c.raw()));
      if (c != chosen) w.diagnostics.add("header line above the title dropped: " + c.md());
    }
  }

  private static int overlap(String line, java.util.Set<String> lead) {
    int n = 0;
    for (String st : stems(line)) if (lead.contains(st)) n++;
    return n;
  }

  /** Content-word stems (first five letters of words of 4+ letters) of a line, lower case. */
  private static java.util.Set<String> stems(String s) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (t.length() >= 4 && !STOP_STEMS.contains(t)) out.add(t.length() > 5 ? t.substring(0, 5) : t);
    }
    return out;
  }

  /**
   * Lines in runs of three or more short lines (one or two words, no sentence end) above the first full paragraph:
   * menus and section lists. (Below the article, lists can be content, such as fixtures; footers are left to the
   * footer labels of the boilerplate table.)
   */
  private boolean[] navRuns(List<String> lines, int from) {
    boolean[] out = new boolean[lines.size()];
    int firstLong = -1;
    int lastLong = -1;
    boolean[] shortLine = new boolean[lines.size()];
    for (int i = from; i < lines.size(); i++) {
      String md = Markdown.clean(lines.get(i));
      int n = words(md);
      if (n >= 12) {
        if (firstLong < 0) firstLong = i;
        lastLong = i;
      }
      char last = md.isEmpty() ? ' ' : md.charAt(md.length() - 1);
      shortLine[i] = n >= 1 && n <= 2 && md.length() <= 30 && last != '.' && last != '!' && last != '?'
          && (!hasDigit(md) || dates.find(md).isEmpty())
          && !BY_PREFIX.matcher(md).matches();
    }
    if (firstLong < 0) return out;
    for (int i = from; i < lines.size(); ) {
      int j = i;
      while (j < lines.size() && shortLine[j]) j++;
      if (j - i >= 3 && j <= firstLong) {
        for (int k = i; k < j; k++) out[k] = true;
      }
      i = Math.max(j, i + 1);
    }
    return out;
  }

  /** Title, date, byline and source lines. True when the line was metadata (and is recorded in {@code w}). */
  private boolean metadata(String md, Work w) {
    Matcher t = TITLE_LINE.matcher(md);
    if (t.matches()) {
      if (w.title == null) w.title = t.group("t").strip();
      return true;
    }
    if (dateLine(md, w)) return true;
    Matcher s = SOURCE_LINE.matcher(md);
    if (s.matches()) { // a known outlet anywhere; an unknown name only in the header ("Source: CoinMarketCap" in a chart)
      String name = s.group("name").strip();
      String known = outlets.forName(name);
      if (known == null) { // "Al Jazeera and news agencies": the outlet, plus agency credits
        List<String> parts = List.of(SOURCE_SPLIT.split(name));
        String first = outlets.forName(parts.get(0));
        boolean restAgencies = parts.size() > 1 && parts.subList(1, parts.size()).stream()
            .allMatch(p -> AGENCY_WORDS.matcher(p).matches() || outlets.forName(p) != null);
        if (first != null && restAgencies) {
          known = first;
          for (String p : parts.subList(1, parts.size())) {
            w.credits.add(AGENCY_WORDS.matcher(p).matches() ? "agencies" : p.strip());
          }
        }
      }
      if (known != null
          || (!w.bodyStarted && s.group("colon") != null && words(name) <= 6 && !name.contains("http"))) {
        if (w.outletLine == null) {
          w.outletLine = known != null ? known : name;
          w.outletLineInBody = w.bodyStarted;
        }
        return true;
      }
    }
    String by = byline(md);
    // "By X" anywhere; a desk-style line ("Rescue Team") only in the header, where bylines sit
    if (by != null && (!w.bodyStarted || BY_PREFIX.matcher(md).matches())) {
      if (w.byline == null) w.byline = by;
      return true;
    }
    return false;
  }

  /** A byline line ("By Jane Doe", "Author: Jane Doe", "FP News Desk"): the author(s) as printed, or null. */
  private static String byline(String md) {
    if (md.length() > 160) return null;
    Matcher b = BY_PREFIX.matcher(md);
    if (b.matches()) {
      String who = b.group("who").split("\\s*[|•·]\\s*")[0].strip();
      who = who.replaceAll("(?i)\\s+in\\s+[\\p{Lu}][\\p{L} .-]*$", "").replaceAll("[,;]+$", "").strip();
      return NAME.matcher(who).matches() ? who : null;
    }
    return DESK.matcher(md).matches() ? md : null;
  }

  /**
   * A line that is only dates (with labels, separators, an optional leading byline). Records each date and the
   * byline; true when the line was such a line.
   */
  private boolean dateLine(String md, Work w) {
    if (md.length() > 200 || !hasDigit(md)) return false;
    List<DateFinder.Found> found = dates.find(md);
    if (found.isEmpty()) return false;
    List<DateCand> cands = new ArrayList<>();
    String by = null;
    int prev = 0;
    for (int k = 0; k < found.size(); k++) {
      DateFinder.Found f = found.get(k);
      String before = md.substring(prev, f.start());
      String label = null;
      String b = before.strip();
      Matcher lm = DATE_PREFIX.matcher(b);
      if (lm.matches()) {
        label = lm.group("label");
        String pre = lm.group("pre").strip();
        if (!SEPARATORS.matcher(pre).matches()) {
          if (k > 0) return false;
          String who = bylinePrefix(pre);
          if (who == null) return false;
          by = who.isEmpty() ? null : who;
        }
      } else {
        return false;
      }
      cands.add(new DateCand(kindOf(label), f, label));
      prev = f.end();
    }
    if (!AFTER_DATE.matcher(md.substring(prev)).matches()) return false;
    w.dates.addAll(cands);
    if (by != null && w.byline == null) w.byline = by;
    for (DateCand c : cands) {
      DayOfWeek wd = c.found().printedWeekday();
      if (wd != null && wd != c.found().date().getDayOfWeek()) {
        w.diagnostics.add("printed weekday disagrees with date: " + md);
      }
      if (c.found().ambiguous()) w.diagnostics.add("ambiguous numeric date read day-first: " + md);
      if (c.found().hasTime() && !c.found().zoneKnown()) {
        w.diagnostics.add("time without a known zone ignored: " + md);
      }
    }
    return true;
  }

  /**
   * The byline in what precedes a date on its line: "FP News Desk", "By Jane Doe", "TOI World Desk / TIMESOFINDIA.COM",
   * "World News | Press Trust of India" (section names are skipped). Empty when the prefix holds only section names or
   * an outlet; null when the prefix is not byline-like at all (then the line is not a date line).
   */
  private String bylinePrefix(String pre) {
    String who = null;
    for (String seg : BYLINE_SEPARATORS.split(pre)) {
      String g = seg.strip();
      if (g.isEmpty()) continue;
      String b = byline(g);
      boolean nameLike = b != null
          || (NAME.matcher(g).matches() && words(g) <= 6 && !LABEL_WORD.matcher(g).find());
      boolean domain = DOMAIN_LIKE.matcher(g).matches();
      if (!nameLike && !domain) return null;
      if (domain || boilerplate.onlySectionWords(g)) continue; // "TIMESOFINDIA.COM", "World News"
      if (who == null) who = b != null ? b : g;
    }
    return who == null ? "" : who;
  }

  private static DateKind kindOf(String label) {
    if (label == null) return DateKind.PUBLISHED;
    String l = label.toLowerCase(Locale.ROOT);
    if (l.matches(".*(?:updat|modif|edit|mis à jour|aktualisiert|actualizado|aggiornato|atualizado|bijgewerkt|stand).*")) {
      return DateKind.UPDATED;
    }
    if (l.matches(".*(?:document|retriev|access|crawl|fetch|download|scrap|index|load|archiv|saved).*")) {
      return DateKind.WEAK;
    }
    return DateKind.PUBLISHED;
  }

  /** Returns {published, inferredFlag-or-null}. */
  private String[] published(Work w, String url, String text) {
    DateCand pub = first(w, DateKind.PUBLISHED);
    DateCand upd = first(w, DateKind.UPDATED);
    DateCand weak = first(w, DateKind.WEAK);
    DateCand chosen = pub != null ? pub : upd;
    if (chosen != null) {
      if (chosen == upd) w.diagnostics.add("publish date taken from an updated line: " + upd.found().iso());
      if (weak != null && !weak.found().date().equals(chosen.found().date())) {
        w.diagnostics.add("container date " + weak.found().date() + " (" + weak.label() + ") ignored: the article's "
            + "own date is " + chosen.found().date());
      }
      return new String[] {bestIso(w, chosen), null};
    }
    LocalDate fromUrl = UrlDates.pathDate(url);
    if (fromUrl != null) {
      w.diagnostics.add("publish date taken from the URL");
      return new String[] {fromUrl.toString(), null};
    }
    LocalDate inferredDate = inferFromText(text, weak == null ? null : weak.found().date(), w);
    if (weak != null) {
      LocalDate wd = weak.found().date();
      String why = contradiction(text, wd);
      if (why == null) {
        w.diagnostics.add("publish date taken from the container's " + weak.label() + " line (not the article's own)");
        return new String[] {weak.found().iso(), "inferred"};
      }
      w.diagnostics.add("container date " + wd + " (" + weak.label() + ") rejected: " + why);
    }
    if (inferredDate != null) return new String[] {inferredDate.toString(), "inferred"};
    Matcher rel = RELATIVE.matcher(text);
    w.diagnostics.add(rel.find()
        ? "publish date unknown: the text dates events only relatively ('" + rel.group().strip()
            + "'); a later stage may infer it"
        : "publish date unknown");
    return new String[] {null, null};
  }

  private static DateCand first(Work w, DateKind kind) {
    for (DateCand c : w.dates) if (c.kind() == kind) return c;
    return null;
  }

  /** The chosen date with its time and zone when another line of the same kind gives them for the same day. */
  private static String bestIso(Work w, DateCand chosen) {
    if (chosen.found().zoneKnown()) return chosen.found().iso();
    for (DateCand c : w.dates) {
      if (c.kind() == chosen.kind() && c.found().zoneKnown() && c.found().date().equals(chosen.found().date())) {
        return c.found().iso();
      }
    }
    return chosen.found().date().toString();
  }

  /**
   * Why a container date cannot be the publish date: the text reports recent events ("on Tuesday", "this week")
   * whose latest explicit date is more than a month earlier. Null when nothing contradicts it.
   */
  private String contradiction(String text, LocalDate container) {
    if (!RELATIVE.matcher(text).find()) return null;
    LocalDate latest = null;
    for (DateFinder.Found f : dates.find(text)) {
      if (latest == null || f.date().isAfter(latest)) latest = f.date();
    }
    Matcher my = MONTH_YEAR.matcher(text);
    while (my.find()) {
      LocalDate end = LocalDate.of(Integer.parseInt(my.group(2)), DateFinder.month(my.group(1)), 1).plusMonths(1)
          .minusDays(1);
      if (latest == null || end.isAfter(latest)) latest = end;
    }
    if (latest != null && container.isAfter(latest.plusDays(31))) {
      return "the text reports recent events, the latest dated " + latest;
    }
    return null;
  }

  /**
   * A date inferred from the article's own text: a dateline ("MOSCOW, Feb 19 (Reuters) -") or a weekday printed with
   * a date ("on Wednesday, February 19"), the year taken from the text when not printed. Null when neither.
   */
  private LocalDate inferFromText(String text, LocalDate container, Work w) {
    List<Integer> years = new ArrayList<>();
    if (hasDigit(text)) {
      Matcher y = YEAR.matcher(text);
      while (y.find()) years.add(Integer.parseInt(y.group(1)));
    }
    if (container != null) years.add(container.getYear());
    int firstBreak = text.indexOf("\n\n");
    String first = firstBreak < 0 ? text : text.substring(0, firstBreak);
    Matcher d = DATELINE.matcher(first);
    if (d.lookingAt()) {
      int mo = DateFinder.month(d.group("mon"));
      int day = Integer.parseInt(d.group("d"));
      Integer year = d.group("y") != null ? Integer.valueOf(d.group("y")) : latestYear(years, container, mo, day);
      if (year != null) {
        try {
          LocalDate date = LocalDate.of(year, mo, day);
          w.diagnostics.add("publish date inferred from the dateline: " + d.group().strip());
          return date;
        } catch (java.time.DateTimeException e) {
          // ignore impossible dates
        }
      }
    }
    LocalDate latest = null;
    String evidence = null;
    Matcher m = WEEKDAY_DATE.matcher(text);
    while (text.contains("day") && m.find()) {
      DayOfWeek wd = DateFinder.weekday(m.group("wd"));
      int mo = DateFinder.month(m.group("mon") != null ? m.group("mon") : m.group("mon2"));
      int day = Integer.parseInt(m.group("d") != null ? m.group("d") : m.group("d2"));
      LocalDate date = null;
      if (m.group("y") != null) {
        date = safeDate(Integer.parseInt(m.group("y")), mo, day);
        if (date != null && date.getDayOfWeek() != wd) date = null;
      } else {
        LocalDate best = null;
        for (int yr : new LinkedHashSet<>(years)) {
          for (int cand = yr - 1; cand <= yr + 1; cand++) {
            LocalDate c = safeDate(cand, mo, day);
            if (c != null && c.getDayOfWeek() == wd && (best == null || c.isAfter(best))
                && (container == null || !c.isAfter(container))) {
              best = c;
            }
          }
        }
        date = best;
      }
      if (date != null && (latest == null || date.isAfter(latest))) {
        latest = date;
        evidence = m.group();
      }
    }
    if (latest != null) w.diagnostics.add("publish date inferred from '" + evidence + "' in the text");
    return latest;
  }

  private static Integer latestYear(List<Integer> years, LocalDate container, int mo, int day) {
    if (container != null) {
      LocalDate c = safeDate(container.getYear(), mo, day);
      if (c != null) return c.isAfter(container) ? container.getYear() - 1 : container.getYear();
    }
    return years.stream().max(Integer::compare).orElse(null);
  }

  private static LocalDate safeDate(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private String outlet(Work w, String url, String byline) {
    if (w.outletLine != null && !w.outletLineInBody) return w.outletLine;
    String byDomain = outlets.forUrl(url);
    if (byDomain != null) return byDomain;
    if (w.outletLine != null) return w.outletLine;
    String byDesk = outlets.forName(byline);
    if (byDesk != null) {
      w.diagnostics.add("outlet from the desk byline: " + byline);
      return byDesk;
    }
    if (w.outletFurniture != null) {
      String known = outlets.forName(w.outletFurniture);
      w.diagnostics.add("outlet from a copyright or terms line: " + w.outletFurniture);
      return known != null ? known : w.outletFurniture;
    }
    String host = OutletTable.host(url);
    w.diagnostics.add(host != null ? "outlet unknown for domain " + host : "outlet unknown");
    return null;
  }

  /**
   * Drops repeated lines: of lines that say the same, the last full copy (a sentence with its final stop, or a
   * paragraph of 300 characters or more) stays, so a standfirst repeated as the lead keeps one copy, and a lead
   * repeated without its full stop as a photo caption keeps the lead; short repeated lines without a final stop
   * and no full copy (captions) go entirely. A body line repeating the title goes.
   */
  private static List<Unit> dedupe(Work w) {
    Map<String, List<Integer>> seen = new HashMap<>();
    for (int i = 0; i < w.body.size(); i++) {
      seen.computeIfAbsent(key(w.body.get(i).md()), k -> new ArrayList<>()).add(i);
    }
    boolean[] drop = new boolean[w.body.size()];
    String titleKey = w.title == null ? null : key(w.title);
    for (var e : seen.entrySet()) {
      List<Integer> at = e.getValue();
      if (e.getKey().equals(titleKey)) at.forEach(i -> drop[i] = true);
      if (at.size() < 2) continue;
      int keep = -1;
      for (int j : at) {
        String md = w.body.get(j).md();
        if (md.length() >= 300 || TERMINAL.matcher(md).matches()) keep = j;
      }
      for (int j : at) if (j != keep) drop[j] = true;
    }
    List<Unit> kept = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < w.body.size(); i++) {
      if (drop[i]) {
        w.removed.add(new Removed(w.body.get(i).line(), w.body.get(i).raw()));
        dropped++;
      } else {
        kept.add(w.body.get(i));
      }
    }
    if (dropped > 0) w.diagnostics.add("dropped " + dropped + " repeated line(s)");
    return kept;
  }

  /** Drops an author's bio near the end ("Jane Doe covers the economy for The Times."): it starts with the byline. */
  private static List<Unit> dropAuthorBio(List<Unit> body, String byline, Work w) {
    if (byline == null || byline.length() < 5 || body.isEmpty()) return body;
    List<Unit> out = new ArrayList<>(body);
    for (int i = out.size() - 1; i >= Math.max(0, out.size() - 3); i--) {
      String md = out.get(i).md();
      if (md.length() <= 300 && md.startsWith(byline) && BIO_VERB.matcher(md.substring(byline.length())).matches()) {
        w.removed.add(new Removed(out.get(i).line(), out.get(i).raw()));
        out.remove(i);
      }
    }
    return out;
  }

  /** Joins paragraphs broken mid-sentence (the next part starts in lower case). */
  private static List<String> join(List<Unit> body, Work w) {
    List<String> out = new ArrayList<>();
    int joined = 0;
    boolean lastBullet = false;
    for (Unit u : body) {
      String p = u.md();
      boolean bullet = BULLET_RAW.matcher(u.raw()).lookingAt(); // list items stay apart
      if (!out.isEmpty() && !bullet && !lastBullet) {
        String last = out.get(out.size() - 1);
        if (!TERMINAL.matcher(last).matches() && words(last) >= 4 && STARTS_LOWER.matcher(p).matches()) {
          out.set(out.size() - 1, last + " " + p);
          joined++;
          continue;
        }
      }
      lastBullet = bullet;
      out.add(p);
    }
    if (joined > 0) w.diagnostics.add("joined " + joined + " paragraph(s) broken mid-sentence");
    return out;
  }

  /** Lower-case letters and digits with single spaces between runs: the identity of a line for repeats. */
  private static String key(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (gap && b.length() > 0) b.append(' ');
        b.append(Character.toLowerCase(c));
        gap = false;
      } else {
        gap = true;
      }
    }
    return b.toString();
  }

  /** True when the next line carries on this line's sentence (it starts in lower case and has a few words). */
  private boolean continues(String md, List<String> lines, int i) {
    if (i + 1 >= lines.size() || words(md) < 10 || md.length() < 60) return false;
    String next = Markdown.clean(lines.get(i + 1));
    return words(next) >= 4 && STARTS_LOWER.matcher(next).matches() && boilerplate.classify(next) == null;
  }

  /**
   * A line ending as a sentence does: a full stop, question or exclamation mark, possibly inside closing quotes or
   * brackets ({@code rubble.”}); not an ellipsis or an abbreviation ("Inc.").
   */
  static boolean sentenceEnd(String s) {
    String core = CLOSERS.matcher(s).replaceFirst("");
    if (core.isEmpty() || core.endsWith("...") || core.endsWith("…") || ABBREV_END.matcher(core).find()) return false;
    char last = core.charAt(core.length() - 1);
    return last == '.' || last == '!' || last == '?';
  }

  /**
   * A dateline on a line of its own: a place in capitals, optionally its region, and a date ("LONDON 1996-08-30",
   * "BIRMINGHAM, England 1996-08-31"). The date is recorded as a published date; the line stays in the text, as an
   * agency dateline does (it names a place). False for any other line.
   */
  private boolean placeDateline(String md, Work w) {
    if (md.length() > 80 || !hasDigit(md)) return false;
    Matcher m = PLACE_DATELINE.matcher(md);
    if (!m.matches()) return false;
    String place = m.group("place");
    if (byline(place) != null || boilerplate.onlySectionWords(place) || LABEL_WORD.matcher(place).find()) {
      return false; // "By JANE DOE", "WORLD NEWS", "UPDATED 3 March 2025"
    }
    String date = m.group("date");
    List<DateFinder.Found> found = dates.find(date);
    if (found.size() != 1 || !SEPARATORS.matcher(date.substring(0, found.get(0).start())).matches()
        || !AFTER_DATE.matcher(date.substring(found.get(0).end())).matches()) {
      return false;
    }
    w.dates.add(new DateCand(DateKind.PUBLISHED, found.get(0), null));
    return true;
  }

  static boolean headlineLike(String s) {
    if (s.length() < 8 || s.length() > 250) return false;
    int n = words(s);
    if (n < 2 || n > 30) return false;
    char last = s.charAt(s.length() - 1);
    boolean truncated = s.endsWith("...") || s.endsWith("…") || ABBREV_END.matcher(s).find();
    if (!truncated && (last == '.' || last == ',' || last == ';' || last == ':')) return false;
    String core = CLOSERS.matcher(s).replaceFirst("");
    if (!truncated && !core.isEmpty() && core.charAt(core.length() - 1) == '.') return false; // rubble.”
    if (OPEN_END.matcher(s).find()) return false;
    int cp = s.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
    boolean camel = CAMEL.matcher(s).lookingAt(); // iPhone, eBay
    return cp >= 0 && (!Character.isLowerCase(cp) || camel) && s.codePoints().anyMatch(Character::isLetter);
  }

  /** A headline of another article: headline-like, one sentence, at most 20 words, not a quotation. */
  static boolean teaserLike(String s) {
    return headlineLike(s) && words(s) <= 20 && !SENTENCE_BREAK.matcher(s).find() && !QUOTE_END.matcher(s).find();
  }

  static boolean titleCase(String s) {
    int big = 0;
    int upper = 0;
    for (String t : s.split("\\s+")) {
      String letters = t.replaceAll("[^\\p{L}]", "");
      if (letters.length() < 4) continue;
      big++;
      if (Character.isUpperCase(letters.codePointAt(0))) upper++;
    }
    return big > 0 && upper * 10 >= big * 6;
  }

  private static boolean longParagraph(String s) {
    return words(s) >= 25 && TERMINAL.matcher(s).matches();
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
    return false;
  }

  private static boolean articleLike(String url) {
    String host = OutletTable.host(url);
    if (host == null) return false;
    String path = url.replaceFirst("^https?://[^/]+", "");
    return path.length() > 1;
  }

  static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) n++;
      in = !ws;
    }
    return n;
  }
}
