package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.List;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Quote;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Timex;
import org.storyline.store.ArticleStore;

/**
 * The article page: metadata, the clean text with mentions, quotes, time expressions and the requested range marked,
 * the lines removed as boilerplate, and the revisions. {@code report} is the story's report (for the marks), or null
 * when the article has no story yet or a past revision is shown.
 */
public record ArticlePage(Article article, Story story, List<List<Marked.Piece>> paragraphs,
    List<ArticleStore.Revision> revisions, int revision, boolean highlighted, String link, int mentions, int quotes,
    int dates) {
  private static final org.storyline.nlp.SentenceSplitter SENTENCES = new org.storyline.nlp.SentenceSplitter();

  /**
   * {@code hl} is {@code START-END} in the text (or null); {@code entityHref} gives an entity's page link (or null
   * when there is none).
   */
  public static ArticlePage of(Article a, Story story, Report report, List<ArticleStore.Revision> revisions,
      int revision, String hl, java.util.function.Function<Entity, String> entityHref) {
    List<Marked.Mark> marks = new ArrayList<>();
    int nm = 0;
    int nq = 0;
    int nt = 0;
    if (report != null) {
      for (Entity e : report.entities()) {
        String href = entityHref.apply(e);
        for (Mention m : e.mentions()) {
          if (!m.article().equals(a.id())) continue;
          marks.add(new Marked.Mark(m.start(), m.end(), "m m-" + e.type().toLowerCase(java.util.Locale.ROOT),
              e.name() + " (" + e.type() + ")", href));
          nm++;
        }
      }
      for (Quote q : report.quotes()) {
        if (!q.article().equals(a.id())) continue;
        marks.add(new Marked.Mark(q.start(), q.end(), "q", "quote" + (q.speaker() == null ? ", speaker unknown"
            : " by " + q.speaker()), null));
        nq++;
      }
      for (Timex t : report.timexes()) {
        if (!t.article().equals(a.id())) continue;
        marks.add(new Marked.Mark(t.start(), t.end(), "t", t.type() + " " + t.value(), null));
        nt++;
      }
    }
    int[] range = range(hl, a.text().length());
    if (range != null) {
      marks.add(new Marked.Mark(range[0], range[1], "hl", "highlighted", null));
      // the sentence(s) around the highlighted range, lightly, so a quote is read in its sentence
      for (org.storyline.nlp.Span sp : SENTENCES.split(a.text())) {
        if (sp.end() > range[0] && sp.start() < range[1]) {
          marks.add(new Marked.Mark(sp.start(), sp.end(), "sent", null, null));
        }
      }
    }
    return new ArticlePage(a, story, Marked.paragraphs(a.text(), marks), revisions, revision, range != null,
        Links.external(a.url()), nm, nq, nt);
  }

  /** {@code START-END} within {@code [0, length]}, else null (a bad range is ignored, not an error). */
  static int[] range(String hl, int length) {
    if (hl == null) return null;
    int dash = hl.indexOf('-');
    if (dash <= 0) return null;
    try {
      int s = Integer.parseInt(hl.substring(0, dash));
      int e = Integer.parseInt(hl.substring(dash + 1));
      if (s < 0 || e <= s || e > length) return null;
      return new int[] {s, e};
    } catch (NumberFormatException ex) {
      return null;
    }
  }
}
