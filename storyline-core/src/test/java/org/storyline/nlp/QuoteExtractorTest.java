package org.storyline.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Quote;

class QuoteExtractorTest {
  private final QuoteExtractor ex = new QuoteExtractor();

  private List<QuoteExtractor.Found> run(String text) {
    List<QuoteExtractor.Found> qs = ex.extract(text);
    for (QuoteExtractor.Found q : qs) {
      assertEquals(q.text(), text.substring(q.start(), q.end()), "quote offsets index the text");
      if (q.cue() != null) assertEquals(q.cue(), text.substring(q.cueStart(), q.cueEnd()), "cue offsets");
      else assertEquals(-1, q.cueStart());
    }
    return qs;
  }

  private static QuoteExtractor.Found only(List<QuoteExtractor.Found> qs) {
    assertEquals(1, qs.size(), () -> "quotes: " + qs);
    return qs.get(0);
  }

  @Test
  void curlyQuoteWithNameAfterResolvesToFullestName() {
    String t = "Prime Minister Anna Lindqvist visited the harbour on Monday.\n\n"
        + "“We will rebuild every pier before winter,” Lindqvist said at the quay.";
    QuoteExtractor.Found q = only(run(t));
    assertEquals("We will rebuild every pier before winter", q.text());
    assertEquals("Anna Lindqvist", q.speaker());
    assertEquals("said", q.cue());
    assertFalse(q.partial());
  }

  @Test
  void theNameAfterAnInstitutionsOfIsNoPerson() {
    // "Foreign Affairs" names the ministry: no speaker rather than a person called "Affairs"
    String t = "A spokesman of the Russian Ministry of Foreign Affairs has called the report \"complete nonsense from "
        + "start to end\".";
    QuoteExtractor.Found q = only(run(t));
    assertEquals("complete nonsense from start to end", q.text());
    assertNull(q.speaker());
  }

  @Test
  void thePlaceAfterAGovernmentsOfIsNoPerson() {
    // "the state news agency of South Ossetia reports": the agency speaks, not a person called "Ossetia"
    String t = "Fighting went on overnight.\n\nThe state news agency of Valdora said \"the capital is under heavy "
        + "artillery fire\".\n\nThe government of Valdora announced \"it will evacuate all children from the town\".";
    List<QuoteExtractor.Found> qs = run(t);
    assertEquals(2, qs.size(), qs.toString());
    for (QuoteExtractor.Found q : qs) assertNull(q.speaker(), q.toString());
  }

  @Test
  void straightQuotesAndInvertedCue() {
    String t = "The council met on Tuesday.\n\n\"The budget is balanced for the first time,\" said Mayor Tom Okafor.";
    QuoteExtractor.Found q = only(run(t));
    assertEquals("The budget is balanced for the first time", q.text());
    assertEquals("Tom Okafor", q.speaker());
  }

  @Test
  void guillemetsAndLowHighQuotes() {
    String t = "Jean Moreau spoke to the assembly. «Nous resterons unis jusqu'au bout», Moreau said.\n\n"
        + "Klaus Berger disagreed. „Das ist nicht genug für uns alle“, Berger told reporters.";
    List<QuoteExtractor.Found> qs = run(t);
    assertEquals(2, qs.size(), () -> "quotes: " + qs);
    assertEquals("Nous resterons unis jusqu'au bout", qs.get(0).text());
    assertEquals("Jean Moreau", qs.get(0).speaker());
    assertEquals("Das ist nicht genug für uns alle", qs.get(1).text());
    assertEquals("Klaus Berger", qs.get(1).speaker());
    assertEquals("told reporters", qs.get(1).cue());
  }

  @Test
  void singleQuotesOutsideDoubleQuotes() {
    String t = "Chancellor Maria Vogt said on Friday that the deal was 'a real breakthrough for the region'.";
    QuoteExtractor.Found q = only(run(t));
    assertEquals("a real breakthrough for the region", q.text());
    assertEquals("Maria Vogt", q.speaker());
  }

