package org.storyline.extract.html;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * schema.org metadata from {@code <script type="application/ld+json">}: the article object (NewsArticle,
 * BlogPosting, ...; else a WebPage) and its headline, authors, dates, publisher and URL. Lenient: malformed blocks
 * are skipped.
 */
record JsonLd(String headline, List<String> authors, String datePublished, String dateCreated, String publisher,
    String url, String articleBody, String dateModified) {

  static final JsonLd EMPTY = new JsonLd(null, List.of(), null, null, null, null, null, null);

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();

  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
      "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
      "liveblogposting", "scholarlyarticle", "techarticle", "report", "posting", "review", "howto", "recipe");
  private static final Set<String> PAGE_TYPES = Set.of("webpage", "itempage", "aboutpage", "medicalwebpage");

  static JsonLd of(PageIndex ix) {
    List<JsonNode> articles = new ArrayList<>();
    List<JsonNode> pages = new ArrayList<>();
    for (Element s : ix.jsonLd) {
      String json = s.data().strip();
      if (json.isEmpty()) continue;
      try {
        collect(MAPPER.readTree(json), articles, pages, 0);
      } catch (Exception e) {
        // malformed JSON-LD is common; ignore it
      }
    }
    if (articles.isEmpty() && pages.isEmpty()) return EMPTY;
    JsonNode main = !articles.isEmpty() ? articles.get(0) : pages.get(0);
    List<JsonNode> order = new ArrayList<>(articles);
    order.addAll(pages);
    String headline = first(order, "headline", "name");
    List<String> authors = new ArrayList<>();
    for (JsonNode n : order) {
      names(n.get("author"), authors);
      if (!authors.isEmpty()) break;
    }
    if (authors.isEmpty()) for (JsonNode n : order) {
      names(n.get("creator"), authors);
      if (!authors.isEmpty()) break;
    }
    String published = first(order, "datePublished");
    String created = first(order, "dateCreated", "uploadDate");
    String publisher = null;
    for (JsonNode n : order) {
      List<String> p = new ArrayList<>();
      names(n.get("publisher"), p);
      if (!p.isEmpty()) {
        publisher = p.get(0);
        break;
      }
    }
    String url = text(main.get("url"));
    if (url == null) {
      JsonNode mep = main.get("mainEntityOfPage");
      url = mep != null && mep.isObject() ? text(mep.get("@id")) : text(mep);
    }
    return new JsonLd(headline, List.copyOf(authors), published, created, publisher, url,
        first(articles, "articleBody"), first(order, "dateModified"));
  }

  private static void collect(JsonNode n, List<JsonNode> articles, List<JsonNode> pages, int depth) {
    if (n == null || depth > 6) return;
    if (n.isArray()) {
      for (JsonNode c : n) collect(c, articles, pages, depth + 1);
      return;
    }
    if (!n.isObject()) return;
    JsonNode type = n.get("@type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isArray()) for (JsonNode t : type) types.add(t.asText().toLowerCase(Locale.ROOT));
    else if (type != null) types.add(type.asText().toLowerCase(Locale.ROOT));
    for (String t : types) {
      if (ARTICLE_TYPES.contains(t)) {
        articles.add(n);
        break;
      }
      if (PAGE_TYPES.contains(t)) {
        pages.add(n);
        break;
      }
    }
    collect(n.get("@graph"), articles, pages, depth + 1);
    JsonNode me = n.get("mainEntity");
    if (me != null) collect(me, articles, pages, depth + 1);
  }

  private static String first(List<JsonNode> nodes, String... fields) {
    for (String f : fields) {
      for (JsonNode n : nodes) {
        String t = text(n.get(f));
        if (t != null) return t;
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (n.isArray()) return n.isEmpty() ? null : text(n.get(0));
    if (n.isObject()) return null;
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static void names(JsonNode n, List<String> out) {
    if (n == null || n.isNull()) return;
    if (n.isArray()) {
      for (JsonNode c : n) names(c, out);
      return;
    }
    String name = n.isObject() ? text(n.get("name")) : text(n);
    if (name == null && n.isObject()) {
      String g = text(n.get("givenName"));
      String f = text(n.get("familyName"));
      if (g != null || f != null) name = ((g == null ? "" : g) + " " + (f == null ? "" : f)).strip();
    }
    if (name != null && !name.startsWith("http") && !out.contains(name)) out.add(name);
  }
}
