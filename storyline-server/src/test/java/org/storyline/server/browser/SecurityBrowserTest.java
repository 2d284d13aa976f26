package org.storyline.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Event;
import org.storyline.model.Mention;
import org.storyline.model.OutletView;
import org.storyline.model.Quote;
import org.storyline.model.QuoteVariant;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Timex;
import org.storyline.server.ui.StoryPage;
import org.storyline.store.StoryViews;

/**
 * Hostile articles in a real browser: script tags, event-handler attributes and {@code javascript:} URLs put in every
 * field that comes from articles (title, outlet, byline, body text, quote text, URL; entity and speaker names through
 * a story view built by hand, since no entity recogniser makes such a name). Each payload would set
 * {@code window.__xss} and the page title; the test checks in Chromium that none did, that the page holds no script
 * but ours and no {@code on*} attribute, and that no {@code javascript:} URL became a link. Every page is checked
 * twice: as served (with the Content Security Policy) and loaded without it from a {@code data:} URL, so it is the
 * escaping, not only the policy, that stops the payloads.
 */
class SecurityBrowserTest {
  static final String[] PAYLOADS = {
      "<script>window.__xss=1;document.title='pwned'</script>",
      "<img src=x onerror=\"window.__xss=2;document.title='pwned'\">",
      "<svg onload=window.__xss=3></svg>",
      "\"><script>window.__xss=4</script>",
      "'><img src=x onerror=window.__xss=5>",
      "<a href=\"javascript:window.__xss=6\">click</a>",
  };

  static Fixture fx;
  static ChromeDriver browser;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static String all() {
    return String.join(" ", PAYLOADS);
  }

