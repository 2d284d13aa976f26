package org.storyline.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceListTest {
  @TempDir Path data;

  @Test
  void addListRemoveAndIntervals() throws Exception {
    SourceList list = new SourceList(data);
    Source a = list.add("https://news.example/feed.xml", "ex", Source.Kind.AUTO, Source.parseEvery("15m"), 1);
    Source again = list.add("https://news.example/feed.xml", "other", Source.Kind.FEED, Duration.ofHours(1), 2);
    assertEquals(a, again); // one source per URL
    list.add("https://other.example/", null, Source.Kind.SITE, Source.parseEvery("1d"), 3);
    assertEquals(2, new SourceList(data).all().size());
    assertEquals("1d", Source.formatEvery(new SourceList(data).all().get(1).every()));
    assertTrue(list.remove("ex").isPresent());
    assertTrue(list.remove("ex").isEmpty());
    assertEquals(1, list.all().size());
    assertThrows(IllegalArgumentException.class, () -> list.add("ftp://x/", null, Source.Kind.AUTO,
        Duration.ofMinutes(5), 0));
    assertThrows(IllegalArgumentException.class, () -> Source.parseEvery("soon"));
    assertThrows(IllegalArgumentException.class, () -> list.add("https://z.example/", null, Source.Kind.AUTO,
        Source.parseEvery("10s"), 0)); // below the 1 minute floor
    assertEquals(Duration.ofSeconds(90), Source.parseEvery("90s"));
  }

  @Test
  void rootElementsTellFeedsSitemapsAndPagesApart() {
    assertEquals("rss", Pages.rootOf("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"));
    assertEquals("feed", Pages.rootOf("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    assertEquals("rdf", Pages.rootOf("<rdf:RDF xmlns:rdf=\"x\">"));
    assertEquals("sitemapindex", Pages.rootOf("<?xml version=\"1.0\"?><sitemapindex>"));
    assertEquals("html", Pages.rootOf("<!DOCTYPE html>\n<html lang=\"en\">"));
    assertEquals("", Pages.rootOf("just text"));
  }
}
