package org.storyline.nlp;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The regular-expression pieces the TIMEX rules are written with (month and weekday names, numbers, units,
 * modifiers, ordinals, seasons, time zones: alternations built once from the word tables in {@link TimexTables}),
 * the trigger-word sets of the rules, and three patterns the normaliser and the month rule look ahead or behind
 * with. Immutable once built.
 */
final class TimexPatterns {
  final String month, wd, wdDay, tens, ones, numAlt, num, unit, mod, year4, edge, ord, season, tz;
  final Set<String> dig, monthW, wdW, unitW, decadeW, setW;
  /** Matches "ended Sept. 30" right after a period expression. */
  final Pattern ended;
  /** Matches "(local time) on Wednesday" right after a clock time. */
  final Pattern dayAfter;
  /** Matches "from January to " right before a month that ends a range. */
  final Pattern rangeTail;

  TimexPatterns(TimexTables t) {
    month = "(?<mon>" + TimexTables.alt(t.months.keySet()) + ")(?![\\p{L}])";
    ended = Pattern.compile("\\s+(?:that\\s+|which\\s+)?(?:ended|ending|ends)\\s+" + month
        + "\\.?\\s*(?<d>\\d{1,2})\\b", Pattern.CASE_INSENSITIVE);
    wd = "(?<wd>" + TimexTables.alt(t.weekdays.keySet()) + ")(?![\\p{L}])";
    wdDay = "(?<day>" + TimexTables.alt(t.weekdays.keySet())
        + "|today|yesterday|tomorrow|tonight)(?![\\p{L}])";
    rangeTail = Pattern.compile("\\b(?:from|between)\\s+" + month.replace("(?<mon>", "(?:")
        + "\\s+(?:to|through|until|till|and)\\s+$", Pattern.CASE_INSENSITIVE);
    dayAfter = Pattern.compile("\\s*(?:local\\s+time\\s*)?(?:\\([^()]{1,20}\\)\\s*)?,?\\s*(?:on\\s+)?" + wdDay,
        Pattern.CASE_INSENSITIVE);
    tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
    ones = "(?:one|two|three|four|five|six|seven|eight|nine)";
    numAlt = "(?:\\d{1,3}(?:,\\d{3})+|\\d+\\s+1/2|\\d+(?:\\.\\d+)?|" + tens + "[\\s-]" + ones + "|"
        + TimexTables.alt(t.numbers.keySet()) + ")";
    num = "(?<num>" + numAlt + ")";
    unit = "(?<u>" + TimexTables.alt(t.units.keySet()) + ")";
    mod = "(?<mod>" + TimexTables.alt(t.modifiers.keySet()) + ")";
    year4 = "(?:1[6-9]|20)\\d\\d";
    edge = "(?<pre>early|late|mid|middle|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|"
        + "the\\s+middle\\s+of|end\\s+of|beginning\\s+of|start\\s+of)";
    ord = "(?<o>" + TimexTables.alt(t.ordinals.keySet()) + ")";
    season = "(?<s>" + TimexTables.alt(t.seasons.keySet()) + ")";
    tz = "(?:\\s+(?<tz>[a-z]{1,2}[sd]?t|gmt|utc)\\b|\\s+local\\s+time)?";

    dig = Set.of("#");
    monthW = Set.copyOf(TimexText.lastWords(t.months.keySet()));
    wdW = Set.copyOf(TimexText.lastWords(t.weekdays.keySet()));
    unitW = Set.copyOf(TimexText.lastWords(t.units.keySet()));
    decadeW = Set.of("#", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
        "nineties");
    Set<String> sets = new HashSet<>(unitW);
    sets.addAll(wdW);
    sets.addAll(t.dayparts.keySet());
    setW = Set.copyOf(sets);
  }
}
