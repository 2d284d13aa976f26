package org.storyline.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.cluster.Tokens;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Quote;
import org.storyline.model.Timex;
import org.storyline.nlp.SentenceSplitter;
import org.storyline.nlp.Span;

/**
 * The first stage of the {@link EventTimeline}: the dated sentences of one article as {@link Mark}s. Each DATE or
 * TIME expression outside a direct quote dates its sentence (only its clause tells the happening; the next sentence
 * joins as evidence when it goes on about the same); an article whose lead states no recent date dates its lead by
 * the publish date. Caps the work per article ({@link #MAX_MARKS_PER_ARTICLE}, {@link #MAX_SENTENCE_CHARS}).
 * Thread-safe (the work counter is atomic).
 */
final class DatedSentences {
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
  /** Units of work done (mentions looked at, characters tokenised), shared with the timeline. */
  private final AtomicLong work;

  DatedSentences(AtomicLong work) {
    this.work = Objects.requireNonNull(work);
  }

  List<Mark> marks(Article a, List<Mention> unsorted, Map<Mention, Entity> entityOf, List<Timex> timexes,
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
    Period published = a.published() == null ? null : Period.of(a.published().substring(0, Math.min(10,
        a.published().length())));
    Set<Integer> dated = new java.util.HashSet<>();
    for (Timex t : timexes) if (Period.of(t.value()) != null) dated.add(sentenceOf(sentences, t.start()));
    for (Timex t : timexes) {
      if (!t.type().equals("DATE") && !t.type().equals("TIME")) continue;
      Period p = Period.loose(Period.of(t.value()), t.text());
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
  /** Clauses a too-short clause takes in at most (a run of commas would otherwise be re-read once per comma). */
  private static final int MAX_CLAUSE_STEPS = 12;
  /**
   * The clause of {@code sentence} around a time expression, between punctuation that bounds clauses; one too short
   * to say anything ("In December 2016,") takes in the next clause (then the previous one).
   */
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
}
