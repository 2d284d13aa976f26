package org.storyline.nlp;

import static org.storyline.nlp.TimexCandidate.cand;
import static org.storyline.nlp.TimexNumbers.direction;
import static org.storyline.nlp.TimexNumbers.durationValue;
import static org.storyline.nlp.TimexResult.date;
import static org.storyline.nlp.TimexText.badZone;
import static org.storyline.nlp.TimexText.capitalised;
import static org.storyline.nlp.TimexText.cut;
import static org.storyline.nlp.TimexText.isUpper;
import static org.storyline.nlp.TimexText.lastWords;
import static org.storyline.nlp.TimexText.midSentence;
import static org.storyline.nlp.TimexText.nextWord;
import static org.storyline.nlp.TimexText.orig;
import static org.storyline.nlp.TimexText.prevWord;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Times of day and named days: clock times (with a zone and a day), noon and midnight, weekdays, holidays, day words
 * ("today", "tonight", "now"), and sets ("every week", "twice a year", "daily"). See {@link TimexTagger}.
 */
final class TimexDayRules extends TimexRuleGroup {
  /** Nouns after "today's" that make it the present era, not the publish day: "today's world", "today's youth". */
  private static final Set<String> GENERIC_TODAY = Set.of("world", "society", "youth", "young", "generation",
      "children", "kids", "teenagers", "standards", "technology", "economy", "culture", "families", "personal",
      "modern", "global", "consumers", "students", "workplace");

  TimexDayRules(TimexTables t, TimexPatterns p, TimexCues cues, TimexNormaliser norm, List<TimexRule> out) {
    super(t, p, cues, norm, out);
  }