  static Map<String, Object> article(String id, String url, String title, String outlet, String byline,
      String published, String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("url", url);
    m.put("title", title);
    m.put("outlet", outlet);
    m.put("byline", byline);
    m.put("published", published);
    m.put("text", text);
    return m;
  }

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Browser.assumeAvailable();
    ObjectMapper json = new ObjectMapper();
    // prose around each payload, so the cleaner keeps the paragraphs (lines that are mostly markup go to removed)
    String body = "Mayor Jane Holt said the harbour wall of Port Alder, which was built in 1902 and repaired twice "
        + "since, broke on Monday " + PAYLOADS[0] + " after three days of storms that also closed the ferry.\n\n"
        + "The lower town flooded within an hour " + PAYLOADS[1] + " and more than two hundred people left their "
        + "homes for the school on the hill, the council said on Monday evening.\n\n"
        + "\"We will rebuild the wall " + PAYLOADS[2] + " stronger than before, and we will start this week,\" "
        + "Mayor Jane Holt said at the town hall on Monday.\n\n"
        + "\"Help is coming today " + PAYLOADS[3] + " from the army and from the region,\" said Tom Reyes, the "
        + "fire chief of Port Alder, who has led the rescue since Monday " + PAYLOADS[4] + " morning.\n\n"
        + "The harbour of Port Alder stays closed until the wall is checked, " + PAYLOADS[5] + " the port "
        + "authority said in a statement on its website on Monday.";
    List<Map<String, Object>> arts = List.of(
        article("evil-1", "javascript:window.__xss=7", "Harbour wall breaks " + PAYLOADS[0], "Evil " + PAYLOADS[1],
            "By " + PAYLOADS[2], "2024-05-01", body),
        article("evil 2/\"<x>", "https://ok.example/\"onmouseover=\"window.__xss=8", "Port Alder harbour wall "
            + PAYLOADS[3], "Other " + PAYLOADS[4], PAYLOADS[5], "2024-05-02", body.replace("Monday", "Tuesday")),
        article("evil-3", "JaVaScRiPt:window.__xss=9", PAYLOADS[5], "Third", null, "2024-05-02",
            body.replace("Monday", "Tuesday")));
    StringBuilder jsonl = new StringBuilder();
    for (Map<String, Object> a : arts) jsonl.append(json.writeValueAsString(a)).append('\n');
    fx = Fixture.serve(dir, jsonl.toString());
    browser = Browser.start(1280, 900);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (fx != null) fx.close();
  }

  /** Every page a hostile article reaches. */
  static List<String> pages() throws Exception {
    List<String> out = new ArrayList<>(List.of("/", "/search?q=harbour", "/search?q=*",
        "/search?q=" + org.storyline.server.ui.Links.query(all()), "/no-such-page/" + PAYLOADS[0].length()));
    var snap = fx.library.snapshot();
    for (Story s : snap.stories()) out.add(org.storyline.server.ui.Links.story(s.id()));
    for (var l : snap.storylines()) out.add(org.storyline.server.ui.Links.storyline(l.id()));
    for (Article a : snap.articles()) {
      out.add(org.storyline.server.ui.Links.article(a.id()));
      out.add(org.storyline.server.ui.Links.article(a.id(), 0, 20));
    }
    for (var e : fx.library.entities().entities(null, 0, 100).items()) {
      out.add(org.storyline.server.ui.Links.entity(e.id()));
    }
    return out;
  }

  @Test
  void payloadsInArticleFieldsNeverRunWithOrWithoutTheContentSecurityPolicy() throws Exception {
    List<String> pages = pages();
    assertTrue(pages.size() > 10, pages.toString());
    for (String p : pages) {
      browser.get(fx.url(p));
      assertNothingRan(p + " (served)");
      String html = HTTP.send(HttpRequest.newBuilder(URI.create(fx.url(p))).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString()).body();
      loadWithoutPolicy(html);
      assertNothingRan(p + " (without CSP)");
    }
    // the payloads are shown as text where they belong
    browser.get(fx.url(org.storyline.server.ui.Links.article("evil-1")));
    String text = browser.findElement(By.tagName("main")).getText();
    assertTrue(text.contains("<script>window.__xss=1"), "the title and body show the payload as text");
    assertTrue(text.contains("Evil <img src=x onerror="), "the outlet shows as text");
    assertTrue(text.contains("javascript:window.__xss=7"), "the bad URL is shown, as text");
    // the cleaner keeps markup out of the text (tags dropped, lines of markup removed as boilerplate): the removed
    // lines, shown on the page, still carry the payloads, as text
    String removed = (String) browser.executeScript("return document.querySelector('ul.removed').textContent");
    assertTrue(removed.contains("<script>window.__xss=1") && removed.contains("onerror=window.__xss=5"), removed);

    Browser.screenshot(browser, "security-article");
  }

  @Test
  void javascriptUrlsAreNeverLinks() throws Exception {
    for (String id : List.of("evil-1", "evil-3")) {
      browser.get(fx.url(org.storyline.server.ui.Links.article(id)));
      List<WebElement> ext = browser.findElements(By.cssSelector("a.ext"));
      assertEquals(0, ext.size(), "a javascript: URL is not a link");
      assertFalse(browser.findElements(By.cssSelector(".nolink")).isEmpty());
    }
    browser.get(fx.url(org.storyline.server.ui.Links.article("evil 2/\"<x>")));
    WebElement ext = browser.findElement(By.cssSelector("a.ext"));
    assertTrue(ext.getAttribute("href").startsWith("https://ok.example/"), ext.getAttribute("href"));
    assertNull(ext.getAttribute("onmouseover"));
  }

  @Test
  void entityAndSpeakerNamesAreEscaped() throws Exception {
    // no recogniser makes a name of markup, so the story view is built by hand and the page rendered by the same
    // compiled template, then loaded without the policy
    String evil = "Jane " + PAYLOADS[1] + " Holt";
    String text = "Jane Holt said \"we will rebuild\" on Monday.";
    Article a = new Article("a1", null, PAYLOADS[0], PAYLOADS[1], "javascript:window.__xss=7", PAYLOADS[2],
        "2024-05-01", false, List.of(PAYLOADS[3]), "en", text, List.of(PAYLOADS[4]), List.of());
    Article b = new Article("a2", null, "Two", "Other", "https://x.example/", null, "2024-05-02", true, List.of(),
        "en", text, List.of(), List.of());
    Story story = new Story("story-1", PAYLOADS[0], List.of("a1", "a2"), "2024-05-01", "2024-05-02",
        List.of(PAYLOADS[1], "Other"), List.of());
    Entity e = new Entity("e1", evil, "PER", List.of(evil, PAYLOADS[3]), List.of(PAYLOADS[4]),
        List.of(new Mention("a1", 0, 9, "Jane Holt")));
    Quote q = new Quote("a1", "we will rebuild", 16, 31, "said", 10, 14, evil, "e1", "direct", false);
    Quote q2 = new Quote("a2", "we will rebuild", 16, 31, "said", 10, 14, PAYLOADS[5], null, "direct", false);
    QuoteVariant qv = new QuoteVariant("qv-1", evil, false, List.of(
        new QuoteVariant.Member("a1", PAYLOADS[1], 16, 31, "we will rebuild " + PAYLOADS[0], evil),
        new QuoteVariant.Member("a2", "Other", 16, 31, "we will rebuild", evil)), List.of());
    Event ev = new Event("ev-1", "2024-05-01", "day", "text", PAYLOADS[0], List.of(evil), List.of(PAYLOADS[2]),
        List.of(new Event.Evidence("a1", 0, 20, text.substring(0, 20), -1, -1)));
    OutletView ov = new OutletView("story-1", List.of(new OutletView.ArticleView("a1", PAYLOADS[1],
        List.of(new OutletView.Fact(0, 20, PAYLOADS[2], 0.1)), List.of(evil), List.of(evil))));
    Report r = new Report("test", 1, List.of(a, b), List.of(), List.of(e), List.of(q, q2),
        List.of(new Timex("a1", 35, 41, "Monday", "DATE", PAYLOADS[3])), List.of(story), List.of(), List.of(qv),
        List.of(ev), List.of(ov));
    StoryViews.View v = new StoryViews.View(story, null, r, List.of(), List.of());
    StoryPage page = StoryPage.of(v, x -> null, x -> null);
    StringOutput out = new StringOutput();
    TemplateEngine.createPrecompiled(ContentType.Html).render("story.jte", Map.of("page", page), out);
    assertTrue(out.toString().contains("&lt;img src=x onerror="), "the name is escaped in the HTML");
    browser.get(fx.url("/"));
    loadWithoutPolicy(out.toString());
    assertNothingRan("hand-made story page");
    assertTrue(browser.findElement(By.id("entities")).getText().contains(evil), "the name is shown as text");
    assertTrue(browser.findElement(By.id("quotes")).getText().contains(evil), "the speaker is shown as text");
  }

  @Test
  void bodyTextWithMarkupIsEscapedInTheArticleView() throws Exception {
    // the cleaner keeps tags out of stored texts, so a text holding markup is built by hand and rendered by the
    // compiled article template, with its marks (mention, quote, date, highlight) over the payloads
    String text = "Jane Holt said " + PAYLOADS[0] + " on Monday.\n\n\"" + PAYLOADS[1] + " we rebuild " + PAYLOADS[2]
        + "\" she said. " + PAYLOADS[3] + PAYLOADS[4] + PAYLOADS[5];
    Article a = new Article("a1", null, PAYLOADS[0], PAYLOADS[1], "javascript:window.__xss=7", PAYLOADS[2],
        "2024-05-01", false, List.of(PAYLOADS[3]), PAYLOADS[4], text, List.of(PAYLOADS[5]), List.of());
    int qs = text.indexOf(PAYLOADS[1]);
    int qe = text.indexOf("\" she said");
    Entity e = new Entity("e1", "Jane " + PAYLOADS[1], "PER", List.of("Jane Holt"), List.of(),
        List.of(new Mention("a1", 0, 9, "Jane Holt")));
    Quote q = new Quote("a1", text.substring(qs, qe), qs, qe, "said", qe + 6, qe + 10, PAYLOADS[0], null, "direct",
        false);
    int mon = text.indexOf("Monday");
    Report r = new Report("test", 1, List.of(a), List.of(), List.of(e), List.of(q),
        List.of(new Timex("a1", mon, mon + 6, "Monday", "DATE", PAYLOADS[3])), List.of(), List.of(), List.of(),
        List.of(), List.of());
    org.storyline.server.ui.ArticlePage page = org.storyline.server.ui.ArticlePage.of(a, null, r,
        List.of(new org.storyline.store.ArticleStore.Revision(1, a)), 1, "15-" + (15 + PAYLOADS[0].length()),
        x -> "/entities/" + PAYLOADS[0]);
    StringOutput out = new StringOutput();
    TemplateEngine.createPrecompiled(ContentType.Html).render("article.jte", Map.of("page", page), out);
    browser.get(fx.url("/"));
    loadWithoutPolicy(out.toString());
    assertNothingRan("hand-made article page");
    String shown = browser.findElement(By.cssSelector(".text")).getText();
    for (String p : PAYLOADS) assertTrue(shown.contains(p), "the text shows " + p + " as text: " + shown);
    assertEquals(PAYLOADS[0], browser.findElement(By.id("hl")).getText());
    assertEquals(0, browser.findElements(By.cssSelector("a.ext")).size());
  }

  /** Loads {@code html} from a data: URL: same markup, no Content Security Policy, so only escaping protects. */
  static void loadWithoutPolicy(String html) {
    browser.get("data:text/html;charset=utf-8;base64,"
        + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
  }

  static void assertNothingRan(String where) {
    Object flag = browser.executeScript("return window.__xss === undefined ? null : String(window.__xss)");
    assertNull(flag, where + ": a payload ran");
    assertFalse(browser.getTitle().equals("pwned"), where + ": the title was set by a payload");
    Number scripts = (Number) browser.executeScript("return Array.from(document.scripts)"
        + ".filter(s => !(s.getAttribute('src') || '').startsWith('/static/')).length");
    assertEquals(0, scripts.intValue(), where + ": a script element other than ours");
    Object handler = browser.executeScript("for (const el of document.querySelectorAll('*')) for (const at of "
        + "el.attributes) if (at.name.toLowerCase().startsWith('on')) return el.tagName + ' ' + at.name; return null;");
    assertNull(handler, where + ": an element with an event handler attribute");
    Object js = browser.executeScript("for (const el of document.querySelectorAll('[href],[src],[action]')) { const "
        + "v = (el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || '').trim()"
        + ".toLowerCase(); if (v.startsWith('javascript:')) return el.outerHTML; } return null;");
    assertNull(js, where + ": a javascript: URL in a link");
  }
}
