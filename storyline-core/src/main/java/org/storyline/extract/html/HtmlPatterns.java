package org.storyline.extract.html;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The heuristics of main-content extraction as data: tag sets and class/id patterns, in the spirit of Readability
 * and trafilatura. Everything here is an immutable constant.
 */
final class HtmlPatterns {
  private HtmlPatterns() {}

  /** Elements dropped with their whole subtree before anything else. */
  static final Set<String> DROP_TAGS = Set.of("script", "style", "iframe", "svg", "canvas", "template",
      "object", "embed", "link", "meta", "button", "input", "select", "textarea", "option", "nav", "aside",
      "footer", "dialog", "map", "audio", "video", "source", "picture", "head", "math", "label", "menu",
      // ruby annotations (furigana over Japanese and Chinese text) would break the sentence they annotate
      "rt", "rp");

  /**
   * The {@link #DROP_TAGS} that are page layout rather than code: dropped too, unless mis-nesting made one of them
   * hold most of the page.
   */
  static final Set<String> LAYOUT_TAGS = Set.of("nav", "aside", "footer", "menu");

  /** Block-level elements: they start and end a text block. */
  static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
      "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody",
      "thead", "tfoot", "caption", "figure", "figcaption", "header", "address", "center", "hr", "form", "fieldset",
      "details", "summary", "body", "html");

  /** {@link #kind} bits. */
  static final int DROP = 1;
  static final int LAYOUT = 2;
  static final int BLOCK = 4;
  private static final java.util.Map<String, Integer> KINDS = kinds();

  private static java.util.Map<String, Integer> kinds() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    for (String t : DROP_TAGS) m.merge(t, DROP, (a, b) -> a | b);
    for (String t : LAYOUT_TAGS) m.merge(t, LAYOUT, (a, b) -> a | b);
    for (String t : BLOCK_TAGS) m.merge(t, BLOCK, (a, b) -> a | b);
    return java.util.Map.copyOf(m);
  }

  /** Which of {@link #DROP_TAGS}, {@link #LAYOUT_TAGS} and {@link #BLOCK_TAGS} hold {@code tag}, in one look-up. */
  static int kind(String tag) {
    Integer k = KINDS.get(tag);
    return k == null ? 0 : k;
  }

  static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Elements whose direct text counts as a scored paragraph (Readability's "elements to score"). */
  static final Set<String> SCORED_TAGS = Set.of("p", "pre", "td", "blockquote", "li", "h2", "h3", "h4", "h5", "h6");

  /** Elements that are never chosen as the article container themselves. */
  static final Set<String> NON_CONTAINER_TAGS = Set.of("p", "li", "a", "span", "b", "i", "em", "strong", "td",
      "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figcaption", "ul", "ol", "dl", "table");

  /** class/id of elements that are boilerplate wherever they are (removed before scoring). Class/id patterns match
   * lower-cased input. */
  static final Keywords UNLIKELY = new Keywords("-ad-", "=ad", "=ads", "advert", "ai2html", "banner", "breadcrumb",
      "combx", "comment", "communit", "cookie", "consent", "cover-wrap", "disqus", "gdpr", "legends", "menu",
      "newsletter", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
      "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "promo", "share", "sharing", "subscribe",
      "signup", "sign-up", "paywall", "outbrain", "taboola", "recommend", "read~more", "more-stories", "trending",
      "most~popular", "toolbar", "modal", "overlay", "tag~list", "tags~list", "author~bio", "byline", "dateline",
      "timestamp", "masthead", "site~header", "site~footer", "navbar", "^nav", "=nav", "widget", "print~only",
      "visually~hidden", "sr-only", "screen~reader", "skip~link", "login", "log~in", "dialog", "register~form",
      "author~box", "author~info", "about~author", "about~the~author", "author~description", "author~details",
      "autor~box", "autorenbox", "bio~box");

  /**
   * A class token that negates or describes the surroundings, not the element ("no-sidebar", "ast-no-sidebar",
   * "content-has-sidebar", "non-paywall").
   */
  static final Pattern NEUTRAL_TOKEN = Pattern.compile("(?:^|[-_])(?:no|non|not|without|has|with)[-_]");

  /** Class names that hide an element (utility classes of the common CSS frameworks). */
  static final Set<String> HIDING_CLASSES = Set.of("hidden", "is-hidden", "d-none", "invisible", "hide");

  /** class/id that rescue an UNLIKELY match (the article wrapper often carries "content" next to "sidebar"). */
  static final Keywords MAYBE_CANDIDATE = new Keywords("and", "article", "body", "column", "content", "main",
      "shadow");

  /** class/id weight: positive hints. */
  static final Keywords POSITIVE = new Keywords("article", "body", "content", "entry", "hentry", "h-entry", "main",
      "page", "post", "text", "blog", "story", "prose", "rich~text", "paragraph");

  /** class/id weight: negative hints. */
  static final Keywords NEGATIVE = new Keywords("-ad-", "hidden", "=hid", "banner", "combx", "comment", "com-",
      "contact", "foot", "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
      "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "caption",
      "credit", "byline", "teaser", "card", "recirc", "newsletter", "subscribe", "social", "nav", "menu");

  /** Strong container hints: an element matching one of these is the article body unless it holds little text. */
  static final Keywords BODY_HINT = new Keywords("article~body", "article~content", "article~text",
      "story~body", "story~content", "post~body", "post~content", "post~text", "entry~content", "entry~body",
      "main~content", "body~text", "content~body", "article__body", "rich~text", "field~name~body", "text~content",
      "article~main", "news~text", "news~body", "artikel", "blog~post~content");

  /** Short text blocks that are boilerplate by their words alone. */
  static final Pattern BOILERPLATE_TEXT = Pattern.compile(
      "(?i)^(advertisement|advertisment|anzeige|werbung|sponsored|share( this( article| story)?)?|share on \\w+"
          + "|tweet|print|email|e-mail|comments?|related( articles| stories| content)?|read more|mehr zum thema"
          + "|more from .{1,40}|recommended( for you)?|you may also like.*|you might also like.*|continue reading.*"
          + "|sign up.{0,80}|subscribe.{0,80}|follow us.{0,60}|click here.{0,80}|skip to .{0,30}|back to top"
          + "|image|photo|video|loading\\.*|close|menu|search|log ?in|sign in|register|copyright.{0,120}"
          + "|©.{0,120}|\\(c\\) .{0,120}|all rights reserved.{0,60}|this article (is|was) .{0,80}"
          + "|we use cookies.*|accept( all)?( cookies)?|cookie settings|newsletter|zum newsletter.*)[.!:]*$");

  /**
   * Short lines that label a box around the article rather than say anything: related-content and comment headings,
   * picture credits, source and update stamps, a bare date or time. Matched against lines under
   * {@link #LABEL_MAX} characters, case-insensitively, with trailing punctuation allowed.
   */
  static final Pattern LABEL_TEXT = Pattern.compile(
      "(?iu)^(?:"
          // related content, in the languages of the benchmarks and the most common others
          + "related(?: posts?| articles?| stories| content| news| reading)?|more (?:stories|articles|news|posts)"
          + "(?: from .{1,40}| like this)?|read (?:next|also)|see also|further reading|explore more.{0,30}"
          + "|(?:most )?popular(?: posts| articles| stories)?|trending(?: now| stories)?|recommended (?:reading"
          + "|articles|stories)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in).{0,30}|don'?t miss"
          + "|weitere (?:artikel|beiträge|themen|infos|informationen|nachrichten|meldungen|tipps|rezepte)"
          + "(?: .{1,50})?|weiterführende (?:informationen|links|artikel)|mehr (?:zum thema|themen|interessantes|dazu"
          + "|artikel|beiträge|news)(?: .{1,40})?|auch interessant|das (?:thema )?könnte (?:dich|sie) (?:auch )?"
          + "interessieren|ähnliche (?:beiträge|artikel|themen)|verwandte (?:artikel|beiträge|themen)"
          + "|lesen sie (?:auch|mehr).{0,40}|schon gelesen|zum weiterlesen|vorschau auf den nächsten artikel"
          + "|(?:à )?lire aussi|sur le même sujet|articles? similaires|dans la même rubrique|lee también"
          + "|te puede interesar|noticias relacionadas|artículos relacionados|leggi anche|articoli correlati"
          + "|czytaj (?:też|także|również)|zobacz (?:też|także)|polecane"
          // comments and sharing
          + "|(?:leave a |post a )?(?:comment|reply)s?|no comments(?: yet)?|comments are closed"
          + "|kommentare?(?: schreiben| insgesamt)?|kommentieren(?: sie)?|keine kommentare|kommentare sind geschlossen"
          + "|teilen|artikel teilen|diesen artikel teilen|drucken|rezept drucken|commentaires?|partager"
          // boxes about the page, not the story
          + "|about the author|über (?:den autor|die autorin)|zur person|table of contents|inhaltsverzeichnis"
          + "|contents|inhalt|kontakt|contact(?: us)?|tags?|schlagwörter|themen|kategorien?|categories"
          // credits, sources and stamps
          + "|(?:photo(?:graph)?|image|picture|foto|bild|titelbild|beitragsbild|header ?bild)(?: ?(?:by|credits?|:)"
          + ".{0,60})?|credits?:.{0,60}|crédits? photos?.{0,60}|quellen?(?:angaben)?(?::.{0,60})?|source:.{0,60}"
          + "|źródło:.{0,60}|(?:last )?updated(?: on)?:?.{0,30}|aktualisiert(?: am)?:?.{0,30}"
          // a bare date or time: the stamp of the page, not a sentence of the story
          + "|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}(?:,? \\d{1,2}[:.]\\d{2}(?: ?uhr| ?[ap]\\.?m\\.?)?)?"
          + "|\\d{1,2}:\\d{2}(?: ?uhr| ?[ap]\\.?m\\.?)?"
          + ")[\\s.!?:…»›>-]*$");

  /**
   * Calls to action and notices in a short block: follow us on a platform, get the app or the newsletter, log in to
   * read on, copyright and reprint notices. Searched (not matched whole) in blocks under {@link #NOTICE_MAX}
   * characters.
   */
  static final Pattern NOTICE_TEXT = Pattern.compile("(?i)"
      + "(?:\\b(?:follow|folgen sie|folge uns|folgt uns|síguenos|siga-nos|nos siga|suivez|seguici|join|únete"
      + "|subscribe|abonniere|suscríbete|keep up with|sign up|like us)\\b.{0,120}\\b(?:twitter|facebook|instagram"
      + "|telegram|whatsapp|youtube|tiktok|linkedin|pinterest|newsletter|podcast|google news)\\b)"
      + "|download (?:the|our) .{0,30}apps? for|apps? for ios and android"
      + "|already a subscriber|to view the full (?:story|article)|subscribe to (?:read|continue)"
      + "|copyrighted property|permission must be obtained|may not be (?:re)?published|reproduced without"
      + "|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|tutti i diritti riservati");

  /** Blocks at least this long are never {@link #NOTICE_TEXT}. */
  static final int NOTICE_MAX = 220;

  /**
   * Every alternative of {@link #NOTICE_TEXT} contains one of these (ASCII, any case), so a block without any of them
   * cannot match and skips the search (a {@code find()} tries every position: the costliest line test).
   */
  private static final Keywords NOTICE_ANCHORS = new Keywords("twitter", "facebook", "instagram", "telegram",
      "whatsapp", "youtube", "tiktok", "linkedin", "pinterest", "newsletter", "podcast", "google news", "app for",
      "apps for", "subscri", "to view the full", "copyrighted", "permission must", "may not be", "reproduced without",
      "vorbehalten", "reservados", "tous droits r", "riservati");

  /** Whether a block is a notice ({@link #NOTICE_TEXT} found in it). */
  static boolean notice(String block) {
    return NOTICE_ANCHORS.containsIgnoreAsciiCase(block) && NOTICE_TEXT.matcher(block).find();
  }

  /** Titles of boxes of related stories or comments (a box so titled is dropped whole). */
  static final Pattern BOX_TITLE = Pattern.compile("(?iu)^(?:"
      + "related(?: posts?| articles?| stories| content| news)?|more (?:stories|articles|news|posts)(?: from .{1,40})?"
      + "|read (?:next|also)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in).{0,30}|recommended for you"
      + "|(?:weitere|ähnliche|verwandte) (?:artikel|beiträge|themen|nachrichten)(?: .{1,40})?|mehr zum thema.{0,40}"
      + "|lesen sie (?:auch|mehr).{0,40}|das (?:thema )?könnte (?:dich|sie) (?:auch )?interessieren|auch interessant"
      + "|(?:à )?lire aussi|sur le même sujet|articles? similaires|te puede interesar|noticias relacionadas"
      + "|artículos relacionados|leggi anche|articoli correlati|czytaj (?:też|także|również)"
      + "|(?:\\d+ )?(?:comments?|kommentare?|commentaires?|comentarios?|commenti)(?: \\(\\d+\\))?"
      + "|leave a (?:comment|reply)|schreibe? einen kommentar"
      + ")[\\s.!?:…»›>-]*$");

  /** Lines at least this long are never {@link #LABEL_TEXT}. */
  static final int LABEL_MAX = 70;
}
