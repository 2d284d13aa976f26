package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.storyline.model.Article;
import org.storyline.model.Quote;
import org.storyline.store.EntityIndex;
import org.storyline.store.Snapshot;

/**
 * The entity page: names and roles, mentions over time (articles per day as an inline SVG bar chart), quotes by it and
 * quotes about it (quotes by others, in articles that mention it, whose words name it), the entities named with it,
 * and the articles that mention it. Built from the store-wide read model ({@link EntityIndex}).
 */
public record EntityPage(EntityIndex.EntityDetail entity, Charts.Spark chart, List<QuoteRow> by,
    List<QuoteRow> about, List<ArticleRow> articles, long articleTotal) {
  /** Quotes and articles listed at most. */
  public static final int LIMIT = 50;
  /** The chart of mentions over time is drawn this wide (SVG units; the page scales it). */
  static final int CHART_W = 600;

  public record QuoteRow(String text, String speaker, String speakerHref, String outlet, String day, String href,
      String article, String title) {}

  public record ArticleRow(String id, String title, String outlet, String published, boolean inferred,
      String href, String story, String storyHref) {}

  public static EntityPage of(EntityIndex ix, Snapshot snap, EntityIndex.EntityDetail e) throws java.io.IOException {
    List<String> days = new ArrayList<>();
    for (EntityIndex.DayCount d : e.byDay()) for (int i = 0; i < d.articles(); i++) days.add(d.day());
    Charts.Spark chart = Charts.spark(days, CHART_W, 60);
    List<QuoteRow> by = new ArrayList<>();
    for (EntityIndex.StoredQuote q : ix.quotesBy(e.id(), 0, LIMIT).items()) by.add(row(q, snap));
    EntityIndex.Page<String> mentioning = ix.articlesMentioning(e.id(), 0, LIMIT);
    List<ArticleRow> arts = new ArrayList<>();
    for (String id : mentioning.items()) {
      Article a = snap.article(id);
      var s = snap.storyOf(id);
      arts.add(new ArticleRow(id, a == null || a.title() == null ? id : a.title(), a == null ? null : a.outlet(),
          a == null ? null : a.published(), a != null && a.publishedInferred(), Links.article(id),
          s == null ? null : s.label(), s == null ? null : Links.story(s.id())));
    }
    Pattern named = names(e);
    List<QuoteRow> about = new ArrayList<>();
    for (EntityIndex.StoredQuote q : ix.quotesOf(mentioning.items())) {
      if (e.id().equals(q.speakerId()) || about.size() >= LIMIT) continue;
      if (named != null && named.matcher(q.quote().text()).find()) about.add(row(q, snap));
    }
    return new EntityPage(e, chart, by, about, arts, mentioning.total());
  }

  /** Any of the entity's names as a whole word (names of one letter left out), or null. */
  static Pattern names(EntityIndex.EntityDetail e) {
    List<String> alts = new ArrayList<>();
    for (String n : e.aliases()) if (n.length() > 1) alts.add(Pattern.quote(n));
    if (e.name() != null && e.name().length() > 1) alts.add(Pattern.quote(e.name()));
    if (alts.isEmpty()) return null;
    return Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", alts) + ")(?![\\p{L}\\p{N}])");
  }

  static QuoteRow row(EntityIndex.StoredQuote sq, Snapshot snap) {
    Quote q = sq.quote();
    Article a = snap.article(sq.article());
    return new QuoteRow(q.text(), q.speaker(), sq.speakerId() == null ? null : Links.entity(sq.speakerId()),
        sq.outlet(), sq.day(), Links.article(sq.article(), q.start(), q.end()), sq.article(),
        a == null || a.title() == null ? sq.article() : a.title());
  }

  public String typeName() {
    return switch (entity.type() == null ? "" : entity.type().toUpperCase(Locale.ROOT)) {
      case "PER" -> "person";
      case "ORG" -> "organisation";
      case "LOC" -> "place";
      default -> "name";
    };
  }
}
