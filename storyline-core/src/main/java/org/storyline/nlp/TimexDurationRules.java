package org.storyline.nlp;

import static org.storyline.nlp.TimexCandidate.cand;
import static org.storyline.nlp.TimexNumbers.durationValue;
import static org.storyline.nlp.TimexText.nextWord;
import static org.storyline.nlp.TimexText.prevWord;
import static org.storyline.nlp.TimexText.rate;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Durations: "two days", "the past two months", "three-year", bare plural units after a cue ("for years"), "decades-
 * long", "half an hour". See {@link TimexTagger}.
 */
final class TimexDurationRules extends TimexRuleGroup {
  private static final Pattern YEAR_LIKE = Pattern.compile("(?:1[6-9]|20)\\d\\d");
  /** Words before "last" that make it the verb ("to last two weeks", "will last"), not "the last two weeks". */
  private static final Set<String> VERB_LAST_BEFORE = Set.of("to", "will", "would", "could", "may", "might", "can",
      "should", "must", "not", "did", "does", "do", "could've", "won't", "'ll");

  TimexDurationRules(TimexTables t, TimexPatterns p, TimexCues cues, TimexNormaliser norm, List<TimexRule> out) {
    super(t, p, cues, norm, out);
  }

  @Override
  void add() {
    // durations: two days, three-year, the past two months, more than four hours
    rule("duration", unitW, "\\b(?:" + mod + "\\s+)?(?:(?<det>the|its|their|his|her|our|this|these|those)\\s+)?"
        + "(?:(?<adj>past|last|next|first|final|coming|previous|following|latest|initial|remaining|preceding|other|"
        + "full|entire|whole|additional|further|same)\\s+)?" + num + "(?<half>\\s+and\\s+a\\s+half)?"
        + "(?:\\s+(?:more|additional|straight|consecutive|full|long))?[\\s-]+" + unit
        + "(?<half2>\\s+and\\s+a\\s+half)?(?<suf>-long|-plus|-old)?(?![\\w])", (m, s) -> {
          if ("-old".equals(m.group("suf"))) return null;
          String nk = TimexTables.key(m.group("num"));
          String u = t.units.get(TimexTables.key(m.group("u")));
          if (u == null) return null;
          String n = numbers.num(m.group("num"));
          if (n == null) return null;
          boolean article = nk.equals("a") || nk.equals("an") || nk.equals("one");
          if (article && (u.equals("S") || u.equals("Q"))) return null;
          if (nk.equals("many") && prevWord(s, m.start("num")).equals("as")) return null; // "in as many weeks"
          if (YEAR_LIKE.matcher(nk).matches() && !u.equals("Y") && !u.equals("DE") && !u.equals("CE")) return null;
          if ((nk.equals("recent") || nk.equals("coming")) && m.group("det") == null && m.group("adj") == null) {
            if (!u.equals("Y") && !u.equals("M") && !u.equals("W") && !u.equals("D") && !u.equals("DE")) return null;
          }
          String uk = TimexTables.key(m.group("u"));
          boolean plural = uk.endsWith("s") || uk.endsWith("ia");
          if (article && plural) return null;
          if ((nk.equals("some") || nk.equals("many") || nk.equals("several") || nk.equals("few")
              || nk.equals("a few") || nk.equals("recent") || nk.equals("coming")) && !plural) return null;
          if (nk.equals("one") && u.equals("D") && m.group("det") == null && m.group("adj") == null
              && m.group("mod") == null && !prevWord(s, m.start()).equals("for")
              && s.charAt(m.start("u") - 1) != '-') return null; // "one day he ..."; "a one-day trip" stays
          if (u.equals("D") && uk.startsWith("night") && article) return null;
          if (nextWord(s, m.end()).equals("old") || nextWord(s, m.end()).equals("older")) return null; // ages
          if (article && m.group("det") == null && m.group("adj") == null && m.group("mod") == null
              && rate(s, m.start())) return null; // "$5 a year", "358,000 a month": rates
          if (u.equals("Q") && s.charAt(m.start("u") - 1) == '-' && plural) return null; // "three-quarters"
          String nn = (m.group("half") != null || m.group("half2") != null) && !n.equals("X") ? n + ".5" : n;
          int start = m.start();
          if (m.group("det") != null && m.group("adj") == null && m.group("mod") == null
              && s.charAt(m.start("u") - 1) == '-') {
            start = m.start("num"); // "the three-year war": the expression is "three-year"
          }
          if (m.group("mod") != null && m.group("det") == null && m.group("adj") == null
              && TimexTables.key(m.group("mod")).equals("some") && (article)) return null;
          if (m.group("mod") != null && (m.group("det") != null || m.group("adj") != null)) {
            // "over the past two months": a modifier counts only right before the number
            start = m.group("det") != null ? m.start("det") : m.start("adj");
          }
          if (m.group("adj") != null && m.group("det") == null && m.group("mod") == null
              && TimexTables.key(m.group("adj")).equals("last")
              && VERB_LAST_BEFORE.contains(prevWord(s, m.start("adj")))) {
            start = m.start("num"); // "expected to last several weeks": "last" is the verb
          }
          return cand(start, m.end(), c -> new TimexResult("DURATION", durationValue(nn, u)));
        });
    // bare plural units after a cue: for years, in recent weeks, the past months
    rule("plural", unitW, "\\b(?:(?<pre>recent|the\\s+coming|the\\s+past|the\\s+last|the\\s+next|coming|the)\\s+)?"
        + "(?<u>years|months|weeks|days|hours|decades|centuries|minutes|quarters)(?!\\w)(?<ahead>\\s+ahead)?",
        (m, s) -> {
          String pre = m.group("pre");
          // "the days ahead", "the weeks ahead": the coming stretch, a vague duration
          if (pre != null && TimexTables.key(pre).equals("the") && m.group("ahead") == null) return null;
          if (m.group("ahead") != null && pre == null) return null;
          String prev = prevWord(s, m.start());
          if (pre == null && !Set.of("for", "within", "in", "over").contains(prev)) return null;
          if (pre == null && prev.equals("in") && !nextWord(s, m.end()).isEmpty()
              && !Set.of("ago", "and", "of").contains(nextWord(s, m.end()))) return null;
          String u = t.units.get(TimexTables.key(m.group("u")));
          return cand(m.start(), m.end(), c -> new TimexResult("DURATION", durationValue("X", u)));
        });
    // day-long, decades-long
    rule("long", unitW, "\\b(?<u>" + TimexTables.alt(t.units.keySet()) + ")-long\\b", (m, s) -> {
      String uk = TimexTables.key(m.group("u"));
      String u = t.units.get(uk);
      boolean plural = uk.endsWith("s") || uk.endsWith("ia");
      return cand(m.start(), m.end(), c -> new TimexResult("DURATION", durationValue(plural ? "X" : "1", u)));
    });
    // half an hour, half a day
    rule("half", unitW, "\\b(?:a\\s+)?half\\s+(?:an?\\s+)?(?<u>hour|day|year|month|century|decade)\\b", (m, s) -> {
      String u = TimexTables.key(m.group("u"));
      String v = switch (u) {
        case "hour" -> "PT30M";
        case "day" -> "PT12H";
        case "year" -> "P6M";
        case "month" -> "P2W";
        case "decade" -> "P5Y";
        default -> "P50Y";
      };
      return cand(m.start(), m.end(), c -> new TimexResult("DURATION", v));
    });
  }
}
