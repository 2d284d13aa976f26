package org.storyline.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The grouping stage of the {@link EventTimeline}: within one storyline (or story), dated sentences of compatible
 * dates (the same date, or a finer date inside a coarser one) that share enough names and words, or tell one kind of
 * action by the same actors, become one {@link EventGroup}. Candidates are looked up by calendar month and year, so a
 * sentence is compared with the events of its time only. Thread-safe (the work counter is atomic).
 */
final class EventGrouping {
  /** Shared names and words two sentences of the same date need to be one event. */
  static final int SAME_DATE_EVIDENCE = 2;
  /** The same, for a date inside another ("last week" and "Tuesday"; "2022" and "February 2022"). */
  static final int NESTED_DATE_EVIDENCE = 3;
  /** Evidence a shared kind of action counts for, and one person's words on one day. */
  private static final int KIND_BONUS = 3;
  /** Shared names and words two reports whose kinds of action differ need to be one event. */
  static final int INCOMPATIBLE_EVIDENCE = 5;
  private static final int PERSON_BONUS = 2;
  /** A name or word in more than 1/COMMON_SHARE of a storyline's dated sentences is no evidence of one event. */
  private static final int COMMON_SHARE = 4;
  private static final int MIN_MARKS_FOR_COMMON = 8;

  /** Units of work done (candidate events compared), shared with the timeline. */
  private final AtomicLong work;

  EventGrouping(AtomicLong work) {
    this.work = Objects.requireNonNull(work);
  }

  List<EventGroup> group(List<Mark> marks) {
    // finer dates first, so a coarse mention ("2022") joins the event its precise one ("February 2022") started
    List<Mark> order = new ArrayList<>(marks);
    // and of one date, the marks that name someone or somewhere first: a lead with no names ("Talks focused on ...")
    // then joins the happening of its kind rather than starting one every later report would join
    order.sort(Comparator.comparingLong((Mark m) -> m.period().last() - m.period().first()).thenComparing(m -> m.names()
        .isEmpty()).thenComparing(m -> EventMaker.published(
        m.article())).thenComparing(m -> m.article().id()).thenComparingInt(m -> m.sentence().start()));
    // names and words in most of a storyline's dated sentences ("Russia" in a Russia storyline) tell no event apart
    Map<String, Integer> df = new HashMap<>();
    for (Mark m : marks) {
      for (String x : m.names()) df.merge(x, 1, Integer::sum);
      for (String x : m.terms()) df.merge(x, 1, Integer::sum);
    }
    Set<String> common = new java.util.HashSet<>();
    if (marks.size() >= MIN_MARKS_FOR_COMMON) {
      for (var e : df.entrySet()) if (e.getValue() * COMMON_SHARE > marks.size()) common.add(e.getKey());
    }
    List<EventGroup> groups = new ArrayList<>();
    // candidate events by calendar month (day and week events) and by year (month and year events), so a mark is
    // compared with the events of its month and the coarser ones of its year, not with the whole storyline
    Map<Long, List<EventGroup>> fineByMonth = new HashMap<>();
    Map<Integer, List<EventGroup>> coarseByYear = new HashMap<>();
    for (Mark m : order) {
      EventGroup best = null;
      int bestN = 0;
      List<EventGroup> cands = new ArrayList<>();
      LocalDate f = LocalDate.ofEpochDay(m.period().first());
      LocalDate l = LocalDate.ofEpochDay(m.period().last());
      for (LocalDate d = f.withDayOfMonth(1); !d.isAfter(l); d = d.plusMonths(1)) {
        cands.addAll(fineByMonth.getOrDefault(monthKey(d), List.of()));
      }
      for (int y = f.getYear(); y <= l.getYear(); y++) cands.addAll(coarseByYear.getOrDefault(y, List.of()));
      work.addAndGet(cands.size());
      for (EventGroup g : cands) {
        boolean same = g.period.equals(m.period());
        if (!same && !m.period().contains(g.period) && !g.period.contains(m.period())) continue;
        int n = g.evidence(m, common);
        boolean enough = n >= (same ? SAME_DATE_EVIDENCE : NESTED_DATE_EVIDENCE);
        // one kind of action by the same actors or at the same place ("met", "talks", "discussions"), even when
        // the names are common to the storyline; one person's words on one day (a speech, a press conference)
        int shared = g.sharedNames(m);
        // reports whose kinds of action differ need many shared words ("flood waters reached ... closing the river
        // bridge" and "the river bridge ... closed"), not two ("Putin said" and "diplomats met", both naming the US)
        if (!g.compatible(m)) enough &= g.sentenceEvidence(m, common) >= INCOMPATIBLE_EVIDENCE;
        if (g.sameKind(m) && (shared > 0 || m.names().isEmpty())) {
          enough = true;
          n += KIND_BONUS + shared;
        } else if (same && m.period().granularity().equals("day") && "say".equals(m.phrase().kind())
            && !java.util.Collections.disjoint(g.speakers, m.persons())) {
          enough = true;
          n += PERSON_BONUS;
        }
        if (!enough || n <= bestN) continue;
        best = g;
        bestN = n;
      }
      // a date that only recalls something no action word names ("his country's 2014 boundaries") is no event
      if (best == null && m.phrase().recalled() && m.phrase().kind() == null) continue;
      if (best == null) {
        best = new EventGroup();
        groups.add(best);
        best.add(m);
        boolean fine = m.period().last() - m.period().first() <= 7;
        if (fine) {
          for (LocalDate d = f.withDayOfMonth(1); !d.isAfter(l); d = d.plusMonths(1)) {
            fineByMonth.computeIfAbsent(monthKey(d), k -> new ArrayList<>()).add(best);
          }
        } else {
          for (int y = f.getYear(); y <= l.getYear(); y++) {
            coarseByYear.computeIfAbsent(y, k -> new ArrayList<>()).add(best);
          }
        }
      } else {
        best.add(m);
      }
    }
    return groups;
  }

  private static long monthKey(LocalDate d) {
    return d.getYear() * 12L + d.getMonthValue();
  }
}
