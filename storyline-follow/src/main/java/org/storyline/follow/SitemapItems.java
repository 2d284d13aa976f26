package org.storyline.follow;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sitemaps, news sitemaps ({@code <news:news>}: title and publication date become hints) and sitemap indexes, parsed
 * by crawler-commons (lenient about URLs outside the sitemap's folder, as news sites often are). Newest first, by
 * news publication date, else {@code lastmod}. Stateless.
 */
final class SitemapItems {
  private SitemapItems() {}

  /** A page listed by a sitemap. {@code time} is epoch millis (0 when unknown). */
  record Entry(String url, String title, String published, long time) {}

  /** Either the pages of a sitemap or the child sitemaps of an index (newest first); an error message otherwise. */
  record Parsed(List<Entry> pages, List<String> children, String error) {}

  static Parsed parse(String url, byte[] body, String contentType) {
    SiteMapParser p = new SiteMapParser(false);
    p.enableExtension(Extension.NEWS);
    AbstractSiteMap sm;
    try {
      URL u = URI.create(url).toURL();
      String type = contentType == null ? "text/xml" : contentType.split(";")[0].strip();
      if (type.contains("octet-stream") || type.contains("html")) type = "text/xml";
      sm = p.parseSiteMap(type, body, u);
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      return new Parsed(List.of(), List.of(), "not a sitemap: " + e.getMessage());
    }
    if (sm instanceof SiteMapIndex idx) {
      List<AbstractSiteMap> kids = new ArrayList<>(idx.getSitemaps());
      kids.sort(Comparator.comparingLong((AbstractSiteMap k) -> k.getLastModified() == null ? 0
          : k.getLastModified().getTime()).reversed().thenComparing(k -> k.getUrl().toString()));
      return new Parsed(List.of(), kids.stream().map(k -> k.getUrl().toString()).toList(), null);
    }
    List<Entry> out = new ArrayList<>();
    for (SiteMapURL su : ((SiteMap) sm).getSiteMapUrls()) {
      String title = null;
      String published = null;
      long time = su.getLastModified() == null ? 0 : su.getLastModified().getTime();
      ExtensionMetadata[] news = su.getAttributesForExtension(Extension.NEWS);
      if (news != null) {
        for (ExtensionMetadata m : news) {
          if (m instanceof NewsAttributes n) {
            title = n.getTitle();
            if (n.getPublicationDateTime() != null) {
              published = n.getPublicationDateTime().toOffsetDateTime().toString();
              time = n.getPublicationDateTime().toInstant().toEpochMilli();
            }
          }
        }
      }
      out.add(new Entry(su.getUrl().toString(), title, published, time));
    }
    out.sort(Comparator.comparingLong(Entry::time).reversed().thenComparing(Entry::url));
    return new Parsed(out, List.of(), null);
  }
}
