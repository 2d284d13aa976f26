package org.storyline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storyline.analyze.ReportJson;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Event;
import org.storyline.model.Mention;
import org.storyline.model.OutletView;
import org.storyline.model.Quote;
import org.storyline.model.QuoteVariant;
import org.storyline.model.Report;
import org.storyline.model.Timex;

/**
 * What every stage of the pipeline owes its callers, checked on ordinary, hostile and random input: every offset
 * lies inside the article text it names and the text there is what the item says; the input is not changed; the same
 * input gives the same report, byte for byte; and no document makes the pipeline throw.
 */
class PipelineContractTest {
  private static final Pipeline PIPELINE = Pipeline.defaults(false);

  private static RawDocument text(String id, String content) {
    return new RawDocument(id, id + ".txt", RawDocument.Format.TEXT, content, RawDocument.Hints.NONE);
  }

  private static RawDocument html(String id, String content) {
    return new RawDocument(id, id + ".html", RawDocument.Format.HTML, content, RawDocument.Hints.NONE);
  }

  /** Ordinary news: two outlets, quotes, names, relative dates. */
  static List<RawDocument> news() {
    return List.of(
        text("a", """
            Harbour reopens after storm
            Coast News
            March 5, 2024

            The harbour of Port Alder reopened on Tuesday, two days after a storm sank three fishing boats, the \
            harbour master said.
            "We are back in business," harbour master Ines Calder told reporters on Tuesday. She said repairs would \
            cost about $2 million.
            Mayor Tom Reyes said on Monday that the town would ask the government for help.
            """),
        text("b", """
            Port Alder harbour open again
            Daily Post
            March 6, 2024

            Port Alder's harbour is open again, the town's harbour master, Ines Calder, said on Tuesday.
            "We're back in business," Calder said. Repairs will cost about $2 million, she added.
            The storm on Sunday sank three boats. Reyes, the mayor, said last week that the sea wall was too low.
            """));
  }

  /** Input that has broken other engines: markup, control characters, unbalanced quotes, long runs, mixed scripts. */
  static List<RawDocument> hostile() {
    List<RawDocument> d = new ArrayList<>();
    d.add(text("quotes", "\"\"\" \u201c\u201c \u201d said \" said said \"Unclosed quote by Mr. A. said"));
    d.add(text("control", "Title\u0000\u0007\n\u001b[2J Body with control\u0001 characters, said John Smith on Monday."));
    d.add(text("surrogates", "Lone \ud800 surrogate and emoji \ud83d\ude00 in a sentence, Jane Doe said on 3 May 2024."));
    d.add(text("dates", "On Monday, Tuesday, 1 May, 2 June 2020, 2021-13-45, 31/02/2024, last week, next year, "
        + "the 1990s and 25:61 the Prime Minister said."));
    d.add(text("long", "Word ".repeat(20_000) + "said the minister on Friday."));
    d.add(text("lines", "a\n".repeat(5_000)));
    d.add(text("rtl", "\u0627\u0644\u0633\u0644\u0627\u0645 \u05e9\u05dc\u05d5\u05dd \u4f60\u597d \u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435 said Li Wei."));
    d.add(html("html", "<html><head><title>T<script>alert(1)</script></title></head><body><article><h1>Head "
        + "<img src=x onerror=alert(1)></h1><p>\"Quote,\" said <b>Ann Lee</b> on Sunday.</p>" + "<div>".repeat(500)
        + "deep" + "</div>".repeat(500) + "</article></body></html>"));
    d.add(html("broken", "<p>unclosed <b><i>tags \"and quotes said Bob Ray</p></b"));
    return d;
  }

  /** Random characters from a news-like alphabet, seeded: the same every run. */
  static List<RawDocument> random() {
    Random r = new Random(42);
    String alphabet = "abcdefghij ABCDEFG .,;:'\"\u201c\u201d-\n0123456789 said Monday March 2024 Mr. Dr. ";
    List<RawDocument> d = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 50 + r.nextInt(3000);
      for (int j = 0; j < n; j++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      d.add(text("rnd" + i, sb.toString()));
    }
    return d;
  }

