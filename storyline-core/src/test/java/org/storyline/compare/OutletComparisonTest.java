package org.storyline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.OutletView;
import org.storyline.model.Quote;
import org.storyline.model.Story;

class OutletComparisonTest {
  private static Article article(String id, String outlet, String text) {
    return new Article(id, id + ".txt", null, outlet, null, null, "2025-01-01", false, List.of(), "en", text,
        List.of(), List.of());
  }

  private static Quote quote(Article a, String words, String speaker) {
    int s = a.text().indexOf(words);
    return new Quote(a.id(), words, s, s + words.length(), "said", -1, -1, speaker, null, "direct", false);
  }

  @Test
  void eachArticleKeepsWhatOnlyItReportedAndWhomOnlyItQuoted() {
    String shared = "Flood waters closed the river bridge and the railway station in Kestrel on Tuesday morning.";
    Article a = article("a", "Daily One", shared + "\n\nThe mayor ordered 300 sandbags from the regional depot in "
        + "Harwick and asked volunteers to help.\n\n\u201cWe will hold the line at the old mill,\u201d said Ann Gray.");
    Article b = article("b", "Daily Two", shared + "\n\nInsurers expect claims from 120 shops along the flooded high "
        + "street, according to the chamber of commerce.");
    Article copy = article("c", "Daily Three", shared);
    Story s = new Story("s", "Flood", List.of("a", "b", "c"), null, null, List.of(),
        List.of(new Story.DuplicateGroup("a", List.of(new Story.Copy("c", 1.0, "near")))));
    List<OutletView> vs = new OutletComparison().compare(List.of(a, b, copy), List.of(),
        List.of(quote(a, "We will hold the line at the old mill,", "Ann Gray")), List.of(s));
    assertEquals(1, vs.size());
    OutletView v = vs.get(0);
    assertEquals(List.of("a", "b"), v.articles().stream().map(OutletView.ArticleView::article).toList());
    OutletView.ArticleView va = v.articles().get(0);
    OutletView.ArticleView vb = v.articles().get(1);
    assertTrue(va.unique().stream().anyMatch(f -> f.text().contains("300 sandbags")), va.toString());
    assertTrue(va.unique().stream().noneMatch(f -> f.text().contains("river bridge")), va.toString());
    assertTrue(vb.unique().stream().anyMatch(f -> f.text().contains("120 shops")), vb.toString());
    for (OutletView.Fact f : va.unique()) assertEquals(f.text(), a.text().substring(f.start(), f.end()));
    assertEquals(List.of("Ann Gray"), va.speakersOnlyHere());
    assertEquals(List.of(), vb.speakers());
  }

  @Test
  void aStoryOfOneArticleHasNothingToCompare() {
    Article a = article("a", "One", "Flood waters closed the river bridge and the railway station in Kestrel today.");
    Story s = new Story("s", "Flood", List.of("a"), null, null, List.of(), List.of());
    assertTrue(new OutletComparison().compare(List.of(a), List.of(), List.of(), List.of(s)).isEmpty());
  }
}
