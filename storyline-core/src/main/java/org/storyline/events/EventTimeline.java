package org.storyline.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.cluster.Tokens;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Event;
import org.storyline.model.Mention;
import org.storyline.model.Quote;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.model.Timex;
import org.storyline.nlp.SentenceSplitter;
import org.storyline.nlp.Span;

/**
 * Dated events as a timeline: every sentence with a calendar date (a resolved time expression: "on Tuesday" in an
 * article of Wednesday 2025-02-19 is 2025-02-18) is the evidence of an event on that date; an article whose lead
 * states no date reports an event on its publish date. Within one storyline (or story), sentences of compatible
 * dates (the same date, or a finer date inside a coarser one) that name the same people, places and things are one
 * event, so the timeline shows each event once with every article that reports it.
 *
 * <p>Deterministic and thread-safe.
 */
public final class EventTimeline {
  private static final Pattern CALENDAR = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?|-W(\\d{2}))?(?:T.*)?$");
  /** Shared names and words two sentences of the same date need to be one event. */
  static final int SAME_DATE_EVIDENCE = 2;
  /** The same, for a date inside another ("last week" and "Tuesday"; "2022" and "February 2022"). */
  static final int NESTED_DATE_EVIDENCE = 3;
  /** Evidence a shared kind of action counts for, and one person's words on one day. */
  private static final int KIND_BONUS = 3;
  /** Shared names and words two reports whose kinds of action differ need to be one event. */
  static final int INCOMPATIBLE_EVIDENCE = 5;
  private static final int PERSON_BONUS = 2;
  /** Mentions one report's naming someone as the subject of its phrase counts for, in ranking an event's who. */
  private static final int AGENT_WEIGHT = 2;
  /** Days before the earliest of its articles' publish dates that an event must end by to be background. */
  static final int BACKGROUND_DAYS = 7;
  /** A name or word in more than 1/COMMON_SHARE of a storyline's dated sentences is no evidence of one event. */
  private static final int COMMON_SHARE = 4;
  private static final int MIN_MARKS_FOR_COMMON = 8;
  /** Sentences of the lead looked at for a stated date before the publish date stands in. */
  private static final int LEAD_SENTENCES = 2;
  /** Days before the publish date that a lead's date may name and still be the news of the day. */
  private static final int LEAD_DAYS = 7;
  /** Words a sentence needs to make an event. */
  private static final int MIN_WORDS = 5;
  private static final Set<String> DATE_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "today", "yesterday", "tomorrow", "week", "month", "year", "last", "next",
      "earlier", "later", "ago");

  /**
   * Dated sentences of one article that can make events; an article with more (a hostile text dense with dates) has
   * the rest left out, which its diagnostics say. Keeps the work near-linear in the article's length.
   */
  static final int MAX_MARKS_PER_ARTICLE = 400;
  /** A sentence longer than this (a text with no full stops) is looked at only this far around its date. */
  static final int MAX_SENTENCE_CHARS = 2000;

  private final SentenceSplitter splitter = new SentenceSplitter();
  /** Units of work done (mentions looked at, characters tokenised, candidate events compared): for tests. */
  private final java.util.concurrent.atomic.AtomicLong work = new java.util.concurrent.atomic.AtomicLong();

  long work() {
    return work.get();
  }

  /** The events, and for each article whose dated sentences were not all used, why (for its diagnostics). */
  public record Found(List<Event> events, Map<String, String> diagnostics) {}

  /** A calendar period: first and last day. */
  record Period(String value, String granularity, long first, long last) {
    boolean contains(Period o) {
      return first <= o.first && o.last <= last;
    }
  }

  /** A sentence saying something happened in a period. */
  private record Mark(Article article, Span sentence, Span clause, Span next, Period period, String dateFrom, int timexStart, int timexEnd,
      Set<String> names, Set<String> terms, List<String> who, List<String> where, EventPhrase.Phrase phrase,
      Set<String> persons, Set<String> agents, Set<String> sentenceTerms) {
    /** The kinds of action that tell this mark's happening (speech is too common to). */
    boolean strongKind(Set<String> kinds) {
      return phrase.kind() != null && !"say".equals(phrase.kind()) && kinds.contains(phrase.kind());
    }
  }

  private static final class Group {
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
      if (marks.isEmpty() || period.contains(m.period) && !m.period.equals(period)) {
        period = m.period;
        dateFrom = m.dateFrom;
      }
      marks.add(m);
      names.addAll(m.names);
      terms.addAll(m.terms);
      if (m.phrase.kind() != null && !"say".equals(m.phrase.kind())) kinds.add(m.phrase.kind());
      allKinds.addAll(m.phrase.kinds());
      allKinds.remove("say");
      persons.addAll(m.persons);
      sentenceTerms.addAll(m.sentenceTerms);
      if ("say".equals(m.phrase.kind())) speakers.addAll(m.persons);
      if (m.phrase.kind() != null) signature.add(m.phrase.kind());
    }

    /** Shared words may join the mark only when no kinds of action tell them apart. */
    boolean compatible(Mark m) {
      return m.phrase.kind() == null || signature.isEmpty() || signature.contains(m.phrase.kind()) || sameKind(m);
    }

    /** The mark and the group tell the same kind of action (one names the other's main action). */
    boolean sameKind(Mark m) {
      if (m.strongKind(kinds)) return true;
      for (String k : kinds) if (m.phrase.kinds().contains(k)) return true;
      return false;
    }

    /** Shared names, and words of the whole sentences (not only the dated clauses), that are not common. */
    int sentenceEvidence(Mark m, Set<String> common) {
      int n = 0;
      for (String x : m.names) if (names.contains(x) && !common.contains(x)) n++;
      for (String x : m.sentenceTerms) if (sentenceTerms.contains(x) && !common.contains(x)) n++;
      return n;
    }

    int sharedNames(Mark m) {
      int n = 0;
      for (String x : m.names) if (names.contains(x)) n++;
      return n;
    }

    int evidence(Mark m, Set<String> common) {
      int n = 0;
      for (String x : m.names) if (names.contains(x) && !common.contains(x)) n++;
      for (String x : m.terms) if (terms.contains(x) && !common.contains(x)) n++;
      return n;
    }
  }

  public List<Event> find(List<Article> articles, List<Entity> entities, List<Quote> quotes, List<Timex> timexes,
      List<Story> stories, List<Storyline> storylines) {
    return findAll(articles, entities, quotes, timexes, stories, storylines).events();
  }

  /** {@link #find}, with a diagnostic for each article whose work was cut ({@link #MAX_MARKS_PER_ARTICLE}). */
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
        .map(a -> marks(a, mentions.getOrDefault(a.id(), List.of()), entityOf, timexesOf.getOrDefault(a.id(),
            List.of()), quoted.getOrDefault(a.id(), List.of()), notes))
        .toList();
    for (int i = 0; i < articles.size(); i++) {
      String sc = scope.getOrDefault(articles.get(i).id(), "article:" + articles.get(i).id());
      byScope.computeIfAbsent(sc, k -> new ArrayList<>()).addAll(perArticle.get(i));
    }
    List<Group> groups = new ArrayList<>();
    for (List<Mark> marks : byScope.values()) groups.addAll(group(marks));
    List<Event> out = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (Group g : groups) out.add(event(g, ids));
    out.sort(Comparator.comparingLong((Event e) -> period(e.date()).first()).thenComparingLong(e -> period(e.date())
        .last()).thenComparing(Event::id));
    return new Found(out, new TreeMap<>(notes));
  }

  private List<Group> group(List<Mark> marks) {
    // finer dates first, so a coarse mention ("2022") joins the event its precise one ("February 2022") started
    List<Mark> order = new ArrayList<>(marks);
    // and of one date, the marks that name someone or somewhere first: a lead with no names ("Talks focused on ...")
    // then joins the happening of its kind rather than starting one every later report would join
    order.sort(Comparator.comparingLong((Mark m) -> m.period.last - m.period.first).thenComparing(m -> m.names
        .isEmpty()).thenComparing(m -> published(
        m.article)).thenComparing(m -> m.article.id()).thenComparingInt(m -> m.sentence.start()));
    // names and words in most of a storyline's dated sentences ("Russia" in a Russia storyline) tell no event apart
    Map<String, Integer> df = new HashMap<>();
    for (Mark m : marks) {
      for (String x : m.names) df.merge(x, 1, Integer::sum);
      for (String x : m.terms) df.merge(x, 1, Integer::sum);
    }
    Set<String> common = new java.util.HashSet<>();
    if (marks.size() >= MIN_MARKS_FOR_COMMON) {
      for (var e : df.entrySet()) if (e.getValue() * COMMON_SHARE > marks.size()) common.add(e.getKey());
    }
    List<Group> groups = new ArrayList<>();
    // candidate events by calendar month (day and week events) and by year (month and year events), so a mark is
    // compared with the events of its month and the coarser ones of its year, not with the whole storyline
    Map<Long, List<Group>> fineByMonth = new HashMap<>();
    Map<Integer, List<Group>> coarseByYear = new HashMap<>();
    for (Mark m : order) {
      Group best = null;
      int bestN = 0;
      List<Group> cands = new ArrayList<>();
      LocalDate f = LocalDate.ofEpochDay(m.period.first);
      LocalDate l = LocalDate.ofEpochDay(m.period.last);
      for (LocalDate d = f.withDayOfMonth(1); !d.isAfter(l); d = d.plusMonths(1)) {
        cands.addAll(fineByMonth.getOrDefault(monthKey(d), List.of()));
      }
      for (int y = f.getYear(); y <= l.getYear(); y++) cands.addAll(coarseByYear.getOrDefault(y, List.of()));
      work.addAndGet(cands.size());
      for (Group g : cands) {
        boolean same = g.period.equals(m.period);
        if (!same && !m.period.contains(g.period) && !g.period.contains(m.period)) continue;
        int n = g.evidence(m, common);
        boolean enough = n >= (same ? SAME_DATE_EVIDENCE : NESTED_DATE_EVIDENCE);
        // one kind of action by the same actors or at the same place ("met", "talks", "discussions"), even when
        // the names are common to the storyline; one person's words on one day (a speech, a press conference)
        int shared = g.sharedNames(m);
        // reports whose kinds of action differ need many shared words ("flood waters reached ... closing the river
        // bridge" and "the river bridge ... closed"), not two ("Putin said" and "diplomats met", both naming the US)
        if (!g.compatible(m)) enough &= g.sentenceEvidence(m, common) >= INCOMPATIBLE_EVIDENCE;
        if (g.sameKind(m) && (shared > 0 || m.names.isEmpty())) {
          enough = true;
          n += KIND_BONUS + shared;
        } else if (same && m.period.granularity().equals("day") && "say".equals(m.phrase.kind())
            && !java.util.Collections.disjoint(g.speakers, m.persons)) {
          enough = true;
          n += PERSON_BONUS;
        }
        if (!enough || n <= bestN) continue;
        best = g;
        bestN = n;
      }
      // a date that only recalls something no action word names ("his country's 2014 boundaries") is no event
      if (best == null && m.phrase.recalled() && m.phrase.kind() == null) continue;
      if (best == null) {
        best = new Group();
        groups.add(best);
        best.add(m);
        boolean fine = m.period.last - m.period.first <= 7;
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

  private static Event event(Group g, Set<String> ids) {
    List<Mark> marks = new ArrayList<>(g.marks);
    marks.sort(Comparator.comparing((Mark m) -> published(m.article)).thenComparing(m -> m.article.id())
        .thenComparingInt(m -> m.sentence.start()));
    List<Event.Evidence> evidence = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    Map<String, Integer> who = new LinkedHashMap<>();
    Map<String, Integer> where = new LinkedHashMap<>();
    for (Mark m : marks) {
      if (!seen.add(m.article.id() + ":" + m.sentence.start())) continue;
      evidence.add(new Event.Evidence(m.article.id(), m.sentence.start(), m.sentence.end(),
          m.sentence.text(m.article.text()), m.timexStart, m.timexEnd, m.phrase.recalled()));
      if (m.next != null && seen.add(m.article.id() + ":" + m.next.start())) {
        evidence.add(new Event.Evidence(m.article.id(), m.next.start(), m.next.end(), m.next.text(m.article.text()),
            -1, -1));
      }
      for (String x : m.who) who.merge(x, 1, Integer::sum);
      // who acted (the subject of a report's phrase) ranks before whom the reports only name
      for (String x : m.agents) who.merge(x, AGENT_WEIGHT, Integer::sum);
      for (String x : m.where) where.merge(x, 1, Integer::sum);
    }
    Mark first = marks.get(0);
    String id = "ev-" + first.article.id() + "-" + first.sentence.start();
    for (int k = 2; !ids.add(id); k++) id = "ev-" + first.article.id() + "-" + first.sentence.start() + "-" + k;
    long firstPublished = Long.MAX_VALUE;
    for (Mark m : marks) {
      Period p = m.article.published() == null ? null : period(m.article.published().substring(0, Math.min(10,
          m.article.published().length())));
      if (p != null) firstPublished = Math.min(firstPublished, p.first());
    }
    boolean background = firstPublished != Long.MAX_VALUE && g.period.last() < firstPublished - BACKGROUND_DAYS;
    Mark best = headline(marks);
    String what = stated(best.phrase) ? best.phrase.what() : best.clause.text(best.article.text());
    return new Event(id, g.period.value(), g.period.granularity(), g.dateFrom, what, ranked(who), ranked(where),
        evidence, background, kind(marks), first.clause.text(first.article.text()));
  }

  /**
   * The mark whose phrase states the event best: the phrase most reports word alike, then one that names an action
   * other than speech, one that says who acted, one of the news rather than a recalled date, then the earliest report.
   */
  private static Mark headline(List<Mark> marks) {
    Map<String, Integer> alike = new HashMap<>();
    for (Mark m : marks) if (stated(m.phrase)) alike.merge(m.phrase.what().toLowerCase(Locale.ROOT), 1, Integer::sum);
    Mark best = marks.get(0);
    int bestScore = Integer.MIN_VALUE;
    for (Mark m : marks) {
      EventPhrase.Phrase p = m.phrase;
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
    for (Mark m : marks) if (m.phrase.kind() != null) n.merge(m.phrase.kind(), "say".equals(m.phrase.kind()) ? 1 : 3, Integer::sum);
    return n.isEmpty() ? null : java.util.Collections.max(n.entrySet(), Map.Entry.comparingByValue()).getKey();
  }

  private static List<String> ranked(Map<String, Integer> counts) {
    List<String> out = new ArrayList<>(counts.keySet());
    out.sort(Comparator.comparingInt((String x) -> -counts.get(x)));
    return out;
  }

  private static String published(Article a) {
    return a.published() == null ? "\uffff" : a.published();
  }

  private List<Mark> marks(Article a, List<Mention> unsorted, Map<Mention, Entity> entityOf, List<Timex> timexes,
      List<Quote> quotes, Map<String, String> notes) {
    List<Mark> out = new ArrayList<>();
    List<Span> sentences = splitter.split(a.text());
    if (sentences.isEmpty()) return out;
    List<Mention> mentions = new ArrayList<>(unsorted);
    mentions.sort(Comparator.comparingInt(Mention::start));
    // the direct quotes by start, with the furthest end so far: a date is quoted when a quote that starts at or
    // before it ends at or after it (one binary search, not a pass over every quote)
    List<Quote> qs = new ArrayList<>(quotes);
    qs.sort(Comparator.comparingInt(Quote::start));
    int[] qStart = new int[qs.size()];
    int[] qReach = new int[qs.size()];
    for (int i = 0; i < qs.size(); i++) {
      qStart[i] = qs.get(i).start();
      qReach[i] = Math.max(qs.get(i).end(), i > 0 ? qReach[i - 1] : Integer.MIN_VALUE);
    }
    int datedSentences = 0;
    boolean leadDated = false;
    Period published = a.published() == null ? null : period(a.published().substring(0, Math.min(10,
        a.published().length())));
    Set<Integer> dated = new java.util.HashSet<>();
    for (Timex t : timexes) if (period(t.value()) != null) dated.add(sentenceOf(sentences, t.start()));
    for (Timex t : timexes) {
      if (!t.type().equals("DATE") && !t.type().equals("TIME")) continue;
      Period p = loose(period(t.value()), t.text());
      if (p == null || quoted(qStart, qReach, t.start(), t.end())) continue;
      int si = sentenceOf(sentences, t.start());
      if (si < 0) continue;
      if (out.size() >= MAX_MARKS_PER_ARTICLE) {
        datedSentences++;
        continue;
      }
      Span next = si + 1 < sentences.size() && (!dated.contains(si + 1) && continues(sentences.get(si + 1).text(
          a.text())) || startsWithSurname(sentences.get(si + 1).text(a.text()), sentences.get(si), mentions,
          entityOf)) ? sentences.get(si + 1) : null;
      Mark m = mark(a, window(sentences.get(si), t.start(), t.end()), next == null ? null : window(next, next.start(),
          next.start()), p, "text", t.start(), t.end(), mentions, entityOf);
      if (m == null) continue;
      out.add(m);
      // the lead states the day of its news ("on Wednesday", "this week"), not only some background date
      if (si < LEAD_SENTENCES && published != null && p.last() <= published.last()
          && p.last() >= published.first() - LEAD_DAYS && p.last() - p.first() <= 7) {
        leadDated = true;
      }
    }
    if (datedSentences > 0) {
      notes.put(a.id(), "events: only the first " + MAX_MARKS_PER_ARTICLE + " of " + (MAX_MARKS_PER_ARTICLE
          + datedSentences) + " dated mentions were used (the work per article is capped)");
    }
    if (!leadDated && published != null) {
      for (int si = 0; si < Math.min(LEAD_SENTENCES, sentences.size()); si++) {
        Mark m = mark(a, window(sentences.get(si), sentences.get(si).start(), sentences.get(si).start()), null,
            published, a.publishedInferred() ? "inferred" : "published", -1,
            -1, mentions, entityOf);
        if (m != null) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  private static final Pattern PRONOUN_SUBJECT = Pattern.compile("^(He|She)(?=[ :])");
  /** Mentions looked back over for the person a pronoun subject stands for. */
  private static final int PRONOUN_REACH = 400;

  /**
   * "He contends ..." names nobody: the pronoun stands for the person last named before the sentence (within a few
   * hundred characters), whose name then opens the phrase and counts as who acted.
   */
  private static EventPhrase.Phrase resolvePronoun(EventPhrase.Phrase p, String text, Span sentence,
      List<Mention> mentions, Map<Mention, Entity> entityOf) {
    Matcher m = PRONOUN_SUBJECT.matcher(p.what());
    if (!m.find() || p.agentStart() < 0 || p.agentEnd() - p.agentStart() > 3) return p;
    int i = firstFrom(mentions, sentence.start()) - 1;
    for (; i >= 0 && mentions.get(i).start() >= sentence.start() - PRONOUN_REACH; i--) {
      Entity e = entityOf.get(mentions.get(i));
      if (e == null || !e.type().equals("PER")) continue;
      String[] parts = e.name().split(" ");
      return p.withWhat(parts[parts.length - 1] + p.what().substring(m.group(1).length()), mentions.get(i).start(),
          mentions.get(i).end());
    }
    return p;
  }

  /** Pronouns and participles that open a sentence going on about the one before ("Speaking at ...", "He ..."). */
  private static final Pattern CONTINUES = Pattern.compile("^[\"\u201c]?(?:He|She|They|It|His|Her|Their|Its|"
      + "\\p{Lu}\\p{Ll}+ing)\\b");

  static boolean continues(String sentence) {
    return CONTINUES.matcher(sentence).find();
  }

  /**
   * A sentence that opens with the surname of a person the dated sentence names ("Putin told reporters ..." after
   * "Putin said Wednesday ...") goes on about the same person's day, even when it dates something else in passing.
   */
  private static boolean startsWithSurname(String next, Span sentence, List<Mention> mentions,
      Map<Mention, Entity> entityOf) {
    int sp = next.indexOf(' ');
    if (sp <= 1) return false;
    String first = next.substring(0, sp);
    int seen = 0;
    for (int i = firstFrom(mentions, sentence.start()); i < mentions.size() && mentions.get(i).start()
        < sentence.end() && seen < 50; i++, seen++) {
      Entity e = entityOf.get(mentions.get(i));
      if (e == null || !e.type().equals("PER")) continue;
      String name = e.name();
      if (name.endsWith(" " + first) || name.equals(first)) return true;
    }
    return false;
  }

  /** At most {@link #MAX_SENTENCE_CHARS} of a sentence, around {@code from..to}. */
  static Span window(Span sentence, int from, int to) {
    if (sentence.end() - sentence.start() <= MAX_SENTENCE_CHARS) return sentence;
    int half = Math.max(0, (MAX_SENTENCE_CHARS - (to - from)) / 2);
    int s = Math.max(sentence.start(), from - half);
    int e = Math.min(sentence.end(), s + MAX_SENTENCE_CHARS);
    s = Math.max(sentence.start(), Math.min(s, e - MAX_SENTENCE_CHARS));
    return new Span(s, e);
  }

  private static boolean quoted(int[] qStart, int[] qReach, int start, int end) {
    int lo = 0;
    int hi = qStart.length - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (qStart[mid] <= start) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last >= 0 && qReach[last] >= end;
  }

  /** Index of the first mention (by start) that starts at or after {@code offset}. */
  private static int firstFrom(List<Mention> mentions, int offset) {
    int lo = 0;
    int hi = mentions.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (mentions.get(mid).start() < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private Mark mark(Article a, Span sentence, Span next, Period p, String from, int ts, int te,
      List<Mention> mentions, Map<Mention, Entity> entityOf) {
    Span s = ts < 0 ? sentence : clause(a.text(), sentence, ts, te);
    String text = s.text(a.text());
    EventPhrase.Phrase phrase = EventPhrase.of(a.text(), sentence.start(), sentence.end(), ts, te);
    phrase = phrase.withKinds(EventPhrase.kinds(text));
    phrase = resolvePronoun(phrase, a.text(), sentence, mentions, entityOf);
    work.addAndGet(text.length() + (long) (s.end() - s.start()));
    List<String> words = Tokens.terms(text);
    if (words.size() < MIN_WORDS - 2) return null;
    Set<String> terms = new LinkedHashSet<>();
    for (String w : words) if (!DATE_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) terms.add(w);
    Set<String> names = new LinkedHashSet<>();
    Set<String> who = new LinkedHashSet<>();
    Set<String> where = new LinkedHashSet<>();
    Set<String> persons = new LinkedHashSet<>();
    Set<String> agents = new LinkedHashSet<>();
    int end = next != null ? Math.max(s.end(), next.end()) : s.end();
    for (int i = firstFrom(mentions, s.start()); i < mentions.size() && mentions.get(i).start() < end; i++) {
      Mention m = mentions.get(i);
      work.incrementAndGet();
      boolean inNext = next != null && m.start() >= next.start() && m.end() <= next.end();
      if ((m.start() < s.start() || m.end() > s.end()) && !inNext) continue;
      Entity e = entityOf.get(m);
      if (e.type().equals("MISC")) continue;
      (e.type().equals("LOC") ? where : who).add(e.name());
      if (!e.type().equals("LOC") && m.start() >= phrase.agentStart() && m.end() <= phrase.agentEnd()) {
        agents.add(e.name());
      }
      if (inNext && (m.start() < s.start() || m.end() > s.end())) continue;
      // the next sentence is evidence, but only the dated clause's own names tell its happening from another
      names.add(e.id());
      if (e.type().equals("PER")) persons.add(e.id());
      for (String w : Tokens.terms(m.text())) terms.remove(w);
    }
    Set<String> sentenceTerms = new LinkedHashSet<>();
    if (s.equals(sentence)) {
      sentenceTerms.addAll(terms);
    } else {
      for (String w : Tokens.terms(sentence.text(a.text()))) {
        if (!DATE_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) sentenceTerms.add(w);
      }
      work.addAndGet(sentence.end() - sentence.start());
    }
    if (phrase.agentStart() >= 0 && phrase.agentEnd() <= sentence.start()) {
      // a pronoun subject, resolved to an earlier mention: that person acted
      int k = firstFrom(mentions, phrase.agentStart());
      if (k < mentions.size() && mentions.get(k).start() == phrase.agentStart()) {
        Entity e = entityOf.get(mentions.get(k));
        if (e != null) agents.add(e.name());
      }
    }
    return new Mark(a, sentence, s, next, p, from, ts, te, names, terms, List.copyOf(who), List.copyOf(where), phrase,
        persons, agents, sentenceTerms);
  }

  private static boolean boundary(char c) {
    return c == ',' || c == ';' || c == ':' || c == '\u2014' || c == '\u2013' || c == '(' || c == ')';
  }

  /**
   * The clause of {@code sentence} around a time expression, between punctuation that bounds clauses; one too short
   * to say anything ("In December 2016,") takes in the next clause (then the previous one).
   */
  /** Clauses a too-short clause takes in at most (a run of commas would otherwise be re-read once per comma). */
  private static final int MAX_CLAUSE_STEPS = 12;

  static Span clause(String text, Span sentence, int ts, int te) {
    int s = ts;
    while (s > sentence.start() && !boundary(text.charAt(s - 1))) s--;
    int e = te;
    while (e < sentence.end() && !boundary(text.charAt(e))) e++;
    for (int steps = 0; steps < MAX_CLAUSE_STEPS && Tokens.terms(text.substring(s, e)).size() < MIN_WORDS
        && (e < sentence.end() || s > sentence.start()); steps++) {
      if (e < sentence.end()) {
        e++;
        while (e < sentence.end() && !boundary(text.charAt(e))) e++;
      } else {
        s--;
        while (s > sentence.start() && !boundary(text.charAt(s - 1))) s--;
      }
    }
    while (s < e && !Character.isLetterOrDigit(text.charAt(s))) s++;
    while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || boundary(text.charAt(e - 1)))) e--;
    return new Span(s, e);
  }

  private static int sentenceOf(List<Span> sentences, int offset) {
    int lo = 0;
    int hi = sentences.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Span s = sentences.get(mid);
      if (offset < s.start()) hi = mid - 1;
      else if (offset >= s.end()) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /**
   * "Three years ago next week" resolves to a week, but reporters count years loosely: a date counted back in years
   * (months) is only as fine as its year (month), so it joins the event others date exactly ("February 2022").
   */
  static Period loose(Period p, String expression) {
    if (p == null || expression == null) return p;
    String e = expression.toLowerCase(Locale.ROOT);
    if (!e.contains("ago")) return p;
    LocalDate d = LocalDate.ofEpochDay(p.first());
    if (e.contains("year")) return period(String.format(Locale.ROOT, "%04d", d.getYear()));
    if (e.contains("month")) return period(String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue()));
    return p;
  }

  /** The last day (epoch day) of the period a TIMEX3 calendar value names, or {@link Long#MIN_VALUE}. */
  public static long lastDay(String value) {
    Period p = period(value);
    return p == null ? Long.MIN_VALUE : p.last();
  }

  /** The calendar period of a TIMEX3 value, or null when it is none (PRESENT_REF, durations, seasons). */
  static Period period(String value) {
    if (value == null) return null;
    Matcher m = CALENDAR.matcher(value);
    if (!m.matches()) return null;
    try {
      int y = Integer.parseInt(m.group(1));
      if (m.group(4) != null) {
        int w = Integer.parseInt(m.group(4));
        LocalDate monday = LocalDate.of(y, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(m.group(1) + "-W" + m.group(4), "week", monday.toEpochDay(), monday.toEpochDay() + 6);
      }
      if (m.group(2) == null) {
        return new Period(m.group(1), "year", LocalDate.of(y, 1, 1).toEpochDay(), LocalDate.of(y, 12, 31)
            .toEpochDay());
      }
      int mo = Integer.parseInt(m.group(2));
      if (m.group(3) == null) {
        LocalDate f = LocalDate.of(y, mo, 1);
        return new Period(String.format(Locale.ROOT, "%04d-%02d", y, mo), "month", f.toEpochDay(),
            f.plusMonths(1).toEpochDay() - 1);
      }
      LocalDate d = LocalDate.of(y, mo, Integer.parseInt(m.group(3)));
      return new Period(d.toString(), "day", d.toEpochDay(), d.toEpochDay());
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
