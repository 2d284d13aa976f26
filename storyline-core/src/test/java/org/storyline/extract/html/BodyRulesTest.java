package org.storyline.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.ArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** One fixture per body-extraction rule: the rule's case is kept or dropped, the article around it survives. */
class BodyRulesTest {
  private static final String P1 = "The city council voted on Tuesday to expand the tram network by twelve kilometres,"
      + " a plan that has been debated for almost a decade, officials said after the meeting.";
  private static final String P2 = "Construction is expected to begin next spring, and the first new stops, in the"
      + " northern districts, should open in 2028, according to the transport department.";
  private static final String P3 = "Opponents argued that the money, some 400 million euros, would be better spent on"
      + " buses, which can be rerouted as neighbourhoods change over the years.";
  private static final String P4 = "The mayor said the vote, which passed by a wide margin, showed that residents"
      + " wanted cleaner, quieter and faster ways of getting around the city centre.";

  private static String body(String html) {
    return HtmlArticleExtractor.content(Jsoup.parse(html), null, new ArrayList<>()).text();
  }

  private static Element el(String html) {
    return Jsoup.parse("<body>" + html + "</body>").body().child(0);
  }

  private static String paras(String... ps) {
    StringBuilder b = new StringBuilder();
    for (String p : ps) b.append("<p>").append(p).append("</p>");
    return b.toString();
  }

  @Test
  void negatedAndLayoutClassTokensDoNotMakeBoilerplate() {
    Hints h = new Hints();
    assertFalse(h.unlikely(el("<section class='row non-paywall'></section>")));
    assertFalse(h.unlikely(el("<div class='ast-no-sidebar'></div>")));
    assertTrue(h.unlikely(el("<section class='row paywall'></section>")));
    String text = body("<html><body><main><section class='row non-paywall'><article>" + paras(P1, P2, P3)
        + "</article></section><section class='paywall'><p>Subscribe now to read everything, it is cheap.</p>"
        + "</section></main></body></html>");
    assertTrue(text.contains(P1) && text.contains(P3), text);
  }

  @Test
  void pageBuilderWrappersAreNotWidgetsButTheirShareButtonsAre() {
    Hints h = new Hints();
    assertFalse(h.unlikely(el("<div class='elementor-widget-wrap elementor-element-populated'></div>")));
    assertFalse(h.unlikely(el("<div class='elementor-element elementor-widget elementor-widget-text-editor'></div>")));
    assertTrue(h.unlikely(el("<div class='elementor-element elementor-widget elementor-widget-share-buttons'></div>")));
    assertTrue(h.unlikely(el("<div class='textwidget widget'></div>")));
  }

  @Test
  void loginDialogAndAuthorBoxesAreBoilerplate() {
    Hints h = new Hints();
    assertTrue(h.unlikely(el("<div class='b-dialog x-dialog-login'></div>")));
    assertTrue(h.unlikely(el("<div class='loginpanel-wrapper'></div>")));
    assertTrue(h.unlikely(el("<form id='registerForm'></form>")));
    assertTrue(h.unlikely(el("<div class='author-box'></div>")));
    assertTrue(h.unlikely(el("<section class='about-the-author'></section>")));
  }

  @Test
  void shortLabelLinesAreDropped() {
    String text = body("<html><body><article><div class='article-body'>" + paras(P1, "Photo: Jane Doe / Agency",
        P2, "03.04.2020", "Weitere Artikel zum Thema", P3, "Ähnliche Beiträge", "Lesen Sie auch:")
        + "</div></article></body></html>");
    assertTrue(text.contains(P1) && text.contains(P2) && text.contains(P3), text);
    for (String gone : new String[] {"Jane Doe", "03.04.2020", "Weitere Artikel", "Ähnliche", "Lesen Sie"}) {
      assertFalse(text.contains(gone), gone + " in " + text);
    }
    // a sentence that merely starts like a label stays
    assertFalse(HtmlPatterns.LABEL_TEXT.matcher("Related to this, the council also voted on buses.").matches());
    assertTrue(HtmlPatterns.LABEL_TEXT.matcher("Related articles").matches());
    assertTrue(HtmlPatterns.LABEL_TEXT.matcher("12:45 Uhr").matches());
  }

