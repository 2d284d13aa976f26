package org.storyline.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;
import org.storyline.model.Quote;
import org.storyline.nlp.DefaultEntityStage;
import org.storyline.nlp.NamedEntityRecognizer;
import org.storyline.nlp.SentenceSplitter;
import org.storyline.nlp.Span;

class AnnotatedArticleTest {
  private static final String TEXT = "WASHINGTON (AP) — Sen. Marco Rubio met Gen. Keith Kellogg in the U.S. capital on"
      + " Jan. 5. \"We don't agree,\" Rubio said. The talks resume Monday.\n\nRussia's foreign minister, Sergei"
      + " Lavrov, said the meeting was useful... Officials in Kyiv declined to comment.";

  private static Article article(String id, String text) {
    return new Article(id, id + ".txt", null, null, null, null, "2025-01-06", false, List.of(), "en", text, List.of(),
        List.of());
  }

  @Test
  void sentencesAndTokensAreTheSplittersOnce() {
    SentenceSplitter splitter = new SentenceSplitter();
    AnnotatedArticle d = new Segmenter().segment(article("a", TEXT));
    assertEquals(splitter.split(TEXT), d.sentenceSpans());
    assertEquals(splitter.splitTokens(TEXT), d.sentenceTokens());
    assertEquals(splitter.splitTokens(TEXT).stream().flatMap(List::stream).toList(), d.tokens());
    assertEquals(5, d.sentences().size(), d.sentenceSpans().toString());
    int expected = 0;
    for (int i = 0; i < d.sentences().size(); i++) {
      Sentence s = d.sentences().get(i);
      assertEquals(expected, s.firstToken(), "sentences cover the tokens in order");
      expected = s.endToken();
      for (Span t : d.tokensOf(i)) assertTrue(s.span().start() <= t.start() && t.end() <= s.span().end());
    }
    assertEquals(d.tokens().size(), expected);
  }

  @Test
  void randomAndHostileTextGivesTheSplittersSegmentsWithOffsetsInside() {
    SentenceSplitter splitter = new SentenceSplitter();
    Segmenter segmenter = new Segmenter();
    String alphabet = "aB. !?\"'’“”()\n\n\u200b\ufeffU.S.-led 1,200.5 don't Gen. …—\t";
    Random r = new Random(12);
    for (int k = 0; k < 300; k++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(80);
      for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String text = b.toString();
      AnnotatedArticle d = segmenter.segment(article("r" + k, text));
      assertEquals(splitter.split(text), d.sentenceSpans(), text);
      assertEquals(splitter.splitTokens(text), d.sentenceTokens(), text);
      for (Span t : d.tokens()) assertTrue(t.end() <= text.length() && t.start() < t.end(), text);
    }
  }

  @Test
  void stagesAddToANewDocumentAndNeverChangeOne() {
    AnnotatedArticle d = new Segmenter().segment(article("a", TEXT));
    List<NamedEntityRecognizer.Found> found = new ArrayList<>(List.of(new NamedEntityRecognizer.Found(23, 34, "PER")));
    AnnotatedArticle m = d.withMentions(found);
    found.clear();
    assertNotSame(d, m);
    assertNull(d.mentions(), "the stage has not run on the original");
    assertEquals(1, m.mentions().size(), "copied on the way in");
    Quote q = new Quote("a", "We don't agree,", 101, 116, "said", 124, 128, "Marco Rubio", null, "direct", false);
    AnnotatedArticle mq = m.withQuotes(List.of(q)).withTimexes(List.of());
    assertEquals(List.of(q), mq.quotes());
    assertEquals(m.mentions(), mq.mentions());
    assertSame(d.tokens(), mq.tokens(), "tokens are shared, not recomputed");
    assertThrows(UnsupportedOperationException.class, () -> mq.tokens().add(new Span(0, 1)));
  }

  @Test
  void anotherVersionOfTheArticleMustHaveTheSameText() {
    Article a = article("a", TEXT);
    AnnotatedArticle d = new Segmenter().segment(a);
    Article inferred = a.withPublished("2025-01-05", true, "publish date inferred");
    assertSame(inferred, d.withArticle(inferred).article());
    assertThrows(IllegalArgumentException.class, () -> d.withArticle(article("a", TEXT + " More.")));
  }

  @Test
  void documentsAnswerFromTheHeldDocumentOrSegmentAnew() {
    Article a = article("a", TEXT);
    AnnotatedArticle d = new Segmenter().segment(a);
    Documents docs = Documents.of(List.of(d));
    assertSame(d, docs.of(a));
    Article other = article("a", "Another text. Under the same id.");
    assertEquals(new SentenceSplitter().split(other.text()), docs.sentences(other));
    assertEquals(new SentenceSplitter().split(TEXT), Documents.none().sentences(a));
  }

  @Test
  void entityStageOnSharedDocumentsFindsWhatItFindsAlone() {
    DefaultEntityStage stage = DefaultEntityStage.defaults();
    List<Article> articles = List.of(article("a", TEXT), article("b", "Sergei Lavrov met Marco Rubio in Riyadh."));
    Segmenter segmenter = new Segmenter();
    var docs = articles.stream().map(segmenter::segment).map(stage::recognize).toList();
    assertTrue(docs.get(1).mentions().size() >= 3, docs.get(1).mentions().toString());
    assertEquals(stage.apply(articles), stage.link(docs));
  }
}
