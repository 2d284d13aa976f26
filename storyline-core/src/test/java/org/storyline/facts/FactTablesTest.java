package org.storyline.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.FactTable;
import org.storyline.model.Mention;
import org.storyline.model.OutletView;
import org.storyline.model.Quote;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.model.Summary;
import org.storyline.nlp.MiniLmEmbedder;

/**
 * Fact tables and summaries on texts written for these tests. The cases are the kinds of claims checked by hand on
 * the seeds and AllSides dev: a paraphrase of another outlet's sentence is not unique, a sentence that adds a shared
 * clause to its own is not unique, different numbers or different people are different facts.
 */
class FactTablesTest {
  private static Article article(String id, String outlet, String title, String published, String text) {
    return new Article(id, "test", title, outlet, null, null, published, false, List.of(), "en", text, List.of(),
        List.of());
  }

  private static Story story(String id, List<Article> as) {
    return new Story(id, id, as.stream().map(Article::id).toList(), as.get(0).published(),
        as.get(as.size() - 1).published(), as.stream().map(Article::outlet).toList(), List.of());
  }

  /** A view per story with speakers, as {@code OutletComparison} gives it, for the fact tables to fill. */
  private static List<OutletView> views(List<Story> stories, List<Article> as) {
    List<OutletView> out = new ArrayList<>();
    for (Story s : stories) {
      List<OutletView.ArticleView> v = new ArrayList<>();
      for (String id : s.articles()) {
        Article a = as.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        v.add(new OutletView.ArticleView(a.id(), a.outlet(), List.of(), List.of(), List.of()));
      }
      out.add(new OutletView(s.id(), v));
    }
    return out;
  }

  private static FactTables.Result run(FactTables ft, List<Article> as, List<Entity> ents) {
    List<Story> stories = List.of(story("s1", as));
    return ft.apply(as, ents, List.of(), List.of(), stories, List.of(), views(stories, as));
  }

  private static final String A = "President Alma Reyes on Wednesday praised this week's talks between the two "
      + "governments in Geneva, calling them a first step toward restoring ties.\n\n"
      + "The harbour authority said 300 sandbags were placed along the quay before the storm arrived.\n\n"
      + "Reyes said the next round would be held in Oslo once both delegations had reported home.";
  private static final String B = "Reyes told reporters she was pleased with the outcome of the high-level talks in "
      + "Geneva and described them as a first step toward restoring relations.\n\n"
      + "Fishermen in the northern villages moved their boats inland on Tuesday night.\n\n"
      + "A second round is planned in Oslo after the delegations report to their capitals, Reyes said.";

  @Test
  void aParaphraseIsOneFactNotTwoUniqueOnes() {
    Article a = article("a", "Daily A", "Reyes praises Geneva talks", "2025-02-19T10:00:00Z", A);
    Article b = article("b", "Paper B", "Reyes pleased with Geneva outcome", "2025-02-19T16:30:00Z", B);
    FactTables.Result r = run(new FactTables(MiniLmEmbedder.shared()), List.of(a, b), List.of());
    FactTable t = r.tables().get(0);
    assertEquals("embeddings", t.method());
    FactTable.Fact first = t.facts().get(0);
    assertEquals(List.of("a", "b"), first.articles(), t.toString());
    assertFalse(first.unique());
    assertEquals("a", first.firstArticle());
    assertEquals("Daily A", first.firstOutlet());
    OutletView.ArticleView va = r.outlets().get(0).articles().get(0);
    OutletView.ArticleView vb = r.outlets().get(0).articles().get(1);
    // only the sandbags and the boats are each outlet's own
    assertEquals(1, va.unique().size(), va.toString());
    assertTrue(va.unique().get(0).text().contains("300 sandbags"));
    assertEquals(1, vb.unique().size(), vb.toString());
    assertTrue(vb.unique().get(0).text().contains("boats inland"));
    for (FactTable.Fact f : t.facts()) {
      for (FactTable.Evidence e : f.evidence()) {
        String text = (e.article().equals("a") ? a : b).text();
        assertEquals(e.text(), text.substring(e.start(), e.end()));
      }
    }
    for (OutletView.Fact f : va.unique()) assertEquals(f.text(), a.text().substring(f.start(), f.end()));
    assertTrue(va.unique().get(0).fact().startsWith("s1/f"));
    // the later report came six and a half hours after the first; headline words only each used
    assertEquals(0.0, va.hoursToFirstCoverage());
    assertEquals(6.5, vb.hoursToFirstCoverage());
    assertEquals(List.of("praises", "talks"), va.headlineOnlyHere());
    assertEquals(List.of("pleased", "outcome"), vb.headlineOnlyHere());
  }