  @Test
  void splitQuoteAroundAttributionGivesTwoQuotesOneSpeaker() {
    String t = "Senator Paul Hendry spoke after the vote.\n\n"
        + "“This is a good day for farmers,” he said, “and a better one for their children.”";
    List<QuoteExtractor.Found> qs = run(t);
    assertEquals(2, qs.size(), () -> "quotes: " + qs);
    assertEquals("This is a good day for farmers", qs.get(0).text());
    assertEquals("and a better one for their children.", qs.get(1).text());
    assertEquals("Paul Hendry", qs.get(0).speaker());
    assertEquals("Paul Hendry", qs.get(1).speaker());
  }

  @Test
  void quoteRunningOverParagraphsKeepsItsSpeakerInEachParagraph() {
    String t = "Governor Lisa Park addressed the flooding.\n\n"
        + "“The water came faster than any model predicted. We lost roads in an hour.\n\n"
        + "“We will not lose the town,” Park said.";
    List<QuoteExtractor.Found> qs = run(t);
    assertEquals(2, qs.size(), () -> "quotes: " + qs);
    assertEquals("The water came faster than any model predicted. We lost roads in an hour.", qs.get(0).text());
    assertEquals("We will not lose the town", qs.get(1).text());
    assertEquals("Lisa Park", qs.get(0).speaker());
    assertEquals("Lisa Park", qs.get(1).speaker());
    assertEquals("said", qs.get(0).cue());
  }

  @Test
  void shortEmbeddedQuoteIsPartial() {
    String t = "President Olga Marin on Wednesday praised the talks, calling them a “first step” toward peace.";
    QuoteExtractor.Found q = only(run(t));
    assertEquals("first step", q.text());
    assertTrue(q.partial());
    assertEquals("Olga Marin", q.speaker());
  }

  @Test
  void apostrophesAreNotQuotes() {
    String t = "It's the country's biggest rock 'n' roll festival, and the players' union backs it. "
        + "Russia's team and Kyiv’s mayor didn’t comment on the ’90s revival.";
    assertTrue(run(t).isEmpty());
  }

  @Test
  void pronounResolvesToLatestCompatiblePerson() {
    String t = "Minister Sarah Collins met Ambassador Peter Holm in Oslo. Collins later spoke to the press.\n\n"
        + "“Our ties have never been stronger,” she said.";
    QuoteExtractor.Found q = only(run(t));
    assertEquals("Sarah Collins", q.speaker());
    assertEquals("she", t.substring(q.sourceStart(), q.sourceEnd()));
  }

  @Test
  void roleDescriptionResolvesThroughRolesSeenBeforeTheName() {
    String t = "President Ivan Sorokin met officials in the capital.\n\n"
        + "The Kremlin leader added that the talks were “objective and useful.”";
    QuoteExtractor.Found q = only(run(t));
    assertEquals("Ivan Sorokin", q.speaker());
    assertEquals("added", q.cue());
  }

  @Test
  void unnamedOrInstitutionalSourceHasNullSpeaker() {
    String t = "“The claims are completely false and we reject them,” the ministry said in a statement.\n\n"
        + "“Nobody was consulted before the decision was taken,” a senior official told reporters.";
    List<QuoteExtractor.Found> qs = run(t);
    assertEquals(2, qs.size(), () -> "quotes: " + qs);
    assertNull(qs.get(0).speaker());
    assertEquals("said", qs.get(0).cue());
    assertNull(qs.get(1).speaker());
    assertEquals("told reporters", qs.get(1).cue());
  }

  @Test
  void quotesInHeadlinesAreSkippedAndScareQuotesWithoutCueDropped() {
    String t = "Mayor says new bridge 'a disaster'\n\n"
        + "The so-called “smart” bridge opened on Monday after years of delay.";
    assertTrue(run(t).isEmpty());
  }