  @Test
  void leadParagraphOfASkippedHeaderIsKept() {
    String lead = "Twelve more kilometres of track, eight new stops and a depot: the council has approved the"
        + " largest expansion of the network in forty years.";
    String text = body("<html><body><article class='post'><header><h1>Council backs trams</h1>"
        + "<p class='lead'>" + lead + "</p><span class='byline'>By Ann Example</span></header>"
        + paras(P1, P2, P3) + "</article></body></html>");
    assertTrue(text.startsWith(lead), text);
    assertFalse(text.contains("Ann Example"), text);
  }

  @Test
  void textSetWithLineBreaksInABoxScoresAsParagraphs() {
    String html = "<html><body><div class='layout'><div class='sidebar-box'>" + paras(
        "Short teaser, with, many, commas, to, look, like, prose, in, a, box", "Another teaser, with, commas, too,"
        + " and, more, of, them") + "</div><div class='story'><div class='img'><img src='a.jpg'></div>"
        + P1 + "<br><br>" + P2 + "<br><br>" + P3 + "<br><br>" + P4 + "</div></div></body></html>";
    String text = body(html);
    assertTrue(text.contains(P1) && text.contains(P4), text);
    assertFalse(text.contains("teaser"), text);
  }

  @Test
  void figureWithATableIsContentButCaptionsAreNot() {
    String text = body("<html><body><article><div class='entry-content'>" + paras(P1, P2)
        + "<figure class='wp-block-table'><table><tr><td>Line</td><td>Stops</td></tr>"
        + "<tr><td>North extension</td><td>Eight</td></tr></table></figure>"
        + "<figure><img src='t.jpg'><figcaption>A tram at the depot. Photo: Jane Doe</figcaption></figure>"
        + paras(P3) + "</div></article></body></html>");
    assertTrue(text.contains("North extension"), text);
    assertFalse(text.contains("A tram at the depot"), text);
  }

  @Test
  void proseBoxSurvivesANegativeClassUnlessHidden() {
    String text = body("<html><body><article><div class='article-body'>" + paras(P1)
        + "<div class='card'>" + paras(P2, P3, P4) + "</div>"
        + "<div class='media hidden'>" + paras("Hidden one, which the phone layout shows instead of the rest.",
            "Hidden two, a copy of the story for small screens only, never shown.",
            "Hidden three, with enough words to look like prose in this test.", "Hidden four, the last one.")
        + "</div></div></article></body></html>");
    assertTrue(text.contains(P2) && text.contains(P4), text);
    assertFalse(text.contains("Hidden"), text);
  }

  @Test
  void rubyAnnotationsAreDropped() {
    String text = body("<html><body><article><p>子<ruby>供<rt>ども</rt></ruby>への虐待をなくすための法律ができました。"
        + "親が子どもを教育するために、体罰をしてはいけません。</p>" + paras(P1, P2) + "</article></body></html>");
    assertTrue(text.contains("子供への虐待"), text);
  }

  @Test
  void gb2312LabelReadsGbkCharacters() {
    String s = "朱镕基在北京";  // 镕 is in GBK, not in GB2312
    byte[] bytes = ("<html><head><meta charset=\"gb2312\"></head><body><p>" + s + "</p></body></html>")
        .getBytes(Charset.forName("GB18030"));
    assertTrue(org.storyline.ingest.Decoding.decode(bytes).text().contains(s));
  }

