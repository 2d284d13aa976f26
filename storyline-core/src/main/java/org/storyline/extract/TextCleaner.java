package org.storyline.extract;

import static org.storyline.extract.LineShapes.STARTS_LOWER;
import static org.storyline.extract.LineShapes.articleLike;
import static org.storyline.extract.LineShapes.hasDigit;
import static org.storyline.extract.LineShapes.headlineLike;
import static org.storyline.extract.LineShapes.key;
import static org.storyline.extract.LineShapes.longParagraph;
import static org.storyline.extract.LineShapes.sentenceEnd;
import static org.storyline.extract.LineShapes.teaserLike;
import static org.storyline.extract.LineShapes.words;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.dates.DateFinder;
import org.storyline.ingest.RawDocument;
import org.storyline.extract.CleaningWork.Removed;
import org.storyline.extract.CleaningWork.Unit;
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
 *
 * <p>This class reads the lines and classifies each (URL, markup, metadata, credit, boilerplate, navigation or body);
 * the stages it hands them to each have their own class: {@link TitleChooser} (the title among headline-like lines),
 * {@link Bylines}, {@link DateLines} (date lines and place datelines), {@link PublishDates} (the publish date among
 * them, or inferred from the text), {@link Paragraphs} (repeats, an author's bio, broken paragraphs) and
 * {@link LineShapes} (what a line looks like); {@link CleaningWork} holds one document's working state.
 * Thread-safe; build once.
 */
public final class TextCleaner implements Extractor {
  private static final int CI = Pattern.CASE_INSENSITIVE;
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
  private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|$)");
  private static final Pattern FRONT_KEY = Pattern.compile("^[A-Za-z_][\\w -]{0,30}\\s*:.*$");
  private static final Pattern SOURCE_SPLIT = Pattern.compile("\\s*(?:,|&|\\band\\b)\\s*");
  private static final Pattern AGENCY_WORDS = Pattern.compile("(?:news |wire )?(?:agency|agencies|wires?)", CI);

  private final OutletTable outlets;
  private final Boilerplate boilerplate;
  private final CreditFinder credits;
  private final DateFinder dates;
  private final DateLines dateLines;
  private final PublishDates publishDates;
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
    this.dateLines = new DateLines(dates, new Bylines(boilerplate), boilerplate);
    this.publishDates = new PublishDates(dates);
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
    CleaningWork w = new CleaningWork();
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
    TitleChooser.chooseTitle(w);
    List<Unit> body = Paragraphs.dropAuthorBio(Paragraphs.dedupe(w), doc.hints().byline() != null ? doc.hints().byline() : w.byline, w);
    List<String> paras = Paragraphs.join(body, w);
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
      published = dateLines.normaliseHintDate(h.published(), w);
    } else {
      String[] p = publishDates.published(w, url, text);
      published = p[0];
      inferred = p[1] != null;
    }
    String lang = language.detect(title == null ? text : title + "\n" + text);
    return new Article(doc.id(), doc.source(), title, outlet, url, byline, published, inferred,
        List.copyOf(w.credits), lang, text,
        w.removed.stream().sorted(java.util.Comparator.comparingInt(Removed::line)).map(Removed::text).toList(),
        w.diagnostics);
  }

  private static List<String> lines(String content) {
    String c = content.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
    if (c.indexOf('\u200B') >= 0 || c.indexOf('\u200D') >= 0 || c.indexOf('\u2060') >= 0) {
      c = c.replaceAll("[\\u200B\\u200D\\u2060]", ""); // a pattern compiled and a whole search: only when needed
    }
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
  private int frontMatter(List<String> lines, CleaningWork w) {
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
  private int classify(List<String> lines, int i, CleaningWork w) {
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
    if (dateLines.placeDateline(md, w)) { // "LONDON 1996-08-30": its date is read, the place stays
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
          && !Bylines.BY_PREFIX.matcher(md).matches();
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
  private boolean metadata(String md, CleaningWork w) {
    Matcher t = TITLE_LINE.matcher(md);
    if (t.matches()) {
      if (w.title == null) w.title = t.group("t").strip();
      return true;
    }
    if (dateLines.dateLine(md, w)) return true;
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
    String by = Bylines.byline(md);
    // "By X" anywhere; a desk-style line ("Rescue Team") only in the header, where bylines sit
    if (by != null && (!w.bodyStarted || Bylines.BY_PREFIX.matcher(md).matches())) {
      if (w.byline == null) w.byline = by;
      return true;
    }
    return false;
  }

  private String outlet(CleaningWork w, String url, String byline) {
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

  /** True when the next line carries on this line's sentence (it starts in lower case and has a few words). */
  private boolean continues(String md, List<String> lines, int i) {
    if (i + 1 >= lines.size() || words(md) < 10 || md.length() < 60) return false;
    String next = Markdown.clean(lines.get(i + 1));
    return words(next) >= 4 && STARTS_LOWER.matcher(next).matches() && boilerplate.classify(next) == null;
  }

}
