package org.storyline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

class HtmlExtractorTest {
  private final HtmlExtractor x = new HtmlExtractor();

  private Article run(String html) {
    return run(html, RawDocument.Hints.NONE);
  }

  private Article run(String html, RawDocument.Hints hints) {
    return x.extract(new RawDocument("t", "t.html", RawDocument.Format.HTML, html, hints));
  }

  private static final String PARA1 = "The city council voted on Tuesday to expand the tram network by twelve"
      + " kilometres, a plan that has been debated for almost a decade, officials said.";
  private static final String PARA2 = "Construction is expected to begin next spring, and the first new stops,"
      + " in the northern districts, should open in 2028, according to the transport department.";
  private static final String PARA3 = "Opponents argued that the money, some 400 million euros, would be better"
      + " spent on buses, which can be rerouted as neighbourhoods change.";

  private static final String NEWS_PAGE = """
      <html><head><title>Council backs tram extension | Springfield Courier</title></head><body>
      <header class="site-header"><a href="/">Springfield Courier</a>
        <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/jobs">Jobs</a></li></ul></nav>
      </header>
      <div class="layout">
        <main><article>
          <h1>Council backs tram extension</h1>
          <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
          <div class="article-body">
            <p>%s</p>
            <p>%s</p>
            <h2>What the plan includes</h2>
            <ul><li>Four new stops in the northern districts of the city</li><li>A depot near the ring road for twenty trams</li></ul>
            <p>%s</p>
          </div>
          <div class="related-articles"><h3>Related</h3><ul>
            <li><a href="/a">Bus fares rise again in the new year</a></li>
            <li><a href="/b">Ring road closed for repairs all weekend</a></li></ul></div>
          <section id="comments" class="comments"><h3>Comments</h3>
            <p>This is a waste of money, they should fix the potholes in my street first and then talk about trams.</p>
          </section>
        </article></main>
        <aside class="sidebar"><p>Most read: a very long teaser about something else that happened elsewhere today in town.</p></aside>
      </div>
      <footer><p>Copyright 2025 Springfield Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
      </body></html>
      """.formatted(PARA1, PARA2, PARA3);

  @Test
  void keepsArticleParagraphsHeadingsAndListsAndDropsBoilerplate() {
    Article a = run(NEWS_PAGE);
    String t = a.text();
    assertTrue(t.startsWith(PARA1), t);
    assertTrue(t.contains(PARA1 + "\n\n" + PARA2 + "\n\nWhat the plan includes\n\n"), t);
    assertTrue(t.contains("Four new stops in the northern districts of the city"), t);
    assertTrue(t.endsWith(PARA3), t);
    for (String junk : new String[] {"Sport", "Share on", "Bus fares", "potholes", "Most read", "Copyright",
        "Privacy"}) {
      assertFalse(t.contains(junk), junk + " leaked into: " + t);
    }
    assertEquals("Council backs tram extension", a.title());
  }

  @Test
  void readsJsonLdMetadata() {
    String html = """
        <html><head><title>Ignored title - Example Times</title>
        <link rel="canonical" href="https://example.com/2025/02/27/talks">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example Times"},
          {"@type":"NewsArticle","headline":"Talks resume after a long pause",
           "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
           "datePublished":"2025-02-27T18:56:48+05:30","dateModified":"2025-02-28T08:00:00+05:30",
           "publisher":{"@type":"Organization","name":"Example Times"}}]}
        </script></head><body><div class="content"><p>%s</p><p>%s</p></div></body></html>
        """.formatted(PARA1, PARA2);
    Article a = run(html);
    assertEquals("Talks resume after a long pause", a.title());
    assertEquals("Jane Roe; John Doe", a.byline());
    assertEquals("2025-02-27T18:56:48+05:30", a.published());
    assertFalse(a.publishedInferred());
    assertEquals("Example Times", a.outlet());
    assertEquals("https://example.com/2025/02/27/talks", a.url());
  }

