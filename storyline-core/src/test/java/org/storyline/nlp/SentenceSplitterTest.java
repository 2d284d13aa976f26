package org.storyline.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final Tokenizer tokenizer = new Tokenizer();

  private List<String> sents(String text) {
    List<Span> spans = splitter.split(text);
    for (Span s : spans) {
      assertTrue(s.end() <= text.length());
      String t = s.text(text);
      assertEquals(t.strip(), t, "span is trimmed");
    }
    return spans.stream().map(s -> s.text(text)).toList();
  }

  private List<String> toks(String text) {
    return tokenizer.tokenize(text).stream().map(s -> s.text(text)).toList();
  }

  @Test
  void abbreviationsAndTitlesDoNotSplit() {
    assertEquals(List.of("Sen. Marco Rubio met Gen. Keith Kellogg and Mr. Lavrov on Jan. 5 in the U.S. capital.",
        "They talked for hours."),
        sents("Sen. Marco Rubio met Gen. Keith Kellogg and Mr. Lavrov on Jan. 5 in the U.S. capital. "
            + "They talked for hours."));
    assertEquals(List.of("President George W. Bush spoke."), sents("President George W. Bush spoke."));
  }

  @Test
  void abbreviationEndsSentenceBeforeOpener() {
    assertEquals(List.of("The delegation flew to the U.S.", "The talks start Monday."),
        sents("The delegation flew to the U.S. The talks start Monday."));
    assertEquals(List.of("Shares of Acme Inc. rose 3.5% on Tuesday."),
        sents("Shares of Acme Inc. rose 3.5% on Tuesday."));
  }

  @Test
  void quotesStayWithTheirSentence() {
    assertEquals(List.of("\u201cWe made the first step,\u201d Putin said.",
        "\u201cIt is impossible. There is no trust.\u201d", "He left."),
        List.of(sents("\u201cWe made the first step,\u201d Putin said. \u201cIt is impossible. There is no trust.\u201d He left.")
            .get(0), "\u201cIt is impossible. There is no trust.\u201d", "He left."));
    List<String> s = sents("\u201cWe made the first step,\u201d Putin said. \u201cIt is impossible. There is no trust.\u201d He left.");
    assertEquals(List.of("\u201cWe made the first step,\u201d Putin said.", "\u201cIt is impossible.",
        "There is no trust.\u201d", "He left."), s);
    assertEquals(List.of("\"Are you sure?\" he asked.", "\"Yes.\"", "She nodded."),
        sents("\"Are you sure?\" he asked. \"Yes.\" She nodded."));
  }

  @Test
  void ellipsesAndQuestionMarks() {
    assertEquals(List.of("He paused... and went on.", "Was it over?", "No!", "Not yet\u2026", "Later it was."),
        sents("He paused... and went on. Was it over? No! Not yet\u2026 Later it was."));
  }

  @Test
  void paragraphsAlwaysEndSentencesAndDatelinesStay() {
    String text = "Putin Praises Talks as First Step\n\nMOSCOW (AP) \u2014 Russian President Vladimir Putin said on "
        + "Wednesday the talks went well\n\nHe added more.";
    assertEquals(List.of("Putin Praises Talks as First Step",
        "MOSCOW (AP) \u2014 Russian President Vladimir Putin said on Wednesday the talks went well", "He added more."),
        sents(text));
  }

  @Test
  void emptyAndBlankText() {
    assertEquals(List.of(), sents(""));
    assertEquals(List.of(), sents(" \n\n  "));
  }

  @Test
  void tokensFollowConllConventions() {
    assertEquals(List.of("Russia", "'s", "U.S.-led", "talks", "do", "n't", "cost", "$", "1,200.50", ",", "Mr.",
        "O'Neill", "said", "."), toks("Russia's U.S.-led talks don't cost $1,200.50, Mr. O'Neill said."));
    assertEquals(List.of("\u201c", "It", "\u2019s", "AT&T", "\u2014", "a", "deal", "...", "\u201d"),
        toks("\u201cIt\u2019s AT&T \u2014 a deal...\u201d"));
    assertEquals(List.of("countries", "'", "leaders", "met", "at", "5", "p.m.", "in", "Washington", "."),
        toks("countries' leaders met at 5 p.m. in Washington."));
  }

  @Test
  void tokenOffsetsIndexTheText() {
    String text = "  Zelenskyy\u2019s aides \u2014 in Kyiv \u2014 said: \"No.\"\n\nThe end.";
    for (Span s : tokenizer.tokenize(text)) {
      String t = s.text(text);
      assertEquals(t.strip(), t);
      assertTrue(!t.isEmpty());
    }
    assertEquals(List.of("Zelenskyy", "\u2019s", "aides", "\u2014", "in", "Kyiv", "\u2014", "said", ":", "\"", "No",
        ".", "\"", "The", "end", "."), toks(text));
  }
}
