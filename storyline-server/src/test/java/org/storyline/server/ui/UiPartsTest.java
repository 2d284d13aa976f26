package org.storyline.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UiPartsTest {
  @Test
  void aReportOfUnknownOutletIsCountedApartFromTheOutlets() {
    var named = new org.storyline.model.Article("a", "t", "T", "Coast News", null, null, "2024-03-04", false,
        List.of(), "en", "Text.", List.of(), List.of());
    var unknown = new org.storyline.model.Article("b", "t", "T", " ", null, null, "2024-03-04", true, List.of(), "en",
        "Text.", List.of(), List.of());
    var page = new StoryPage(null, null, List.of(named, unknown), null, null, null, null, null, null, null, null, null,
        null);
    assertEquals(1, page.unknownOutlets());
  }

  @Test
  void linksEncodeIdsAsOneSegmentAndOnlyHttpUrlsBecomeLinks() {
    assertEquals("/articles/a%20b%2Fc%3F%23%25%C3%A9", Links.article("a b/c?#%é"));
    assertEquals("/entities/per%3Ajane-holt", Links.entity("per:jane-holt"));
    assertEquals("/articles/x?hl=3-9#hl", Links.article("x", 3, 9));
    assertEquals("/articles/x", Links.article("x", -1, -1));
    assertEquals("https://a.example/x", Links.external(" https://a.example/x "));
    assertNull(Links.external("javascript:alert(1)"));
    assertNull(Links.external("JaVaScRiPt:alert(1)"));
    assertNull(Links.external("data:text/html,x"));
    assertNull(Links.external("https://a.example/\u0000x"));
  }

  @Test
  void markedTextCutsAtEveryBoundaryAndLosesNothing() {
    String text = "Jane Holt said \"we need pumps\" today.\n\nSecond paragraph.";
    List<Marked.Mark> marks = List.of(new Marked.Mark(0, 9, "m", "Jane Holt (PER)", "/entities/per%3Ajane-holt"),
        new Marked.Mark(16, 29, "q", "quote", null), new Marked.Mark(19, 23, "hl", null, null),
        new Marked.Mark(31, 36, "t", "DATE", null), new Marked.Mark(50, 999, "t", null, null));
    List<List<Marked.Piece>> paras = Marked.paragraphs(text, marks);
    assertEquals(2, paras.size());
    String joined = paras.stream().map(p -> p.stream().map(Marked.Piece::text).collect(Collectors.joining()))
        .collect(Collectors.joining("\n\n"));
    assertEquals(text, joined);
    Marked.Piece need = paras.get(0).stream().filter(p -> p.text().equals("need")).findFirst().orElseThrow();
    assertEquals("q hl", need.classes());
    assertTrue(need.anchor() && need.highlighted());
    assertEquals("/entities/per%3Ajane-holt", paras.get(0).get(0).href());
    assertEquals(1, paras.stream().flatMap(List::stream).filter(Marked.Piece::anchor).count());
  }

  @Test
  void wordDiffMarksAddedAndLeftOutWordsIgnoringCaseAndPunctuation() {
    List<WordDiff.Token> d = WordDiff.diff("We need pumps and we need them now", "We need pumps, and we need them right now");
    assertEquals(List.of("right "), d.stream().filter(t -> t.kind().equals("added")).map(WordDiff.Token::text).toList());
    assertTrue(d.stream().noneMatch(t -> t.kind().equals("removed")));
    List<WordDiff.Token> e = WordDiff.diff("we need them now", "we need now");
    assertEquals(List.of("them "), e.stream().filter(t -> t.kind().equals("removed")).map(WordDiff.Token::text).toList());
    assertTrue(!WordDiff.differs(WordDiff.diff("A b.", "a B")));
  }

  @Test
  void sparklineAndTimelineStayInsideTheirBox() {
    Charts.Spark s = Charts.spark(List.of("2024-03-04", "2024-03-05T10:00:00Z", "2024-03-05", "bad", "2024-06-30"));
    assertEquals("4 articles from 2024-03-04 to 2024-06-30", s.summary());
    for (Charts.Bar b : s.bars()) assertTrue(b.x() >= 0 && b.x() + b.w() <= s.width() + 0.01 && b.y() >= 0, b.toString());
    Charts.Timeline t = Charts.timeline(List.of(
        new Charts.Item("A", Charts.day("2024-03-01"), Charts.day("2024-03-10"), "a", "/a", false),
        new Charts.Item("B", Charts.day("2024-03-05"), null, "b", "/b", true),
        new Charts.Item("C", null, null, "undated", "/c", false)), 720, 150);
    assertEquals(2, t.rows().size());
    assertEquals(2, t.items().size());
    for (Charts.Placed p : t.items()) assertTrue(p.x1() >= 150 && p.x2() <= 720, p.toString());
    assertEquals("start", t.ticks().get(0).anchor());
    assertEquals("2024-03-01", String.valueOf(Charts.firstDay("2024-03")));
    assertEquals("2024-03-04", String.valueOf(Charts.firstDay("2024-W10")));
    assertNull(Charts.firstDay("2024"));
    assertNull(Charts.firstDay("PRESENT_REF"));
    assertEquals("end", t.ticks().get(t.ticks().size() - 1).anchor());
    // the phone layout: the same rows and items across the whole narrow width, each name above its line
    Charts.Timeline n = Charts.stacked(t);
    assertEquals(Charts.NARROW, n.width());
    assertEquals(List.of("A", "B"), n.rows().stream().map(Charts.Row::name).toList());
    assertEquals(2, n.items().size());
    for (Charts.Placed p : n.items()) assertTrue(p.x1() >= 0 && p.x2() <= Charts.NARROW, p.toString());
    assertEquals(8.0, n.items().get(0).x1(), 0.01); // the first day at the left edge, not after a name column
    for (Charts.Row r : n.rows()) assertTrue(r.nameY() < r.y() - 10, r.toString());
    assertTrue(n.ticks().size() <= 3, n.ticks().toString());
  }

  @Test
  void searchSnippetsSplitIntoMatchedParts() {
    List<SearchPage.Part> p = SearchPage.parts("a «flood» hit «Port» end");
    assertEquals(5, p.size());
    assertTrue(p.get(1).match() && p.get(1).text().equals("flood"));
    assertEquals("/search?q=a%20b&outlet=Daily%20Post",
        new SearchPage.Filters("a b", null, null, null, null, null, 40).with("outlet", "Daily Post"));
  }
}
