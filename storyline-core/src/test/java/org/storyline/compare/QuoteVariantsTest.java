package org.storyline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.Quote;
import org.storyline.model.QuoteVariant;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

class QuoteVariantsTest {
  private final QuoteVariants finder = new QuoteVariants();

  private static Article article(String id, String outlet, String published, String text) {
    return new Article(id, id + ".txt", null, outlet, null, null, published, false, List.of(), "en", text, List.of(),
        List.of());
  }

  /** The direct quote {@code words} in {@code a} (they must occur in its text). */
  private static Quote quote(Article a, String words, String speaker) {
    int s = a.text().indexOf(words);
    if (s < 0) throw new AssertionError(words + " not in " + a.id());
    return new Quote(a.id(), words, s, s + words.length(), "said", -1, -1, speaker, null, "direct", false);
  }

  private static Story story(String id, String... articles) {
    return new Story(id, "label", List.of(articles), null, null, List.of(), List.of());
  }

  @Test
  void rewordedQuoteAcrossOutletsIsOneStatementWithItsChanges() {
    Article a = article("a", "Daily One", "2025-02-19",
        "The minister said: \u201cIt's impossible to solve these issues without more trust between us,\u201d and left.");
    Article b = article("b", "Daily Two", "2025-02-20",
        "\u201cIt is impossible to solve those issues without more trust between us,\u201d the minister said.");
    List<Quote> qs = List.of(quote(a, "It's impossible to solve these issues without more trust between us,",
        "Ann Minister"), quote(b, "It is impossible to solve those issues without more trust between us,",
        "Ann Minister"));
    List<QuoteVariant> vs = finder.find(List.of(a, b), qs, List.of(story("s1", "a", "b")), List.of());
    assertEquals(1, vs.size());
    QuoteVariant v = vs.get(0);
    assertFalse(v.identical());
    assertEquals("Ann Minister", v.speaker());
    assertEquals(List.of("a", "b"), v.members().stream().map(QuoteVariant.Member::article).toList());
    for (QuoteVariant.Member m : v.members()) {
      Article art = m.article().equals("a") ? a : b;
      assertEquals(m.text(), art.text().substring(m.start(), m.end()));
    }
    assertEquals(List.of(new QuoteVariant.Change("b", "It's", "It is"), new QuoteVariant.Change("b", "these", "those")),
        v.changes());
  }

  @Test
  void sameWordsAreIdenticalAndUnrelatedQuotesStayApart() {
    Article a = article("a", "One", "2025-01-01", "\u201cWe will rebuild every bridge in the valley,\u201d she said. "
        + "\u201cThe budget is not ready yet, but it will be soon,\u201d he added.");
    Article b = article("b", "Two", "2025-01-01", "\u201cWe will rebuild every bridge in the valley!\u201d she said.");
    List<Quote> qs = new ArrayList<>(List.of(quote(a, "We will rebuild every bridge in the valley,", null),
        quote(a, "The budget is not ready yet, but it will be soon,", null),
        quote(b, "We will rebuild every bridge in the valley!", null)));
    List<QuoteVariant> vs = finder.find(List.of(a, b), qs, List.of(story("s", "a", "b")), List.of());
    assertEquals(1, vs.size());
    assertTrue(vs.get(0).identical());
    assertTrue(vs.get(0).changes().isEmpty());
    assertEquals(2, vs.get(0).members().size());
  }

  @Test
  void onlyQuotesOfOneStorylineOrStoryAreCompared() {
    Article a = article("a", "One", "2025-01-01", "\u201cWe will rebuild every bridge in the valley,\u201d she said.");
    Article b = article("b", "Two", "2025-03-01", "\u201cWe will rebuild every bridge in the valley,\u201d she said.");
    List<Quote> qs = List.of(quote(a, "We will rebuild every bridge in the valley,", null),
        quote(b, "We will rebuild every bridge in the valley,", null));
    List<Story> stories = List.of(story("s1", "a"), story("s2", "b"));
    assertTrue(finder.find(List.of(a, b), qs, stories, List.of()).isEmpty());
    List<QuoteVariant> linked = finder.find(List.of(a, b), qs, stories,
        List.of(new Storyline("l", "label", List.of("s1", "s2"))));
    assertEquals(1, linked.size());
  }

  @Test
  void alignmentNeedsEnoughSharedWords() {
    var shortA = QuoteVariants.normalise(QuoteVariants.surface("the talks were good"));
    var shortB = QuoteVariants.normalise(QuoteVariants.surface("the talks were good"));
    assertEquals(null, QuoteVariants.align(shortA, shortB));
    var a = QuoteVariants.normalise(QuoteVariants.surface("there are many results of the talks so far"));
    var b = QuoteVariants.normalise(QuoteVariants.surface("there is one result of the talks so far"));
    int[] r = QuoteVariants.align(a, b);
    assertTrue(r != null && r[0] == 0 && r[2] == 0, java.util.Arrays.toString(r));
  }
}
