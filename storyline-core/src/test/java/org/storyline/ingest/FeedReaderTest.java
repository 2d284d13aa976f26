package org.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.dates.FeedDates;
import org.storyline.model.InputProblem;


class FeedReaderTest {
  @TempDir Path dir;

  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
           xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Wikinews&nbsp;Feed</title>
          <link>https://en.wikinews.org/</link>
          <item>
            <title>Storm hits coast</title>
            <link>https://en.wikinews.org/wiki/Storm_hits_coast</link>
            <dc:creator>Jane Roe</dc:creator>
            <pubDate>Tue, 4 Mar 2025 09:30:00 +0100</pubDate>
            <description>Short summary.</description>
            <content:encoded><![CDATA[<p>A storm hit the coast on Monday.</p><p>"It was loud," she said.</p>]]></content:encoded>
          </item>
          <item>
            <title>Plain item</title>
            <guid isPermaLink="false">tag:x.org,2025:42</guid>
            <author>desk@x.org (News Desk)</author>
            <pubDate>05 Mar 25 17:00 EST</pubDate>
            <description>AT&amp;T said &lt;nothing&gt; today.</description>
          </item>
          <item><title>Empty one</title><link>https://x.org/empty</link></item>
        </channel>
      </rss>
      """;

  @Test
  void rssItemsBecomeDocumentsWithHints() throws IOException {
    var c = Inputs.defaults().readAll(List.of(Files.writeString(dir.resolve("news.rss"), RSS)));
    assertEquals(2, c.documents().size());
    RawDocument a = c.documents().get(0);
    assertEquals(RawDocument.Format.HTML, a.format());
    assertTrue(a.content().contains("<p>A storm hit the coast on Monday.</p>"), a.content());
    assertEquals("https://en.wikinews.org/wiki/Storm_hits_coast", a.hints().url());
    assertEquals(Ids.fromUrl("https://en.wikinews.org/wiki/Storm_hits_coast"), a.id());
    assertEquals("Storm hits coast", a.hints().title());
    assertEquals("Jane Roe", a.hints().byline());
    assertEquals("2025-03-04T09:30:00+01:00", a.hints().published());
    assertEquals("Wikinews\u00a0Feed", a.hints().outlet());

    RawDocument b = c.documents().get(1);
    assertEquals(RawDocument.Format.TEXT, b.format());
    assertEquals("AT&T said <nothing> today.", b.content());
    assertNull(b.hints().url());
    assertEquals(Ids.fromUrl("tag:x.org,2025:42"), b.id());
    assertEquals("News Desk", b.hints().byline());
    assertEquals("2025-03-05T17:00:00-05:00", b.hints().published());

    InputProblem p = c.problems().get(0);
    assertEquals(1, c.problems().size());
    assertTrue(p.reason().startsWith("feed item 3 has no content"), p.reason());
  }

  @Test
  void atomEntriesWithXhtmlAndHtmlContent() throws IOException {
    String atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="html">Daily &lt;b&gt;Planet&lt;/b&gt;</title>
          <link href="https://planet.example/"/>
          <entry>
            <title>Mayor resigns</title>
            <link rel="self" href="https://planet.example/api/1"/>
            <link rel="alternate" type="text/html" href="/mayor"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <author><name>Lois Lane</name></author>
            <updated>2025-03-06T12:00:00Z</updated>
            <published>2025-03-06T08:15:30.5-05:00</published>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The mayor &amp; council quit.</p></div></content>
          </entry>
          <entry>
            <title>Summary only</title>
            <id>urn:uuid:2</id>
            <updated>2025-03-07</updated>
            <summary type="text">Only a summary &lt;here&gt;.</summary>
          </entry>
        </feed>
        """;
    var c = Inputs.defaults().readAll(List.of(Files.writeString(dir.resolve("planet.atom"), atom)));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    RawDocument a = c.documents().get(0);
    assertEquals("https://planet.example/mayor", a.hints().url());
    assertEquals("Lois Lane", a.hints().byline());
    assertEquals("2025-03-06T08:15:30-05:00", a.hints().published());
    assertEquals("Daily Planet", a.hints().outlet());
    assertEquals(RawDocument.Format.HTML, a.format());
    assertTrue(a.content().contains("<p>The mayor &amp; council quit.</p>"), a.content());
    RawDocument b = c.documents().get(1);
    assertEquals(RawDocument.Format.TEXT, b.format());
    assertEquals("Only a summary <here>.", b.content());
    assertEquals("2025-03-07", b.hints().published());
    assertEquals(Ids.fromUrl("urn:uuid:2"), b.id());
  }

  @Test
  void malformedFeedKeepsItemsReadBeforeTheError() throws IOException {
    String broken = RSS.replace("<item><title>Empty one</title>", "<item><title>Broken <b>tag</title>");
    var c = Inputs.defaults().readAll(List.of(Files.writeString(dir.resolve("broken.xml"), broken)));
    assertEquals(2, c.documents().size());
    InputProblem p = c.problems().get(0);
    assertTrue(p.reason().startsWith("malformed feed: "), p.reason());
    assertTrue(p.reason().endsWith("kept the 2 items read before the error"), p.reason());
    assertFalse(p.skipped());
    assertTrue(p.line() > 20, "line of the error: " + p.line());

    var cut = Inputs.defaults().readAll(List.of(Files.writeString(dir.resolve("cut.rss"),
        RSS.substring(0, RSS.indexOf("<title>Plain item")))));
    assertEquals(1, cut.documents().size());
    assertTrue(cut.problems().get(0).reason().startsWith("malformed feed"), cut.problems().toString());
  }

  @Test
  void nonFeedXmlAndExternalEntitiesAreRefused() throws IOException {
    var c = Inputs.defaults().readAll(List.of(Files.writeString(dir.resolve("sitemap.xml"),
        "<?xml version=\"1.0\"?><urlset><url><loc>https://x.org/</loc></url></urlset>")));
    assertEquals("not an RSS or Atom feed (root element <urlset>)", c.problems().get(0).reason());

    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
        + "<rss><channel><title>T</title><item><title>a</title><link>https://x.org/a</link>"
        + "<description>before &x; after</description></item></channel></rss>";
    var x = Inputs.defaults().readAll(List.of(Files.writeString(dir.resolve("xxe.rss"), xxe)));
    for (RawDocument d : x.documents()) assertFalse(d.content().contains("TOP-SECRET"), d.content());
  }

  @Test
  void feedInWindows1252IsDecodedFromItsDeclaration() throws IOException {
    String rss = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><title>Le Monde</title><item>"
        + "<title>\u00c9t\u00e9</title><link>https://lm.fr/e</link><description>\u00ab Caf\u00e9 \u00bb \u2013 "
        + "fin.</description></item></channel></rss>";
    var c = Inputs.defaults().readAll(List.of(Files.write(dir.resolve("lm.rss"),
        rss.getBytes(Charset.forName("windows-1252")))));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertEquals("\u00c9t\u00e9", c.documents().get(0).hints().title());
    assertEquals("\u00ab Caf\u00e9 \u00bb \u2013 fin.", c.documents().get(0).content());
  }

  @Test
  void doctypeStylesheetAndLeadingJunkAreTolerated() throws IOException {
    String rss = "\n\n<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
        + "<?xml-stylesheet type=\"text/xsl\" href=\"rss.xsl\"?>\n"
        + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
        + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
        + "<rss version=\"0.91\"><channel><title>Old&nbsp;Times</title><item><title>Caf&eacute;</title>"
        + "<link>https://old.example/1</link><description>Old &amp; gold&hellip;</description></item></channel></rss>";
    var c = Inputs.defaults().readAll(List.of(Files.writeString(dir.resolve("old.rss"), rss)));
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    RawDocument d = c.documents().get(0);
    assertEquals("Caf\u00e9", d.hints().title());
    assertEquals("Old & gold\u2026", d.content());
    assertEquals("Old\u00a0Times", d.hints().outlet());
  }

  @Test
  void feedDatesNormalise() {
    assertEquals("2002-10-02T13:00:00Z", FeedDates.normalize("Wed, 02 Oct 2002 13:00:00 GMT"));
    assertEquals("2002-10-02T15:00:00+02:00", FeedDates.normalize("2 Oct 2002 15:00 +0200"));
    assertEquals("2025-01-09", FeedDates.normalize("Thu, 9 Jan 2025"));
    assertEquals("2025-01-09T10:11:12Z", FeedDates.normalize("2025-01-09T10:11:12.345Z"));
    assertEquals("2025-01-09T10:11:12", FeedDates.normalize("2025-01-09 10:11:12"));
    assertEquals("1987-02-26T15:01:01", FeedDates.normalize("26-FEB-1987 15:01:01.79"));
    assertNull(FeedDates.normalize("yesterday"));
    assertNull(FeedDates.normalize("31 Feb 2025 10:00 GMT"));
  }
}
