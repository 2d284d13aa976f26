package org.storyline.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storyline.model.Story;

/**
 * The web UI in a real browser (Debian's Chromium, headless) against a server on a free localhost port holding a
 * small corpus the test writes: three reports of one flood from three outlets quoting the mayor in slightly different
 * words, a follow-up weeks later, and an unrelated story. One server and one browser for the class; screenshots go
 * to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiBrowserTest {
  static final String CORPUS = """
      {"id":"flood-coast","url":"https://coast.example/flood","title":"River Alder floods the lower town of Port Alder","outlet":"Coast News","byline":"Mara Quint","published":"2024-03-04","text":"The river Alder burst its banks on Monday and flooded the lower town of Port Alder, forcing 300 people from their homes.\\n\\n\\"We need pumps and we need them now,\\" Mayor Jane Holt said at the town hall on Monday evening.\\n\\nFire chief Tom Reyes said the water was still rising. \\"The next high tide is the real danger,\\" Reyes said.\\n\\nThe regional government has not yet said whether it will send help."}
      {"id":"flood-daily","url":"https://daily.example/port-alder-flood","title":"Port Alder flood: mayor Jane Holt asks for pumps","outlet":"Daily Post","published":"2024-03-05","text":"Mayor Jane Holt asked the regional government for help after the river Alder flooded the lower town of Port Alder on Monday and 300 people left their homes.\\n\\n\\"We need pumps and we need them right now,\\" Holt told reporters at the town hall.\\n\\nVolunteers filled sandbags through the night near the harbour, where the Alder meets the sea.\\n\\n\\"Jane Holt has done everything a mayor can do,\\" said Tom Reyes, the fire chief."}
      {"id":"flood-harbour","url":"https://harbour.example/alder","title":"Flooded Port Alder waits for the high tide","outlet":"Harbour Times","published":"2024-03-05","text":"Residents of Port Alder waited on Tuesday for the next high tide after the river Alder flooded the lower town on Monday, forcing 300 people out of their homes.\\n\\n\\"We need pumps, and we need them now,\\" Mayor Jane Holt said.\\n\\nThe army sent two trucks of sandbags on Tuesday morning, a spokesman for the regional government said."}
      {"id":"flood-inquiry","url":"https://coast.example/inquiry","title":"Port Alder council opens flood inquiry","outlet":"Coast News","published":"2024-03-28","text":"The council of Port Alder opened an inquiry on Thursday into the flood that hit the lower town on March 4, when the river Alder burst its banks.\\n\\n\\"We owe the families answers,\\" Mayor Jane Holt said as the inquiry opened."}
      {"id":"rail-strike","url":"https://daily.example/rail","title":"Rail workers strike over pay in Northmoor","outlet":"Daily Post","published":"2024-03-06","text":"Rail workers in Northmoor walked out on Wednesday in a dispute over pay, cancelling most trains between Northmoor and Eastbridge.\\n\\n\\"This strike is about fair pay,\\" union leader Sam Okafor said."}
      """;

  static Fixture fx;
  static ChromeDriver browser;

  @BeforeAll
  static void start(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Browser.assumeAvailable();
    fx = Fixture.serve(dir, CORPUS);
    browser = Browser.start(1280, 900);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (fx != null) fx.close();
  }

  /** The story with most articles: the flood. */
  static Story flood() throws Exception {
    return fx.library.snapshot().stories().stream().max(java.util.Comparator.comparingInt(s -> s.articles().size()))
        .orElseThrow();
  }

  @Test
  @Order(1)
  void frontPageListsStoriesNewestFirstWithOutletsAndSparklines() throws Exception {
    browser.get(fx.url("/"));
    assertEquals("Stories · Storyline", browser.getTitle());
    List<WebElement> cards = browser.findElements(By.cssSelector("section[aria-labelledby=stories-h] li.card"));
    assertEquals(fx.library.snapshot().stories().size(), cards.size());
    assertTrue(cards.size() >= 2, "the fixture makes several stories");
    // each story shows its outlets and a sparkline with at least one bar
    for (WebElement c : cards) {
      assertFalse(c.findElements(By.cssSelector(".outlet")).isEmpty(), c.getText());
      assertFalse(c.findElements(By.cssSelector("svg.spark rect")).isEmpty(), c.getText());
    }
    Story flood = flood();
    assertTrue(flood.articles().size() >= 3, "the three reports of the flood are one story: " + flood);
    WebElement link = browser.findElement(By.cssSelector("a[href='/stories/" + flood.id() + "']"));
    assertEquals(flood.label(), link.getText());
    Browser.screenshot(browser, "front-desktop");
  }

  @Test
  @Order(2)
  void storyPageShowsQuotesWithSpeakersAndAQuoteLeadsToItsHighlightedSentence() throws Exception {
    Story flood = flood();
    browser.get(fx.url("/"));
    browser.findElement(By.cssSelector("a[href='/stories/" + flood.id() + "']")).click();
    assertEquals(flood.label() + " · Storyline", browser.getTitle());
    WebElement quotes = browser.findElement(By.id("quotes"));
    List<WebElement> speakers = quotes.findElements(By.cssSelector(".speaker"));
    assertTrue(speakers.stream().anyMatch(s -> s.getText().startsWith("Jane Holt")),
        "the mayor is named as a speaker: " + quotes.getText());
    // the mayor's statement is one group with each outlet's wording, the differing words marked
    WebElement holt = quotes.findElements(By.cssSelector("li.statement")).stream()
        .filter(s -> s.getText().contains("We need pumps")).findFirst().orElseThrow();
    assertTrue(holt.findElements(By.cssSelector("ul.wordings > li")).size() >= 3, holt.getText());
    assertFalse(holt.findElements(By.cssSelector("ins")).isEmpty(), "'right' is marked as added: " + holt.getText());
    // the other sections are there
    assertFalse(browser.findElements(By.cssSelector("#summary ul.summary li a")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("#reports svg.timeline circle")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("#entities li")).isEmpty());
    assertTrue(browser.findElements(By.cssSelector("#outlets .outletcard")).size() >= 3);
    Browser.screenshot(browser, "story-desktop");

    WebElement quote = holt.findElement(By.cssSelector("a.quote"));
    String href = quote.getAttribute("href");
    assertTrue(href.contains("?hl=") && href.endsWith("#hl"), href);
    quote.click();
    assertTrue(browser.getCurrentUrl().contains("/articles/") && browser.getCurrentUrl().endsWith("#hl"));
    WebElement hl = browser.findElement(By.id("hl"));
    assertEquals("MARK", hl.getTagName().toUpperCase(java.util.Locale.ROOT));
    String marked = (String) browser.executeScript("return Array.from(document.querySelectorAll('.text mark'))"
        + ".map(m => m.textContent).join('')");
    assertTrue(marked.startsWith("We need pumps"), marked);
    // the sentence is on screen, and focus moved to it
    Boolean inView = (Boolean) browser.executeScript("const r = document.getElementById('hl')"
        + ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;");
    assertTrue(inView);
    assertEquals("hl", browser.switchTo().activeElement().getAttribute("id"));
    // names in the text lead to their entity pages
    assertFalse(browser.findElements(By.cssSelector(".text a.m[href='/entities/per%3Ajane-holt']")).isEmpty());
    Browser.viewport(browser, "article-highlight-desktop");
    Browser.screenshot(browser, "article-desktop");
  }

  @Test
  @Order(3)
  void entityPageShowsMentionsOverTimeQuotesAndCoOccurringNames() throws Exception {
    browser.get(fx.url("/stories/" + flood().id()));
    WebElement holt = browser.findElements(By.cssSelector("#entities li a")).stream()
        .filter(a -> a.getText().equals("Jane Holt")).findFirst().orElseThrow();
    assertTrue(holt.getAttribute("href").contains("/entities/per%3Ajane-holt"), holt.getAttribute("href"));
    holt.click();
    assertEquals("Jane Holt · Storyline", browser.getTitle());
    assertFalse(browser.findElements(By.cssSelector(".entitychart svg.spark rect")).isEmpty());
    List<WebElement> said = browser.findElements(By.xpath("//h2[@id='by-h']/following-sibling::ul[1]/li"));
    assertTrue(said.size() >= 4, "three wordings of one statement and the inquiry quote: " + said.size());
    List<WebElement> about = browser.findElements(By.xpath("//h2[@id='about-h']/following-sibling::ul[1]/li"));
    assertTrue(about.stream().anyMatch(q -> q.getText().contains("everything a mayor can do")),
        "the fire chief speaks of her: " + about.stream().map(WebElement::getText).toList());
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("Port Alder"), "named with Port Alder");
    Browser.screenshot(browser, "entity-desktop");
  }

  @Test
  @Order(4)
  void searchWithAnOutletFacet() throws Exception {
    browser.get(fx.url("/"));
    WebElement box = browser.findElement(By.cssSelector("header form.search input[name=q]"));
    box.sendKeys("pumps", Keys.ENTER);
    assertTrue(browser.getCurrentUrl().contains("/search?q=pumps"), browser.getCurrentUrl());
    List<WebElement> hits = browser.findElements(By.cssSelector("ol.hits > li"));
    assertTrue(hits.size() >= 3, "three reports mention pumps");
    assertFalse(browser.findElements(By.cssSelector("ol.hits mark")).isEmpty(), "matches are marked");
    WebElement facet = browser.findElements(By.cssSelector(".facets a.facet")).stream()
        .filter(f -> f.getText().startsWith("Harbour Times")).findFirst().orElseThrow();
    facet.click();
    assertTrue(browser.getCurrentUrl().contains("outlet=Harbour%20Times"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.cssSelector(".results h2")).getText().startsWith("1 article"));
    hits = browser.findElements(By.cssSelector("ol.hits > li"));
    assertEquals(1, hits.size());
    assertTrue(hits.get(0).getText().contains("Harbour Times"), hits.get(0).getText());
    assertNotNull(browser.findElement(By.cssSelector(".facets a.facet.active")));
    Browser.screenshot(browser, "search-facet-desktop");
    // a speaker facet narrows to the articles quoting the mayor
    browser.get(fx.url("/search?q=*"));
    WebElement speaker = browser.findElements(By.cssSelector(".facets a.facet")).stream()
        .filter(a -> a.getAttribute("href").contains("speaker=per%3Ajane-holt")).findFirst().orElseThrow();
    speaker.click();
    assertEquals(4, browser.findElements(By.cssSelector("ol.hits > li")).size(), "four reports quote the mayor");
  }

  @Test
  @Order(5)
  void storylineAndKeyboard() throws Exception {
    var snap = fx.library.snapshot();
    var line = snap.storylineOf(flood().id());
    if (line != null && line.stories().size() > 1) {
      browser.get(fx.url("/storylines/" + line.id()));
      assertFalse(browser.findElements(By.cssSelector("svg.timeline rect.span")).isEmpty());
      Browser.screenshot(browser, "storyline-desktop");
    }
    browser.get(fx.url("/"));
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement first = browser.switchTo().activeElement();
    assertEquals("Skip to content", first.getText());
    first.sendKeys(Keys.ENTER);
    assertTrue(browser.getCurrentUrl().endsWith("#main"));
    // the next Tab goes into the content, to the first storyline, with a visible outline
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();
    assertEquals("a", focused.getTagName());
    assertTrue(focused.getAttribute("href").contains("/storylines/"), focused.getAttribute("href"));
    assertEquals("solid", focused.getCssValue("outline-style"));
    Browser.viewport(browser, "keyboard-focus-desktop");
  }

  @Test
  @Order(6)
  void readableAtPhoneWidth() throws Exception {
    ChromeDriver phone = Browser.start(390, 844);
    try {
      for (String[] page : new String[][] {{"/", "front-phone"}, {"/stories/" + flood().id(), "story-phone"},
          {"/search?q=pumps", "search-phone"}, {"/entities/per%3Ajane-holt", "entity-phone"},
          {"/articles/flood-daily", "article-phone"}}) {
        phone.get(fx.url(page[0]));
        Number width = (Number) phone.executeScript("return document.documentElement.scrollWidth");
        Number inner = (Number) phone.executeScript("return window.innerWidth");
        assertTrue(width.intValue() <= inner.intValue(), page[0] + " scrolls sideways at phone width: " + width
            + " > " + inner);
        if (page[1].equals("story-phone")) {
          // the reports chart fits the screen: every report's dot in view without scrolling the chart, and its
          // text drawn at (nearly) its own size, not shrunk
          List<?> chart = (List<?>) phone.executeScript("var svg = [...document.querySelectorAll('#reports svg"
              + ".timeline')].find(s => s.getBoundingClientRect().width > 0);"
              + "var dots = [...svg.querySelectorAll('circle')].map(c => c.getBoundingClientRect());"
              + "var fig = svg.parentElement;"
              + "return [dots.length, dots.every(d => d.left >= 0 && d.right <= window.innerWidth),"
              + " svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,"
              + " fig.scrollWidth <= fig.clientWidth];");
          assertEquals(3L, chart.get(0), "one dot per report: " + chart);
          assertEquals(true, chart.get(1), "every dot on screen: " + chart);
          assertTrue(((Number) chart.get(2)).doubleValue() >= 0.9, "text scale " + chart);
          assertEquals(true, chart.get(3), "the chart does not scroll: " + chart);
        }
        Browser.screenshot(phone, page[1]);
      }
    } finally {
      phone.quit();
    }
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
