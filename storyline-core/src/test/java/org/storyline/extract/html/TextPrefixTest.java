package org.storyline.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@link TextPrefix} gives exactly the start of {@link Element#text()}, at every length, without building it all. */
class TextPrefixTest {
  private static final String PAGE = "<body>\n  <div class='a'>  \n <h1>Council backs the tram plan</h1>"
      + "<p>By <a href='#'>Ana Silva</a>, 3 March 2024</p>\n\n<div><p>The city council voted on <b>Tuesday</b>"
      + " to expand the tram network,<br>officials said.</p><ul><li>One</li><li> Two </li></ul>"
      + "<pre>  kept   spacing\n line</pre><table><tr><td>cell</td><td>cell two</td></tr></table>"
      + "<span>inline</span><span>joined</span> <img src='x'> end\u00A0text\u2003here.</div></div>"
      + "<p>   </p><div>\n\n</div></body>";

  @Test
  void everyPrefixIsTheStartOfTheText() {
    assertTrue(TextPrefix.direct(), "jsoup's text walker is reachable");
    Element body = Jsoup.parse(PAGE).body();
    for (Element e : body.getAllElements()) {
      String full = e.text();
      for (int max = 0; max <= full.length() + 2; max++) {
        String want = full.length() > max ? full.substring(0, max) : full;
        assertEquals(want, TextPrefix.of(e, max), e.normalName() + " max " + max);
      }
    }
  }

  @Test
  void blankElementsGiveEmptyText() {
    Element body = Jsoup.parse("<body><div> \n <span> </span>\t</div></body>").body();
    assertEquals("", TextPrefix.of(body, 10));
    assertEquals("", TextPrefix.of(body.child(0), 0));
  }
}
