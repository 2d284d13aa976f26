package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Event;
import org.storyline.model.OutletView;
import org.storyline.model.Quote;
import org.storyline.model.QuoteVariant;
import org.storyline.model.Story;
import org.storyline.model.Storyline;
import org.storyline.nlp.SentenceSplitter;
import org.storyline.nlp.Span;
import org.storyline.store.StoryViews;

/**
 * What the story page shows, computed from a {@link StoryViews.View}: the summary, the articles by date and outlet,
 * the quotes grouped by statement with each outlet's wording against the first, the entities, the outlet comparison
 * and the dated events. Every item carries the link to its sentence in the article view. Immutable.
 */
public record StoryPage(Story story, Storyline storyline, List<Article> articles, List<Line> summary,
    Charts.Timeline timeline, List<Statement> statements, List<Statement> bySpeaker, List<EntityRow> entities,
    List<OutletRow> outlets,
    List<Event> events, List<String> explain, Map<String, Article> byId, List<FactRow> facts) {

  /** Reports of the story whose outlet is not known (not counted among its outlets). */
  public long unknownOutlets() {
    return articles.stream().filter(a -> a.outlet() == null || a.outlet().isBlank()).count();
  }

  /** A sentence with its article, outlet and link. */
  public record Line(String text, String article, String outlet, String href) {}

  /** One wording of a statement: outlet, article, link, and its words against the first wording. */
  public record Wording(String outlet, String article, String title, String published, boolean inferred,
      String href, List<WordDiff.Token> words, boolean reference, String kind) {}

  /**
   * A statement quoted by several reports ({@code identical} when every wording has the same words), or all the other
   * quotes of one speaker (null: the text does not say who).
   */
  public record Statement(String speaker, String speakerHref, String kind, boolean identical,
      List<Wording> wordings) {}

  public record EntityRow(String name, String type, int mentions, List<String> aliases, List<String> roles,
      String href, String firstMention) {}

  public record OutletRow(String outlet, String article, String title, List<Line> unique, List<String> speakers,
      List<String> speakersOnlyHere, Double hoursToFirstCoverage, List<String> headlineOnlyHere) {
    /** "first to report", "+6.5 h" or "+2 days"; null when undated. */
    public String lag() {
      if (hoursToFirstCoverage == null) return null;
      if (hoursToFirstCoverage == 0) return "first to report";
      double h = hoursToFirstCoverage;
      if (h % 24 == 0) return "+" + (long) (h / 24) + (h == 24 ? " day" : " days");
      return String.format(Locale.ROOT, "+%.1f h", h);
    }
  }

  /**
   * A fact of the story's fact table reported by several articles: the outlets, the first report, and the sentence
   * stating it in each article (linked).
   */
  public record FactRow(String id, int reports, List<String> outlets, String firstOutlet, String firstPublished,
      List<Line> evidence) {}

  /** Facts reported by several articles shown on the page, most reported first. */
  static final int FACTS_SHOWN = 15;

  private static final SentenceSplitter SENTENCES = new SentenceSplitter();

  /**
   * {@code entityHref} gives the entity page of an entity of the story, or null when it has none; {@code
   * speakerHref} the same for a speaker's canonical name.
   */
  public static StoryPage of(StoryViews.View v, java.util.function.Function<Entity, String> entityHref,
      java.util.function.Function<String, String> speakerHref) {
    List<Article> arts = new ArrayList<>(v.report().articles());
    arts.sort(Comparator.comparing((Article a) -> a.published() == null ? "\uffff" : a.published())
        .thenComparing(Article::id));
    Map<String, Article> byId = new LinkedHashMap<>();
    for (Article a : arts) byId.put(a.id(), a);
    List<Charts.Item> items = new ArrayList<>();
    for (Article a : arts) {
      items.add(new Charts.Item(a.outlet() == null ? "unknown outlet" : a.outlet(), Charts.day(a.published()), null,
          (a.title() == null ? a.id() : a.title()) + " (" + a.published() + ")", Links.article(a.id()),
          a.publishedInferred()));
    }
    List<Statement> all = statements(v, byId, speakerHref);
    List<Statement> several = all.stream().filter(st -> st.wordings().size() > 1).toList();
    return new StoryPage(v.story(), v.storyline(), arts, summary(v, arts), Charts.timeline(items, 720, 150),
        several, bySpeaker(all.stream().filter(st -> st.wordings().size() == 1).toList()), entities(v.report().entities(), entityHref), outlets(v, byId), events(v),
        explain(v), byId, facts(v));
  }

  public Article article(String id) {
    return byId.get(id);
  }

  /** The report's summary of the story (most reported facts first), or for a report without one {@link #summary(List)}. */
  static List<Line> summary(StoryViews.View v, List<Article> arts) {
    for (org.storyline.model.Summary s : v.report().summaries()) {
      if (!s.scope().equals(v.story().id()) || s.sentences().isEmpty()) continue;
      List<Line> out = new ArrayList<>();
      for (org.storyline.model.Summary.Sentence x : s.sentences()) {
        out.add(new Line(x.text(), x.article(), x.outlet(), Links.article(x.article(), x.start(), x.end())));
      }
      return out;
    }
    return summary(arts);
  }

  static List<FactRow> facts(StoryViews.View v) {
    List<FactRow> out = new ArrayList<>();
    for (org.storyline.model.FactTable t : v.report().facts()) {
      if (!t.scope().equals(v.story().id())) continue;
      for (org.storyline.model.FactTable.Fact f : t.facts()) {
        if (f.articles().size() < 2 || out.size() >= FACTS_SHOWN) continue;
        List<Line> ev = new ArrayList<>();
        for (org.storyline.model.FactTable.Evidence e : f.evidence()) {
          ev.add(new Line(e.text(), e.article(), e.outlet(), Links.article(e.article(), e.start(), e.end())));
        }
        out.add(new FactRow(f.id(), f.articles().size(), f.outlets(), f.firstOutlet(), f.firstPublished(), ev));
      }
    }
    return out;
  }

  /**
   * A short extractive summary: the lead sentence of the earliest report, then up to two sentences from the
   * other reports that share most words with the rest of the story and little with what is already chosen.
   */
  static List<Line> summary(List<Article> arts) {
    List<Line> out = new ArrayList<>();
    if (arts.isEmpty()) return out;
    record Cand(Article a, Span s, Set<String> words, double score) {}
    Map<String, Integer> df = new HashMap<>();
    Map<String, List<Span>> sentences = new HashMap<>();
    for (Article a : arts) {
      List<Span> ss = SENTENCES.split(a.text());
      sentences.put(a.id(), ss);
      Set<String> seen = new HashSet<>();
      for (Span s : ss) seen.addAll(words(a.text().substring(s.start(), s.end())));
      for (String w : seen) df.merge(w, 1, Integer::sum);
    }
    List<Cand> cands = new ArrayList<>();
    for (Article a : arts) {
      List<Span> ss = sentences.get(a.id());
      for (int i = 0; i < Math.min(6, ss.size()); i++) {
        Span s = ss.get(i);
        String t = a.text().substring(s.start(), s.end());
        Set<String> ws = words(t);
        if (ws.size() < 5 || t.length() > 400) continue;
        double shared = 0;
        for (String w : ws) shared += df.getOrDefault(w, 1) - 1;
        cands.add(new Cand(a, s, ws, shared / Math.sqrt(ws.size()) + (i == 0 ? 1.0 : 0.0)));
      }
    }
    List<Cand> chosen = new ArrayList<>();
    Article lead = arts.get(0);
    cands.stream().filter(c -> c.a() == lead).findFirst().ifPresent(chosen::add);
    List<Cand> rest = new ArrayList<>(cands);
    rest.sort(Comparator.comparingDouble(Cand::score).reversed());
    for (Cand c : rest) {
      if (chosen.size() >= 3 || arts.size() < 2 && chosen.size() >= 1) break;
      if (chosen.contains(c)) continue;
      // one sentence an article (the lead's article gives only its lead), so the summary draws on several reports
      boolean redundant = chosen.stream().anyMatch(k -> k.a() == c.a());
      for (Cand k : chosen) {
        Set<String> both = new HashSet<>(c.words());
        both.retainAll(k.words());
        if (both.size() > 0.5 * Math.min(c.words().size(), k.words().size())) redundant = true;
      }
      if (!redundant) chosen.add(c);
    }
    if (chosen.isEmpty() && !sentences.get(lead.id()).isEmpty()) {
      Span s = sentences.get(lead.id()).get(0);
      chosen.add(new Cand(lead, s, Set.of(), 0));
    }
    for (Cand c : chosen) {
      out.add(new Line(c.a().text().substring(c.s().start(), c.s().end()), c.a().id(), c.a().outlet(),
          Links.article(c.a().id(), c.s().start(), c.s().end())));
    }
    return out;
  }

  private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for",
      "by", "with", "from", "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its", "that",
      "this", "as", "he", "she", "they", "his", "her", "their", "said", "says", "will", "would", "not", "but");

  static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 1 && !STOP.contains(w)) out.add(w);
    }
    return out;
  }

  static List<Statement> statements(StoryViews.View v, Map<String, Article> byId,
      java.util.function.Function<String, String> speakerHref) {
    List<Statement> out = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (QuoteVariant qv : v.report().quoteVariants()) {
      List<Wording> ws = new ArrayList<>();
      String ref = qv.members().isEmpty() ? "" : qv.members().get(0).text();
      for (int i = 0; i < qv.members().size(); i++) {
        QuoteVariant.Member m = qv.members().get(i);
        Article a = byId.get(m.article());
        ws.add(new Wording(m.outlet(), m.article(), a == null ? m.article() : a.title(),
            a == null ? null : a.published(), a != null && a.publishedInferred(),
            Links.article(m.article(), m.start(), m.end()), i == 0 ? WordDiff.diff(m.text(), m.text())
                : WordDiff.diff(ref, m.text()), i == 0, "direct"));
        covered.add(m.article() + "@" + m.start());
      }
      out.add(new Statement(qv.speaker(), qv.speaker() == null ? null : speakerHref.apply(qv.speaker()), "direct",
          qv.identical(), ws));
    }
    for (Quote q : v.report().quotes()) {
      boolean inVariant = false;
      for (String c : covered) {
        // a member is the aligned part of a quote: inside the quote's span
        int at = c.lastIndexOf('@');
        if (c.substring(0, at).equals(q.article())) {
          int s = Integer.parseInt(c.substring(at + 1));
          if (s >= q.start() && s < q.end()) inVariant = true;
        }
      }
      if (inVariant) continue;
      Article a = byId.get(q.article());
      Wording w = new Wording(a == null ? null : a.outlet(), q.article(), a == null ? q.article() : a.title(),
          a == null ? null : a.published(), a != null && a.publishedInferred(),
          Links.article(q.article(), q.start(), q.end()), WordDiff.diff(q.text(), q.text()), true,
          q.kind() + (q.partial() ? ", partial" : ""));
      out.add(new Statement(q.speaker(), q.speaker() == null ? null : speakerHref.apply(q.speaker()),
          q.kind() + (q.partial() ? ", partial" : ""), true, List.of(w)));
    }
    return out;
  }

  /** Single quotes grouped by speaker: most quoted first, then by name; unknown speakers last; text order within. */
  static List<Statement> bySpeaker(List<Statement> singles) {
    Map<String, List<Statement>> groups = new LinkedHashMap<>();
    for (Statement st : singles) groups.computeIfAbsent(st.speaker() == null ? "" : st.speaker(),
        k -> new ArrayList<>()).add(st);
    List<Statement> out = new ArrayList<>();
    for (List<Statement> g : groups.values()) {
      List<Wording> ws = new ArrayList<>();
      for (Statement st : g) ws.addAll(st.wordings());
      out.add(new Statement(g.get(0).speaker(), g.get(0).speakerHref(), null, true, ws));
    }
    out.sort(Comparator.comparing((Statement st) -> st.speaker() == null)
        .thenComparing(st -> -st.wordings().size()).thenComparing(st -> st.speaker() == null ? "" : st.speaker()));
    return out;
  }

  static List<EntityRow> entities(List<Entity> entities, java.util.function.Function<Entity, String> entityHref) {
    List<EntityRow> out = new ArrayList<>();
    for (Entity e : entities) {
      String first = e.mentions().isEmpty() ? null
          : Links.article(e.mentions().get(0).article(), e.mentions().get(0).start(), e.mentions().get(0).end());
      String page = entityHref.apply(e);
      out.add(new EntityRow(e.name(), e.type(), e.mentions().size(), e.aliases(), e.roles(),
          page != null ? page : first, first));
    }
    out.sort(Comparator.comparingInt(EntityRow::mentions).reversed().thenComparing(EntityRow::name));
    return out;
  }

  static List<OutletRow> outlets(StoryViews.View v, Map<String, Article> byId) {
    List<OutletRow> out = new ArrayList<>();
    for (OutletView ov : v.report().outlets()) {
      for (OutletView.ArticleView av : ov.articles()) {
        Article a = byId.get(av.article());
        List<Line> unique = new ArrayList<>();
        for (OutletView.Fact f : av.unique()) {
          unique.add(new Line(f.text(), av.article(), av.outlet(), Links.article(av.article(), f.start(), f.end())));
        }
        out.add(new OutletRow(av.outlet(), av.article(), a == null ? av.article() : a.title(), unique,
            av.speakers(), av.speakersOnlyHere(), av.hoursToFirstCoverage(), av.headlineOnlyHere()));
      }
    }
    return out;
  }

  static List<Event> events(StoryViews.View v) {
    List<Event> evs = new ArrayList<>(v.report().events());
    evs.sort(Comparator.comparing(Event::date).thenComparing(Event::id));
    return evs;
  }

  static List<String> explain(StoryViews.View v) {
    return v.assignments().stream().map(org.storyline.cluster.Assignment::explain).toList();
  }

  /** The link of an event's first evidence sentence that states it (not one that only recalls its date). */
  public static String href(Event e) {
    if (e.evidence().isEmpty()) return null;
    Event.Evidence ev = e.evidence().stream().filter(x -> !x.recalls()).findFirst().orElse(e.evidence().get(0));
    return href(ev);
  }

  /** The link of one evidence sentence: its article, with the sentence marked. */
  public static String href(Event.Evidence ev) {
    return Links.article(ev.article(), ev.start(), ev.end());
  }
}
