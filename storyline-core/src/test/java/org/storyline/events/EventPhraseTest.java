package org.storyline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The short {@code what} of a dated sentence, and whether its date only recalls an earlier event. */
class EventPhraseTest {
  private static EventPhrase.Phrase of(String sentence, String date) {
    int ts = sentence.indexOf(date);
    return EventPhrase.of(sentence, 0, sentence.length(), ts, ts + date.length());
  }

  @Test
  void theVerbNearestTheDateWithItsSubjectAndObjectInThePresentTense() {
    var p = of("Russia in 2014 annexed Ukraine's Crimea peninsula following a brief military operation.", "2014");
    assertEquals("Russia annexes Ukraine's Crimea peninsula", p.what());
    assertEquals("annex", p.kind());
    assertFalse(p.recalled());
    assertTrue(p.agent());

    // the date and its preposition are left out; a plural subject keeps the base form
    p = of("On Thursday, Russian and US diplomats met in Turkey for talks.", "Thursday");
    assertEquals("Russian and US diplomats meet in Turkey for talks", p.what());
    assertEquals("meet", p.kind());
    p = of("President Vladimir Putin on Wednesday praised the talks, calling them a first step.", "Wednesday");
    assertEquals("President Vladimir Putin praises the talks", p.what());
    assertEquals("say", p.kind());
  }

  @Test
  void aRelativeClauseTakesItsAntecedentAsSubjectButNotAsAgent() {
    var p = of("The council opened an inquiry into the flood that hit the lower town on March 4, when the river "
        + "burst its banks.", "March 4");
    assertEquals("The flood hits the lower town", p.what());
    // "the flood" is what the clause is about, not who acted
    assertFalse(p.agent());
  }

  @Test
  void aCountBeforeTheHeadMakesTheSubjectPlural() {
    assertEquals("Three Russian attack aircraft invade Georgian air space",
        of("Three Russian attack aircraft invaded Georgian air space on Friday.", "Friday").what());
    assertEquals("12 men attack the post", of("12 men attacked the post on Friday.", "Friday").what());
    assertEquals("One man attacks the post", of("One man attacked the post on Friday.", "Friday").what());
  }

  @Test
  void aNounActionInsideAClauseKeepsTheClausesWords() {
    // no "wages war" made up from "a state of war"
    assertEquals("Before the country formally entered a state of war", of("On Friday, before the country formally "
        + "entered a state of war, reserve troops were mobilised.", "Friday").what());
  }

  @Test
  void aSecondPredicateTakesTheFirstOnesSubject() {
    var p = of("Russian forces entered the territory of Georgia and bombed several targets in the country on August 8.",
        "August 8");
    assertEquals("Russian forces bomb several targets in the country", p.what());
  }

  @Test
  void anUnquotedClauseBeforeItsSpeakerIsWhatWasReported() {
    var p = of("The army sent two trucks of sandbags on Tuesday morning, a spokesman for the regional government said.",
        "Tuesday morning");
    assertEquals("The army sends two trucks of sandbags", p.what());
    // no action of its own before the speaker: the saying stays the event
    p = of("In Paris on Tuesday, the minister said.", "Tuesday");
    assertEquals("The minister says", p.what());
  }

  @Test
  void aDateThatModifiesANounOrFollowsSinceRecallsAnEarlierEvent() {
    String s = "Officials met Tuesday for their first direct talks since Moscow's February 2022 invasion of Ukraine.";
    var news = of(s, "Tuesday");
    assertFalse(news.recalled());
    assertEquals("meet", news.kind());
    var recalled = of(s, "February 2022");
    assertTrue(recalled.recalled());
    assertEquals("Moscow invades Ukraine", recalled.what());
    assertEquals("invade", recalled.kind());

    var conflict = of("It was their first meeting since the conflict in Ukraine began in 2022.", "2022");
    assertTrue(conflict.recalled());
    assertEquals("invade", conflict.kind(), "a conflict's beginning is the conflict");

    // a date that recalls no action ("his country's 2014 boundaries") has no kind: no event of its own
    var none = of("He has long demanded that his country's 2014 boundaries be restored.", "2014");
    assertTrue(none.recalled());
    assertNull(none.kind());
  }

  @Test
  void anActionWordAfterADeterminerIsANounNotTheVerb() {
    var p = of("In a new comment Wednesday on his platform, Trump called the governor a dictator.", "Wednesday");
    assertEquals("say", p.kind());
    assertTrue(p.what().startsWith("Trump calls"), p.what());
  }

  @Test
  void aLeadDatedByItsPublishDateTakesItsFirstAction() {
    String s = "Flood waters closed the river bridge in Kestrel.";
    var p = EventPhrase.of(s, 0, s.length(), -1, -1);
    assertEquals("Flood waters close the river bridge in Kestrel", p.what());
  }

  @Test
  void kindsOfActionNamedInAClause() {
    assertEquals(java.util.Set.of("say", "meet"), EventPhrase.kinds("Rubio said after meeting with Lavrov"));
    assertTrue(EventPhrase.kinds("They spoke of Peace Talks").isEmpty(), "a capitalised word is part of a name");
  }

  @Test
  void aReportingVerbGivesWayToWhatItReports() {
    // the complement's own action, with its subject and object
    var p = of("Police said on Monday that the tram derailed near the Sandilands stop.", "Monday");
    assertEquals("The tram derails near the Sandilands stop", p.what());
    assertEquals("say", p.kind());
    // a pronoun subject stands for the speaker
    p = of("Putin told reporters on Wednesday that he had met the envoy in Riyadh.", "Wednesday");
    assertEquals("Putin meets the envoy in Riyadh", p.what());
    p = of("On Thursday, Syria said that it supports the plan and said it would send observers.", "Thursday");
    assertEquals("Syria supports the plan", p.what());
    // a relative "that" ("a meeting that was broadcast") does not open what was said
    p = of("\"The country is under attack by the navy, the air force and ground troops,\" he said in a meeting "
        + "that was broadcast on Friday.", "Friday");
    assertEquals("He: the country is under attack by the navy", p.what());
    // no action word of the table: the speaker's words, headline style
    p = of("\"We need pumps and we need them now,\" Mayor Jane Holt said at the town hall on Monday evening.",
        "Monday");
    assertEquals("Mayor Jane Holt: we need pumps and we need them now", p.what());
    p = of("Russian President Vladimir Putin on Thursday said that initial contact with the US \u201cgives some "
        + "hope\u201d that the war will be resolved.", "Thursday");
    assertEquals("Russian President Vladimir Putin: initial contact with the US gives some hope", p.what());
    // "announced" reports only with "that"; with an object it is the happening
    p = of("The ministry on Friday announced a ban on imports of grain.", "Friday");
    assertTrue(p.what().startsWith("The ministry announces"), p.what());
  }
}
