package org.storyline.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.storyline.dates.DateParser;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/**
 * The HTML extraction pipeline: parse, read metadata (JSON-LD, meta tags), strip non-content elements, score and
 * choose the article container, collect and filter its text blocks, then find the publish date. A strict pass
 * ignores elements whose class/id says boilerplate; when it finds too little text a lenient pass runs without
 * those marks. Stateless and thread-safe; never throws on content.
 */
public final class HtmlArticleExtractor {
  /** Below this many characters the strict pass is retried leniently. */
  static final int MIN_TEXT = 250;
  /** Below this many characters the lenient passes are tried too ... */
  static final int RETRY_TEXT = 1000;
  /** ... and replace a strict result of MIN_TEXT or more only when they find this many times more text. */
  static final double LENIENT_GAIN = 2.0;

  /** Body text and what was dropped, without metadata. */
  public record Content(String text, List<String> removed, List<String> diagnostics) {}

  public Article extract(RawDocument doc) {
    RawDocument.Hints h = doc.hints();
    List<String> diagnostics = new ArrayList<>();
    Document d;
    try {
      // names kept as written: the parser need not lower-case every attribute name (look-ups ignore case, and the
      // tree is built from the lower-case tag names either way)
      d = Parser.htmlParser().settings(ParseSettings.preserveCase).parseInput(doc.content(),
          h.url() == null ? "" : h.url());
    } catch (RuntimeException e) {
      diagnostics.add("html: could not parse page (" + e.getClass().getSimpleName() + ")");
      return new Article(doc.id(), doc.source(), h.title(), h.outlet(), h.url(), h.byline(), h.published(), false,
          List.of(), null, "", List.of(), diagnostics);
    }
    JsonLd ld = JsonLd.EMPTY;
    MetadataExtractor.Meta meta = new MetadataExtractor.Meta(null, null, null, null);
    DateExtractor.Result date = null;
    DateParser.Found modified = null;
    PageIndex ix = null;
    try {
      ix = PageIndex.of(d);
      ld = JsonLd.of(ix);
      // the page's own URL is worked out only when the caller did not give one
      meta = MetadataExtractor.find(d, ix, ld, h.url() == null);
      String url = h.url() != null ? h.url() : meta.url();
      date = DateExtractor.structured(ix, ld, url);
      modified = DateExtractor.modified(ix, ld);
    } catch (RuntimeException e) {
      diagnostics.add("html: metadata extraction failed (" + e.getClass().getSimpleName() + ")");
    }
    String title = h.title() != null ? h.title() : meta.title();
    // without a declared date the last resort is the whole page's text, boilerplate included: keep it before cleaning
    java.util.function.Supplier<String> pageText = null;
    DomCleaner.Removals removals = new DomCleaner.Removals();
    String afterHeading = null;
    // a page that states only when it was modified may still show its publication date in the text
    boolean onlyModified = date != null && date.source().equals(DateExtractor.MODIFIED_SOURCE);
    boolean textual = (date == null || onlyModified) && h.published() == null && d.body() != null;
    if (textual) {
      // read only when every other source failed: the cleaning is undone then
      Element pageBody = d.body();
      pageText = () -> {
        removals.undo();
        return TextPrefix.of(pageBody, 20000);
      };
    }
    // the date shown under the heading is read only when it can matter (see DateExtractor.visible)
    if ((textual || h.published() == null && DateExtractor.mayDeferToVisible(date, modified)) && d.body() != null) {
      afterHeading = DateExtractor.textAfterHeading(d.body(), ix == null ? d.body().getElementsByTag("h1") : ix.h1s,
          title);
    }
    if (!textual && afterHeading != null) date = DateExtractor.visible(date, modified, afterHeading);
    Content content = content(d, title, diagnostics, ix == null ? 64 : ix.elements, removals);
    if (content.text().length() < MIN_TEXT && ld.articleBody() != null
        && ld.articleBody().length() > 2 * Math.max(1, content.text().length())) {
      // pages rendered by script often carry the body only in their JSON-LD
      String body = Parser.unescapeEntities(ld.articleBody(), false);
      content = new Content(String.join("\n\n", paragraphs(body)), content.removed(), content.diagnostics());
      diagnostics.add("html: body taken from JSON-LD articleBody");
    }
    String published = h.published();
    if (published == null) {
      if (date == null) {
        date = DateExtractor.textual(d.body(), firstParagraphs(content.text()), pageText, afterHeading);
        if (date != null) diagnostics.add("html: publish date guessed from page text (" + date.source() + ")");
      } else if (onlyModified) {
        DateExtractor.Result t = DateExtractor.textual(d.body(), firstParagraphs(content.text()), (String) null,
            afterHeading);
        if (t != null && t.iso().substring(0, 10).compareTo(date.iso().substring(0, 10)) <= 0) {
          date = t;
          diagnostics.add("html: publish date guessed from page text (" + date.source() + "), before its modified date");
        }
      }
      if (date != null) published = date.iso();
    }
    return new Article(doc.id(), doc.source(), title, h.outlet() != null ? h.outlet() : meta.outlet(),
        h.url() != null ? h.url() : meta.url(), h.byline() != null ? h.byline() : meta.byline(), published, false,
        List.of(), null, content.text(), content.removed(), diagnostics);
  }

