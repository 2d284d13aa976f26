package org.storyline.extract.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Title, byline, outlet and canonical URL of a page, from meta tags, JSON-LD and the markup. Stateless. */
final class MetadataExtractor {
  /** What the page says about itself; any field may be null. */
  record Meta(String title, String byline, String outlet, String url) {}

  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»/]{1,2}\\s+");
  private static final Pattern BY_PREFIX = Pattern.compile(
      "(?iu)^(?:post\\s+author\\s+)?(?:written\\s+|posted\\s+|reported\\s+)?(?:by|von|vom|par|por|di|door|av|de)"
      + "\\s*:?\\s+");
  /**
   * Other lead-ins of a name: "Veröffentlicht von", "Erstellt von", "Autor:", "Artikel von:", "Auteur :", and
   * "Author" glued to the name ("AuthorJane Roe").
   */
  private static final Pattern LEAD_IN = Pattern.compile("(?iu)^(?:(?:eingestellt|ver\u00f6ffentlicht|erstellt|"
      + "geschrieben|verfasst|gepostet|publi\u00e9|escrito|scritto|redigido)\\s+(?:von|by|par|por|da|de|vom)\\s*"
      + "|(?:autor(?:in)?|auteur|author|artikel\\s+von|text\\s+von|verfasser(?:in)?|redakteur(?:in)?)\\s*:\\s*"
      + "|(?-i:Author)(?=(?-i:\\p{Lu})))");
  /** What follows a name in a byline box: "Alle Artikel", a share count label, the time of posting. */
  private static final Pattern TRAIL = Pattern.compile("(?iu)\\s+(?:alle\\s+artikel|all\\s+posts|view\\s+all\\s+"
      + "posts|more\\s+posts|shares|(?:at|am|um|le|on)\\s+[\\d/.:, ]+(?:\\s*[ap]\\.?m\\.?)?)$");
  /** A separator left after the name ("admin |"). */
  private static final Pattern TRAILING_SEPARATOR = Pattern.compile("\\s*[|\\u2013\\u2014/,;:-]+$");
  /** A commenter's name in a comment list ("Jane says:"): not the article's author. */
  private static final Pattern COMMENTER = Pattern.compile(
      "(?iu)\\s(?:says|said|sagt|schreibt|dit|dice|diz|zegt|skriver)\\s*:?$");
  /**
   * What stands where a name should be but is none: comment-form labels ("Name *", "Name (erforderlich)"), date
   * labels ("Posted on", "Publiziert am"), a lone "By", placeholders ("Unknown", "Author").
   */
  private static final Pattern LABEL = Pattern.compile("(?iu)(?:name|e-?mail|website|by|von|par|por|unknown|anonymous|author|"
      + "authors|auteurs?|autor(?:en|in)?)\\s*(?:\\*|\\((?:required|erforderlich|obligatoire|"
      + "obligatorio|obbligatorio)\\))?|(?:posted|published|updated|publiziert|ver\u00f6ffentlicht|"
      + "aktualisiert|publi\u00e9|publicado|pubblicato)(?:\\s+(?:on|at|am|le|el|il|in))?|.*\\*|.*\\("
      + "(?:required|erforderlich|obligatoire|obligatorio|obbligatorio)\\)");
  private static final Pattern BYLINE_HINT = Pattern.compile("(?i)byline|author|autor|writer|reporter");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** Elements that hold a byline's name. */
  private static final org.jsoup.select.Evaluator NAME = org.jsoup.select.QueryParser.parse("[itemprop=name]");
  private static final Pattern NOT_A_NAME = Pattern.compile("(?i)https?://|www\\.|@|\\d{3,}|[{}<>]");

  private MetadataExtractor() {}

  static Meta find(Document doc, PageIndex ix, JsonLd ld) {
    return find(doc, ix, ld, true);
  }

  /** As {@link #find(Document, PageIndex, JsonLd)}; {@link Meta#url()} is null unless {@code withUrl}. */
  static Meta find(Document doc, PageIndex ix, JsonLd ld, boolean withUrl) {
    Map<String, String> meta = metaMap(ix);
    String outlet = firstNonBlank(meta.get("og:site_name"), ld.publisher(), meta.get("application-name"),
        meta.get("al:android:app_name"), meta.get("twitter:app:name:iphone"));
    String title = title(doc, ix, ld, meta, outlet);
    String byline = byline(ix, ld, meta, outlet);
    String url = null;
    Element canon = ix.canonical;
    if (withUrl) {
      if (canon != null) url = absolute(canon.attr("abs:href"), canon.attr("href"));
      if (url == null) url = absolute(meta.get("og:url"), meta.get("og:url"));
      if (url == null && ld.url() != null && ld.url().startsWith("http")) url = ld.url();
    }
    if (outlet != null && (outlet.startsWith("http") || outlet.startsWith("www."))) outlet = null;
    return new Meta(title, byline, clean(outlet), url);
  }

  static Map<String, String> metaMap(PageIndex ix) {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> keys = ix.metaKeys();
    for (int i = 0; i < keys.size(); i++) {
      Element e = ix.metas.get(i);
      String k = keys.get(i);
      String v = e.attr("content").strip();
      if (!k.isEmpty() && !v.isEmpty()) m.putIfAbsent(k, v);
    }
    return m;
  }

  private static String title(Document doc, PageIndex ix, JsonLd ld, Map<String, String> meta,
      String outlet) {
    String og = firstNonBlank(meta.get("og:title"), meta.get("twitter:title"), meta.get("dc.title"),
        meta.get("title"), meta.get("headline"));
    String h1 = null;
    for (Element h : ix.h1s) {
      String t = clean(h.text());
      if (t != null && t.length() >= 8 && t.length() < 300) {
        h1 = t;
        break;
      }
    }
    String head = clean(doc.title());
    // the article's own heading when the page's metadata agrees with it
    String[] byPriority = {og, ld.headline(), head};
    if (h1 != null) {
      for (String c : byPriority) if (c != null && contains(c, h1)) return h1;
    }
    if (og != null) return stripSite(og, outlet, doc);
    if (ld.headline() != null) return clean(ld.headline());
    if (h1 != null) return h1;
    return head == null ? null : stripSite(head, outlet, doc);
  }

  private static boolean contains(String a, String b) {
    return a.toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT));
  }

  /** "Headline | Site" to "Headline": drops parts that name the site, else the part after the last separator. */
  static String stripSite(String title, String outlet, Document doc) {
    String t = clean(title);
    if (t == null) return null;
    String[] parts = TITLE_SEPARATOR.split(t);
    if (parts.length < 2) return t;
    String host = host(doc.location());
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      String lp = p.toLowerCase(Locale.ROOT).replace(" ", "");
      boolean site = outlet != null && lp.equals(outlet.toLowerCase(Locale.ROOT).replace(" ", ""))
          || host != null && !lp.isEmpty() && (host.contains(lp) || lp.contains(host));
      if (!site) kept.add(p);
    }
    if (kept.size() == parts.length) {
      // no part names the site: the site name is usually the shortest part at either end
      String first = parts[0];
      String last = parts[parts.length - 1];
      if (last.length() < first.length() && words(first) >= 3) return t.substring(0, t.lastIndexOf(last)).replaceAll(
          TITLE_SEPARATOR.pattern() + "$", "").strip();
      return t;
    }
    if (kept.isEmpty()) return t;
    if (kept.size() == 1) return kept.get(0).strip();
    // keep the original separators between the remaining parts
    int start = t.indexOf(kept.get(0));
    String lastKept = kept.get(kept.size() - 1);
    int end = t.lastIndexOf(lastKept) + lastKept.length();
    return start >= 0 && end > start ? t.substring(start, end).strip() : t;
  }

  private static int words(String s) {
    return s.strip().split("\\s+").length;
  }

  private static String host(String url) {
    if (url == null || url.isEmpty()) return null;
    try {
      String h = java.net.URI.create(url.replace(" ", "%20")).getHost();
      if (h == null) return null;
      h = h.toLowerCase(Locale.ROOT);
      if (h.startsWith("www.")) h = h.substring(4);
      int dot = h.lastIndexOf('.');
      return dot > 0 ? h.substring(0, dot) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String byline(PageIndex ix, JsonLd ld, Map<String, String> meta, String outlet) {
    if (!ld.authors().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (String a : ld.authors()) {
        String n = name(a, outlet);
        if (n != null) names.add(n);
      }
      if (!names.isEmpty()) return String.join("; ", names);
    }
    for (String k : new String[] {"author", "article:author", "byl", "sailthru.author", "parsely-author",
        "dc.creator", "dcterms.creator", "citation_author", "twitter:creator"}) {
      String n = name(meta.get(k), outlet);
      if (n != null) return n;
    }
    int tried = 0;
    for (Element e : ix.authorish) {
      if (++tried > 30) break;
      Element nameEl = e.selectFirst(NAME);
      String n = name(nameEl != null ? nameEl.text() : e.text(), outlet);
      if (n != null) return n;
    }
    return null;
  }

  /** A person's name from a byline string, or null when it does not look like one. */
  static String name(String s, String outlet) {
    String t = clean(s);
    if (t == null) return null;
    t = LEAD_IN.matcher(t).replaceFirst("").strip();
    t = BY_PREFIX.matcher(t).replaceFirst("").strip();
    t = TRAIL.matcher(t).replaceFirst("").strip();
    t = TRAILING_SEPARATOR.matcher(t).replaceFirst("").strip();
    if (t.isEmpty() || t.length() > 80 || NOT_A_NAME.matcher(t).find()) return null;
    if (COMMENTER.matcher(t).find() || LABEL.matcher(t).matches()) return null;
    if (outlet != null && t.equalsIgnoreCase(outlet)) return null;
    if (!Character.isLetter(t.codePointAt(0))) return null;
    return t;
  }

  static boolean looksLikeByline(Element e) {
    return BYLINE_HINT.matcher(Hints.classAndId(e)).find();
  }

  private static String firstNonBlank(String... s) {
    for (String x : s) if (x != null && !x.isBlank()) return x.strip();
    return null;
  }

  static String clean(String s) {
    if (s == null) return null;
    String t = SPACES.matcher(s.replace('\u00A0', ' ')).replaceAll(" ").strip();
    return t.isEmpty() ? null : t;
  }

  private static String absolute(String abs, String raw) {
    if (abs != null && abs.startsWith("http")) return abs;
    if (raw != null && raw.startsWith("http")) return raw.strip();
    return null;
  }
}
