package org.storyline.cluster;

import java.util.Locale;

/**
 * How the specific arguments of an event (who: names; where: places; when: years, dates, weekdays; how many: numbers)
 * weigh in story assignment, so that two events of the same kind (two earthquakes, two DUI arrests) are told apart.
 * Arguments are the name features ({@code #}, {@code @}) and the number and date features ({@code %}) of
 * {@link ArticleFeatures}; together they form the argument channel, compared with its own cosine.
 *
 * <p>With the default learnt {@link ScoreModel} the argument cosine and the time-mark conflicts are model inputs and
 * {@link #weight} and the conflict factors here are unused (they drive the plain scorer). Tried on ECB+ train/dev and
 * not kept (no gain on dev): the member second look (dev B3 F1 0.895 -> 0.875..0.886), number weight 0.5 or 2,
 * stronger conflict weights than fitted, a generic-event-word down-weighting (0.3-0.5), the story size and salient
 * argument overlap as model inputs, and number features in the background IDF table.
 *
 * @param numberWeight weight of a number or date feature relative to a plain term
 * @param weight how much a low argument cosine counts against joining (0 = not at all, 1 = the score is scaled by
 *     the argument agreement alone)
 * @param full argument cosine from which the arguments fully agree (no penalty)
 * @param members how many member article vectors a story keeps for the second look (0 = no second look)
 * @param memberTerms how many of an article's heaviest features a kept member vector holds
 * @param secondLook how many of the best candidate stories get the second look
 * @param memberMix share of the second-look score (best member's) in a candidate's final score
 * @param yearConflict factor on the score when the article names years and the story names years, none shared
 * @param monthConflict the same for month names
 * @param weekdayConflict the same for weekdays
 */
public record ArgumentRules(double numberWeight, double weight, double full, int members, int memberTerms,
    int secondLook, double memberMix, double yearConflict, double monthConflict, double weekdayConflict) {

  public static final ArgumentRules DEFAULTS = new ArgumentRules(1.0, 0.0, 0.3, 0, 60, 3, 0.5, 1.0, 1.0, 1.0);

  /** No argument features, no penalty, no second look: clustering as before the argument channel. */
  public static final ArgumentRules OFF = new ArgumentRules(0.0, 0.0, 0.3, 0, 60, 0, 0.0, 1.0, 1.0, 1.0);

  private static final java.util.List<String> KEYS = java.util.List.of("numberweight", "weight", "full", "members",
      "memberterms", "secondlook", "membermix", "yearconflict", "monthconflict", "weekdayconflict");

  /** A copy with the {@code key=value} pairs of a comma-separated spec applied (for tuning grids). */
  public ArgumentRules with(String spec) {
    double[] x = {numberWeight, weight, full, members, memberTerms, secondLook, memberMix, yearConflict,
        monthConflict, weekdayConflict};
    for (String kv : spec.split(",")) {
      if (kv.isBlank()) continue;
      String[] p = kv.split("=", 2);
      int i = KEYS.indexOf(p[0].strip().toLowerCase(Locale.ROOT));
      if (i < 0 || p.length < 2) throw new IllegalArgumentException("unknown argument rule " + kv);
      x[i] = Double.parseDouble(p[1].strip());
    }
    return new ArgumentRules(x[0], x[1], x[2], (int) x[3], (int) x[4], (int) x[5], x[6], x[7], x[8], x[9]);
  }

  /** The conflict factor of a mark kind ({@link TimeMarks#kind}): year 0, month 1, weekday 2. */
  double conflict(int kind) {
    return kind == 0 ? yearConflict : kind == 1 ? monthConflict : weekdayConflict;
  }

  /**
   * The factor (at most 1) by which argument agreement scales a score: 1 when either side has no arguments or the
   * argument cosine reaches {@link #full}, down to {@code 1 - weight} when no argument is shared.
   */
  double factor(double argCos, boolean bothHaveArguments) {
    if (!bothHaveArguments || weight <= 0) return 1.0;
    return 1 - weight + weight * Math.min(1.0, argCos / full);
  }
}