  @Test
  void aSentenceThatAddsASharedClauseIsNotUnique() {
    Article a = article("a", "Daily A", null, "2025-02-19", "The minister added that exports to the region had "
        + "grown for a third year, but cautioned that trust between the two sides needed to improve before the "
        + "fishing dispute could end.");
    Article b = article("b", "Paper B", null, "2025-02-19", "The minister said trust between the two sides must "
        + "improve before the fishing dispute can be resolved.");
    FactTables.Result r = run(new FactTables(MiniLmEmbedder.shared()), List.of(a, b), List.of());
    for (OutletView.ArticleView v : r.outlets().get(0).articles()) assertEquals(List.of(), v.unique(), v.toString());
  }

  @Test
  void differentNumbersAreDifferentFacts() {
    Article a = article("a", "Daily A", null, "2025-02-19", "The storm killed 35 people in the northern provinces "
        + "on Sunday night.");
    Article b = article("b", "Paper B", null, "2025-02-19", "The storm killed 12 people in the northern provinces "
        + "on Sunday night.");
    FactTables.Result r = run(new FactTables(MiniLmEmbedder.shared()), List.of(a, b), List.of());
    FactTable t = r.tables().get(0);
    assertEquals(2, t.facts().size(), t.toString());
    assertTrue(t.facts().stream().allMatch(FactTable.Fact::unique));
    // numbers written in words agree with digits
    assertEquals(Set.of("67", "1500", "2022"), Statements.numbers("Sixty-seven Republicans, 1,500 people in 2022"));
    // number words only as whole words, wherever they stand (the search skips where none can start)
    assertEquals(Set.of("2", "21", "12", "90", "17"), Statements.numbers("Two often tend (twenty one) to_ten x-twelve"
        + " ninety, Seventeen! eleventh stone"));
    assertEquals(Set.of("3"), Statements.numbers("three"));
    assertEquals(Set.of("3"), Statements.numbers("_three athree 3three")); // the digit only
  }

  @Test
  void differentPeopleAreDifferentFacts() {
    String ta = "Kremlin spokesman Dmitry Peskov said the talks in Riyadh had been useful and businesslike.";
    String tb = "Foreign Minister Sergey Lavrov said the talks in Riyadh had been useful and businesslike.";
    Article a = article("a", "Daily A", null, "2025-02-19", ta);
    Article b = article("b", "Paper B", null, "2025-02-19", tb);
    List<Entity> ents = List.of(
        person("per:dmitry-peskov", "Dmitry Peskov", new Mention("a", ta.indexOf("Dmitry"), ta.indexOf(" said"),
            "Dmitry Peskov")),
        person("per:sergey-lavrov", "Sergey Lavrov", new Mention("b", tb.indexOf("Sergey"), tb.indexOf(" said"),
            "Sergey Lavrov")));
    FactTables.Result r = run(new FactTables(MiniLmEmbedder.shared()), List.of(a, b), ents);
    assertEquals(2, r.tables().get(0).facts().size(), r.tables().get(0).toString());
    // the same person under a shorter id (entity linking left two ids) is still one person to the veto
    assertEquals(Statements.surname("per:roger-b-taney"), Statements.surname("per:b-taney"));
  }