  @Test
  void readsMetaTagsAndStripsSiteSuffix() {
    String html = """
        <html><head><title>Harbour reopens after storm | The Coast Herald</title>
        <meta property="og:site_name" content="The Coast Herald">
        <meta property="og:url" content="https://coastherald.example/harbour">
        <meta name="author" content="By Maria Lopez">
        <meta property="article:published_time" content="2024-11-05T07:30:00Z">
        </head><body><div id="story"><p>%s</p><p>%s</p></div></body></html>
        """.formatted(PARA1, PARA2);
    Article a = run(html);
    assertEquals("Harbour reopens after storm", a.title());
    assertEquals("The Coast Herald", a.outlet());
    assertEquals("Maria Lopez", a.byline());
    assertEquals("2024-11-05T07:30:00Z", a.published());
    assertEquals("https://coastherald.example/harbour", a.url());
  }

  @Test
  void bylineLabelsCommentersAndSeparatorsAreNotNames() {
    // unit level: what stands where a name should be
    assertEquals("Helge Fahrnberger", org.storyline.extract.html.MetadataExtractorAccess.name(
        "Post author By Helge Fahrnberger"));
    assertEquals("Support Team", org.storyline.extract.html.MetadataExtractorAccess.name("vom Support Team"));
    assertEquals("wordpressadmin", org.storyline.extract.html.MetadataExtractorAccess.name("wordpressadmin |"));
    for (String[] c : new String[][] {{"Veröffentlicht vonChris Jung", "Chris Jung"},
        {"Erstellt von Andri Bryner", "Andri Bryner"}, {"Autor: Petra Ruland", "Petra Ruland"},
        {"AuthorAndreas Kalt", "Andreas Kalt"}, {"Johanna Kropfitsch Alle Artikel", "Johanna Kropfitsch"},
        {"Günter W. Kienitz at 18:52", "Günter W. Kienitz"}, {"lupa am 26/10/13, 03:48 pm", "lupa"},
        {"Artikel von: hausinfo", "hausinfo"}, {"Authorship Ltd", "Authorship Ltd"}}) {
      assertEquals(c[1], org.storyline.extract.html.MetadataExtractorAccess.name(c[0]), c[0]);
    }
    for (String label : java.util.List.of("Name *", "Name (erforderlich)", "Posted on", "Publiziert am", "By", "Unknown",
        "Author", "Art Edwards says:", "Harm Otten sagt:", "E-Mail *", "Von")) {
      assertEquals(null, org.storyline.extract.html.MetadataExtractorAccess.name(label), label);
    }
    // page level: a comment form's label and a commenter come before the real byline box, which wins
    String html = """
        <html><head><title>Harbour reopens after storm</title></head><body>
        <div class="author-box"><label>Name *</label></div>
        <div class="comment-author">Art Edwards says:</div>
        <div id="story"><p>%s</p><p>%s</p></div>
        <div class="byline">By Maria Lopez</div></body></html>
        """.formatted(PARA1, PARA2);
    assertEquals("Maria Lopez", run(html).byline());
  }

  @Test
  void containerHintsWinOverThePage() {
    RawDocument.Hints h = new RawDocument.Hints("https://feed.example/x", "Feed title", "Feed Outlet", "Feed Author",
        "2020-01-02");
    Article a = run(NEWS_PAGE.replace("<head>", "<head><meta name=\"author\" content=\"Page Author\">"), h);
    assertEquals("Feed title", a.title());
    assertEquals("Feed Outlet", a.outlet());
    assertEquals("Feed Author", a.byline());
    assertEquals("2020-01-02", a.published());
    assertEquals("https://feed.example/x", a.url());
  }