  private static Report run(List<RawDocument> docs) {
    Pipeline.Extracted x = PIPELINE.extract(docs);
    return PIPELINE.run(x.articles(), x.problems(), org.storyline.analyze.StageTimes.NONE);
  }

  @Test
  void offsetsPointIntoTheArticleTextOnOrdinaryInput() {
    Report r = run(news());
    assertEquals(2, r.articles().size());
    assertTrue(!r.quotes().isEmpty() && !r.entities().isEmpty() && !r.timexes().isEmpty(), "the fixture has quotes, "
        + "names and dates: " + r.quotes().size() + "/" + r.entities().size() + "/" + r.timexes().size());
    checkOffsets(r);
  }

  @Test
  void hostileAndRandomInputNeverThrowsAndKeepsOffsetsInside() {
    for (List<RawDocument> docs : List.of(hostile(), random())) {
      Report r = run(docs);
      checkOffsets(r);
      assertEquals(docs.size(), r.articles().size() + r.problems().size(),
          "every document is an article or a problem");
    }
  }

  @Test
  void sameInputSameReportAndTheInputIsNotChanged() {
    List<RawDocument> docs = new ArrayList<>(news());
    docs.addAll(hostile());
    List<RawDocument> copy = List.copyOf(docs);
    String first = ReportJson.toJson(run(docs));
    assertEquals(copy, docs, "the documents are not changed");
    assertEquals(first, ReportJson.toJson(run(docs)), "the same input gives the same report");
    Pipeline.Extracted x = PIPELINE.extract(docs);
    List<Article> articles = List.copyOf(x.articles());
    PIPELINE.run(x.articles());
    assertEquals(articles, x.articles(), "the articles are not changed");
  }

  /** Every evidence offset is inside its article's text, and the text there is what the item says it is. */
  static void checkOffsets(Report r) {
    Map<String, String> text = new HashMap<>();
    for (Article a : r.articles()) text.put(a.id(), a.text());
    for (Entity e : r.entities()) {
      for (Mention m : e.mentions()) {
        String t = inside(text, m.article(), m.start(), m.end(), "mention of " + e.name());
        assertEquals(m.text(), t.substring(m.start(), m.end()), "mention text of " + e.id());
      }
    }
    for (Quote q : r.quotes()) {
      String t = inside(text, q.article(), q.start(), q.end(), "quote");
      assertEquals(q.text(), t.substring(q.start(), q.end()), "quote text in " + q.article());
      if (q.cueStart() >= 0) inside(text, q.article(), q.cueStart(), q.cueEnd(), "quote cue");
    }
    for (Timex x : r.timexes()) {
      String t = inside(text, x.article(), x.start(), x.end(), "time expression");
      assertEquals(x.text(), t.substring(x.start(), x.end()), "time expression text in " + x.article());
    }
    for (QuoteVariant v : r.quoteVariants()) {
      for (QuoteVariant.Member m : v.members()) {
        String t = inside(text, m.article(), m.start(), m.end(), "quote variant");
        assertEquals(m.text(), t.substring(m.start(), m.end()), "variant text in " + m.article());
      }
    }
    for (Event e : r.events()) {
      for (Event.Evidence ev : e.evidence()) {
        String t = inside(text, ev.article(), ev.start(), ev.end(), "event evidence");
        assertEquals(ev.text(), t.substring(ev.start(), ev.end()), "event evidence text in " + ev.article());
        if (ev.timexStart() >= 0) inside(text, ev.article(), ev.timexStart(), ev.timexEnd(), "event date");
      }
    }
    for (OutletView o : r.outlets()) {
      for (OutletView.ArticleView a : o.articles()) {
        for (OutletView.Fact f : a.unique()) {
          String t = inside(text, a.article(), f.start(), f.end(), "unique fact");
          assertEquals(f.text(), t.substring(f.start(), f.end()), "fact text in " + a.article());
        }
      }
    }
  }

  private static String inside(Map<String, String> text, String article, int start, int end, String what) {
    String t = text.get(article);
    assertTrue(t != null, what + " names an article not in the report: " + article);
    assertTrue(0 <= start && start <= end && end <= t.length(),
        what + " offsets " + start + ".." + end + " outside " + article + " (" + t.length() + " chars)");
    return t;
  }
}
