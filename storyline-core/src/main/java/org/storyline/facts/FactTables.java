package org.storyline.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.storyline.cluster.Tokens;
import org.storyline.facts.Statements.Statement;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.FactTable;
import org.storyline.model.Mention;
import org.storyline.model.OutletView;
import org.storyline.model.Quote;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.model.Summary;
import org.storyline.model.Timex;
import org.storyline.nlp.Embedder;

/**
 * Facts compared across outlets by meaning, and the summaries built from them: for each story with several reports
 * (copies left out) and each storyline of several stories, a {@link FactTable}; for every story and storyline a
 * {@link Summary}; and the outlet comparison's {@code unique} facts taken from the story's table, with each outlet's
 * time to first coverage and headline wording only it used.
 *
 * <p>Statements are compared with sentence embeddings when an {@link Embedder} is given and the scope's reports come
 * from at least two outlets ({@link #severalOutlets}), else by shared words; in both cases names, numbers and dates
 * must agree ({@link Agreement}). Deterministic (embeddings are); thread-safe.
 *
 * <pre>{@code
 * FactTables.Result r = new FactTables(MiniLmEmbedder.sharedOrNull())
 *     .apply(articles, entities, quotes, timexes, stories, storylines, outlets);
 * }</pre>
 */
public final class FactTables {
  /** Articles of a story or storyline compared (the earliest): a bound on the cost, which grows with the square. */
  static final int MAX_ARTICLES = 50;
  /** Facts listed per table, most reported first. */
  static final int MAX_FACTS = 200;
  /** Unique facts listed per article in the outlet comparison, most telling first. */
  static final int MAX_UNIQUE = 12;
  /** Summary length, in characters of its sentences. */
  public static final int STORY_BUDGET = 600;
  public static final int STORYLINE_BUDGET = 900;

  private final Embedder embedder;

  /** {@code embedder} null: statements are compared by their words (and names, numbers, dates) only. */
  public FactTables(Embedder embedder) {
    this.embedder = embedder;
  }

  /** Fact tables (stories, then storylines), summaries (same order) and the outlet views with facts by meaning. */
  public record Result(List<FactTable> tables, List<Summary> summaries, List<OutletView> outlets) {
    public Result {
      tables = List.copyOf(tables);
      summaries = List.copyOf(summaries);
      outlets = List.copyOf(outlets);
    }
  }

  /** What the statements of an article are made from, looked up by article id. */
  private final class Context {
    final Map<String, Article> byId = new HashMap<>();
    final Map<String, List<Statements.Name>> names = new HashMap<>();
    final Map<String, List<Statements.Date>> dates = new HashMap<>();
    final Map<String, List<int[]>> quotes = new HashMap<>();
    final Map<String, List<Statement>> statements = new ConcurrentHashMap<>();
    final Map<String, float[][]> vectors = new ConcurrentHashMap<>();

    final org.storyline.document.Documents docs;

    Context(List<Article> articles, List<Entity> entities, List<Quote> qs, List<Timex> timexes,
        org.storyline.document.Documents docs) {
      this.docs = docs;
      for (Article a : articles) byId.putIfAbsent(a.id(), a);
      for (Entity e : entities) {
        for (Mention m : e.mentions()) {
          names.computeIfAbsent(m.article(), k -> new ArrayList<>())
              .add(new Statements.Name(e.id(), e.type(), m.start(), m.end()));
        }
      }
      for (Timex t : timexes) {
        if ("DATE".equals(t.type()) && t.value() != null) {
          dates.computeIfAbsent(t.article(), k -> new ArrayList<>())
              .add(new Statements.Date(t.value(), t.start(), t.end()));
        }
      }
      for (Quote q : qs) quotes.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(new int[] {q.start(), q.end()});
    }

    List<Statement> statements(Article a) {
      return statements.computeIfAbsent(a.id(), k -> Statements.of(a, docs.sentences(a), names.getOrDefault(k, List.of()),
          dates.getOrDefault(k, List.of()), quotes.getOrDefault(k, List.of())));
    }

    float[][] vectors(Article a) {
      return vectors.computeIfAbsent(a.id(), k -> {
        List<float[]> v = new ArrayList<>();
        for (Statement s : statements(a)) for (Statement u : s.units()) v.add(embedder.embed(u.text()));
        return v.toArray(new float[0][]);
      });
    }

    Alignment align(List<Article> own) {
      Map<String, List<Statement>> st = new HashMap<>();
      for (Article a : own) st.put(a.id(), statements(a));
      Map<String, float[][]> vs = null;
      if (embedder != null && own.size() > 1 && severalOutlets(own)) {
        vs = new HashMap<>();
        // embedding is the cost: articles in parallel (each vector does not depend on the thread)
        List<float[][]> got = own.parallelStream().map(this::vectors).toList();
        for (int i = 0; i < own.size(); i++) vs.put(own.get(i).id(), got.get(i));
      }
      return Alignment.of(own, st, vs);
    }
  }

