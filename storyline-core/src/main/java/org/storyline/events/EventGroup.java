package org.storyline.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A candidate event while the timeline is grouped: the dated sentences ({@link Mark}s) taken as one happening, with
 * the union of their names, words, kinds of action and people, and the finest period among them.
 */
final class EventGroup {
  Period period;
  String dateFrom;
  final List<Mark> marks = new ArrayList<>();
  final Set<String> names = new LinkedHashSet<>();
  final Set<String> terms = new LinkedHashSet<>();
  /** The main action kinds of the marks, and every action kind their clauses name. */
  final Set<String> kinds = new LinkedHashSet<>();
  final Set<String> allKinds = new LinkedHashSet<>();
  final Set<String> persons = new LinkedHashSet<>();
  /** The people whose words on the day are marks of this group, and every main kind (speech included). */
  final Set<String> speakers = new LinkedHashSet<>();
  final Set<String> signature = new LinkedHashSet<>();
  final Set<String> sentenceTerms = new LinkedHashSet<>();

  void add(Mark m) {
    if (marks.isEmpty() || period.contains(m.period()) && !m.period().equals(period)) {
      period = m.period();
      dateFrom = m.dateFrom();
    }
    marks.add(m);
    names.addAll(m.names());
    terms.addAll(m.terms());
    if (m.phrase().kind() != null && !"say".equals(m.phrase().kind())) kinds.add(m.phrase().kind());
    allKinds.addAll(m.phrase().kinds());
    allKinds.remove("say");
    persons.addAll(m.persons());
    sentenceTerms.addAll(m.sentenceTerms());
    if ("say".equals(m.phrase().kind())) speakers.addAll(m.persons());
    if (m.phrase().kind() != null) signature.add(m.phrase().kind());
  }

  /** Shared words may join the mark only when no kinds of action tell them apart. */
  boolean compatible(Mark m) {
    return m.phrase().kind() == null || signature.isEmpty() || signature.contains(m.phrase().kind()) || sameKind(m);
  }

  /** The mark and the group tell the same kind of action (one names the other's main action). */
  boolean sameKind(Mark m) {
    if (m.strongKind(kinds)) return true;
    for (String k : kinds) if (m.phrase().kinds().contains(k)) return true;
    return false;
  }

  /** Shared names, and words of the whole sentences (not only the dated clauses), that are not common. */
  int sentenceEvidence(Mark m, Set<String> common) {
    int n = 0;
    for (String x : m.names()) if (names.contains(x) && !common.contains(x)) n++;
    for (String x : m.sentenceTerms()) if (sentenceTerms.contains(x) && !common.contains(x)) n++;
    return n;
  }

  int sharedNames(Mark m) {
    int n = 0;
    for (String x : m.names()) if (names.contains(x)) n++;
    return n;
  }

  int evidence(Mark m, Set<String> common) {
    int n = 0;
    for (String x : m.names()) if (names.contains(x) && !common.contains(x)) n++;
    for (String x : m.terms()) if (terms.contains(x) && !common.contains(x)) n++;
    return n;
  }
}
