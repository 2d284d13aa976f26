package org.storyline.cluster;

import java.util.List;
import java.util.Map;

/** Short extractive labels: the title of a story's most central article, else its lead sentence. */
final class Labels {
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  private Labels() {}

  /**
   * Centrality: cosine of the article's log-weighted counts with the story centroid, whose squared norm {@code nc} is
   * computed once per story.
   */
  private static double centrality(ArticleFeatures f, Map<String, Double> centroid, double nc,
      java.util.function.ToDoubleFunction<ArticleFeatures> squaredNorm) {
    double dot = 0;
    for (var e : f.counts().entrySet()) {
      Double c = centroid.get(e.getKey());
      if (c != null) dot += weight(e.getValue()) * c;
    }
    double na = squaredNorm.applyAsDouble(f);
    return na == 0 || nc == 0 ? 0 : dot / Math.sqrt(na * nc);
  }

  private static double weight(double count) {
    return 1 + Math.log(Math.max(1.0, count));
  }

  /** The squared norm of an article's log-weighted counts (what {@link #story} divides by). */
  static double squaredNorm(ArticleFeatures f) {
    double na = 0;
    for (double c : f.counts().values()) {
      double w = weight(c);
      na += w * w;
    }
    return na;
  }

  /** The most central titled article's title; without titles the most central article's lead sentence. */
  static String story(List<ArticleFeatures> members, Map<String, Double> centroid) {
    return story(members, centroid, Labels::squaredNorm);
  }

  /**
   * {@link #story(List, Map)} with the articles' squared count norms given (for features kept in part, whose
   * norm was taken before they were cut).
   */
  static String story(List<ArticleFeatures> members, Map<String, Double> centroid,
      java.util.function.ToDoubleFunction<ArticleFeatures> squaredNorm) {
    ArticleFeatures bestTitled = null;
    ArticleFeatures best = null;
    double bt = -1;
    double b = -1;
    double nc = 0;
    for (double w : centroid.values()) nc += w * w;
    for (ArticleFeatures f : members) {
      double c = centrality(f, centroid, nc, squaredNorm);
      if (c > b + StorylineLinker.TIE) { // scores equal but for rounding: the earlier member keeps it
        b = c;
        best = f;
      }
      if (f.title() != null && c > bt + StorylineLinker.TIE) {
        bt = c;
        bestTitled = f;
      }
    }
    if (bestTitled != null) return bestTitled.title();
    return best == null ? "" : best.lead();
  }

  /** A storyline: its most central story's label and the months it spans ("February-March 2025"). */
  static String storyline(String centralStoryLabel, long first, long last) {
    if (first == ArticleFeatures.NO_DAY) return centralStoryLabel;
    return centralStoryLabel + " (" + range(first, last) + ")";
  }

  static String range(long first, long last) {
    var a = java.time.LocalDate.ofEpochDay(first);
    var b = java.time.LocalDate.ofEpochDay(last);
    String ma = MONTHS[a.getMonthValue() - 1];
    String mb = MONTHS[b.getMonthValue() - 1];
    if (a.getYear() != b.getYear()) return ma + " " + a.getYear() + "\u2013" + mb + " " + b.getYear();
    if (a.getMonthValue() == b.getMonthValue()) return ma + " " + a.getYear();
    return ma + "\u2013" + mb + " " + a.getYear();
  }
}