  /**
   * Whether {@code own} comes from at least two outlets (outlet names compared trimmed and case aside; an article
   * that names none counts as an outlet of its own). Reports of one outlet are compared by their words (as without
   * an embedder): the tables are there to compare outlets, which word one fact differently (what the embeddings
   * see), and embedding every sentence of every report of every story was most of the engine's CPU time (issue 18:
   * on BBC News, one outlet, 10.6 sentence embeddings per article, about three quarters of its CPU).
   */
  static boolean severalOutlets(List<Article> own) {
    Set<String> named = new HashSet<>();
    int unnamed = 0;
    for (Article a : own) {
      if (a.outlet() == null || a.outlet().isBlank()) unnamed++;
      else named.add(a.outlet().strip().toLowerCase(java.util.Locale.ROOT));
      if (named.size() + unnamed > 1) return true;
    }
    return false;
  }

  public Result apply(List<Article> articles, List<Entity> entities, List<Quote> quotes, List<Timex> timexes,
      List<Story> stories, List<Storyline> storylines, List<OutletView> outlets) {
    return apply(articles, entities, quotes, timexes, stories, storylines, outlets,
        org.storyline.document.Documents.none());
  }

  /** {@link #apply(List, List, List, List, List, List, List)} reading each article's sentences from {@code docs}. */
  public Result apply(List<Article> articles, List<Entity> entities, List<Quote> quotes, List<Timex> timexes,
      List<Story> stories, List<Storyline> storylines, List<OutletView> outlets,
      org.storyline.document.Documents docs) {
    Context ctx = new Context(articles, entities, quotes, timexes, docs);
    Map<String, List<Article>> ownOf = new HashMap<>();
    for (Story s : stories) ownOf.put(s.id(), own(s, ctx));
    List<Alignment> storyAl = stories.stream().map(s -> ctx.align(ownOf.get(s.id()))).toList();
    List<FactTable> tables = new ArrayList<>();
    List<Summary> summaries = new ArrayList<>();
    Map<String, Alignment> alignmentOf = new HashMap<>();
    for (int i = 0; i < stories.size(); i++) {
      Story s = stories.get(i);
      Alignment al = storyAl.get(i);
      alignmentOf.put(s.id(), al);
      if (al.articles.size() > 1) tables.add(table(s.id(), "story", al));
    }
    for (int i = 0; i < stories.size(); i++) {
      Alignment al = storyAl.get(i);
      String id = stories.get(i).id();
      // a story of one report has no table: its summary's sentences name no fact
      FactTable t = al.articles.size() > 1 ? table(id, "story", al) : new FactTable(id, "story", List.of(), "words",
          List.of());
      summaries.add(Summaries.of(id, "story", STORY_BUDGET, al, t));
    }
    for (Storyline l : storylines) {
      if (l.stories().size() < 2) continue;
      Map<String, Article> arts = new java.util.LinkedHashMap<>();
      for (String sid : l.stories()) for (Article a : ownOf.getOrDefault(sid, List.of())) arts.putIfAbsent(a.id(), a);
      List<Article> own = arts.values().stream().limit(MAX_ARTICLES).toList();
      if (own.isEmpty()) continue;
      Alignment al = ctx.align(own);
      FactTable t = own.size() > 1 ? table(l.id(), "storyline", al) : new FactTable(l.id(), "storyline", List.of(),
          "words", List.of());
      if (own.size() > 1) tables.add(t);
      summaries.add(Summaries.of(l.id(), "storyline", STORYLINE_BUDGET, al, t));
    }
    List<OutletView> views = new ArrayList<>();
    for (OutletView v : outlets) {
      Alignment al = alignmentOf.get(v.story());
      views.add(al == null ? v : outletView(v, al, ctx));
    }
    return new Result(tables, summaries, views);
  }

  /** The story's articles without copies, in story order, the first {@link #MAX_ARTICLES}. */
  private static List<Article> own(Story s, Context ctx) {
    Set<String> copies = new HashSet<>();
    for (Story.DuplicateGroup g : s.duplicates()) for (Story.Copy c : g.copies()) copies.add(c.article());
    return s.articles().stream().filter(id -> !copies.contains(id)).map(ctx.byId::get).filter(Objects::nonNull)
        .limit(MAX_ARTICLES).toList();
  }