  /** Extracts the body text of a parsed page (modifies {@code d}). */
  static Content content(Document d, String title, List<String> diagnostics) {
    return content(d, title, diagnostics, 64);
  }

  /** As {@link #content(Document, String, List)} for a page of about {@code elements} elements. */
  static Content content(Document d, String title, List<String> diagnostics, int elements) {
    return content(d, title, diagnostics, elements, new DomCleaner.Removals());
  }

  /** As {@link #content(Document, String, List, int)}, logging the nodes it removes in {@code removals}. */
  static Content content(Document d, String title, List<String> diagnostics, int elements,
      DomCleaner.Removals removals) {
    Element body = d.body();
    if (body == null) {
      diagnostics.add("html: page has no body");
      return new Content("", List.of(), diagnostics);
    }
    NodeStats stats = DomCleaner.strip(body, elements, removals);
    Hints hints = new Hints();
    Set<Element> unlikely = DomCleaner.unlikely(body, stats, hints);
    // Readability's retries: strict, then keeping boilerplate-named boxes, then ignoring class names too
    BlockCollector.Result r = pass(body, stats, hints, unlikely, true, title);
    int len = length(r);
    if (len < RETRY_TEXT) {
      BlockCollector.Result best = r;
      int strict = len;
      for (boolean weights : new boolean[] {true, false}) {
        BlockCollector.Result retry = pass(body, stats, hints, Set.of(), weights, title);
        int l = length(retry);
        // below MIN_TEXT anything longer wins; above it, a lenient pass must find much more to be trusted
        if (l > len && (strict < MIN_TEXT || l >= LENIENT_GAIN * strict)) {
          best = retry;
          len = l;
        }
        if (l >= MIN_TEXT) break;
      }
      if (best != r) {
        r = best;
        diagnostics.add("html: little text in the strict pass; used a lenient pass");
      }
    }
    String text = String.join("\n\n", r.paragraphs());
    if (text.isEmpty()) diagnostics.add("html: no article text found");
    return new Content(text, r.removed(), diagnostics);
  }

  private static BlockCollector.Result pass(Element body, NodeStats stats, Hints hints, Set<Element> excluded,
      boolean weights,
      String title) {
    List<Element> roots = ContentScorer.choose(body, stats, hints, excluded, weights);
    if (roots.isEmpty()) return new BlockCollector.Result(List.of(), List.of());
    return BlockCollector.filter(BlockCollector.blocks(roots, stats, hints, excluded, weights), title);
  }

  /** The first three paragraphs of extracted text (as its first three {@code split("\n\n")} parts). */
  private static List<String> firstParagraphs(String text) {
    List<String> out = new ArrayList<>(3);
    int from = 0;
    while (out.size() < 3) {
      int at = text.indexOf("\n\n", from);
      if (at < 0) {
        out.add(text.substring(from));
        break;
      }
      out.add(text.substring(from, at));
      from = at + 2;
    }
    return out;
  }

  private static List<String> paragraphs(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split("\\s*\\n\\s*")) {
      String t = p.replaceAll("\\s+", " ").strip();
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }

  private static int length(BlockCollector.Result r) {
    int n = 0;
    for (String p : r.paragraphs()) n += p.length();
    return n;
  }
}
