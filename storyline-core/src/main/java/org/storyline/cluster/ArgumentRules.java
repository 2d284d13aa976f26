package org.storyline.cluster;

import java.util.Locale;

/**
 * How the specific arguments of an event (who: names; where: places; when: years, dates, weekdays; how many: numbers)
 * weigh in story assignment, so that two events of the same kind (two earthquakes, two DUI arrests) are told apart.
 * Arguments are the name features ({@code #}, {@code @}) and the number and date features ({@code %}) of
 * {@link ArticleFeatures}; together they form the argument channel, compared with its own cosine.
 *
 * @param numberWeight weight of a number or date feature relative to a plain term
 * @param weight how much a low argument cosine counts against joining (0 = not at all, 1 = the score is scaled by
 *     the argument agreement alone)
 * @param full argument cosine from which the arguments fully agree (no penalty)
 * @param members how many member article vectors a story keeps for the second look (0 = no second look)
 * @param memberTerms how many of an article's heaviest features a kept member vector holds
 * @param secondLook how many of the best candidate stories get the second look
 * @param memberMix share of the second-look score (best member's) in a candidate's final score
 */
public record ArgumentRules(double numberWeight, double weight, double full, int members, int memberTerms,
    int secondLook, double memberMix) {

  public static final ArgumentRules DEFAULTS = new ArgumentRules(1.0, 0.0, 0.3, 0, 60, 3, 0.5);

  /** No argument features, no penalty, no second look: clustering as before the argument channel. */
  public static final ArgumentRules OFF = new ArgumentRules(0.0, 0.0, 0.3, 0, 60, 0, 0.0);

  /** A copy with the {@code key=value} pairs of a comma-separated spec applied (for tuning grids). */
  public ArgumentRules with(String spec) {
    ArgumentRules r = this;
    for (String kv : spec.split(",")) {
      if (kv.isBlank()) continue;
      String[] p = kv.split("=", 2);
      double x = Double.parseDouble(p[1].strip());
      r = switch (p[0].strip().toLowerCase(Locale.ROOT)) {
        case "numberweight" -> new ArgumentRules(x, r.weight, r.full, r.members, r.memberTerms, r.secondLook,
            r.memberMix);
        case "weight" -> new ArgumentRules(r.numberWeight, x, r.full, r.members, r.memberTerms, r.secondLook,
            r.memberMix);
        case "full" -> new ArgumentRules(r.numberWeight, r.weight, x, r.members, r.memberTerms, r.secondLook,
            r.memberMix);
        case "members" -> new ArgumentRules(r.numberWeight, r.weight, r.full, (int) x, r.memberTerms, r.secondLook,
            r.memberMix);
        case "memberterms" -> new ArgumentRules(r.numberWeight, r.weight, r.full, r.members, (int) x, r.secondLook,
            r.memberMix);
        case "secondlook" -> new ArgumentRules(r.numberWeight, r.weight, r.full, r.members, r.memberTerms, (int) x,
            r.memberMix);
        case "membermix" -> new ArgumentRules(r.numberWeight, r.weight, r.full, r.members, r.memberTerms,
            r.secondLook, x);
        default -> throw new IllegalArgumentException("unknown argument rule " + p[0]);
      };
    }
    return r;
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