  static FactTable table(String scope, String kind, Alignment al) {
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < al.articles.size(); i++) order.put(al.articles.get(i).id(), i);
    List<FactTable.Fact> facts = new ArrayList<>();
    int n = 0;
    for (Alignment.Group g : al.groups) {
      if (facts.size() >= MAX_FACTS) break;
      List<FactTable.Evidence> ev = new ArrayList<>();
      for (int k = 0; k < g.statements().size(); k++) {
        Statement s = g.statements().get(k);
        ev.add(new FactTable.Evidence(s.article().id(), s.article().outlet(), s.span().start(), s.span().end(),
            s.text(), g.similarity().get(k)));
      }
      ev.sort(Comparator.comparingInt((FactTable.Evidence e) -> order.get(e.article())).thenComparingInt(
          FactTable.Evidence::start));
      List<String> articles = new ArrayList<>(new LinkedHashSet<>(ev.stream().map(FactTable.Evidence::article)
          .toList()));
      List<String> outlets = new ArrayList<>();
      for (FactTable.Evidence e : ev) {
        if (e.outlet() != null && !outlets.contains(e.outlet())) outlets.add(e.outlet());
      }
      Article first = al.articles.get(order.get(articles.get(0)));
      // story order is by publish date then id; an undated first report stays first but gives no date
      facts.add(new FactTable.Fact(scope + "/f" + (++n), articles, outlets, first.id(), first.outlet(),
          first.published(), g.unique(), ev));
    }
    return new FactTable(scope, kind, al.articles.stream().map(Article::id).toList(),
        al.embeddings ? "embeddings" : "words", facts);
  }

  private OutletView outletView(OutletView v, Alignment al, Context ctx) {
    FactTable t = table(v.story(), "story", al);
    Map<Statement, String> factOf = new java.util.IdentityHashMap<>();
    for (int i = 0; i < al.groups.size() && i < t.facts().size(); i++) {
      for (Statement s : al.groups.get(i).statements()) factOf.put(s, t.facts().get(i).id());
    }
    Article first = null;
    for (Article a : al.articles) {
      Instant p = instant(a.published());
      if (p != null && (first == null || p.isBefore(instant(first.published())))) first = a;
    }
    List<OutletView.ArticleView> out = new ArrayList<>();
    for (OutletView.ArticleView av : v.articles()) {
      Article a = ctx.byId.get(av.article());
      List<Statement> mine = new ArrayList<>();
      for (Alignment.Group g : al.groups) {
        if (g.unique() && g.statements().get(0).article().id().equals(av.article())) mine.addAll(g.statements());
      }
      // informative (names, numbers, dates, a quote) and far from anything elsewhere first
      mine.sort(Comparator.comparingDouble((Statement s) -> -(1 + s.names().size() + (s.numbers().isEmpty() ? 0 : 1)
          + (s.days().isEmpty() ? 0 : 1) + (s.quote() ? 1 : 0)) * (1 - Math.max(0, al.nearest.getOrDefault(s, 0.0))))
          .thenComparingInt(Statement::index));
      List<OutletView.Fact> facts = new ArrayList<>();
      for (Statement s : mine.subList(0, Math.min(MAX_UNIQUE, mine.size()))) {
        facts.add(new OutletView.Fact(s.span().start(), s.span().end(), s.text(),
            Math.round(Math.max(0, al.nearest.getOrDefault(s, 0.0)) * 1000) / 1000.0, factOf.get(s)));
      }
      Double hours = a == null || first == null ? null : hoursAfter(first.published(), a.published());
      out.add(new OutletView.ArticleView(av.article(), av.outlet(), facts, av.speakers(), av.speakersOnlyHere(),
          a == null ? null : a.published(), hours, headlineOnlyHere(a, al.articles)));
    }
    return new OutletView(v.story(), out);
  }

  /** The words of {@code a}'s title whose content term no other article's title has, in title order. */
  static List<String> headlineOnlyHere(Article a, List<Article> all) {
    if (a == null || a.title() == null) return List.of();
    Set<String> others = new HashSet<>();
    for (Article b : all) if (b != a && b.title() != null) others.addAll(Tokens.terms(b.title()));
    Set<String> out = new LinkedHashSet<>();
    for (String w : a.title().split("[^\\p{L}\\p{N}'’-]+")) {
      List<String> t = Tokens.terms(w);
      if (!t.isEmpty() && !others.contains(t.get(0))) out.add(w);
    }
    return List.copyOf(out);
  }

  /**
   * Hours from {@code first} to {@code later} (ISO dates or date-times), one decimal; when either has no time of day,
   * whole days between the dates as written (a date alone says nothing of the hour); null when either is unreadable.
   */
  static Double hoursAfter(String first, String later) {
    Instant f = instant(first);
    Instant l = instant(later);
    if (f == null || l == null) return null;
    if (first.length() <= 10 || later.length() <= 10) {
      try {
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(first.substring(0, 10)),
            LocalDate.parse(later.substring(0, 10)));
        return Math.max(0, days) * 24.0;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return Math.max(0, Math.round((l.getEpochSecond() - f.getEpochSecond()) / 360.0) / 10.0);
  }

  /** An ISO date (midnight UTC) or date-time as an instant; null when absent or unreadable. */
  static Instant instant(String iso) {
    if (iso == null) return null;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      // not with an offset
    }
    try {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
