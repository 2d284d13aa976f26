package org.storyline.cluster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.model.Article;

/**
 * Infers the publish date of an undated article from its dated story mates: a mate's date whose weekday the article
 * mentions ("on Wednesday" and a mate dated Wednesday 2025-02-19 give 2025-02-19); with no weekday match, the
 * story's earliest date. The result is marked {@code publishedInferred} with a diagnostic saying how.
 */
final class DateInference {
  private static final Pattern WEEKDAY = Pattern.compile(
      "\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|\u2019s)?\\b");

  private DateInference() {}

  static Set<DayOfWeek> weekdays(String text) {
    Set<DayOfWeek> s = EnumSet.noneOf(DayOfWeek.class);
    Matcher m = WEEKDAY.matcher(text);
    while (m.find()) s.add(DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT)));
    return s;
  }

  /** The article with an inferred date, or the same article when it is dated or no mate is dated. */
  static Article infer(Article a, List<Article> mates) {
    return infer(a, datedMates(mates));
  }

  /**
   * How many mates (publish date not inferred) carry each date, earliest first; computed once per story so that
   * inferring the dates of its undated articles stays linear in the story's size.
   */
  static Map<LocalDate, Integer> datedMates(List<Article> mates) {
    Map<LocalDate, Integer> dated = new TreeMap<>();
    for (Article m : mates) {
      if (m.publishedInferred()) continue;
      long d = ArticleFeatures.day(m.published());
      if (d != ArticleFeatures.NO_DAY) dated.merge(LocalDate.ofEpochDay(d), 1, Integer::sum);
    }
    return dated;
  }

  /**
   * {@link #infer(Article, List)} from the table of {@link #datedMates}; the article itself may be in the table's
   * mates, as only an undated article is inferred and it adds no date there.
   */
  static Article infer(Article a, Map<LocalDate, Integer> dated) {
    if (a.published() != null && ArticleFeatures.day(a.published()) != ArticleFeatures.NO_DAY) return a;
    if (dated.isEmpty()) return a;
    Set<DayOfWeek> said = weekdays(a.text());
    List<LocalDate> match = new ArrayList<>();
    for (LocalDate d : dated.keySet()) if (said.contains(d.getDayOfWeek())) match.add(d);
    if (!match.isEmpty()) {
      // the date most mates carry, then the earliest
      LocalDate best = match.get(0);
      for (LocalDate d : match) if (dated.get(d) > dated.get(best)) best = d;
      String day = best.getDayOfWeek().toString().charAt(0) + best.getDayOfWeek().toString().substring(1)
          .toLowerCase(Locale.ROOT);
      return a.withPublished(best.toString(), true, "published date inferred from story: text mentions " + day
          + " and a story mate is dated " + best);
    }
    LocalDate first = dated.keySet().iterator().next();
    return a.withPublished(first.toString(), true, "published date inferred from story: earliest date of its "
        + "story mates (" + first + "); no weekday in the text matched");
  }
}
