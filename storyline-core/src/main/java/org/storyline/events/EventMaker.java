package org.storyline.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.storyline.model.Article;
import org.storyline.model.Event;

/**
 * Makes the {@link Event} of an {@link EventGroup}: its evidence sentences in report order, who and where ranked by
 * how many reports name them (who acted first), the phrase that states it best, its main kind of action, and whether
 * it is background (ended a week or more before its first report). Stateless.
 */
final class EventMaker {
  /** Mentions one report's naming someone as the subject of its phrase counts for, in ranking an event's who. */
  private static final int AGENT_WEIGHT = 2;
  /** Days before the earliest of its articles' publish dates that an event must end by to be background. */
  static final int BACKGROUND_DAYS = 7;

  private EventMaker() {}

  static Event event(EventGroup g, Set<String> ids) {
    List<Mark> marks = new ArrayList<>(g.marks);
    marks.sort(Comparator.comparing((Mark m) -> published(m.article())).thenComparing(m -> m.article().id())
        .thenComparingInt(m -> m.sentence().start()));
    List<Event.Evidence> evidence = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    Map<String, Integer> who = new LinkedHashMap<>();
    Map<String, Integer> where = new LinkedHashMap<>();
    for (Mark m : marks) {
      if (!seen.add(m.article().id() + ":" + m.sentence().start())) continue;
      evidence.add(new Event.Evidence(m.article().id(), m.sentence().start(), m.sentence().end(),
          m.sentence().text(m.article().text()), m.timexStart(), m.timexEnd(), m.phrase().recalled()));
      if (m.next() != null && seen.add(m.article().id() + ":" + m.next().start())) {
        evidence.add(new Event.Evidence(m.article().id(), m.next().start(), m.next().end(),
            m.next().text(m.article().text()),
            -1, -1));
      }
      for (String x : m.who()) who.merge(x, 1, Integer::sum);
      // who acted (the subject of a report's phrase) ranks before whom the reports only name
      for (String x : m.agents()) who.merge(x, AGENT_WEIGHT, Integer::sum);
      for (String x : m.where()) where.merge(x, 1, Integer::sum);
    }
    Mark first = marks.get(0);
    String id = "ev-" + first.article().id() + "-" + first.sentence().start();
    for (int k = 2; !ids.add(id); k++) id = "ev-" + first.article().id() + "-" + first.sentence().start() + "-" + k;
    long firstPublished = Long.MAX_VALUE;
    for (Mark m : marks) {
      Period p = m.article().published() == null ? null : Period.of(m.article().published().substring(0, Math.min(10,
          m.article().published().length())));
      if (p != null) firstPublished = Math.min(firstPublished, p.first());
    }
    boolean background = firstPublished != Long.MAX_VALUE && g.period.last() < firstPublished - BACKGROUND_DAYS;
    Mark best = headline(marks);
    String what = stated(best.phrase()) ? best.phrase().what() : best.clause().text(best.article().text());
    return new Event(id, g.period.value(), g.period.granularity(), g.dateFrom, what, ranked(who), ranked(where),
        evidence, background, kind(marks), first.clause().text(first.article().text()));
  }
  /**
   * The mark whose phrase states the event best: the phrase most reports word alike, then one that names an action
   * other than speech, one that says who acted, one of the news rather than a recalled date, then the earliest report.
   */
  private static Mark headline(List<Mark> marks) {
    Map<String, Integer> alike = new HashMap<>();
    for (Mark m : marks) {
      if (stated(m.phrase())) alike.merge(m.phrase().what().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    Mark best = marks.get(0);
    int bestScore = Integer.MIN_VALUE;
    for (Mark m : marks) {
      EventPhrase.Phrase p = m.phrase();
      int score = !stated(p) ? 0 : 1 + 8 * alike.get(p.what().toLowerCase(Locale.ROOT));
      if (p.kind() != null && !"say".equals(p.kind())) score += 4;
      if (p.kind() != null && !p.recalled()) score += 2;
      if (p.agent()) score += 3;
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best;
  }
  /** A phrase that states something: at least two words ("Talks" alone says too little). */
  private static boolean stated(EventPhrase.Phrase p) {
    return p.what().indexOf(' ') > 0;
  }
  private static String kind(List<Mark> marks) {
    Map<String, Integer> n = new TreeMap<>();
    for (Mark m : marks) {
      if (m.phrase().kind() != null) n.merge(m.phrase().kind(), "say".equals(m.phrase().kind()) ? 1 : 3, Integer::sum);
    }
    return n.isEmpty() ? null : java.util.Collections.max(n.entrySet(), Map.Entry.comparingByValue()).getKey();
  }
  private static List<String> ranked(Map<String, Integer> counts) {
    List<String> out = new ArrayList<>(counts.keySet());
    out.sort(Comparator.comparingInt((String x) -> -counts.get(x)));
    return out;
  }
  static String published(Article a) {
    return a.published() == null ? "\uffff" : a.published();
  }
}
