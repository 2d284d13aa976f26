package org.storyline.nlp;

import static org.storyline.nlp.TimexCandidate.cand;
import static org.storyline.nlp.TimexNumbers.direction;
import static org.storyline.nlp.TimexNumbers.durationValue;
import static org.storyline.nlp.TimexResult.date;
import static org.storyline.nlp.TimexText.lastWords;
import static org.storyline.nlp.TimexText.nextWord;
import static org.storyline.nlp.TimexText.prevWord;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.storyline.nlp.TimexValues.Gran;
import org.storyline.nlp.TimexValues.Point;

/**
 * Periods and relative dates: quarters and halves ("the third quarter", "the year-earlier period"), seasons, "this
 * week"/"last month"/"the following day", and "three years ago"/"a year earlier". See {@link TimexTagger}.
 */
final class TimexPeriodRules extends TimexRuleGroup {
  private static final Set<String> SEASON_PREPS = Set.of("in", "since", "until", "till", "by", "during", "through",
      "throughout", "over", "of", "this", "last", "next", "early", "late", "mid", "before", "after", "from",
      "every", "each", "that", "into");

  TimexPeriodRules(TimexTables t, TimexPatterns p, TimexCues cues, TimexNormaliser norm, List<TimexRule> out) {
    super(t, p, cues, norm, out);
  }

