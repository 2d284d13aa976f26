package org.storyline.follow;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finding a site's feeds: the {@code <link rel="alternate" type="application/rss+xml|atom+xml">} of its home page,
 * else the common feed paths (tried by the follower one by one, each must parse as a feed). Stateless.
 */
final class Discovery {
  /** Paths where sites commonly serve their main feed, most common first. */
  static final List<String> COMMON_PATHS = List.of("/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml",
      "/index.xml", "/feed/", "/rss/");

  private Discovery() {}

  /** The feeds a home page announces, absolute, in page order. */
  static List<String> announced(String pageUrl, String html) {
    Document d = Jsoup.parse(html, pageUrl);
    Set<String> out = new LinkedHashSet<>();
    for (Element l : d.select("link[rel][href]")) {
      String rel = l.attr("rel").toLowerCase(Locale.ROOT);
      String type = l.attr("type").toLowerCase(Locale.ROOT);
      if (rel.contains("alternate") && (type.contains("rss") || type.contains("atom"))) {
        String abs = l.absUrl("href");
        if (abs.startsWith("http")) out.add(abs);
      }
    }
    return List.copyOf(out);
  }

  /** The common feed URLs of the site of {@code pageUrl}. */
  static List<String> commonPaths(String pageUrl) {
    URI u = URI.create(pageUrl);
    List<String> out = new ArrayList<>();
    for (String p : COMMON_PATHS) out.add(u.getScheme() + "://" + u.getRawAuthority() + p);
    return out;
  }
}
