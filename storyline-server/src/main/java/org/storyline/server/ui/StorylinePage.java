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
public record StorylinePage(Storyline line, List<Story> stories, List<Dated> events, Charts.Timeline chart) {

  /** An event with the story it belongs to. */
  public record Dated(Event event, Story story, String href) {}

  /** {@code eventsOf} gives each story's dated events (from its view). */
  public static StorylinePage of(Storyline line, List<Story> stories, java.util.function.Function<Story,
      List<Event>> eventsOf) {
    List<Charts.Item> items = new ArrayList<>();
    List<Dated> events = new ArrayList<>();
    for (Story s : stories) {
      String row = s.label() == null ? s.id() : s.label();
      items.add(new Charts.Item(row, Charts.day(s.first()), Charts.day(s.last() == null ? s.first() : s.last()),
          row + " (" + (s.first() == null ? "undated" : s.first() + (s.last() != null && !s.last().equals(s.first())
              ? " to " + s.last() : "")) + ", " + s.articles().size() + " articles)", Links.story(s.id()), false));
      for (Event e : eventsOf.apply(s)) {
        events.add(new Dated(e, s, StoryPage.href(e)));
        items.add(new Charts.Item(row, Charts.firstDay(e.date()), null, e.date() + ": " + e.what(), StoryPage.href(e),
            !"text".equals(e.dateFrom())));
      }
    }
    events.sort(Comparator.comparing((Dated d) -> d.event().date()).thenComparing(d -> d.event().id()));
    return new StorylinePage(line, stories, events, Charts.timeline(items, 720, 200));
  }
}