  @Test
  void datesFromTimeElementUrlAndText() {
    String timed = "<html><body><article><time datetime=\"2019-11-05\">5 Nov</time><p>" + PARA1 + "</p><p>" + PARA2
        + "</p></article></body></html>";
    assertEquals("2019-11-05", run(timed).published());

    String plain = "<html><body><article><p>" + PARA1 + "</p><p>" + PARA2 + "</p></article></body></html>";
    RawDocument.Hints url = new RawDocument.Hints("https://news.example/2021/03/14/some-story", null, null, null, null);
    assertEquals("2021-03-14", run(plain, url).published());

    String textual = "<html><body><article><div class=\"meta\">Posted on March 3, 2022 by Kim</div><p>" + PARA1
        + "</p><p>" + PARA2 + "</p></article></body></html>";
    Article a = run(textual);
    assertEquals("2022-03-03", a.published());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.contains("publish date")), a.diagnostics().toString());

    assertNull(run(plain).published(), "no date anywhere: null, never today");
  }

  @Test
  void bylineDateUnderTheHeadingBeatsHeaderAndBodyDates() {
    // the site header shows today's date and the body mentions other dates; the byline under the h1 is the one
    String page = "<html><body><div class=\"top\">Mittwoch, 01. November 2023</div><article><h1>Tram network to"
        + " grow</h1><div>von Kim Berger · 31.10.2023 · 2 Kommentare</div><p>" + PARA1 + " The vote on 9. November"
        + " 2023 is final.</p><p>" + PARA2 + "</p></article></body></html>";
    assertEquals("2023-10-31", run(page).published());
  }

  @Test
  void bylineDateBeatsALaterModifiedMeta() {
    String page = "<html><head><meta property=\"og:updated_time\" content=\"2022-01-27T18:34:20+01:00\"></head>"
        + "<body><article><h1>Tram network to grow</h1><p class=\"byline\">Kim Berger, 26.01.2022</p><p>" + PARA1
        + "</p><p>" + PARA2 + "</p></article></body></html>";
    assertEquals("2022-01-26", run(page).published());
    // a text date after the modified date is not a publication date: keep the modified one
    String later = page.replace("26.01.2022", "28.01.2022");
    assertEquals("2022-01-27T18:34:20+01:00", run(later).published());
  }

  @Test
  void creationTimeElementBeatsUpdatedMeta() {
    String page = "<html><head><meta property=\"og:updated_time\" content=\"2020-06-02T11:57:06+02:00\"></head>"
        + "<body><article><time class=\"field-node-create-date\">31.03.2020</time><p>" + PARA1 + "</p><p>" + PARA2
        + "</p></article></body></html>";
    assertEquals("2020-03-31", run(page).published());
  }

  @Test
  void modifiedDateShownUnderTheHeadingIsThePagesEdition() {
    String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Tram network to grow\","
        + "\"datePublished\":\"2021-03-16T16:16:10Z\",\"dateModified\":\"2021-03-20T14:00:17Z\"}</script>";
    String page = "<html><head>" + ld + "</head><body><article><h1>Tram network to grow</h1><p class=\"meta\">Stand:"
        + " 20.03.2021, 15:00 Uhr</p><p>" + PARA1 + "</p><p>" + PARA2 + "</p></article></body></html>";
    assertEquals("2021-03-20", run(page).published());
    // the heading shows the publication day: JSON-LD datePublished stands
    assertEquals("2021-03-16T16:16:10Z", run(page.replace("20.03.2021", "16.03.2021")).published());
    // a shown date that is not the declared modification date does not override JSON-LD
    assertEquals("2021-03-16T16:16:10Z", run(page.replace("20.03.2021", "18.03.2021")).published());
    // an edition years after publication is a rewrite of an evergreen page: keep the publication date
    String old = page.replace("2021-03-16T16:16:10Z", "2017-03-16T16:16:10Z");
    assertEquals("2017-03-16T16:16:10Z", run(old).published());
  }

  @Test
  void dateUnderTheHeadingBeatsAGenericMetaDate() {
    String page = "<html><head><meta name=\"date\" content=\"2020-04-29\"></head><body><article><h1>Tram network to"
        + " grow</h1><p class=\"meta\">Stand: 28.04.2020 18:00 Uhr</p><p>" + PARA1 + "</p><p>" + PARA2
        + "</p></article></body></html>";
    assertEquals("2020-04-28", run(page).published());
    // far from the meta date, the shown date is likely a date the text talks about
    assertEquals("2020-04-29", run(page.replace("28.04.2020", "28.04.2013")).published());
    // OpenGraph's article:published_time is not generic: it stands
    String og = page.replace("name=\"date\"", "property=\"article:published_time\"");
    assertEquals("2020-04-29", run(og).published());
  }

  @Test
  void dayFirstUrlSegmentAndTwoDigitYearLabel() {
    String plain = "<html><body><article><p>" + PARA1 + "</p><p>" + PARA2 + "</p></article></body></html>";
    RawDocument.Hints url = new RawDocument.Hints("https://news.example/meldungen/29-10-2021", null, null, null, null);
    assertEquals("2021-10-29", run(plain, url).published());
    String label = "<html><body><article><span class=\"post-info\">28.01.22 / 0 Kommentare</span><p>" + PARA1
        + "</p><p>" + PARA2 + "</p></article></body></html>";
    assertEquals("2022-01-28", run(label).published());
  }

  @Test
  void survivesHostileHtml() {
    // unclosed tags everywhere
    String unclosed = "<html><body><div class=article><p>" + PARA1 + "<p>" + PARA2 + "<div><span><b>" + PARA3;
    Article a = run(unclosed);
    assertTrue(a.text().contains(PARA1) && a.text().contains(PARA3), a.text());

    // script-heavy: scripts and styles are not text
    StringBuilder scripts = new StringBuilder("<html><head>");
    for (int i = 0; i < 200; i++) scripts.append("<script>var x").append(i).append(" = 'not text, really';</script>");
    scripts.append("<style>p { color: red }</style></head><body><div><p>").append(PARA1).append("</p><p>")
        .append(PARA2).append("</p></div><script>document.write('<p>injected</p>')</script></body></html>");
    Article s = run(scripts.toString());
    assertFalse(s.text().contains("not text") || s.text().contains("color") || s.text().contains("injected"), s.text());
    assertTrue(s.text().contains(PARA2));

    // absurd nesting must not overflow the stack
    StringBuilder deep = new StringBuilder("<html><body>");
    for (int i = 0; i < 20_000; i++) deep.append("<div>");
    deep.append("<p>").append(PARA1).append("</p><p>").append(PARA2).append("</p>");
    for (int i = 0; i < 20_000; i++) deep.append("</div>");
    deep.append("</body></html>");
    Article d = run(deep.toString());
    assertTrue(d.text().contains(PARA2), "deep nesting");

    // not HTML at all
    Article junk = run("\u0000\u0001<<<>>>&&&;;;</p></div>");
    assertEquals("", junk.text());
  }

  @Test
  void pageWithoutArticleTextGivesEmptyTextAndDiagnostic() {
    String html = """
        <html><head><title>Login</title></head><body>
        <nav><a href="/">Home</a> <a href="/about">About</a></nav>
        <form><input name="user"><input type="password" name="pw"><button>Sign in</button></form>
        <footer>© 2025 Example</footer></body></html>
        """;
    Article a = run(html);
    assertEquals("", a.text());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.contains("no article text")), a.diagnostics().toString());
  }

  @Test
  void takesBodyFromJsonLdWhenTheMarkupHasNone() {
    String html = """
        <html><head><script type="application/ld+json">
        {"@type":"NewsArticle","headline":"Rendered by script","articleBody":"%s\\n%s"}
        </script></head><body><div id="app"></div></body></html>
        """.formatted(PARA1, PARA2);
    Article a = run(html);
    assertEquals(PARA1 + "\n\n" + PARA2, a.text());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.contains("JSON-LD")), a.diagnostics().toString());
  }

  @Test
  void sameInputSameOutput() {
    assertEquals(run(NEWS_PAGE), run(NEWS_PAGE));
  }
}