  @Override
  void add() {
    // clock times: 3 p.m., 10:30 a.m. EST (Tuesday)
    rule("clock", dig,
        "\\b(?<h>\\d{1,2})(?:[:.](?<mi>[0-5]\\d)(?::[0-5]\\d)?)?\\s*(?<ap>a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|am|pm)(?![\\w])"
        + tz + "(?:,?\\s+(?:on\\s+)?(?:" + wdDay + "|" + month + "\\s*(?<md>\\d{1,2})(?![\\d:])))?", (m, s) -> {
          int h = Integer.parseInt(m.group("h"));
          if (h < 1 || h > 12) return null;
          boolean pm = Character.toLowerCase(m.group("ap").charAt(0)) == 'p';
          int hh = h == 12 ? (pm ? 12 : 0) : (pm ? h + 12 : h);
          String mi = m.group("mi") == null ? "00" : m.group("mi");
          String clock = String.format(Locale.ROOT, "T%02d:%s", hh, mi);
          if (badZone(m, s, "tz")) {
            // "3 p.m. at the ...": not a zone, the expression ends at the clock
            return cand(m.start(), cut(m, s, "tz"), c -> norm.time(c, null, clock));
          }
          String day = m.group("day");
          if (m.group("md") != null) {
            // 5 p.m. EST Nov. 9
            if (!capitalised(orig(m, s, "mon"))) return null;
            int mo = t.months.get(TimexTables.key(m.group("mon")));
            int md = Integer.parseInt(m.group("md"));
            return cand(m.start(), m.end(), c -> {
              TimexResult d = norm.dayMonth(c, null, mo, md);
              return d == null ? null : new TimexResult("TIME", d.value() + clock);
            });
          }
          return cand(m.start(), m.end(), c -> norm.time(c, day, clock));
        });
    // 0432 GMT, (2000 GMT): four-digit clock times with a zone, never years
    rule("clock4", dig, "(?<![\\d:.,$])(?<h>[01]\\d|2[0-3])(?<mi>[0-5]\\d)\\s*(?<z>gmt|utc|hrs)\\b", (m, s) -> {
      if (!isUpper(orig(m, s, "z")) && !TimexTables.key(m.group("z")).equals("hrs")) return null;
      int b = m.start() - 1;
      while (b >= 0 && s.charAt(b) == ' ') b--;
      if (b >= 0 && s.charAt(b) == '(') return null; // "10:35 a.m. (0735 GMT)": a gloss of the time before
      String clock = "T" + m.group("h") + ":" + m.group("mi");
      return cand(m.start(), m.end(), c -> norm.time(c, null, clock));
    });
    rule("clock24", dig, "(?<![\\d:.])(?<h>[01]?\\d|2[0-3]):(?<mi>[0-5]\\d)(?::[0-5]\\d)?(?![\\d:])" + tz
        + "(?:\\s+(?<tz2>gmt|utc|hours|hrs))?", (m, s) -> {
          int h = Integer.parseInt(m.group("h"));
          int end = m.end();
          if (badZone(m, s, "tz")) end = cut(m, s, "tz");
          else if (m.group("tz2") != null && m.group("tz2").length() == 3 && !isUpper(orig(m, s, "tz2")))
            end = cut(m, s, "tz2");
          String mi = m.group("mi");
          return cand(m.start(), end, c -> norm.time(c, null, String.format(Locale.ROOT, "T%02d:%s", h, mi)));
        });
    rule("noon", Set.of("noon", "midnight", "midday"),
        "\\b(?<w>noon|midnight|midday)(?:\\s+(?:on\\s+)?" + wdDay + ")?(?!\\w)", (m, s) -> {
      String w = TimexTables.key(m.group("w"));
      if (prevWord(s, m.start()).equals("high")) return null;
      String day = m.group("day");
      return cand(m.start(), m.end(), c -> norm.time(c, day, w.equals("midnight") ? "T24:00" : "T12:00"));
    });
    // weekdays: Tuesday, last Friday, Wednesday night
    rule("weekday", wdW,
        "\\b(?:(?<dir>this\\s+past|last|next|this|coming|past|early|late|the\\s+previous|the\\s+preceding|"
        + "the\\s+following)\\s+)?" + wd
        + "(?:\\s+(?<dp>morning|afternoon|evening|night))?(?!\\w)", (m, s) -> {
          if (!capitalised(orig(m, s, "wd"))) return null;
          String wk = TimexTables.key(m.group("wd"));
          if (wk.endsWith(".") && wk.length() <= 4 && m.group("dir") == null
              && !Set.of("on", "by", "until", "since", "from", "to", "through", "and", "or").contains(
                  prevWord(s, m.start()))) return null;
          int dow = t.weekdays.get(wk);
          String dirw = m.group("dir") == null ? "" : TimexTables.key(m.group("dir"));
          String dir = dirw.startsWith("the ") ? dirw : direction(m.group("dir"));
          String dp = m.group("dp") == null ? null : t.dayparts.get(TimexTables.key(m.group("dp")));
          return cand(m.start(), m.end(), c -> {
            String day = norm.weekday(c, dow, dir);
            return dp == null ? date(day) : new TimexResult("TIME", day + "T" + dp);
          });
        });
    // holidays
    rule("holiday", lastWords(t.holidays.keySet()),
        "\\b(?:(?<dir>last|next|this)\\s+)?(?<h>" + TimexTables.alt(t.holidays.keySet())
        + ")(?![\\w'])(?:,?\\s+(?<y>" + year4 + ")(?!\\d))?", (m, s) -> {
          if (!capitalised(orig(m, s, "h"))) return null;
          String rule = t.holidays.get(TimexTables.key(m.group("h")));
          String dir = direction(m.group("dir"));
          String y = m.group("y");
          return cand(m.start(), m.end(), c -> {
            if (y != null) return date(TimexValues.day(TimexValues.holiday(rule, Integer.parseInt(y))));
            if (c.dct == null) {
              return date(rule.length() == 5 && Character.isDigit(rule.charAt(0)) ? "XXXX-" + rule : "XXXX-XX-XX");
            }
            int yr = c.dct.getYear();
            LocalDate best = null;
            for (int k = yr - 1; k <= yr + 1; k++) {
              LocalDate d = TimexValues.holiday(rule, k);
              if (d == null) continue;
              boolean ok = "last".equals(dir) ? d.isBefore(c.dct) : "next".equals(dir) ? d.isAfter(c.dct) : true;
              if (!ok) continue;
              if (best == null || Math.abs(d.toEpochDay() - c.dct.toEpochDay())
                  < Math.abs(best.toEpochDay() - c.dct.toEpochDay())) best = d;
            }
            return best == null ? null : date(TimexValues.day(best));
          });
        });
    // lexical: today, yesterday, now, currently, recently, the future, tonight, last night
    rule("lexical", lastWords(t.lexical.keySet()),
        "\\b(?<w>" + TimexTables.alt(t.lexical.keySet()) + ")(?![\\w-])", (m, s) -> {
      String k = TimexTables.key(m.group("w"));
      String[] tv = t.lexical.get(k);
      String nx = nextWord(s, m.end());
      String prev = prevWord(s, m.start());
      if (k.equals("today") && (s.startsWith("'s", m.end()) || s.startsWith("\u2019s", m.end()))
          && GENERIC_TODAY.contains(nextWord(s, m.end() + 2))) return null; // "today's world": the present era
      if (k.equals("soon") && (nx.equals("as") || nx.equals("after") || prev.equals("as"))) return null;
      if ((k.equals("future") || k.equals("current")) && Set.of("account", "accounts", "contract", "contracts",
          "events", "event", "generations").contains(nx)) return null;
      return cand(m.start(), m.end(), c -> norm.lexical(c, tv[0], tv[1]));
    });
    // sets: every week, each Monday, twice a year, every other day
    rule("set", setW, "\\b(?:(?<times>once|twice|thrice|" + numAlt + "\\s+times)\\s+)?(?<q>every|each|per|a|an)\\s+"
        + "(?:(?<other>other)\\s+)?(?:" + num + "\\s+)?(?<u>" + TimexTables.alt(t.units.keySet()) + "|"
        + TimexTables.alt(t.weekdays.keySet()) + "|morning|afternoon|evening|night)(?![\\w])", (m, s) -> {
          String q = TimexTables.key(m.group("q"));
          if ((q.equals("a") || q.equals("an")) && m.group("times") == null) return null;
          String uk = TimexTables.key(m.group("u"));
          String n = m.group("num") == null ? (m.group("other") != null ? "2" : "1") : numbers.num(m.group("num"));
          if (n == null) return null;
          String v;
          if (t.weekdays.containsKey(uk)) v = "XXXX-WXX-" + t.weekdays.get(uk);
          else if (t.dayparts.containsKey(uk)) v = "XXXX-XX-XXT" + t.dayparts.get(uk);
          else {
            String u = t.units.get(uk);
            if (u == null) return null;
            if (u.equals("S") && m.group("num") == null && !q.equals("every") && !q.equals("per")) return null;
            v = durationValue(n, u);
          }
          return cand(m.start(), m.end(), c -> new TimexResult("SET", v));
        });
    rule("setword", lastWords(t.sets.keySet()),
        "\\b(?<w>" + TimexTables.alt(t.sets.keySet()) + ")(?![\\w-])", (m, s) -> {
      if (capitalised(orig(m, s, "w")) && midSentence(s, m.start())) return null; // "Hamshahri Daily": a name
      String v = t.sets.get(TimexTables.key(m.group("w")));
      return cand(m.start(), m.end(), c -> new TimexResult("SET", v));
    });
  }
}
