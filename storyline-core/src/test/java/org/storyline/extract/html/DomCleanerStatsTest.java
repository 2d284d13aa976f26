package org.storyline.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@link DomCleaner#strip} counts the {@link NodeStats} of what it leaves in the same walk that cleans: they must be
 * the statistics of the cleaned tree counted afresh, whatever was removed (scripts, comments, layout boxes, hidden
 * elements, inline and block ones, inside links).
 */
class DomCleanerStatsTest {
  private static final String LONG = "The council approved the budget, after a long debate, on Tuesday evening. ";

  private static void assertSameStats(String html) {
    Element body = Jsoup.parse(html).body();
    NodeStats during = DomCleaner.strip(body);
    NodeStats after = NodeStats.of(body);
    for (Element e : body.getAllElements()) {
      NodeStats.Stat a = during.get(e);
      NodeStats.Stat b = after.get(e);
      String where = e.normalName() + " " + e.className();
      assertEquals(b.text, a.text, "text of " + where);
      assertEquals(b.link, a.link, "link of " + where);
      assertEquals(b.commas, a.commas, "commas of " + where);
      assertEquals(b.paras, a.paras, "paras of " + where);
      assertEquals(b.images, a.images, "images of " + where);
      assertEquals(b.items, a.items, "items of " + where);
      assertEquals(b.blocks, a.blocks, "blocks of " + where);
      assertEquals(b.inline, a.inline, "inline of " + where);
      assertEquals(b.inlineLink, a.inlineLink, "inlineLink of " + where);
      assertEquals(b.inlineCommas, a.inlineCommas, "inlineCommas of " + where);
    }
  }

  @Test
  void statsOfTheCleanedTreeWhateverWasRemoved() {
    String html = "<body><div class='page'>Lead text, loose <span>in <a href='#'>a link, here</a>"
        + "<span style='display:none'>hidden, inline <b>bold</b></span> tail</span>"
        + "<!-- a comment --><script>var x = 'a, b';</script>"
        + "<nav><a href='/'>Home</a>, <a href='/news'>News</a></nav>"
        + "<p>" + LONG + "<img src='x.jpg'><button>Share, now</button></p>"
        + "<ul><li>One, two</li><li hidden>Three</li><li><a href='#'>Four</a></li></ul>"
        + "<aside><p>Related, stories</p><script>y()</script></aside>"
        + "<a href='#'><span aria-hidden='true'>icon, here</span> label</a>"
        + "<noscript><p>Enable script, please</p></noscript>"
        + "<footer>Footer, text <div style='visibility: hidden'>gone</div></footer>"
        + "</div></body>";
    assertSameStats(html);
    // what was removed is gone, and what was kept is counted
    Element body = Jsoup.parse(html).body();
    DomCleaner.strip(body);
    assertFalse(body.html().contains("Related"));
    assertFalse(body.html().contains("hidden, inline"));
    assertTrue(body.text().contains("Lead text"));
  }

  @Test
  void keptLayoutBoxesAndMostlyHiddenPagesKeepTheirCounts() {
    StringBuilder article = new StringBuilder();
    for (int i = 0; i < 12; i++) article.append("<p>").append(LONG).append("</p>");
    // an unclosed aside that swallowed the article stays, with the layout box removed inside it
    assertSameStats("<body><p>Intro, short</p><aside class='wrap'><nav>Menu, items</nav>" + article + "</body>");
    // a page hidden until a script reveals it stays, minus a small hidden part
    assertSameStats("<body><div style='display:none'>" + article + "<span hidden>Note, small</span></div>"
        + "<div hidden>Other, hidden</div><p>Shown, but short</p></body>");
    // hidden elements inside a removed layout box
    assertSameStats("<body>" + article + "<nav><p>Links, more</p><div hidden><a href='#'>x, y</a></div></nav>"
        + "<footer><span hidden>a, b</span>c</footer></body>");
  }

  @Test
  void undoingTheRemovalsGivesTheTreeAsParsed() {
    String html = "<body><nav>Home <script>x()</script><span hidden>menu</span></nav><!-- c -->"
        + "<div><p>" + LONG + "<button>Go</button></p><div style='display:none'>hid <i>den</i></div>"
        + "<aside><p>side</p><noscript>ns</noscript></aside>text<script>y()</script></div>"
        + "<footer>foot<style>p{}</style></footer><p>" + LONG + "</p></body>";
    Element body = Jsoup.parse(html).body();
    String before = body.outerHtml();
    DomCleaner.Removals removals = new DomCleaner.Removals();
    DomCleaner.strip(body, 64, removals);
    assertFalse(body.outerHtml().equals(before), "something was removed");
    removals.undo();
    assertEquals(before, body.outerHtml());
  }
}
