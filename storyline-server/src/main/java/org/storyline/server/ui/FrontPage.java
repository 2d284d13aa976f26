package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.storyline.model.Article;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.store.Snapshot;

/**
 * The front page: storylines (of two or more stories) and stories, newest first, each with its outlets and a
 * sparkline of its coverage; stories {@value #PAGE} a page.
 */
public record FrontPage(Snapshot snap, List<LineRow> storylines, List<StoryRow> stories, int offset, int total,
    Integer next, Integer previous) {
  public static final int PAGE = 50;

  public record StoryRow(Story story, String href, String first, String last, Charts.Spark spark, String storyline,
      String storylineHref) {}

  public record LineRow(Storyline line, String href, String first, String last, int articles, List<String> outlets,
      Charts.Spark spark) {}

  /** Newest first: by the latest date (undated last), then the earliest, then id. */
  static final Comparator<Story> NEWEST = Comparator
      .comparing((Story s) -> s.last() != null ? s.last() : s.first() != null ? s.first() : "",
          Comparator.reverseOrder())
      .thenComparing(s -> s.first() == null ? "" : s.first(), Comparator.reverseOrder())
      .thenComparing(Story::id);

  public static FrontPage of(Snapshot snap, int offset) {
    List<Story> all = new ArrayList<>(snap.stories());
    all.sort(NEWEST);
    int from = Math.max(0, Math.min(offset, Math.max(0, all.size() - 1)));
    int to = Math.min(all.size(), from + PAGE);
    List<StoryRow> rows = new ArrayList<>();
    for (Story s : all.subList(from, to)) {
      Storyline l = snap.storylineOf(s.id());
      boolean shown = l != null && l.stories().size() > 1;
      rows.add(new StoryRow(s, Links.story(s.id()), s.first(), s.last(), Charts.spark(dates(snap, s)),
          shown ? l.label() : null, shown ? Links.storyline(l.id()) : null));
    }
    List<LineRow> lines = new ArrayList<>();
    if (from == 0) {
      for (Storyline l : snap.storylines()) {
        if (l.stories().size() < 2) continue;
        List<String> ds = new ArrayList<>();
        Set<String> outlets = new LinkedHashSet<>();
        int n = 0;
        String first = null;
        String last = null;
        for (String sid : l.stories()) {
          Story s = snap.story(sid);
          if (s == null) continue;
          ds.addAll(dates(snap, s));
          outlets.addAll(s.outlets());
          n += s.articles().size();
          if (s.first() != null && (first == null || s.first().compareTo(first) < 0)) first = s.first();
          if (s.last() != null && (last == null || s.last().compareTo(last) > 0)) last = s.last();
        }
        lines.add(new LineRow(l, Links.storyline(l.id()), first, last, n, List.copyOf(outlets), Charts.spark(ds)));
      }
      lines.sort(Comparator.comparing((LineRow r) -> r.last() == null ? "" : r.last(), Comparator.reverseOrder())
          .thenComparing(r -> r.line().id()));
    }
    return new FrontPage(snap, lines, rows, from, all.size(), to < all.size() ? to : null,
        from > 0 ? Math.max(0, from - PAGE) : null);
  }

  static List<String> dates(Snapshot snap, Story s) {
    List<String> out = new ArrayList<>();
    for (String id : s.articles()) {
      Article a = snap.article(id);
      if (a != null && a.published() != null) out.add(a.published());
    }
    return out;
  }
}
