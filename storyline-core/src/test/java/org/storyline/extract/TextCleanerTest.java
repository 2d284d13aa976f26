package org.storyline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;

/** Invented scraped articles in the shapes scrapers produce; each test covers one family of rules. */
class TextCleanerTest {
  private static final TextCleaner CLEANER = new TextCleaner();

  private static Article clean(String text) {
    return CLEANER.extract(new RawDocument("t", "t.txt", RawDocument.Format.TEXT, text, null));
  }

  private static void assertGone(Article a, String... lines) {
    for (String l : lines) {
      assertFalse(a.text().contains(l), () -> "boilerplate survived: " + l + "\n---\n" + a.text());
    }
  }

  @Test
  void markdownExportWithTitleDateLinkLinesCreditAndOriginalUrl() {
    Article a = clean("""


        # Port Workers End Strike After Wage Deal in Singapore

        March 3, 2025



        [mom.gov.sg](https://mom.gov.sg)

        Dock workers returned to the [container terminals](#) on Monday after unions accepted a **four percent** raise.

        "We asked for fairness [and got it]," union leader Tan Wei said at a rally near the harbour.

        **Related article:** [Shipping Rates Climb as Asian Ports Clog](#)

        The ministry said operations would be back to normal by the end of the week.

        *Reuters contributed reporting.*

        Original url:

        <https://www.straitstimes.com/singapore/port-workers-end-strike-after-wage-deal>
        """);
    assertEquals("Port Workers End Strike After Wage Deal in Singapore", a.title());
    assertEquals("2025-03-03", a.published());
    assertFalse(a.publishedInferred());
    assertEquals("https://www.straitstimes.com/singapore/port-workers-end-strike-after-wage-deal", a.url());
    assertEquals("The Straits Times", a.outlet());
    assertEquals(List.of("Reuters"), a.credits());
    assertEquals("en", a.language());
    assertEquals("""
        Dock workers returned to the container terminals on Monday after unions accepted a four percent raise.

        "We asked for fairness [and got it]," union leader Tan Wei said at a rally near the harbour.

        The ministry said operations would be back to normal by the end of the week.""", a.text());
    assertTrue(a.removed().contains("*Reuters contributed reporting.*"));
    assertTrue(a.removed().contains("[mom.gov.sg](https://mom.gov.sg)"));
    assertGone(a, "Related article", "Shipping Rates", "Original url");
  }

  @Test
  void deskBylineWithTimeZoneAdsCaptionsCreditAndFooter() {
    Article a = clean("""
        Trending:

        'No going back': Farmers vow to keep protest camps on highway

        HT News Desk March 4, 2025, 09:15:00 IST

        Thousands of farmers camped on the highway for a third night, demanding guaranteed prices for their crops

        Advertisement
        Farmers sit on a blocked highway near Ambala. AP Photo/Rahul Mehta
        Farmers sit on a blocked highway near Ambala. AP Photo/Rahul Mehta

        Farm unions on Tuesday rejected the government's latest offer and said the camps would stay until a law was passed.

        STORY CONTINUES BELOW THIS AD

        "We will not move until the promise is written down," said one of the leaders, who asked not to be named.

        Thousands of farmers camped on the highway for a third night, demanding guaranteed prices for their crops.

        With inputs from PTI

        QUICK LINKS

        Home Video Shorts Live TV
        """);
    assertEquals("'No going back': Farmers vow to keep protest camps on highway", a.title());
    assertEquals("HT News Desk", a.byline());
    assertEquals("Hindustan Times", a.outlet());
    assertEquals("2025-03-04T09:15:00+05:30", a.published());
    assertEquals(List.of("PTI"), a.credits());
    assertGone(a, "Trending", "Advertisement", "AP Photo", "STORY CONTINUES", "With inputs", "QUICK LINKS", "Live TV");
    // the standfirst repeated as a paragraph is kept once, at its place in the body
    String[] paras = a.text().split("\n\n");
    assertEquals(3, paras.length);
    assertTrue(paras[0].startsWith("Farm unions on Tuesday"));
    assertTrue(paras[2].startsWith("Thousands of farmers camped"));
  }

