package org.storyline.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Event;
import org.storyline.model.Mention;
import org.storyline.model.Quote;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.model.Timex;

/**
 * Dated events as a timeline: every sentence with a calendar date (a resolved time expression: "on Tuesday" in an
 * article of Wednesday 2025-02-19 is 2025-02-18) is the evidence of an event on that date; an article whose lead
 * states no date reports an event on its publish date. Within one storyline (or story), sentences of compatible
 * dates (the same date, or a finer date inside a coarser one) that name the same people, places and things are one
 * event, so the timeline shows each event once with every article that reports it.
 *
 * <p>The stages: {@link DatedSentences} (each article's dated sentences, as {@link Mark}s), {@link EventGrouping}
 * (marks of one storyline into {@link EventGroup}s) and {@link EventMaker} (an {@link Event} of each group); a date
 * is a {@link Period}.
 *
 * <p>Deterministic and thread-safe.
 */
public final class EventTimeline {
  /** Units of work done (mentions looked at, characters tokenised, candidate events compared): for tests. */
  private final AtomicLong work = new AtomicLong();
  private final DatedSentences dated = new DatedSentences(work);
  private final EventGrouping grouping = new EventGrouping(work);

  long work() {
    return work.get();
  }

  /** The events, and for each article whose dated sentences were not all used, why (for its diagnostics). */
  public record Found(List<Event> events, Map<String, String> diagnostics) {}

  public List<Event> find(List<Article> articles, List<Entity> entities, List<Quote> quotes, List<Timex> timexes,
      List<Story> stories, List<Storyline> storylines) {
    return findAll(articles, entities, quotes, timexes, stories, storylines).events();
  }

  /**
   * {@link #find}, with a diagnostic for each article whose work was cut
   * ({@link DatedSentences#MAX_MARKS_PER_ARTICLE}).
   */
  public Found findAll(List<Article> articles, List<Entity> entities, List<Quote> quotes, List<Timex> timexes,
      List<Story> stories, List<Storyline> storylines) {
    // a date inside a direct quote is the speaker's ("Today I heard..."): no event of the article's own
    Map<String, List<Quote>> quoted = new HashMap<>();
    for (Quote q : quotes) {
      if ("direct".equals(q.kind())) quoted.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q);
    }
    Map<String, List<Mention>> mentions = new HashMap<>();
    Map<Mention, Entity> entityOf = new HashMap<>();
    for (Entity e : entities) {
      for (Mention m : e.mentions()) {
        mentions.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(m);
        entityOf.put(m, e);
      }
    }
    Map<String, List<Timex>> timexesOf = new HashMap<>();
    for (Timex t : timexes) timexesOf.computeIfAbsent(t.article(), k -> new ArrayList<>()).add(t);
    Map<String, String> scope = org.storyline.compare.Scopes.of(stories, storylines);
    Map<String, List<Mark>> byScope = new TreeMap<>();
    Map<String, String> notes = new java.util.concurrent.ConcurrentHashMap<>();
    List<List<Mark>> perArticle = articles.parallelStream()
        .map(a -> dated.marks(a, mentions.getOrDefault(a.id(), List.of()), entityOf, timexesOf.getOrDefault(a.id(),
            List.of()), quoted.getOrDefault(a.id(), List.of()), notes))
        .toList();
    for (int i = 0; i < articles.size(); i++) {
      String sc = scope.getOrDefault(articles.get(i).id(), "article:" + articles.get(i).id());
      byScope.computeIfAbsent(sc, k -> new ArrayList<>()).addAll(perArticle.get(i));
    }
    List<EventGroup> groups = new ArrayList<>();
    for (List<Mark> marks : byScope.values()) groups.addAll(grouping.group(marks));
    List<Event> out = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (EventGroup g : groups) out.add(EventMaker.event(g, ids));
    out.sort(Comparator.comparingLong((Event e) -> Period.of(e.date()).first())
        .thenComparingLong(e -> Period.of(e.date()).last()).thenComparing(Event::id));
    return new Found(out, new TreeMap<>(notes));
  }

  /** The last day (epoch day) of the period a TIMEX3 calendar value names, or {@link Long#MIN_VALUE}. */
  public static long lastDay(String value) {
    Period p = Period.of(value);
    return p == null ? Long.MIN_VALUE : p.last();
  }
}