  @Test
  void stageMapsSpeakerToCanonicalEntity() {
    String text = "“We are ready to talk,” Putin said on Thursday.";
    Article a = new Article("a1", "s", null, null, null, null, null, false, List.of(), "en", text, List.of(),
        List.of());
    Entity putin = new Entity("e1", "Vladimir Putin", "PER", List.of("Putin", "Vladimir Putin"), List.of(),
        List.of(new Mention("a1", text.indexOf("Putin"), text.indexOf("Putin") + 5, "Putin")));
    List<Quote> qs = new DefaultQuoteStage().apply(List.of(a), List.of(putin));
    assertEquals(1, qs.size());
    assertEquals("Vladimir Putin", qs.get(0).speaker());
    assertEquals("e1", qs.get(0).speakerEntity());
    assertEquals("direct", qs.get(0).kind());
    List<Quote> none = new DefaultQuoteStage().apply(List.of(a), List.of());
    assertEquals("Putin", none.get(0).speaker());
    assertNull(none.get(0).speakerEntity());
  }

  @Test
  void organisationTypedByEntityStageIsNoPersonSpeaker() {
    String text = "“We will not negotiate under pressure,” Hamas said in a statement.";
    Article a = new Article("a2", "s", null, null, null, null, null, false, List.of(), "en", text, List.of(),
        List.of());
    int s = text.indexOf("Hamas");
    Entity org = new Entity("e9", "Hamas", "ORG", List.of("Hamas"), List.of(),
        List.of(new Mention("a2", s, s + 5, "Hamas")));
    List<Quote> qs = new DefaultQuoteStage().apply(List.of(a), List.of(org));
    assertEquals(1, qs.size());
    assertNull(qs.get(0).speaker());
    assertEquals("said", qs.get(0).cue());
  }

  @Test
  void reportedSpeechWithAClearSourceIsIndirectWhenAsked() {
    String t = "Foreign Minister Lena Haas said on Monday that the embassy would reopen within weeks.\n\n"
        + "The weather was mild and the streets were quiet.";
    assertTrue(run(t).isEmpty(), "direct quotes only by default");
    List<QuoteExtractor.Found> qs = new QuoteExtractor(QuoteLexicon.defaults(), true).extract(t);
    QuoteExtractor.Found q = only(qs);
    assertEquals("indirect", q.kind());
    assertEquals("the embassy would reopen within weeks", q.text());
    assertEquals(q.text(), t.substring(q.start(), q.end()));
    assertEquals("Lena Haas", q.speaker());
    assertEquals("said", q.cue());
  }

