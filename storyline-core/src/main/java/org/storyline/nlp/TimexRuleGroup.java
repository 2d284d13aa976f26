package org.storyline.nlp;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A family of TIMEX recognition rules (see {@link TimexTagger}): {@link #add} appends its rules, in order, to the
 * tagger's list; the order is the tie-breaker between candidates of the same span, so the families are added in a
 * fixed order. The rules are written with the pieces of {@link TimexPatterns}, copied here under their names.
 */
abstract class TimexRuleGroup {
  final TimexTables t;
  final TimexNumbers numbers;
  final TimexCues cues;
  final TimexNormaliser norm;
  final String month, wd, wdDay, tens, ones, numAlt, num, unit, mod, year4, edge, ord, season, tz;
  final Set<String> dig, monthW, wdW, unitW, decadeW, setW;
  final Pattern rangeTail;
  private final List<TimexRule> out;

  TimexRuleGroup(TimexTables t, TimexPatterns p, TimexCues cues, TimexNormaliser norm, List<TimexRule> out) {
    this.t = Objects.requireNonNull(t);
    this.numbers = new TimexNumbers(t);
    this.cues = Objects.requireNonNull(cues);
    this.norm = Objects.requireNonNull(norm);
    this.out = Objects.requireNonNull(out);
    this.month = p.month;
    this.wd = p.wd;
    this.wdDay = p.wdDay;
    this.tens = p.tens;
    this.ones = p.ones;
    this.numAlt = p.numAlt;
    this.num = p.num;
    this.unit = p.unit;
    this.mod = p.mod;
    this.year4 = p.year4;
    this.edge = p.edge;
    this.ord = p.ord;
    this.season = p.season;
    this.tz = p.tz;
    this.dig = p.dig;
    this.monthW = p.monthW;
    this.wdW = p.wdW;
    this.unitW = p.unitW;
    this.decadeW = p.decadeW;
    this.setW = p.setW;
    this.rangeTail = p.rangeTail;
  }

  /** Appends this family's rules to the tagger's list. */
  abstract void add();

  final void rule(String name, Set<String> triggers, String regex, TimexRule.Handler h) {
    out.add(new TimexRule(name, Set.copyOf(triggers), Pattern.compile(regex), h));
  }
}
