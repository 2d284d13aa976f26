package org.storyline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/** Small invented MediaWiki texts, written with and without their line breaks (as flattened exports carry them). */
class WikiTextTest {
  private static final TextCleaner CLEANER = new TextCleaner();

  private static Article clean(String text) {
    return CLEANER.extract(new RawDocument("t", "t.jsonl:1", RawDocument.Format.TEXT, text,
        new RawDocument.Hints(null, "Talks resume in Geneva", "Wikinews", null, "2008-01-04")));
  }

  private static List<String> text(String wiki) {
    return WikiText.lines(wiki).stream().filter(l -> !l.markup()).map(WikiText.Line::text).toList();
  }

  private static List<String> markup(String wiki) {
    return WikiText.lines(wiki).stream().filter(WikiText.Line::markup).map(WikiText.Line::text).toList();
  }

  @Test
  void detectsWikiMarkupButNotMarkdownOrPlainText() {
    assertTrue(WikiText.looksLike("__NOTOC__ The talks resumed."));
    assertTrue(WikiText.looksLike("The talks resumed. ===Results=== Turnout was low."));
    assertTrue(WikiText.looksLike("Talks in [[Geneva]] resumed."));
    assertTrue(WikiText.looksLike("{{date|January 4, 2008}} Talks resumed."));
    assertFalse(WikiText.looksLike("# Talks resume\n\nThe talks resumed on **Monday**.\n\n* * *\n\nMore."));
    assertFalse(WikiText.looksLike("The vote was 2 == 2 in a sense, said the clerk."));
    assertTrue(WikiText.looksLike("The board met on February 2 to discuss the draft. * * * *"));
    assertEquals("The board met on February 2 to discuss the draft.",
        clean("The board met on February 2 to discuss the draft. * * * *").text());
  }

  @Test
  void flattenedArticleLosesMagicWordsHeadingsRulesAndEmptyListItems() {
    Article a = clean("__NOTOC__ Negotiators met in Geneva on Friday, the foreign ministry said. "
        + "===Results=== Turnout was 62 percent, the election commission said. ---- "
        + "The count ends on Monday, officials said. * * * *");
    assertEquals("Negotiators met in Geneva on Friday, the foreign ministry said.\n\nResults\n\n"
        + "Turnout was 62 percent, the election commission said.\n\nThe count ends on Monday, officials said.", a.text());
    assertTrue(a.removed().containsAll(List.of("__NOTOC__", "----", "* * * *")), a.removed()::toString);
    for (String junk : List.of("NOTOC", "=", "* *", "----")) assertFalse(a.text().contains(junk), junk);
  }

  @Test
  void headingNeverJoinsTheSentenceAroundIt() {
    assertEquals(List.of("It rained.", "## In the U.S.A.", "Tens of thousands marched."),
        text("It rained. ==In the U.S.A.== Tens of thousands marched."));
    assertEquals(List.of("It rained.", "### Political implications", "The party split."),
        text("It rained.\n=== Political implications ===\nThe party split."));
  }

  @Test
  void linksTemplatesAndQuotesKeepTheirWords() {
    assertEquals(List.of("The Prime Minister of Kenya met the UN envoy in Nairobi on the talks."),
        text("The '''[[Prime Minister of Kenya]]''' met the ''[[United Nations|UN]] envoy'' in {{w|Nairobi}} "
            + "on [http://example.org/talks the talks]."));
    assertEquals(List.of("The treaty [signed in 1968] holds.", "The report was cited ."),
        text("The treaty <nowiki>[signed in 1968]</nowiki> holds.\nThe report was cited "
            + "[http://example.org/r.html]."));
    assertEquals(List.of("[http://example.org/r.html]"), markup("The report was cited [http://example.org/r.html]."));
  }

  @Test
  void imagesCategoriesTemplatesGalleriesAndReferencesAreMarkupLines() {
    String wiki = "[[Image:Talks.jpg|thumb|right|200px|Delegates in [[Geneva]] on Friday.]] The talks resumed "
        + "{{Infobox talks|venue=Geneva}} on Friday.<ref>Agency report</ref> <gallery> Image:A.jpg|Delegates "
        + "</gallery> [[Category:Politics]] [[fr:Pourparlers]]";
    assertEquals(List.of("The talks resumed on Friday."), text(wiki));
    assertEquals(List.of("[[Image:Talks.jpg|thumb|right|200px|Delegates in [[Geneva]] on Friday.]]",
        "{{Infobox talks|venue=Geneva}}", "<ref>Agency report</ref>", "<gallery> Image:A.jpg|Delegates </gallery>",
        "[[Category:Politics]]", "[[fr:Pourparlers]]"), markup(wiki));
  }

