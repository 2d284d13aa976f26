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
  private static double centrality(ArticleFeatures f, Map<String, Double> centroid, double nc) {
    double dot = 0;
    double na = 0;
    for (var e : f.counts().entrySet()) {
      double w = 1 + Math.log(Math.max(1.0, e.getValue()));
      na += w * w;
      Double c = centroid.get(e.getKey());
      if (c != null) dot += w * c;
    }
    return na == 0 || nc == 0 ? 0 : dot / Math.sqrt(na * nc);
  }

  /** The most central titled article's title; without titles the most central article's lead sentence. */
  static String story(List<ArticleFeatures> members, Map<String, Double> centroid) {
    ArticleFeatures bestTitled = null;
    ArticleFeatures best = null;
    double bt = -1;
    double b = -1;
    double nc = 0;
    for (double w : centroid.values()) nc += w * w;
    for (ArticleFeatures f : members) {
      double c = centrality(f, centroid, nc);
      if (c > b) {
        b = c;
        best = f;
      }
      if (f.title() != null && c > bt) {
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