  @Test
  void aLeadRepeatedAsAPhotoCaptionKeepsTheLeadAndDropsTheCaption() {
    // the shape of a Daily Mail page: bullet-point lead, then the same sentences as captions without full stops
    Article a = clean("""
        Two city subway work trains collided in a tunnel early Wednesday morning, injuring one person.

        The transit authority says the trains 'bumped into each other' but didn't derail at about 5am.

        One train was stationary and the other was moving at the time of the collision.

        Two city subway work trains collided in a tunnel early Wednesday morning, injuring one person

        The agency says one worker is being treated for non-life-threatening injuries.

        Workers cleared the tunnel near the river

        Workers cleared the tunnel near the river
        """);
    String[] paras = a.text().split("\n\n");
    assertTrue(paras[0].startsWith("Two city subway work trains collided"), a.text());
    assertTrue(paras[0].endsWith("injuring one person."), a.text());
    assertEquals(1, a.text().split("injuring one person", -1).length - 1, a.text());
    // a repeated caption with no full copy goes entirely
    assertGone(a, "Workers cleared the tunnel");
  }

  @Test
  void bodyOnlyTextKeepsEverythingAndLeavesUnknownDateNull() {
    Article a = clean("""
        The mayor of Valparaiso said on Thursday that firefighters had contained the blaze that destroyed hundreds of homes on the hills above the port.

        "The worst is behind us, but the work is just beginning," she told reporters at the city hall.

        Rescue teams were still searching the ruins in three neighbourhoods, officials said.

        Some information for this story was provided by The Associated Press and Agence France-Presse.
        """);
    assertNull(a.title());
    assertNull(a.outlet());
    assertNull(a.published(), "an unknown date stays null, never today");
    assertFalse(a.publishedInferred());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.contains("publish date unknown") && d.contains("Thursday")));
    assertEquals(List.of("The Associated Press", "Agence France-Presse"), a.credits());
    assertEquals(3, a.text().split("\n\n").length);
    assertGone(a, "Some information");
  }

  @Test
  void aggregatorHeaderPrefersPublishedLineOverLaterDocumentDate() {
    Article a = clean("""

        Chile and Argentina agree to reopen mountain pass after landslide



        Published on April 2, 2024

        Document Date: Mon, Nov 17 2025 09:12:40 am

        Category: ,English,Americas - ,Briefs

        Show on website : [Click Here](#)

        Sources Agence France-Presse

        The two governments said the pass would reopen to trucks within ten days, after engineers cleared the road.

        Officials said the closure had cost exporters millions of dollars in lost shipments.
        """);
    assertEquals("Chile and Argentina agree to reopen mountain pass after landslide", a.title());
    assertEquals("2024-04-02", a.published());
    assertFalse(a.publishedInferred());
    assertEquals("AFP", a.outlet());
    assertTrue(a.credits().isEmpty());
    assertGone(a, "Document Date", "Category", "Show on website", "Sources");
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.contains("2025-11-17") && d.contains("ignored")));
  }

  @Test
  void documentDateAloneIsRejectedWhenTheTextReportsMuchEarlierRecentEvents() {
    Article a = clean("""
        Drought forces water cuts in Montevideo

        Document Date: Tue, Dec 30 2025 08:00:00 am

        The utility announced on Monday that it would cut pressure at night, citing the driest summer since records began.

        Reservoir levels fell to 12 percent on January 14, 2024, officials said this week.
        """);
    assertNull(a.published());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.contains("rejected")));
  }

  @Test
  void documentDateAloneIsUsedAsInferredWhenNothingContradictsIt() {
    Article a = clean("""
        Drought forces water cuts in Montevideo

        Document Date: Tue, Dec 30 2025 08:00:00 am

        The utility announced that it would cut pressure at night, citing the driest summer since records began.
        """);
    assertEquals("2025-12-30", a.published());
    assertTrue(a.publishedInferred());
  }

  @Test
  void isoAndUpdatedDateLinesAndByline() {
    Article a = clean("""
        Central bank holds rates steady for a fourth meeting

        By Maria Lopez and Kenji Sato

        Published: 2025-03-11T09:30:00+03:00 | Updated: 2025-03-11T11:00:00+03:00

        The central bank kept its key rate at 21 percent on Tuesday, saying inflation had not yet peaked.
        """);
    assertEquals("Maria Lopez and Kenji Sato", a.byline());
    assertEquals("2025-03-11T09:30:00+03:00", a.published());
    Article b = clean("""
        Central bank holds rates steady for a fourth meeting

        Updated: Feb 27, 2025 18:56:48 IST

        The central bank kept its key rate at 6.5 percent on Thursday, saying inflation had not yet peaked.
        """);
    assertEquals("2025-02-27T18:56:48+05:30", b.published());
    assertTrue(b.diagnostics().stream().anyMatch(d -> d.contains("updated line")));
  }

  @Test
  void htmlRemnantsImageCaptionsTeasersAndNewsletterFooter() {
    Article a = clean("""
        ADVERTISEMENT

        Copper Prices Jump As Chile Mine Halts Output

        Strike at the world's largest mine cuts supply.

        <div class="paragraphs"><p>Workers outside the mine gate in northern Chile. (Image source: Unsplash)</p></div>
        Workers outside the mine gate in northern Chile. (Image source: Unsplash)

        Copper futures rose more than three percent after workers at the mine walked out over pay, cutting output at a site that supplies a tenth of the world's copper.

        Analysis
        Why Metal Markets Are Betting On A Long Summer Of Shortages

        Traders said the strike could last weeks, as talks between the company and the union broke down late on Friday.

        Opinion
        Gold Hits Record High As Investors Seek Safety
        OUR NEWSLETTERS
        By signing up you agree to the Terms & Conditions of Bloomberg
        """);
    assertEquals("Copper Prices Jump As Chile Mine Halts Output", a.title());
    assertEquals("Bloomberg", a.outlet());
    assertGone(a, "ADVERTISEMENT", "<div", "Image source", "Analysis", "Why Metal Markets", "Opinion", "Gold Hits",
        "NEWSLETTERS", "By signing up");
    assertEquals(3, a.text().split("\n\n").length);
    assertTrue(a.text().startsWith("Strike at the world's largest mine cuts supply."));
  }

  @Test
  void containerHintsWinOverGuesses() {
    RawDocument.Hints hints = new RawDocument.Hints("https://example.org/a/1", "Given Title", "Given Outlet",
        "Given Author", "2024-01-05");
    Article a = CLEANER.extract(new RawDocument("h", "x.jsonl:1", RawDocument.Format.TEXT, """
        Some Other Headline Here

        January 9, 2024

        Body text of the article that is long enough to count as a paragraph of the body here.
        """, hints));
    assertEquals("Given Title", a.title());
    assertEquals("Given Outlet", a.outlet());
    assertEquals("https://example.org/a/1", a.url());
    assertEquals("Given Author", a.byline());
    assertEquals("2024-01-05", a.published());
  }

  @Test
  void weekdayWithDateInTheTextGivesAnInferredDate() {
    Article a = clean("""
        Ministers from both countries met on Tuesday, March 4 in Geneva for the first round of talks since the 2025 ceasefire collapsed.

        A second round is planned for later this month, diplomats said.
        """);
    assertEquals("2025-03-04", a.published());
    assertTrue(a.publishedInferred());
  }

  @Test
  void agencyDatelineCreditsTheAgencyAndDatesTheArticle() {
    Article a = clean("""
        KYIV, March 4, 2025 (Reuters) - Air raid sirens sounded across Ukraine early on Tuesday as officials reported drone attacks on energy sites in three regions.

        The energy ministry said repairs were under way.
        """);
    assertEquals(List.of("Reuters"), a.credits());
    assertEquals("2025-03-04", a.published());
    assertTrue(a.text().startsWith("KYIV, March 4, 2025 (Reuters) - Air raid"));
  }

  @Test
  void paragraphsBrokenMidSentenceAreJoined() {
    Article a = clean("""
        The minister said the agreement would be signed by both parties before the

        "end of the season," adding that the details were still being negotiated by the

        technical teams in Brussels.
        """);
    assertEquals("The minister said the agreement would be signed by both parties before the \"end of the season,\" "
        + "adding that the details were still being negotiated by the technical teams in Brussels.", a.text());
  }

  @Test
  void personContributorsAreNotWireCredits() {
    Article a = clean("""
        The river burst its banks overnight, flooding the old town for the second time this year.

        Jane Doe contributed reporting from Dresden.
        """);
    assertTrue(a.credits().isEmpty());
    assertGone(a, "contributed");
  }

  @Test
  void nothingButBoilerplateGivesEmptyText() {
    Article a = clean("""
        Advertisement

        Share

        Subscribe
        """);
    assertEquals("", a.text());
  }

  @Test
  void hostileInputGivesDataQuicklyNeverAnException() {
    String stars = "*a ".repeat(40_000) + "[x".repeat(20_000);
    String longLine = "word ".repeat(60_000);
    String tags = "<div>".repeat(30_000);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
      for (String s : List.of("", "   \n\n  ", stars, longLine, tags, "\u0000\u0001\uFFFF\uD800", "#\n##\n###",
          "By\n\nBy By By", "Original url:", "Published on\n\nUpdated:")) {
        Article a = clean(s);
        assertTrue(a.text() != null);
      }
    });
  }

  @Test
  void dateAndBylineLineVariants() {
    String body = "\n\nThe council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two "
        + "of its piers.\n";
    record Case(String header, String published, String byline) {}
    for (Case c : List.of(
        new Case("By Priya Raman | Updated: Mar 4, 2025, 06:56 PM IST", "2025-03-04T18:56:00+05:30", "Priya Raman"),
        new Case("Last Updated : Mar 4 2025 | 6:56 PM IST", "2025-03-04T18:56:00+05:30", null),
        new Case("Published: 4 March 2025, 10:15 AM", "2025-03-04", null),
        new Case("Tue 4 Mar 2025 18.56 GMT", "2025-03-04T18:56:00Z", null),
        new Case("March 4, 2025 at 6:56 p.m. EST", "2025-03-04T18:56:00-05:00", null),
        new Case("Written by Tomás Ortega\n\nMarch 4, 2025", "2025-03-04", "Tomás Ortega"),
        new Case("Author: Li Wei\n\n2025-03-04", "2025-03-04", "Li Wei"),
        new Case("Reuters Staff\n\nMarch 4, 2025", "2025-03-04", "Reuters Staff"))) {
      Article a = clean("Council shuts old bridge to lorries\n\n" + c.header() + body);
      assertEquals("Council shuts old bridge to lorries", a.title(), c.header());
      assertEquals(c.published(), a.published(), c.header());
      assertEquals(c.byline(), a.byline(), c.header());
      assertTrue(a.text().startsWith("The council voted"), c.header());
    }
  }

  @Test
  void urlLineVariantsAndUrlDate() {
    Article a = clean("""
        Council shuts old bridge to lorries

        URL: https://www.irishtimes.com/news/2025/03/04/council-shuts-old-bridge/

        The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in its piers.
        """);
    assertEquals("https://www.irishtimes.com/news/2025/03/04/council-shuts-old-bridge/", a.url());
    assertEquals("The Irish Times", a.outlet());
    assertEquals("2025-03-04", a.published());
    assertFalse(a.publishedInferred());
    Article b = clean("""
        The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in its piers.

        https://edition.cnn.com/2025/03/04/europe/bridge-closure/index.html
        """);
    assertEquals("CNN", b.outlet());
    assertEquals("https://edition.cnn.com/2025/03/04/europe/bridge-closure/index.html", b.url());
  }

  @Test
  void containerTitleKeepsAShortFirstParagraphAndNormalisesFeedDates() {
    RawDocument.Hints hints = new RawDocument.Hints(null, "Bridge closed", null, null,
        "Tue, 04 Mar 2025 10:00:00 +0000");
    Article a = CLEANER.extract(new RawDocument("h", "feed.xml", RawDocument.Format.TEXT, """
        Bridge closed

        Lorries banned from today

        The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in its piers.
        """, hints));
    assertEquals("Bridge closed", a.title());
    assertEquals("2025-03-04T10:00:00Z", a.published());
    assertTrue(a.text().startsWith("Lorries banned from today"), a.text());
  }

  @Test
  void readerExportHeaderAndYamlFrontMatter() {
    Article a = clean("""
        Title: Wildfire forces evacuation of hill towns near Valparaiso

        URL Source: https://www.france24.com/en/americas/20250304-wildfire-forces-evacuation

        Published Time: 2025-03-04T16:20:00.000Z

        Markdown Content:
        Firefighters battled flames on three fronts on Tuesday as strong winds pushed the fire towards the coast.
        """);
    assertEquals("Wildfire forces evacuation of hill towns near Valparaiso", a.title());
    assertEquals("https://www.france24.com/en/americas/20250304-wildfire-forces-evacuation", a.url());
    assertEquals("France 24", a.outlet());
    assertEquals("2025-03-04T16:20:00Z", a.published());
    assertNull(a.byline());
    assertEquals("Firefighters battled flames on three fronts on Tuesday as strong winds pushed the fire towards the "
        + "coast.", a.text());

    Article b = clean("""
        ---
        title: "Wildfire forces evacuation of hill towns"
        date: 2025-03-04
        author: Ana Pérez
        source: EFE
        tags:
          - chile
          - fires
        ---

        Firefighters battled flames on three fronts on Tuesday as strong winds pushed the fire towards the coast.
        """);
    assertEquals("Wildfire forces evacuation of hill towns", b.title());
    assertEquals("2025-03-04", b.published());
    assertEquals("Ana Pérez", b.byline());
    assertEquals("EFE", b.outlet());
    assertEquals(1, b.text().split("\n\n").length);
  }

  @Test
  void kickerAboveTitleAndTopicFooter() {
    Article a = clean("""
        Chile wildfires

        Firefighters contain blaze that threatened Valparaiso hills

        Residents begin returning to homes as winds drop

        Wed 5 Mar 2025 09.40 GMT
        Share

        Firefighters said on Wednesday they had contained the fire that forced thousands of people from their homes in the hills above the port city.

        Explore more on these topics
        Chile
        Americas
        Share
        Reuse this content
        """);
    assertEquals("Firefighters contain blaze that threatened Valparaiso hills", a.title());
    assertEquals("2025-03-05T09:40:00Z", a.published());
    assertEquals("Residents begin returning to homes as winds drop\n\nFirefighters said on Wednesday they had contained "
        + "the fire that forced thousands of people from their homes in the hills above the port city.", a.text());
    assertTrue(a.removed().contains("Chile wildfires"));
  }

  @Test
  void wireTrailersAndSegmentedBylineLines() {
    Article a = clean("""
        Oil prices slip as supply fears ease

        Markets Desk / EXAMPLENEWS.COM / Updated: Mar 5, 2025, 19:02 IST

        LONDON (Reuters) - Oil prices slipped on Wednesday as traders weighed signs that supply disruptions would ease.

        Associated Press writer Jane Doe in Cairo contributed to this report.

        Reporting by Ahmed Saleh in London; Editing by Mark Potter

        Our Standards: The Trust Principles.
        """);
    assertEquals("Markets Desk", a.byline());
    assertEquals("2025-03-05T19:02:00+05:30", a.published());
    assertEquals(List.of("Reuters"), a.credits());
    assertEquals("LONDON (Reuters) - Oil prices slipped on Wednesday as traders weighed signs that supply disruptions "
        + "would ease.", a.text());
    Article b = clean("""
        Oil prices slip as supply fears ease

        World News | Press Trust of India | Updated: March 5, 2025 4:16 pm IST

        Oil prices slipped on Wednesday as traders weighed signs that supply disruptions would ease in the coming weeks.
        """);
    assertEquals("Press Trust of India", b.byline());
    assertEquals("2025-03-05T16:16:00+05:30", b.published());
  }

  @Test
  void researchSentencesAreNotCreditLines() {
    Article a = clean("""
        Research by Oxford University shows that sleep matters for memory in older adults.

        Reporting by scientists was careful.
        """);
    assertTrue(a.text().startsWith("Research by Oxford University"), a.text());
    assertTrue(a.text().endsWith("Reporting by scientists was careful."), a.text());
  }

  @Test
  void creditLineVariants() {
    String body = "The harbour reopened on Friday after a week of storms that had kept the ferries in port.\n\n";
    record Case(String line, List<String> credits) {}
    for (Case c : List.of(
        new Case("(With inputs from PTI, ANI)", List.of("PTI", "ANI")),
        new Case("— AFP", List.of("AFP")),
        new Case("— With AFP", List.of("AFP")),
        new Case("(Reuters)", List.of("Reuters")),
        new Case("Copyright 2025 The Associated Press. All rights reserved.", List.of("The Associated Press")),
        new Case("With agency inputs", List.of("agencies")),
        new Case("This story has been published from a wire agency feed without modifications to the text.",
            List.of("agencies")),
        new Case("(This story has not been edited by Example staff and is auto-generated from a syndicated feed.)",
            List.of("agencies")),
        new Case("Information from Reuters and the Associated Press was used in this report.",
            List.of("Reuters", "the Associated Press")))) {
      Article a = clean(body + c.line() + "\n");
      assertEquals(c.credits(), a.credits(), c.line());
      assertEquals(body.strip(), a.text(), c.line());
    }
  }

  @Test
  void outletTableKnowsSubdomainsAndAliases() {
    OutletTable t = new OutletTable();
    assertEquals("CNN", t.forUrl("https://edition.cnn.com/2025/03/04/world/x"));
    assertEquals("BBC News", t.forUrl("https://www.bbc.co.uk/news/world-123"));
    assertNull(t.forUrl("https://example.org/a"));
    assertNull(t.forUrl("not a url"));
    assertEquals("Anadolu Agency", t.forName("Anadolu Ajansı"));
    assertEquals("Firstpost", t.forName("FP News Desk"));
    assertEquals("The Moscow Times", t.forName("Moscow Times"));
  }

  @Test
  void deskLikeSubheadingsInTheBodyStay() {
    Article a = clean("""
        The rescue operation in the flooded valley entered its third day on Friday as more villages were cut off.

        Rescue Team

        Volunteers joined soldiers and firefighters to move elderly residents to higher ground overnight.

        By Carla Mendes
        """);
    assertEquals("Carla Mendes", a.byline());
    assertTrue(a.text().contains("\n\nRescue Team\n\n"), a.text());
  }

  @Test
  void teaserListsBracketCaptionsAndSourceWithAgencies() {
    Article a = clean("""
        News|Russia-Ukraine war

        # Ukraine and US to hold talks in Jeddah, says Zelenskyy aide

        Kyiv's delegation will meet US officials next week as pressure mounts for a ceasefire.

        ![Zelenskyy](https://www.aljazeera.com/wp-content/uploads/2025/03/zel.jpg)
        Ukrainian President Volodymyr Zelenskyy speaks during a news conference in Kyiv [File: Gleb Garanich/Reuters]

        Published On 7 Mar 2025
        7 Mar 2025

        Save

        Ukraine and the United States will hold talks in Saudi Arabia next week, a senior aide to President Volodymyr Zelenskyy said on Friday.

        The aide, Andriy Yermak, said the delegations would discuss "a framework for a ceasefire and security guarantees".

        Keep reading
        list of 4 items
        list 1 of 4
        Russia launches massive strikes on Ukraine's energy grid
        list 2 of 4
        Trump says Putin 'ready' for peace deal
        end of list

        The talks come after a heated exchange in the Oval Office last week.

        Source: Al Jazeera and news agencies
        """);
    assertEquals("Ukraine and US to hold talks in Jeddah, says Zelenskyy aide", a.title());
    assertEquals("Al Jazeera", a.outlet());
    assertEquals(List.of("agencies"), a.credits());
    assertEquals("2025-03-07", a.published());
    assertEquals(4, a.text().split("\n\n").length, a.text());
    assertGone(a, "Gleb Garanich", "Keep reading", "list 1 of 4", "Russia launches", "Trump says Putin", "Source:");
  }

  @Test
  void breadcrumbsAndTextSizeWidgets() {
    Article a = clean("""
        NEWS
        /
        World News
        /
        Europe News
        /
        Germany's Merz promises 'whatever it takes' on defence spending

        Germany's Merz promises 'whatever it takes' on defence spending

        TOI World Desk / TIMESOFINDIA.COM / Updated: Mar 5, 2025, 08:12 IST

        Share

        AA

        +

        Text Size

        Small
        Medium
        Large

        SEE ALL

        Germany's likely next chancellor Friedrich Merz said on Tuesday his country would do "whatever it takes" to defend freedom and peace in Europe.

        Merz, whose conservatives won last month's election, announced plans to loosen the country's strict debt rules.

        (With inputs from agencies)

        Visual Stories

        Previous
        Next
        """);
    assertEquals("Germany's Merz promises 'whatever it takes' on defence spending", a.title());
    assertEquals("TOI World Desk", a.byline());
    assertEquals("The Times of India", a.outlet());
    assertEquals("2025-03-05T08:12:00+05:30", a.published());
    assertEquals(2, a.text().split("\n\n").length, a.text());
    assertTrue(a.text().startsWith("Germany's likely next chancellor"));
  }

  @Test
  void printEditionNotesAuthorBioAndTimeOnlyLines() {
    Article a = clean("""
        Advertisement

        SKIP ADVERTISEMENT

        Supported by

        SKIP ADVERTISEMENT

        Fed Holds Rates Steady, Signaling Caution on Cuts

        The central bank's officials said they wanted more evidence that inflation was cooling.

        Listen to this article · 6:12 min Learn more

        Share full article

        By Jeanna Smialek

        Reporting from Washington

        March 19, 2025
        Updated 4:41 p.m. ET

        Federal Reserve officials left interest rates unchanged on Wednesday and predicted two cuts later this year.

        The decision was widely expected.

        Jeanna Smialek covers the Federal Reserve and the economy for The Times.

        A version of this article appears in print on March 20, 2025, Section B, Page 1 of the New York edition with the headline: Fed Holds Rates Steady. Order Reprints | Today's Paper | Subscribe

        See more on: Federal Reserve System

        Share full article

        Advertisement

        SKIP ADVERTISEMENT
        """);
    assertEquals("Fed Holds Rates Steady, Signaling Caution on Cuts", a.title());
    assertEquals("Jeanna Smialek", a.byline());
    assertEquals("2025-03-19", a.published());
    assertEquals(3, a.text().split("\n\n").length, a.text());
    assertGone(a, "ADVERTISEMENT", "Supported by", "Listen to", "Reporting from", "Updated 4:41", "covers the Federal",
        "in print", "See more on");
  }

  @Test
  void aQuoteAfterAVideoLabelIsBodyNotATeaser() {
    Article a = clean("""
        The missile flew over the northern island before breaking into three pieces and falling into the sea, officials said.

        Video

        "I am worried about how the allies will react," he said. "It could drag us into a crisis."

        U.S. Imposes New Sanctions On Shipping Firms
        """);
    assertTrue(a.text().contains("I am worried"), a.text());
  }

  @Test
  void foreignLanguageDateLines() {
    Article a = clean("""
        El Gobierno aprueba la reforma de las pensiones

        Publicado el 5 de marzo de 2025

        El Consejo de Ministros aprobó este martes la reforma, que según el Gobierno garantiza la sostenibilidad del sistema.
        """);
    assertEquals("El Gobierno aprueba la reforma de las pensiones", a.title());
    assertEquals("2025-03-05", a.published());
    assertNull(a.byline());
    assertEquals("es", a.language());
    Article b = clean("""
        Regierung beschließt Rentenreform

        Veröffentlicht am 5. März 2025

        Das Kabinett hat am Mittwoch die Reform beschlossen, die nach Angaben der Regierung das System sichern soll.
        """);
    assertEquals("2025-03-05", b.published());
    assertNull(b.byline());
    assertEquals("de", b.language());
  }

  @Test
  void listItemsAreNotJoinedAsBrokenSentences() {
    Article a = clean("""
        The agreement sets out three steps that both governments must take within the next six months

        - reopen the border crossings for trucks
        - restore the direct flights between the capitals
        - exchange prisoners held since the war
        """);
    assertEquals(4, a.text().split("\n\n").length, a.text());
    assertTrue(a.text().contains("\n\nreopen the border crossings for trucks\n\n"), a.text());
  }

  @Test
  void siteTaglineAndMenuAboveTheTitle() {
    Article a = clean("""
        Skip to main content
        Exclusive news, data and analytics for financial market professionals
        World
        Business
        Markets
        Sustainability
        Legal
        Breakingviews
        Technology
        Europe

        EU agrees to boost defence spending as Trump pressure mounts

        By Lili Bayer and Andrew Gray

        March 6, 20252:41 PM GMTUpdated 3 hours ago

        BRUSSELS, March 6 (Reuters) - European Union leaders agreed on Thursday to loosen budget rules so member states can spend more on defence, officials said.

        The move comes as Washington signals it may scale back its security commitments in Europe.

        Sign up here.

        Reporting by Lili Bayer and Andrew Gray; Editing by Toby Chopra

        Our Standards: The Thomson Reuters Trust Principles., opens new tab

        Suggested Topics:
        Europe
        Aerospace & Defense
        """);
    assertEquals("EU agrees to boost defence spending as Trump pressure mounts", a.title());
    assertEquals("Lili Bayer and Andrew Gray", a.byline());
    assertGone(a, "Exclusive news", "Sustainability", "Breakingviews", "Our Standards", "Suggested Topics",
        "Aerospace", "Reporting by");
    assertTrue(a.text().contains("BRUSSELS, March 6 (Reuters) - European Union leaders agreed"), a.text());
    assertEquals(List.of("Reuters"), a.credits());
  }

  @Test
  void menuRunsBylineBlocksAndRelatedLinks() {
    Article a = clean("""
        Skip to content
        British Broadcasting Corporation
        Home
        News
        Sport
        Business
        Innovation
        Culture

        EU leaders back plan to boost defence spending

        6 March 2025

        Share

        Save

        Paul Kirby

        Europe digital editor

        Getty Images

        EU leaders met in Brussels on Thursday

        European Union leaders have backed a plan to mobilise up to €800bn for defence, as the bloc scrambles to respond to a shift in US policy.

        The plan was proposed by Commission President Ursula von der Leyen earlier this week.

        More on this story

        Why Europe is rushing to rearm

        Related

        Ukraine war

        Europe
        """);
    assertEquals("EU leaders back plan to boost defence spending", a.title());
    assertEquals("2025-03-06", a.published());
    assertGone(a, "British Broadcasting", "Innovation", "Culture", "Getty Images", "More on this story",
        "Why Europe is rushing", "Ukraine war");
    assertTrue(a.text().contains("European Union leaders have backed a plan"), a.text());
  }

  @Test
  void aPlaceDatelineStaysInTheTextAndDatesTheArticle() {
    Article a = clean("""
        SOCCER - ROTOR FANS LOCKED OUT AFTER VOLGOGRAD VIOLENCE.

        MOSCOW 1996-08-30

        Rotor Volgograd must play their next home game behind closed doors after fans hurled bottles and stones at
        the referee, the club said on Friday.

        BIRMINGHAM, England 1996-08-31
        """);
    assertTrue(a.text().contains("MOSCOW 1996-08-30"), a.text());
    assertTrue(a.text().endsWith("BIRMINGHAM, England 1996-08-31"), a.text());
    assertTrue(a.text().startsWith("SOCCER - ROTOR FANS"), a.text());
    assertEquals("1996-08-30", a.published());
    assertNull(a.byline());
    // a byline with a date is still a byline line
    Article b = clean("""
        Port Workers End Strike After Wage Deal

        Jane Doe March 3, 2025

        Dock workers returned to the container terminals on Monday after unions accepted a four percent raise.
        """);
    assertEquals("Jane Doe", b.byline());
    assertFalse(b.text().contains("Jane Doe"), b.text());
    assertEquals("2025-03-03", b.published());
    // a date label in capitals is no place
    Article c = clean("""
        Port Workers End Strike After Wage Deal

        UPDATED 3 March 2025

        Dock workers returned to the container terminals on Monday after unions accepted a four percent raise.
        """);
    assertFalse(c.text().contains("UPDATED"), c.text());
  }

  @Test
  void noTitleIsGuessedBelowALineThatReadsAsASentence() {
    // the first line is the headline with a full stop; the lead ends inside a quotation: neither is a title
    // candidate, so the lead stays in the text
    Article a = clean("""
        Flynn says general was right in saying the plan failed.

        Retired Gen. Mark Flint said the senator was “absolutely right” when he said Wednesday night that the plan \
        “has been reduced to rubble.”

        “He's absolutely right,” Flint said on Thursday.
        """);
    assertNull(a.title(), a.title());
    assertTrue(a.text().contains("Retired Gen. Mark Flint said"), a.text());
    Article b = clean("""
        Rotor Volgograd fined after violence.

        Fans locked out for two home games

        Rotor Volgograd must play their next home game behind closed doors, the club said on Friday.
        """);
    assertTrue(b.text().contains("Fans locked out for two home games"), b.text());
    assertTrue(LineShapes.sentenceEnd("reduced to rubble.”"));
    assertFalse(LineShapes.sentenceEnd("Acme Inc."));
    assertFalse(LineShapes.headlineLike("He said the plan “has been reduced to rubble.”"));
  }
}