  @Test
  void tablesAreRemovedRowByRow() {
    String wiki = "Results were announced. {| class=\"wikitable\" |- ! Candidate ! Votes |- | Huckabee || 40,841 "
        + "|- | Romney || 29,949 |} Turnout was high.";
    assertEquals(List.of("Results were announced.", "Turnout was high."), text(wiki));
    assertEquals(List.of("{| class=\"wikitable\"", "|- ! Candidate ! Votes", "|- | Huckabee || 40,841",
        "|- | Romney || 29,949 |}"), markup(wiki));
    Article a = clean(wiki);
    assertEquals("Results were announced.\n\nTurnout was high.", a.text());
    assertEquals(List.of("Polls closed at eight.", "## Turnout", "Turnout was high."),
        text("Polls closed at eight. ==Results== {| |- | Huckabee || 40,841 |} ==Turnout== Turnout was high."));
    assertTrue(a.removed().contains("|- | Huckabee || 40,841"), a.removed()::toString);
  }

  @Test
  void listItemsStandApartAndSourcesSectionsGo() {
    Article a = clean("The summit ended on Friday with a statement, the host said. "
        + "* Leaders backed the plan to cut emissions by half. * China and India did not sign the statement. "
        + "== Sources == * Reuters, \"Summit ends\" * BBC, \"Leaders back plan\"");
    assertEquals("The summit ended on Friday with a statement, the host said.\n\n"
        + "Leaders backed the plan to cut emissions by half.\n\nChina and India did not sign the statement.", a.text());
    assertTrue(a.removed().contains("## Sources"), a.removed()::toString);
    assertTrue(a.removed().contains("- Reuters, \"Summit ends\""), a.removed()::toString);
  }

  @Test
  void breakTagsSplitLinesAndCommentsGo() {
    assertEquals(List.of("He said:", "\"We will stay.\"", "Then he left."),
        text("He said: <blockquote>\"We will stay.\"</blockquote> Then he left.<!-- check -->"));
    assertEquals(List.of("The banks closed.", "Markets fell."),
        text("The banks closed. <br clear=\"all\" />Markets fell.\n__NOTOC__"));
  }

  @Test
  void unclosedMarkupLosesItsOpenerNotTheArticle() {
    assertEquals(List.of("A Boeing 737. The carrier grounded 128 planes on Tuesday."),
        text("[[File:SWA737.jpg|thumb|left|A Boeing 737. The carrier grounded 128 planes on Tuesday."));
    assertEquals(List.of("This article's contributor is a student. The budget was handed down today."),
        text("{| style=\"border:1px solid\" | This article's contributor is a student. The budget was handed down "
            + "today."));
    assertEquals(List.of("The minister resigned. Report She left."), text("The minister resigned.<ref>Report She left."));
    assertEquals(List.of("\"We stay,\" Harper said.|Stephen Harper Harper left."),
        text("\"We stay,\" Harper said.|Stephen Harper}} Harper left. ]]"));
    assertEquals(List.of("Rates fell.", "### Market data", "Markets fell again."),
        text("Rates fell. ===Market data=== } | countries = {countries } | FTSE 100 = 4.366,69 | FTSE 100-tl = loss "
            + "| DAX = 5.013,62 }} Markets fell again."));
    assertEquals(List.of("Voters chose | as | a = b | c = d | e = f, the clerk said."),
        text("Voters chose | as | a = b | c = d | e = f, the clerk said.")); // no closing braces: not a template
    String report = "A Russian Su-27 fighter crashed near the city of Kaunas on Thursday, and Lithuania's defence "
        + "ministry said it would ask Moscow to explain why the jet had entered its airspace without permission.";
    assertEquals(List.of("publish " + report + " The pilot survived."),
        text("publish ==== " + report + " ==== The pilot survived.")); // separators, not a heading
  }

  @Test
  void externalLinksWithWordsMarkWikiText() {
    assertTrue(WikiText.looksLike("There were [http://example.org/camps.htm 632 camps] in 2003."));
    assertEquals("There were 632 camps in 2003, the movement said.",
        clean("There were [http://example.org/camps.htm 632 camps] in 2003, the movement said.").text());
    assertTrue(WikiText.looksLike("A report [http://example.org/r.html] was released on Friday."));
    assertEquals("A report was released on Friday, officials said.",
        clean("A report [http://example.org/r.html] was released on Friday, officials said.").text());
    assertFalse(WikiText.looksLike("See https://example.org/x [1] or [the report](https://example.org/r) for more."));
  }

  @Test
  void hostileInputStaysBounded() {
    List<String> parts = List.of("[[".repeat(5000), "{{".repeat(5000), "{|".repeat(2000), "=".repeat(5000),
        "* ".repeat(5000), "'''".repeat(3000), "<ref>".repeat(2000), "[http://x ".repeat(2000),
        "} | key = value ".repeat(3000));
    for (String p : parts) { // each alone, then all together: no stack overflow, no markup left
      Article a = clean(p);
      assertFalse(a.text().contains("{{") || a.text().contains("'''"), a.text()::toString);
    }
    String all = String.join(" ", parts);
    assertTrue(clean(all).text().length() < all.length());
  }
}