  @Test
  void quotesOfDifferentSpeakersOrDifferentWordsAreDifferentFacts() {
    // the mayor's plea, and the fire chief's praise of the mayor: they share her name and "said", nothing else
    String ta = "\"We need pumps and we need them now,\" Mayor Jane Holt said at the town hall on Monday evening.";
    String tb = "\"Jane Holt has done everything a mayor can do,\" said Tom Reyes, the fire chief.";
    String tc = "\"We owe the families answers,\" Mayor Jane Holt said as the inquiry opened.";
    Article a = article("a", "Daily A", null, "2024-03-04", ta);
    Article b = article("b", "Paper B", null, "2024-03-05", tb);
    Article c = article("c", "Journal C", null, "2024-03-28", tc);
    List<Entity> ents = List.of(
        person("per:jane-holt", "Jane Holt", new Mention("a", ta.indexOf("Jane"), ta.indexOf(" said"), "Jane Holt")),
        person("per:tom-reyes", "Tom Reyes", new Mention("b", tb.indexOf("Tom"), tb.indexOf(", the"), "Tom Reyes")));
    List<Quote> qs = List.of(quote(a, ta, "We need pumps and we need them now", "per:jane-holt"),
        quote(b, tb, "Jane Holt has done everything a mayor can do", "per:tom-reyes"),
        quote(c, tc, "We owe the families answers", "per:jane-holt"));
    List<Article> as = List.of(a, b, c);
    List<Story> stories = List.of(story("s1", as));
    FactTables.Result r = new FactTables(MiniLmEmbedder.shared()).apply(as, ents, qs, List.of(), stories, List.of(),
        views(stories, as));
    FactTable t = r.tables().get(0);
    assertEquals(3, t.facts().size(), t.toString());
    assertTrue(t.facts().stream().allMatch(FactTable.Fact::unique), t.toString());
    // the quoted words are what a quotation says; the same words from another outlet are one fact
    Article d = article("d", "Paper D", null, "2024-03-04", "\"We need pumps, and we need them now,\" Mayor Jane "
        + "Holt told reporters.");
    List<Article> ad = List.of(a, d);
    List<Story> sd = List.of(story("s2", ad));
    r = new FactTables(MiniLmEmbedder.shared()).apply(ad, ents, List.of(qs.get(0),
        quote(d, d.text(), "We need pumps, and we need them now", "per:jane-holt")), List.of(), sd, List.of(),
        views(sd, ad));
    assertEquals(1, r.tables().get(0).facts().size(), r.tables().get(0).toString());
  }

  private static Quote quote(Article a, String text, String words, String speaker) {
    int at = text.indexOf(words);
    return new Quote(a.id(), words, at, at + words.length(), "said", 0, 0, null, speaker, "direct", false);
  }

  private static Entity person(String id, String name, Mention m) {
    return new Entity(id, name, "PER", List.of(name), List.of(), List.of(m));
  }

  @Test
  void withoutEmbeddingsSharedWordsDecide() {
    Article a = article("a", "Daily A", null, "2025-02-19", "The city council approved the new tram line to the "
        + "airport on Monday evening.\n\nThe mayor thanked the engineers who drew the first plans in 1998.");
    Article b = article("b", "Paper B", null, "2025-02-19", "On Monday evening the city council approved a new tram "
        + "line to the airport.\n\nShops along the route fear months of roadworks.");
    FactTables.Result r = run(new FactTables(null), List.of(a, b), List.of());
    FactTable t = r.tables().get(0);
    assertEquals("words", t.method());
    assertEquals(2, t.facts().get(0).articles().size(), t.toString());
    OutletView.ArticleView va = r.outlets().get(0).articles().get(0);
    assertEquals(1, va.unique().size());
    assertTrue(va.unique().get(0).text().contains("engineers"));
    // day-granular publish dates still give a lag, in whole days
    assertEquals(0.0, va.hoursToFirstCoverage());
    assertEquals(0.0, FactTables.hoursAfter("2025-02-27", "2025-02-27T18:56:48+05:30"));
    assertEquals(24.0, FactTables.hoursAfter("2025-02-26T10:00:00Z", "2025-02-27"));
    assertNull(FactTables.hoursAfter(null, "2025-02-27"));
  }

  @Test
  void summariesPutTheMostReportedFactFirstOnceWithinTheBudget() {
    Article a = article("a", "Daily A", null, "2025-02-19T10:00:00Z", A);
    Article b = article("b", "Paper B", null, "2025-02-19T16:30:00Z", B);
    Article c = article("c", "Journal C", null, "2025-02-20T08:00:00Z", "Alma Reyes said she was happy with how "
        + "the Geneva talks went, calling them a first step toward restoring ties.\n\n"
        + "Opposition leaders called the talks premature and demanded a vote in parliament.");
    List<Article> as = List.of(a, b, c);
    List<Story> stories = List.of(story("s1", List.of(a, b)), story("s2", List.of(c)));
    List<Storyline> lines = List.of(new Storyline("l1", "Reyes talks", List.of("s1", "s2")));
    FactTables.Result r = new FactTables(MiniLmEmbedder.shared()).apply(as, List.of(), List.of(), List.of(),
        stories, lines, views(stories.subList(0, 1), as));
    assertEquals(List.of("s1", "l1"), r.tables().stream().map(FactTable::scope).toList());
    Map<String, Summary> byScope = new java.util.HashMap<>();
    for (Summary s : r.summaries()) byScope.put(s.scope(), s);
    assertEquals(Set.of("s1", "s2", "l1"), byScope.keySet());
    Summary line = byScope.get("l1");
    assertEquals("storyline", line.kind());
    assertEquals(3, line.sentences().get(0).reports(), line.toString());
    int chars = 0;
    Set<String> facts = new java.util.HashSet<>();
    for (Summary.Sentence s : line.sentences()) {
      Article of = as.stream().filter(x -> x.id().equals(s.article())).findFirst().orElseThrow();
      assertEquals(s.text(), of.text().substring(s.start(), s.end()));
      assertTrue(facts.add(s.fact()), "a fact twice: " + line);
      chars += s.text().length();
    }
    assertTrue(chars <= line.budget(), line.toString());
    // no fact twice: only one of the three wordings of the praise
    assertEquals(1, line.sentences().stream().filter(s -> s.text().contains("first step")).count(), line.toString());
    // a single report's story is summarised from its own sentences, in text order
    assertEquals("c", byScope.get("s2").sentences().get(0).article());
    assertNull(byScope.get("s2").sentences().get(0).fact());
  }

