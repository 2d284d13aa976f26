package org.storyline.cli;

import java.io.PrintWriter;
import java.util.List;
import org.storyline.events.EventTimeline;
import org.storyline.model.Article;
import org.storyline.model.Event;
import org.storyline.model.OutletView;
import org.storyline.model.QuoteVariant;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

/** A readable text summary of a report, for the terminal. */
final class Summary {
  /** Events printed in the timeline (all are in the report). */
  private static final int TIMELINE_LINES = 25;
  /** Events ending this many days before the earliest article are background, counted but not listed. */
  private static final int BACKGROUND_DAYS = 7;

  private Summary() {}

  static void print(Report r, PrintWriter out) {
    out.printf("%d articles, %d stories, %d storylines, %d entities, %d quotes, %d time expressions; %d inputs "
        + "skipped or read in part%n%n", r.articles().size(), r.stories().size(), r.storylines().size(),
        r.entities().size(), r.quotes().size(), r.timexes().size(), r.problems().size());
    for (Article a : r.articles()) {
      out.printf("  %-28s %-11s %-22s %s%n", clip(a.id(), 28), day(a),
          clip(a.outlet() == null ? "?" : a.outlet(), 22), a.title() == null ? "(no title)" : clip(a.title(), 70));
    }
    if (r.articles().stream().anyMatch(Article::publishedInferred)) {
      out.println("  (~ publish date inferred, see the article's diagnostics)");
    }
    if (!r.stories().isEmpty()) {
      out.println();
      out.println("Stories:");
      for (Story s : r.stories()) {
        out.printf("  %s  %s..%s  %d articles, %d outlets  %s%n", s.id(), s.first(), s.last(), s.articles().size(),
            s.outlets().size(), s.label());
      }
    }
    if (!r.storylines().isEmpty()) {
      out.println();
      out.println("Storylines (stories linked over time):");
      for (Storyline l : r.storylines()) {
        out.printf("  %s  %d stories  %s%n", l.id(), l.stories().size(), l.label());
        for (String id : l.stories()) {
          Story s = r.stories().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
          out.printf("      %-10s %s%n", s == null || s.first() == null ? "?" : s.first(), s == null ? id : s.label());
        }
      }
    }
    if (!r.events().isEmpty()) {
      // the news of the collection's own weeks; older background events ("annexed Crimea in 2014") are counted
      String from = r.articles().stream().map(Article::published).filter(java.util.Objects::nonNull)
          .map(p -> p.substring(0, Math.min(10, p.length()))).min(String::compareTo).orElse("");
      long since = from.isEmpty() ? Long.MIN_VALUE : EventTimeline.lastDay(from) - BACKGROUND_DAYS;
      List<Event> news = r.events().stream().filter(e -> EventTimeline.lastDay(e.date()) >= since).toList();
      out.println();
      out.printf("Timeline (%d dated events, %d of them background before %s; the report's events give every "
          + "sentence):%n", r.events().size(), r.events().size() - news.size(), from.isEmpty() ? "?"
          : java.time.LocalDate.ofEpochDay(since + 1));
      for (Event e : news.subList(0, Math.min(TIMELINE_LINES, news.size()))) {
        java.util.Set<String> arts = new java.util.TreeSet<>();
        for (Event.Evidence ev : e.evidence()) arts.add(ev.article());
        out.printf("  %-10s %s%s  [%d article%s]%n", e.date(), clip(e.what(), 100),
            e.dateFrom().equals("text") ? "" : " (dated by " + e.dateFrom() + " date)", arts.size(),
            arts.size() == 1 ? "" : "s");
      }
      if (news.size() > TIMELINE_LINES) out.printf("  ... %d more%n", news.size() - TIMELINE_LINES);
    }
    if (!r.outlets().isEmpty()) {
      out.println();
      out.println("What each article reported that the others of its story did not (the report's outlets):");
      for (OutletView v : r.outlets()) {
        out.printf("  %s%n", v.story());
        for (OutletView.ArticleView a : v.articles()) {
          out.printf("    %-28s %s; quotes %s%n", clip(a.article(), 28), a.outlet() == null ? "?" : a.outlet(),
              a.speakers().isEmpty() ? "nobody" : String.join(", ", a.speakers()));
          if (!a.unique().isEmpty()) out.printf("      only here: %s%n", clip(a.unique().get(0).text(), 100));
        }
      }
    }
    long reworded = r.quoteVariants().stream().filter(v -> !v.identical()).count();
    if (reworded > 0) {
      out.println();
      out.printf("Quotes worded differently by different articles (%d; all in the report's quoteVariants):%n",
          reworded);
      r.quoteVariants().stream().filter(v -> !v.identical()).limit(5).forEach(v -> {
        out.printf("  %s: \u201c%s\u201d%n", v.speaker() == null ? "(speaker unknown)" : v.speaker(),
            clip(v.members().get(0).text(), 90));
        for (QuoteVariant.Change c : v.changes()) {
          out.printf("      %-28s \u201c%s\u201d -> \u201c%s\u201d%n", clip(c.article(), 28), c.from(), c.to());
        }
      });
    }
    out.flush();
  }

  /** The publish day (a date-time shows its date), "~" marking an inferred one, "?" when unknown. */
  private static String day(Article a) {
    if (a.published() == null) return "?";
    String d = a.published().length() > 10 ? a.published().substring(0, 10) : a.published();
    return a.publishedInferred() ? d + "~" : d;
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
