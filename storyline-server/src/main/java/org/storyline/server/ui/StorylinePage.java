package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.storyline.model.Event;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

/**
 * The storyline page: its stories in time order and their dated events, drawn as one timeline (a row per story,
 * its span a bar, each dated event a dot on the story's row) and listed below.
 */
public record StorylinePage(Storyline line, List<Story> stories, List<Dated> events, Charts.Timeline chart,
    int outside) {
  /** Days around the stories' span in which a dated event is still drawn on the chart. */
  static final int MARGIN_DAYS = 14;

  /** An event with the story it belongs to. */
  public record Dated(Event event, Story story, String href) {}

  /** {@code eventsOf} gives each story's dated events (from its view). */
  public static StorylinePage of(Storyline line, List<Story> stories, java.util.function.Function<Story,
      List<Event>> eventsOf) {
    List<Charts.Item> items = new ArrayList<>();
    List<Dated> events = new ArrayList<>();
    java.time.LocalDate min = null;
    java.time.LocalDate max = null;
    for (Story s : stories) {
      java.time.LocalDate f = Charts.day(s.first());
      java.time.LocalDate l = Charts.day(s.last() == null ? s.first() : s.last());
      if (f != null && (min == null || f.isBefore(min))) min = f;
      if (l != null && (max == null || l.isAfter(max))) max = l;
    }
    // events dated long before or after the stories (history the articles recall) are listed, not drawn: they
    // would squeeze the stories' weeks into a corner of the chart
    java.time.LocalDate lo = min == null ? null : min.minusDays(MARGIN_DAYS);
    java.time.LocalDate hi = max == null ? null : max.plusDays(MARGIN_DAYS);
    int outside = 0;
    for (Story s : stories) {
      String row = s.label() == null ? s.id() : s.label();
      items.add(new Charts.Item(row, Charts.day(s.first()), Charts.day(s.last() == null ? s.first() : s.last()),
          row + " (" + (s.first() == null ? "undated" : s.first() + (s.last() != null && !s.last().equals(s.first())
              ? " to " + s.last() : "")) + ", " + s.articles().size() + " articles)", Links.story(s.id()), false));
      for (Event e : eventsOf.apply(s)) {
        events.add(new Dated(e, s, StoryPage.href(e)));
        java.time.LocalDate d = Charts.firstDay(e.date());
        if (d == null || lo == null || d.isBefore(lo) || d.isAfter(hi)) {
          outside++;
          continue;
        }
        items.add(new Charts.Item(row, d, null, e.date() + ": " + e.what(), StoryPage.href(e),
            !"text".equals(e.dateFrom())));
      }
    }
    events.sort(Comparator.comparing((Dated d) -> d.event().date()).thenComparing(d -> d.event().id()));
    return new StorylinePage(line, stories, events, Charts.timeline(items, 720, 200), outside);
  }
}