  @Test
  void theReportReadsBackWithTheNewSections() throws Exception {
    Article a = article("a", "Daily A", "Reyes praises Geneva talks", "2025-02-19T10:00:00Z", A);
    Article b = article("b", "Paper B", "Reyes pleased", "2025-02-19T16:30:00Z", B);
    FactTables.Result r = run(new FactTables(MiniLmEmbedder.shared()), List.of(a, b), List.of());
    org.storyline.model.Report rep = new org.storyline.model.Report("t", 1, List.of(a, b), List.of(), List.of(),
        List.of(), List.of(), List.of(story("s1", List.of(a, b))), List.of(), List.of(), List.of(), r.outlets(),
        r.tables(), r.summaries());
    String json = org.storyline.analyze.ReportJson.toJson(rep);
    org.storyline.model.Report back = org.storyline.analyze.ReportJson.read(
        new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(rep, back);
    // a report written before the sections existed reads as having none
    String old = json.replaceFirst(",\\s*\"facts\"[\\s\\S]*\\z", "}");
    assertEquals(List.of(), org.storyline.analyze.ReportJson.read(
        new java.io.ByteArrayInputStream(old.getBytes(java.nio.charset.StandardCharsets.UTF_8))).facts());
  }

  @Test
  void sameInputSameOutput() {
    Article a = article("a", "Daily A", "Reyes praises Geneva talks", "2025-02-19T10:00:00Z", A);
    Article b = article("b", "Paper B", "Reyes pleased", "2025-02-19T16:30:00Z", B);
    FactTables ft = new FactTables(MiniLmEmbedder.shared());
    assertEquals(run(ft, List.of(a, b), List.of()), run(ft, List.of(a, b), List.of()));
  }

  @Test
  void aTemporalAsStartsAClauseButAComparisonDoesNot() {
    String t = "The president praised early efforts by the new chancellor to mend strained ties as negotiators held "
        + "talks to restore staff at both embassies.";
    List<org.storyline.nlp.Span> cs = Statements.clauses(t, new org.storyline.nlp.Span(0, t.length()));
    assertEquals(2, cs.size(), cs.toString());
    assertTrue(cs.get(1).text(t).startsWith("as negotiators held talks"), cs.get(1).text(t));
    String u = "Exports of goods such as grain and timber rose sharply this spring as well as imports of farm "
        + "machinery and fuel, as many traders had expected.";
    assertEquals(1, Statements.clauses(u, new org.storyline.nlp.Span(0, u.length())).size());
  }

  private static List<String> cores(String t) {
    List<String> out = new ArrayList<>();
    for (org.storyline.nlp.Span[] c : Statements.cores(t, new org.storyline.nlp.Span(0, t.length()))) {
      out.add(c[0].text(t) + " | " + c[1].text(t));
    }
    return out;
  }

  @Test
  void aSubjectOfTwoPredicatesIsCarriedToEach() {
    assertEquals(List.of("The two cities | praised each other over the flood response",
        "The two cities | hinted at signing a new water deal"), cores("The two cities have also praised each other "
        + "over the flood response and hinted at signing a new water deal that could reshape the valley."));
    // a passive keeps its "was"; a connective and an adverb are no part of the subject
    assertEquals(List.of("the mayor | was questioned by reporters at the town hall",
        "the mayor | denied any wrongdoing over the contract"), cores("But the mayor was questioned by reporters at "
        + "the town hall and denied any wrongdoing over the contract, aides said."));
    // an "and" inside a predicate's object is no new predicate
    assertEquals(List.of("The army | sent two trucks and a boat to the lower town",
        "The army | evacuated forty families overnight"), cores("The army sent two trucks and a boat to the lower "
        + "town and evacuated forty families overnight."));
    assertEquals(List.of("The council | approved the city's spending plans", "The council | rejected the tax plan"),
        cores("The council eventually approved the city's spending plans and rejected the tax plan."));
    assertEquals(List.of("The mayor | visited the flooded streets", "The mayor | thanked the rescue crews",
        "The mayor | promised new flood defences"), cores("The mayor visited the flooded streets and thanked the "
        + "rescue crews and promised new flood defences."));
    // one predicate; a circumstance first; the "and" of a clause inside the predicate; a verb alone
    assertEquals(List.of(), cores("The water was still rising on Tuesday night, the fire chief said."));
    assertEquals(List.of(), cores("In 2012 she was given an award in Norvale and met its president."));
    assertEquals(List.of(), cores("The inquiry looked at whether firms rigged bids and fixed prices."));
    assertEquals(List.of(), cores("Racing resumed at the end of the lap but the leader spun and crashed into the "
        + "wall."));
    assertEquals(List.of("The firm | posted larger annual profits"),
        cores("The firm posted larger annual profits and predicted that it will outperform the market."));
  }

  @Test
  void oneOfTwoPredicatesReportedElsewhereIsNotUnique() {
    // each report joins two predicates under one subject; one of each pair states the same prospect in other
    // words, which the whole sentences, diluted by their other predicate, do not show
    String ta = "The two cities have also praised each other over the flood response and hinted at signing a new "
        + "water deal that could reshape the valley.\n\nThe harbour authority said 300 sandbags were placed along "
        + "the quay before the storm.";
    String tb = "The two cities agreed at the meeting last week in Norvale to reopen the old bridge and discussed "
        + "pursuing joint water projects including new reservoirs.\n\nFishermen in the northern villages moved their "
        + "boats inland on Tuesday night.";
    Article a = article("a", "Daily A", null, "2025-02-20", ta);
    Article b = article("b", "Paper B", null, "2025-02-20", tb);
    FactTables.Result r = run(new FactTables(MiniLmEmbedder.shared()), List.of(a, b), List.of());
    for (OutletView.ArticleView v : r.outlets().get(0).articles()) {
      assertEquals(1, v.unique().size(), v.toString());
      assertFalse(v.unique().get(0).text().contains("two cities"), v.toString());
    }
  }

  /** Leads of two reports: {@code lead} names Reyes first in each; the rest are each report's own. */
  private static FactTables.Result leads(String leadA, String leadB) {
    String ta = leadA + "\n\nThe harbour authority said 300 sandbags were placed along the quay before the storm.";
    String tb = leadB + "\n\nFishermen in the northern villages moved their boats inland on Tuesday night.";
    Article a = article("a", "Daily A", null, "2025-02-20", ta);
    Article b = article("b", "Paper B", null, "2025-02-20", tb);
    List<Entity> ents = List.of(new Entity("per:alma-reyes", "Alma Reyes", "PER", List.of("Alma Reyes"), List.of(),
        List.of(new Mention("a", ta.indexOf("Alma Reyes"), ta.indexOf("Alma Reyes") + 10, "Alma Reyes"),
            new Mention("b", tb.indexOf("Alma Reyes"), tb.indexOf("Alma Reyes") + 10, "Alma Reyes"))));
    return run(new FactTables(MiniLmEmbedder.shared()), List.of(a, b), ents);
  }

  @Test
  void twoLeadsOfOneHappeningInOtherWordsAreOneFact() {
    // the same person, the same kind of act (speech: "praised", "said"), at the head of both reports: the news they
    // share, however differently worded (their cosine is below the bar that any two sentences need)
    FactTables.Result r = leads("Alma Reyes praised early efforts by her neighbour's new leader to ease years of "
        + "strained ties.", "Speaking to army officers, Alma Reyes said initial contact with the government in "
        + "Valdora \"gives some hope\" that the border war will be resolved.");
    for (OutletView.ArticleView v : r.outlets().get(0).articles()) {
      assertEquals(1, v.unique().size(), v.toString());
      assertFalse(v.unique().get(0).text().contains("Reyes"), v.toString());
    }
  }
}