  @Test
  void randomMarkSoupNeverThrowsAndOffsetsStayExact() {
    String[] parts = {"“", "”", "\"", "'", "‘", "’", "„", "«", "»", " ", "\n\n", "\n", ",", ".", ":", "—", "(", ")",
        "he said", "Anna Berg", "the spokesman", "told reporters", "that", "It's", "Mr.", "9/11", "\u00a0", "said,"};
    java.util.Random r = new java.util.Random(42);
    QuoteExtractor both = new QuoteExtractor(QuoteLexicon.defaults(), true);
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(40);
      for (int k = 0; k < n; k++) sb.append(parts[r.nextInt(parts.length)]).append(r.nextBoolean() ? " " : "");
      String t = sb.toString();
      for (QuoteExtractor.Found q : both.extract(t)) {
        assertEquals(q.text(), t.substring(q.start(), q.end()));
        if (q.cue() != null) assertEquals(q.cue(), t.substring(q.cueStart(), q.cueEnd()));
      }
    }
  }

  @Test
  void emptyAndOddInputYieldNoQuotesAndNoException() {
    assertTrue(run("").isEmpty());
    assertTrue(run("\"").isEmpty());
    run("“Unclosed quote at the end of a paragraph with enough words\n\n” stray close. ' lone \"");
  }

  @Test
  void firstNameOpensTheNameAfterOfficeAndOrganisationWords() {
    QuoteExtractor.Found a = only(run("“The vote will come next week,” said Senate Minority Whip Dick Holloway in an "
        + "interview."));
    assertEquals("Dick Holloway", a.speaker());
    QuoteExtractor.Found b = only(run("“We need more time to review every claim,” Amy Pope, the deputy adviser, said "
        + "on a call."));
    assertEquals("Amy Pope", b.speaker());
  }

  @Test
  void lowerCaseDescriptionBeforeTheName() {
    QuoteExtractor.Found a = only(run("“Education is the primary driver in this state,” said Marquette county "
        + "pollster Charles Brantley."));
    assertEquals("Charles Brantley", a.speaker());
    QuoteExtractor.Found b = only(run("“He may have peaked too soon,” Republican political consultant Chris Russo "
        + "said on Monday."));
    assertEquals("Chris Russo", b.speaker());
  }

  @Test
  void personBeforeTheirAffiliation() {
    List<QuoteExtractor.Found> qs = run("Tom Morgan runs the group's legal team.\n\n“It was the least bad outcome,” "
        + "Mr. Morgan of the Sierra Club said.");
    assertEquals("Tom Morgan", only(qs).speaker());
  }

  @Test
  void honorificBeforeASurnameThatIsAlsoATitle() {
    List<QuoteExtractor.Found> qs = run("Charles King spoke first at the rally.\n\n“It is all about enthusiasm,” "
        + "Mr. King added.");
    assertEquals("Charles King", only(qs).speaker());
  }

  @Test
  void generationalSuffixStaysWithTheName() {
    QuoteExtractor.Found q = only(run("“Black voters have done their part already,” Vann R. Newkirk II, a writer, "
        + "said on Twitter."));
    assertEquals("Vann R. Newkirk II", q.speaker());
  }

  @Test
  void sentenceSubjectSpeaksAnUncuedQuote() {
    QuoteExtractor.Found q = only(run("In the depths of the recession, Paul Rydell worried that the safety net was "
        + "becoming “a hammock that lulls able-bodied people to lives of dependency.”"));
    assertEquals("Paul Rydell", q.speaker());
    assertNull(q.cue());
    // passive: the one asked is not the speaker
    QuoteExtractor.Found p = only(run("Paul Rydell was asked by the moderator whether the plan would risk “adding "
        + "another expensive program to the budget.”"));
    assertNull(p.speaker());
  }

  @Test
  void stageTakesThePersonTheEntityStageFoundAtTheEndOfTheSource() {
    String text = "“I don’t think there is bad publicity,” said Atlantic City Mayor Don Guardian in an interview.";
    Article a = new Article("a3", "s", null, null, null, null, null, false, List.of(), "en", text, List.of(),
        List.of());
    assertNull(only(run(text)).speaker());
    int s = text.indexOf("Don Guardian");
    Entity per = new Entity("e3", "Don Guardian", "PER", List.of("Don Guardian"), List.of(),
        List.of(new Mention("a3", s, s + 12, "Don Guardian")));
    List<Quote> qs = new DefaultQuoteStage().apply(List.of(a), List.of(per));
    assertEquals("Don Guardian", qs.get(0).speaker());
    assertEquals("e3", qs.get(0).speakerEntity());
  }

  @Test
  void quoteOpeningAParagraphAfterReportedSpeech() {
    List<QuoteExtractor.Found> qs = run("Mayor Ron Pallister said he understood why the senator would come to the "
        + "city.\n\n“The casino is having some difficult times now, going through bankruptcy.”");
    assertEquals("Ron Pallister", only(qs).speaker());
    assertNull(qs.get(0).cue());
    // no reporting verb in the paragraph before: no speaker
    List<QuoteExtractor.Found> none = run("Mayor Ron Pallister toured the boardwalk on Monday.\n\n“The casino is "
        + "having some difficult times now, going through bankruptcy.”");
    assertNull(only(none).speaker());
  }

  @Test
  void nameAndColonBeforeTheQuote() {
    List<QuoteExtractor.Found> qs = run("Jeb Bush and Hillary Clinton reject the term.\n\nClinton: \"Our goal is "
        + "not to contain the group, but to defeat it.\" Bush: \"The mission is to destroy it, not to contain it.\"");
    assertEquals(2, qs.size(), () -> "quotes: " + qs);
    assertEquals("Hillary Clinton", qs.get(0).speaker());
    assertEquals("Jeb Bush", qs.get(1).speaker());
  }

  @Test
  void appositiveWithCommasOfItsOwn() {
    QuoteExtractor.Found q = only(run("Dean Johnson, a 55-year-old salesman from Sumter, South Carolina, says the "
        + "senator will “leave here with momentum and a real chance.”"));
    assertEquals("Dean Johnson", q.speaker());
  }
}
