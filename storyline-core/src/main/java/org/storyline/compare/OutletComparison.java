package org.storyline.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.storyline.cluster.Tokens;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.OutletView;
import org.storyline.model.Quote;
import org.storyline.model.Story;
import org.storyline.document.Documents;
import org.storyline.nlp.Span;

/**
 * What each outlet reported that the others left out, and whom each one quoted, story by story.
 *
 * <p>A sentence of one article is covered by another article of the story when one of that article's sentences has
 * at least {@link #COVERED} of its content words (names included). Uncovered sentences are ranked by how much they
 * tell (names, numbers, a quote) and the first {@link #MAX_FACTS} are the article's own facts. Copies (syndicated or
 * near-identical articles) are left out: they add nothing of their own; of a larger story, the first
 * {@link #MAX_ARTICLES} articles (story order: publish date, then id) are compared. Deterministic and thread-safe.
 */
public final class OutletComparison {
  /** Share of a sentence's content words another article's sentence must have to cover it. */
  static final double COVERED = 0.5;
  /** Facts listed per article. */
  static final int MAX_FACTS = 8;
  /** Articles of a story compared (the earliest published): enough to read, and a bound on the cost. */
  static final int MAX_ARTICLES = 50;
  /** Content words a sentence needs to state a fact. */
  private static final int MIN_TERMS = 5;
  /** Longer postings (words in very many sentences of a story) are not followed. */
  private static final int POSTINGS_CAP = 2000;

  private record Sent(String article, Span span, Set<String> terms, int names, boolean number, boolean quote) {}

  public List<OutletView> compare(List<Article> articles, List<Entity> entities, List<Quote> quotes,
      List<Story> stories) {
    return compare(articles, entities, quotes, stories, Documents.none());
  }

  /** {@link #compare(List, List, List, List)} reading each article's sentences from {@code docs}. */
  public List<OutletView> compare(List<Article> articles, List<Entity> entities, List<Quote> quotes,
      List<Story> stories, Documents docs) {
    Map<String, Article> byId = new HashMap<>();
    for (Article a : articles) byId.putIfAbsent(a.id(), a);
    Map<String, List<Mention>> mentions = new HashMap<>();
    for (Entity e : entities) {
      for (Mention m : e.mentions()) mentions.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(m);
    }
    Map<String, List<Quote>> quotesOf = new HashMap<>();
    for (Quote q : quotes) quotesOf.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q);
    List<OutletView> out = new ArrayList<>();
    for (Story s : stories) {
      Set<String> copies = new HashSet<>();
      for (Story.DuplicateGroup g : s.duplicates()) for (Story.Copy c : g.copies()) copies.add(c.article());
      List<Article> own = s.articles().stream().filter(id -> !copies.contains(id)).map(byId::get)
          .filter(java.util.Objects::nonNull).limit(MAX_ARTICLES).toList();
      if (own.size() < 2) continue;
      out.add(view(s.id(), own, mentions, quotesOf, docs));
    }
    return out;
  }

  private OutletView view(String story, List<Article> own, Map<String, List<Mention>> mentions,
      Map<String, List<Quote>> quotesOf, Documents docs) {
    List<List<Sent>> sents = own.parallelStream()
        .map(a -> sentences(a, docs.sentences(a), mentions.getOrDefault(a.id(), List.of()),
            quotesOf.getOrDefault(a.id(), List.of())))
        .toList();
    Map<String, List<Sent>> postings = new HashMap<>();
    for (List<Sent> l : sents) {
      for (Sent x : l) for (String t : x.terms) postings.computeIfAbsent(t, k -> new ArrayList<>()).add(x);
    }
    Map<String, Set<String>> speakersOf = new HashMap<>();
    for (Article a : own) {
      Set<String> sp = new TreeSet<>();
      for (Quote q : quotesOf.getOrDefault(a.id(), List.of())) if (q.speaker() != null) sp.add(q.speaker());
      speakersOf.put(a.id(), sp);
    }
    List<OutletView.ArticleView> views = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      Article a = own.get(i);
      List<OutletView.Fact> facts = new ArrayList<>();
      List<Sent> ranked = new ArrayList<>();
      Map<Sent, Double> coverage = new HashMap<>();
      for (Sent x : sents.get(i)) {
        if (x.terms.size() < MIN_TERMS) continue;
        Map<Sent, Integer> shared = new HashMap<>();
        for (String t : x.terms) {
          List<Sent> p = postings.get(t);
          if (p.size() > POSTINGS_CAP) continue;
          for (Sent y : p) if (!y.article.equals(a.id())) shared.merge(y, 1, Integer::sum);
        }
        int best = shared.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        double c = best / (double) x.terms.size();
        if (c >= COVERED) continue;
        coverage.put(x, c);
        ranked.add(x);
      }
      // informative (names, numbers, a quote) and unique (little of it elsewhere) first
      ranked.sort(Comparator.comparingDouble((Sent x) -> -(1 + x.names + (x.number ? 1 : 0) + (x.quote ? 1 : 0))
          * (1 - coverage.get(x))).thenComparingInt(x -> x.span.start()));
      for (Sent x : ranked.subList(0, Math.min(MAX_FACTS, ranked.size()))) {
        facts.add(new OutletView.Fact(x.span.start(), x.span.end(), x.span.text(a.text()),
            Math.round(coverage.get(x) * 1000) / 1000.0));
      }
      Set<String> others = new HashSet<>();
      for (Article b : own) if (b != a) others.addAll(speakersOf.get(b.id()));
      List<String> speakers = List.copyOf(speakersOf.get(a.id()));
      List<String> onlyHere = speakers.stream().filter(x -> !others.contains(x)).toList();
      views.add(new OutletView.ArticleView(a.id(), a.outlet(), facts, speakers, onlyHere));
    }
    return new OutletView(story, views);
  }

  private List<Sent> sentences(Article a, List<Span> spans, List<Mention> mentions, List<Quote> quotes) {
    List<Sent> out = new ArrayList<>();
    for (Span s : spans) {
      String text = s.text(a.text());
      Set<String> terms = new LinkedHashSet<>(Tokens.terms(text));
      Set<String> names = new HashSet<>();
      for (Mention m : mentions) if (m.start() >= s.start() && m.end() <= s.end()) names.add(m.text());
      boolean number = text.chars().anyMatch(Character::isDigit);
      boolean quote = quotes.stream().anyMatch(q -> q.start() < s.end() && q.end() > s.start());
      out.add(new Sent(a.id(), s, terms, names.size(), number, quote));
    }
    return out;
  }
}