  @Override
  void add() {
    // the third quarter (of 1998), third-quarter, the first half, fiscal first quarter
    rule("quarter", Set.of("quarter", "half", "period"),
        "\\b(?:(?<det>the|its|their|this|last|next|a)\\s+)?(?:(?<yy>" + year4
        + "|this\\s+year['\u2019]s|last\\s+year['\u2019]s|next\\s+year['\u2019]s|the\\s+year['\u2019]s)\\s+)?"
        + "(?:(?<ya>year-ago|year-earlier|year-before|comparable\\s+year-ago)\\s+)?"
        + "(?:(?:fiscal|calendar)\\s+)?(?<o>first|second|third|fourth|1st|2nd|3rd|4th|final|last)(?<sep>[\\s-])"
        + "(?:fiscal[\\s-])?(?<u>quarter|half|period)(?![\\w])(?:\\s+of\\s+(?:the\\s+)?(?:fiscal\\s+|calendar\\s+)?"
        + "(?:year\\s+)?(?<y2>" + year4 + "|this\\s+year|last\\s+year|next\\s+year|year(?![\\w-])))?", (m, s) -> {
          String u = TimexTables.key(m.group("u"));
          String o = TimexTables.key(m.group("o"));
          int q = switch (o) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            default -> u.equals("half") ? 2 : 4;
          };
          // "the last half of 1989" is its second half; "the last quarter" alone is the previous one (rule qrel)
          if (o.equals("last") && m.group("y2") == null) return null;
          if (u.equals("half") && q > 2) return null;
          if (u.equals("period") && m.group("det") == null) return null;
          int start = m.start();
          String det = m.group("det") == null ? null : TimexTables.key(m.group("det"));
          if (det != null && m.group("sep").equals("-") && m.group("yy") == null && m.group("y2") == null
              && !det.equals("last") && !det.equals("next") && !det.equals("this")) {
            start = m.start("o"); // "the third-quarter profit": the expression is "third-quarter"
          }
          if ("a".equals(det)) return null;
          String yy = m.group("yy") != null ? m.group("yy") : m.group("y2");
          String yk = yy == null || TimexTables.key(yy).equals("year") ? null : TimexTables.key(yy); // "of the year"
          final String dd = det;
          if (m.group("ya") != null) {
            // "the year-ago third quarter": that quarter one year before the one in talk
            if (det == null || !m.group("sep").isBlank() || yk != null) return null;
            return cand(start, m.end(), c -> {
              String suffix = (u.equals("half") ? "-H" : "-Q") + q;
              if (c.dct == null) return date("XXXX" + suffix);
              int cur = u.equals("half") ? (c.dct.getMonthValue() - 1) / 6 + 1 : (c.dct.getMonthValue() - 1) / 3 + 1;
              int y = c.dct.getYear() - (q > cur ? 2 : 1);
              return date(TimexValues.year(y) + suffix).comparison();
            });
          }
          return cand(start, m.end(), c -> {
            String suffix = (u.equals("half") ? "-H" : "-Q") + q;
            if (yk != null && Character.isDigit(yk.charAt(0))) return date(yk + suffix);
            if (c.dct == null) return date("XXXX" + suffix);
            int y = c.dct.getYear();
            if (yk != null) {
              if (yk.startsWith("last")) y--;
              else if (yk.startsWith("next")) y++;
              return date(TimexValues.year(y) + suffix);
            }
            int cur = u.equals("half") ? (c.dct.getMonthValue() - 1) / 6 + 1 : (c.dct.getMonthValue() - 1) / 3 + 1;
            if ("last".equals(dd)) y--;
            else if ("next".equals(dd)) y++;
            else if (q > cur && !cues.futureCue(c.text, c.start)) y--;
            return date(TimexValues.year(y) + suffix);
          });
        });
    // the quarter, the latest quarter, last quarter, the year-earlier period
    rule("qrel", Set.of("quarter", "period"),
        "\\b(?<det>the|this|last|next|that)\\s+(?:(?:comparable|corresponding)\\s+)?(?:(?<yr>" + year4 + ")\\s+|"
        + "(?<adj>latest|current|previous|prior|past|same|recent|"
        + "just-ended|just\\s+ended|most\\s+recent|year-earlier|year-ago|comparable|corresponding|fiscal|"
        + "year-before)\\s+)?(?:fiscal\\s+)?(?<u>quarter|period)\\b(?<ya>\\s+a\\s+year\\s+(?:earlier|ago|before))?",
        (m, s) -> {
          String det = TimexTables.key(m.group("det"));
          String adj = m.group("adj") == null ? "" : TimexTables.key(m.group("adj"));
          String u = TimexTables.key(m.group("u"));
          String yr = m.group("yr");
          if (yr != null) {
            // "the 1988 quarter": the quarter in talk, in that year
            return cand(m.start(), m.end(), c -> {
              int q = c.ref != null && c.ref.gran() == Gran.QUARTER ? (c.ref.date().getMonthValue() - 1) / 3 + 1
                  : c.dct != null ? (new Point(c.dct, Gran.QUARTER).shift("Q", -1).date().getMonthValue() - 1) / 3 + 1
                  : 0;
              return date(yr + "-Q" + (q == 0 ? "X" : String.valueOf(q))).comparison();
            });
          }
          if (u.equals("period") && !(adj.equals("latest") || adj.startsWith("year") || adj.equals("comparable")
              || adj.equals("corresponding") || adj.equals("same") || m.group("ya") != null)) return null;
          boolean yearBack = adj.startsWith("year") || adj.equals("comparable") || adj.equals("corresponding")
              || m.group("ya") != null;
          LocalDate ended = norm.endedDate(s, m.end());
          return cand(m.start(), m.end(), c -> {
            if (c.dct == null) return date("XXXX-QX");
            Point dq = new Point(c.dct, Gran.QUARTER);
            Point p;
            if (ended != null && (det.equals("the") || det.equals("that"))) {
              // "the quarter ended Sept. 30": the three months up to that day, in the year that is not ahead
              LocalDate e = ended.withYear(c.dct.getYear());
              if (e.isAfter(c.dct.plusDays(TimexNormaliser.NEAR_FUTURE_DAYS))) e = e.minusYears(1);
              p = new Point(e.minusMonths(1), Gran.QUARTER);
            } else if (det.equals("this") || adj.equals("current")) p = dq;
            else if (det.equals("last") || adj.equals("previous") || adj.equals("prior") || adj.equals("past"))
              p = dq.shift("Q", -1);
            else if (det.equals("next")) p = dq.shift("Q", 1);
            else if (adj.equals("latest") || adj.equals("most recent") || adj.startsWith("just"))
              p = dq.shift("Q", -1);
            else p = c.ref != null && c.ref.gran() == Gran.QUARTER ? c.ref : dq.shift("Q", -1);
            if (yearBack) return date(p.shift("Y", -1).value()).comparison();
            return date(p.value());
          });
        });
    // seasons: last summer, summer 2024, in the spring
    rule("season", lastWords(t.seasons.keySet()), "\\b(?:(?<dir>this\\s+past|last|next|this|early|late|mid|the|that)"
        + "[\\s-]+)?" + season
        + "(?!\\w)(?:\\s+(?:of\\s+)?(?<y>" + year4 + ")(?!\\d))?", (m, s) -> {
          String dirw = m.group("dir") == null ? null : TimexTables.key(m.group("dir"));
          String pw = prevWord(s, m.start());
          if (dirw == null && m.group("y") == null && !SEASON_PREPS.contains(pw)) return null;
          if ("the".equals(dirw) && m.group("y") == null && !SEASON_PREPS.contains(pw)) return null;
          if (TimexTables.key(m.group("s")).equals("fall") && m.group("y") == null
              && Set.of("of", "to", "apart", "below", "further", "back", "short", "behind", "off", "by", "in")
              .contains(nextWord(s, m.end()))) return null;
          String nx = nextWord(s, m.end());
          if (m.group("y") == null && Set.of("session", "semester", "term", "season", "collection", "olympics",
              "games", "camp").contains(nx)) return null; // "the summer session": a name, not a date
          String[] sd = t.seasons.get(TimexTables.key(m.group("s")));
          String code = sd[0];
          int sm = Integer.parseInt(sd[1]);
          String dir = direction(dirw);
          String y = m.group("y");
          if (dirw == null && y == null && (pw.equals("every") || pw.equals("each"))) {
            int ps = m.start() - 1; // "every summer": a set, the quantifier included
            while (ps > 0 && Character.isWhitespace(s.charAt(ps))) ps--;
            while (ps > 0 && Character.isLetter(s.charAt(ps - 1))) ps--;
            return cand(ps, m.end(), c -> new TimexResult("SET", "XXXX-" + code));
          }
          return cand(m.start(), m.end(), c -> {
            if (y != null) return date(y + "-" + code);
            if (c.dct == null) return date("XXXX-" + code);
            LocalDate d = c.dct;
            int yr;
            if ("last".equals(dir)) {
              yr = d.getYear();
              while (!LocalDate.of(yr, sm, 1).plusMonths(3).isBefore(d.plusDays(1))) yr--;
            } else if ("next".equals(dir)) {
              yr = d.getYear() - 1;
              while (!LocalDate.of(yr, sm, 1).isAfter(d)) yr++;
            } else {
              yr = d.getYear();
              if (sm == 12 && d.getMonthValue() < 3) yr--;
            }
            return date(TimexValues.year(yr) + "-" + code);
          });
        });
    // this week, last month, next year, the past year, earlier this year, the following day
    rule("rel", Set.of("week", "month", "year", "weekend", "decade", "century", "day", "morning", "afternoon",
        "evening", "night"),
        "\\b(?:(?<ed>earlier|later|early|late|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|"
        + "the\\s+middle\\s+of|the\\s+rest\\s+of|the\\s+remainder\\s+of|end\\s+of|start\\s+of|beginning\\s+of|"
        + "mid)[\\s-]+)?(?<det>this\\s+past|this|last|next|the\\s+past|the\\s+last|the\\s+coming|the\\s+next|"
        + "the\\s+previous|"
        + "the\\s+prior|the\\s+current|the\\s+same|that\\s+same|the\\s+following|the\\s+preceding|the|that|past|coming|"
        + "a\\s+week|a\\s+month|a\\s+year)\\s+(?<u>week|month|year|weekend|decade|century|fiscal\\s+year|day|"
        + "morning|afternoon|evening|night)(?![\\w-])", (m, s) -> {
          String det = TimexTables.key(m.group("det"));
          String u = TimexTables.key(m.group("u"));
          String ed = m.group("ed") == null ? null : TimexTables.key(m.group("ed"));
          if (det.startsWith("a ")) return null;
          boolean daypart = Set.of("morning", "afternoon", "evening", "night").contains(u);
          if (daypart && !Set.of("the next", "the following", "the previous", "the prior", "the same", "that",
              "that same", "the preceding").contains(det)) return null;
          if (u.equals("day") && !Set.of("the next", "the following", "the previous", "the prior", "the same",
              "that", "that same", "the preceding", "the past").contains(det)) return null;
          if (det.equals("the") && (ed == null && !Set.of("year", "week", "month", "weekend", "fiscal year")
              .contains(u))) return null;
          if ((det.equals("past") || det.equals("coming")) && !prevWord(s, m.start()).isEmpty()
              && Set.of("the", "a", "an").contains(prevWord(s, m.start()))) return null;
          String code = t.units.getOrDefault(u.equals("fiscal year") ? "year" : u, "D");
          String after = nextWord(s, m.end());
          if ((det.equals("the") || det.equals("the latest")) && ed == null
              && (after.equals("ended") || after.equals("ending") || after.equals("through"))) {
            return cand(m.start(), m.end(), c -> new TimexResult("DURATION", durationValue("1", code)));
          }
          return cand(m.start(), m.end(), c -> norm.relative(c, det, u, code, ed));
        });
    // three years ago, a year earlier, two weeks later; "three years ago next week" (an anniversary) is one date
    rule("ago", Set.of("ago", "earlier", "later", "now", "hence", "previously", "back"),
        "\\b(?:" + mod + "\\s+)?" + num + "[\\s-]+" + unit
        + "(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|from\\s+now|"
        + "hence|previously|back)(?!\\w)(?:\\s+(?<anchor>next|this|last|coming)\\s+(?<au>week|month)\\b)?",
        (m, s) -> {
          String n = numbers.num(m.group("num"));
          String u = t.units.get(TimexTables.key(m.group("u")));
          String dir = TimexTables.key(m.group("dir"));
          if (n == null || u == null) return null;
          // TimeML: in "three days later" the timex is the duration "three days", "later" is a signal
          if (dir.equals("later")) return null;
          String anchor = m.group("anchor") == null ? null : TimexTables.key(m.group("anchor"));
          if (anchor != null && dir.equals("ago")) {
            String au = t.units.get(TimexTables.key(m.group("au")));
            int shift = anchor.equals("this") ? 0 : anchor.equals("last") ? -1 : 1;
            return cand(m.start(), m.end(), c -> norm.agoFrom(c, n, u, au, shift));
          }
          int end = m.group("anchor") == null ? m.end() : m.start("anchor") - 1;
          while (end > m.start() && Character.isWhitespace(s.charAt(end - 1))) end--;
          int e = end;
          return cand(m.start(), e, c -> norm.ago(c, n, u, dir));
        });
    // year-earlier, year-ago (adjectives)
    rule("yearago", Set.of("earlier", "ago"), "\\b(?<u>year|month|quarter|week)-(?<dir>earlier|ago)\\b", (m, s) -> {
      String u = t.units.get(TimexTables.key(m.group("u")));
      String dir = TimexTables.key(m.group("dir"));
      // "year-ago" counts back from the publish date (deictic), "year-earlier" from the time in talk
      return cand(m.start(), m.end(), c -> norm.ago(c, "1", u, dir.equals("ago") ? "ago" : "earlier"));
    });
  }
}