  @Test
  void standfirstAboveTheBodyBoxIsKept() {
    String teaser = "Twelve more kilometres of track, eight new stops and a depot: the council has approved the"
        + " largest expansion of the network in forty years.";
    String text = body("<html><body><div class='page'><div class='intro'><h1>Council backs trams</h1>"
        + "<p class='standfirst'>" + teaser + "</p><div class='meta'>By Ann Example, 3 March</div></div>"
        + "<div class='article-body'>" + paras(P1, P2, P3, P4) + "</div>"
        + "<div class='more'>" + paras("Elsewhere: a long unrelated teaser that sits far away from the story, and"
            + " is not its standfirst at all, whatever it says.") + "</div></div></body></html>");
    assertTrue(text.startsWith(teaser), text);
    assertFalse(text.contains("Ann Example"), text);
    // an excerpt that repeats the opening paragraph is not added twice
    String dup = body("<html><body><div class='page'><div class='intro'><p class='standfirst'>" + P1 + "</p></div>"
        + "<div class='article-body'>" + paras(P1, P2, P3) + "</div></div></body></html>");
    assertEquals(dup.indexOf(P1), dup.lastIndexOf(P1), dup);
  }

  @Test
  void callsToActionAndReprintNoticesAreDropped() {
    String text = body("<html><body><article><div class='article-body'>" + paras(P1, P2,
        "Follow The Courier on Twitter and Instagram for the latest news from the city.",
        "For breaking news download the Courier apps for iOS and Android.",
        "This article is the copyrighted property of the Courier. Written permission must be obtained first.", P3)
        + "</div></article></body></html>");
    assertTrue(text.contains(P1) && text.contains(P3), text);
    assertFalse(text.contains("Twitter") || text.contains("apps") || text.contains("copyrighted"), text);
    // an article about apps keeps its sentences about downloading them
    assertFalse(HtmlPatterns.NOTICE_TEXT.matcher("You download apps from the store while using your phone.").find());
  }

  @Test
  void softHyphensDoNotSplitWords() {
    String text = body("<html><body><article>" + paras(P1, "Die Kern\u00ADwerk\u00ADzeuge wurden im Alt\u00ADpa\u00ADläo"
        + "\u00ADli\u00ADthi\u00ADkum her\u00ADge\u00ADstellt, wie Funde aus vielen Höhlen zeigen.", P2) + "</article></body></html>");
    assertTrue(text.contains("Die Kernwerkzeuge wurden im Altpaläolithikum hergestellt"), text);
  }

  @Test
  void aBoxTitledRelatedOrCommentsIsDroppedWhole() {
    String text = body("<html><body><article><div class='entry'>" + paras(P1, P2, P3)
        + "<div class='box'><div class='box-head'><h3>Das könnte Sie auch interessieren</h3></div>"
        + "<p>Bus fares rise again in the new year, and season tickets will cost more, the operator said.</p></div>"
        + "<section><h2>3 Comments</h2><p>I think this is a waste of money, they should fix the potholes first.</p>"
        + "</section>" + paras(P4) + "</div></article></body></html>");
    assertTrue(text.contains(P1) && text.contains(P4), text);
    assertFalse(text.contains("Bus fares") || text.contains("potholes"), text);
    // a section whose heading merely starts like that is kept
    assertFalse(HtmlPatterns.BOX_TITLE.matcher("Related costs of the new tram line").matches());
  }

  @Test
  void anUnclosedAsideThatSwallowedThePageStays() {
    // the banner's <aside> is never closed, so the parser puts the whole article inside it
    String text = body("<html><body><aside class='banner'><p>New: our spring sale.</p><main><article>"
        + paras(P1, P2, P3, P4) + "</article></main><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        + "</body></html>");
    assertTrue(text.contains(P1) && text.contains(P3), text);
    assertFalse(text.contains("News"), text);
    // a normal aside beside the article is still dropped
    String normal = body("<html><body><article>" + paras(P1, P2, P3) + "</article><aside><p>Most read: a long teaser"
        + " about something else that happened elsewhere in town today.</p></aside></body></html>");
    assertFalse(normal.contains("Most read"), normal);
  }
}
