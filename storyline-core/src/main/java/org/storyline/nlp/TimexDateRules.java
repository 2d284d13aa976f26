package org.storyline.nlp;

import static org.storyline.nlp.TimexCandidate.cand;
import static org.storyline.nlp.TimexNumbers.direction;
import static org.storyline.nlp.TimexNumbers.yearOf;
import static org.storyline.nlp.TimexResult.date;
import static org.storyline.nlp.TimexText.capitalised;
import static org.storyline.nlp.TimexText.nextWord;
import static org.storyline.nlp.TimexText.orig;
import static org.storyline.nlp.TimexText.prevWord;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import org.storyline.nlp.TimexValues.Gran;
import org.storyline.nlp.TimexValues.Point;

/**
 * Calendar dates: ISO and numeric dates, month-day(-year), day-month(-year), month-year, months, years (also spelled
 * out), year-end, decades, centuries; and, between them in the fixed order, a day part with an edge ("early morning").
 * See {@link TimexTagger}.
 */
final class TimexDateRules extends TimexRuleGroup {
  private static final Set<String> PREPS = Set.of("in", "since", "until", "till", "by", "from", "through", "during",
      "of", "to", "before", "after", "between", "and", "or", "on", "last", "next", "this", "that", "early", "late",
      "mid", "for", "throughout", "around", "into", "over", "every", "each", "the", "end", "beginning", "start",
      "middle", "spring", "summer", "fall", "autumn", "winter");

  TimexDateRules(TimexTables t, TimexPatterns p, TimexCues cues, TimexNormaliser norm, List<TimexRule> out) {
    super(t, p, cues, norm, out);
  }

  @Override
  void add() {
    // 2025-02-19, 2025-02-19T18:56
    rule("iso", dig, "\\b(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:[t\\s](?<hh>[0-2]\\d):(?<mi>[0-5]\\d))?(?![\\d-])",
        (m, s) -> {
          LocalDate d = LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
              Integer.parseInt(m.group("d")));
          String hh = m.group("hh");
          return cand(m.start(), m.end(), c -> hh == null ? date(TimexValues.day(d))
              : new TimexResult("TIME", TimexValues.day(d) + "T" + hh + ":" + m.group("mi")));
        });
    // 2/19/2025
    rule("slash", dig, "(?<![\\d/])(?<m>\\d{1,2})/(?<d>\\d{1,2})/(?<y>\\d{4}|\\d{2})(?![\\d/])", (m, s) -> {
      LocalDate d = LocalDate.of(yearOf(m.group("y")), Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d")));
      return cand(m.start(), m.end(), c -> date(TimexValues.day(d)));
    });
    // (Tuesday,) Feb. 18(, 2025)
    rule("mdy", monthW, "\\b(?:(?<dir>last|next|this\\s+past|this\\s+coming)\\s+)?(?:" + wd + ",?\\s+)?" + month
        + "\\s*(?<d>\\d{1,2})(?:st|nd|rd|th)?(?![\\d%]|:\\d)(?:,?\\s*(?<y>" + year4 + ")(?!\\d))?", (m, s) -> {
          if (!capitalised(orig(m, s, "mon"))) return null;
          int mo = t.months.get(TimexTables.key(m.group("mon")));
          int day = Integer.parseInt(m.group("d"));
          if (day < 1 || day > 31) return null;
          String y = m.group("y");
          String dir = m.group("dir") == null ? null : TimexTables.key(m.group("dir"));
          if (dir != null && y == null) {
            boolean back = dir.equals("last") || dir.equals("this past");
            return cand(m.start(), m.end(), c -> {
              if (c.dct == null) return date(String.format(Locale.ROOT, "XXXX-%02d-%02d", mo, day));
              for (int k = 0; k <= 2; k++) {
                LocalDate d = TimexNormaliser.safeDate(c.dct.getYear() + (back ? -k : k), mo, day);
                if (d != null && (back ? d.isBefore(c.dct) : d.isAfter(c.dct))) return date(TimexValues.day(d));
              }
              return null;
            });
          }
          int start = dir == null ? m.start() : m.start(m.group("wd") != null ? "wd" : "mon");
          return cand(start, m.end(), c -> norm.dayMonth(c, y, mo, day));
        });
    // the week of March 9
    rule("weekof", monthW, "\\bthe\\s+week\\s+of\\s+" + month + "\\s*(?<d>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:%])"
        + "(?:,?\\s*(?<y>" + year4 + ")(?!\\d))?", (m, s) -> {
          if (!capitalised(orig(m, s, "mon"))) return null;
          int mo = t.months.get(TimexTables.key(m.group("mon")));
          int day = Integer.parseInt(m.group("d"));
          String y = m.group("y");
          return cand(m.start(), m.end(), c -> {
            TimexResult d = norm.dayMonth(c, y, mo, day);
            if (d == null) return null;
            Point p = TimexValues.parse(d.value());
            return p == null ? date("XXXX-WXX") : date(p.at(Gran.WEEK).value());
          });
        });
    // 18 February (2025)
    rule("dmy", monthW,
        "\\b(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + month + "(?:,?\\s+(?<y>" + year4 + ")(?!\\d))?",
        (m, s) -> {
          if (!capitalised(orig(m, s, "mon"))) return null;
          int mo = t.months.get(TimexTables.key(m.group("mon")));
          int day = Integer.parseInt(m.group("d"));
          if (day < 1 || day > 31) return null;
          String y = m.group("y");
          return cand(m.start(), m.end(), c -> norm.dayMonth(c, y, mo, day));
        });
    // (early) December 2016
    rule("my", monthW,
        "\\b(?:" + edge + "[\\s-]+)?" + month + ",?\\s+(?:of\\s+)?(?<y>" + year4 + ")(?!\\d)", (m, s) -> {
      if (!capitalised(orig(m, s, "mon"))) return null;
      int mo = t.months.get(TimexTables.key(m.group("mon")));
      int y = Integer.parseInt(m.group("y"));
      return cand(m.start(), m.end(), c -> date(TimexValues.month(y, mo)));
    });
    // mid-afternoon (yesterday), in the early morning, by late afternoon
    rule("daypart-edge", Set.of("morning", "afternoon", "evening", "mid-morning", "mid-afternoon", "mid-evening"),
        "\\b(?:the\\s+)?(?<pre>early|late|mid)[\\s-]?(?<p>morning|afternoon|evening)(?![\\w-])"
        + "(?:\\s+(?<day>yesterday|today|tomorrow|" + TimexTables.alt(t.weekdays.keySet()) + ")(?![\\w']))?",
        (m, s) -> {
          String code = t.dayparts.get(TimexTables.key(m.group("p")));
          if (code == null) return null;
          String day = m.group("day");
          return cand(m.start(), m.end(), c -> norm.time(c, day, "T" + code));
        });
    // January nineteen ninety-seven (broadcast transcripts)
    rule("month-spelled", monthW, "\\b" + month + "\\s+(?:of\\s+)?(?<c>nineteen|eighteen)\\s+(?<t>" + tens
        + ")(?:[\\s-](?<o>" + ones + "))?(?![\\w-])", (m, s) -> {
          if (!capitalised(orig(m, s, "mon"))) return null;
          int mo = t.months.get(TimexTables.key(m.group("mon")));
          int y = (TimexTables.key(m.group("c")).equals("nineteen") ? 1900 : 1800)
              + Integer.parseInt(numbers.num(m.group("t")))
              + (m.group("o") == null ? 0 : Integer.parseInt(numbers.num(m.group("o"))));
          return cand(m.start(), m.end(), c -> date(TimexValues.month(y, mo)));
        });
    // January this year, July last year
    rule("month-rel", Set.of("year"),
        "\\b" + month + "\\s+(?:of\\s+)?(?<rel>this|last|next)\\s+year(?!\\w)", (m, s) -> {
      if (!capitalised(orig(m, s, "mon"))) return null;
      int mo = t.months.get(TimexTables.key(m.group("mon")));
      String rel = TimexTables.key(m.group("rel"));
      return cand(m.start(), m.end(), c -> {
        if (c.dct == null) return date(String.format(Locale.ROOT, "XXXX-%02d", mo));
        int y = c.dct.getYear() + (rel.equals("last") ? -1 : rel.equals("next") ? 1 : 0);
        return date(TimexValues.month(y, mo));
      });
    });
    // (last|next|early) December
    rule("month", monthW, "\\b(?:(?<dir>last|next|this|early|late|mid|middle|the\\s+end\\s+of|the\\s+beginning\\s+of|"
        + "the\\s+start\\s+of|the\\s+middle\\s+of|end\\s+of|beginning\\s+of|start\\s+of)[\\s-]+)?" + month,
        (m, s) -> {
          String mon = m.group("mon");
          if (!capitalised(orig(m, s, "mon"))) return null;
          String k = TimexTables.key(mon);
          if (k.length() <= 4 && !k.endsWith(".") && !Set.of("may", "june", "july").contains(k)) {
            return null; // "Jan", "Sept" alone are too often names
          }
          String dir = direction(m.group("dir"));
          String prev = prevWord(s, m.start());
          if (m.group("dir") == null && (k.equals("may") || k.equals("march"))
              && !PREPS.contains(prev)) return null;
          if (m.group("dir") == null && !PREPS.contains(prev) && s.startsWith("the", Math.max(0, m.start() - 4))
              && s.regionMatches(true, Math.max(0, m.start() - 4), "the ", 0, 4)) return null;
          int mo = t.months.get(k);
          Matcher rm = rangeTail.matcher(s);
          rm.region(Math.max(0, m.start() - 40), m.start());
          boolean rangeEnd = m.group("dir") == null && rm.find();
          return cand(m.start(), m.end(), c -> {
            if (rangeEnd && c.ref != null && c.ref.gran() == Gran.MONTH) {
              // "from January to June": the end of the range follows its start
              int ry = c.ref.date().getYear();
              return date(TimexValues.month(mo > c.ref.date().getMonthValue() ? ry : ry + 1, mo));
            }
            if (c.dct == null) return date("XXXX-" + String.format(Locale.ROOT, "%02d", mo));
            int y = c.dct.getYear();
            int cur = c.dct.getMonthValue();
            if ("last".equals(dir)) y = mo < cur ? y : y - 1;
            else if ("next".equals(dir)) y = mo > cur ? y : y + 1;
            else if (!"this".equals(dir)) y = norm.monthYear(c, mo);
            return date(TimexValues.month(y, mo));
          });
        });
    // years: 2014, (early) 1998, fiscal 1989
    rule("year", dig, "(?<![$\\d.,\u00a3\u20ac/#-])\\b(?:" + edge + "[\\s-]+)?(?:(?<fy>fiscal|calendar|fiscal\\s+year|"
        + "calendar\\s+year|the\\s+year|model\\s+year)\\s+)?(?<y>" + year4 + ")(?![\\d%]|[.,]\\d|-\\d|\\s*percent)",
        (m, s) -> {
          String next = nextWord(s, m.end());
          if (Set.of("people", "troops", "soldiers", "residents", "workers", "employees", "jobs", "votes", "cars",
              "homes", "tons", "feet", "meters", "metres", "miles", "kilometers", "pounds", "dollars", "shares",
              "gmt", "utc")
              .contains(next)) return null;
          int y = Integer.parseInt(m.group("y"));
          return cand(m.start(), m.end(), c -> date(TimexValues.year(y)));
        });
    // spelled-out years (broadcast transcripts): nineteen ninety-six, the year two thousand
    rule("spelled-year", Set.of("nineteen", "eighteen", "thousand"), "\\b(?:the\\s+year\\s+)?(?:(?<c>nineteen|eighteen)"
        + "\\s+(?<t>" + tens + ")(?:[\\s-](?<o>" + ones + "))?|(?<k>two\\s+thousand)(?:\\s+(?:and\\s+)?(?<o2>" + ones
        + "|ten|eleven|twelve))?)(?![\\w-])", (m, s) -> {
          if (t.units.containsKey(nextWord(s, m.end()))) return null; // "two thousand years": an amount
          int y;
          if (m.group("k") != null) {
            y = 2000 + (m.group("o2") == null ? 0 : Integer.parseInt(numbers.num(m.group("o2"))));
          } else {
            y = (TimexTables.key(m.group("c")).equals("nineteen") ? 1900 : 1800)
                + Integer.parseInt(numbers.num(m.group("t")))
                + (m.group("o") == null ? 0 : Integer.parseInt(numbers.num(m.group("o"))));
          }
          int yy = y;
          return cand(m.start(), m.end(), c -> date(TimexValues.year(yy)));
        });
    // year-end, year's end, the full year
    rule("year-end", Set.of("end", "year"),
        "\\b(?:(?<ye>year[-\\s]end|year['\u2019]s\\s+end)|(?<fy>the\\s+full\\s+year))(?!\\w)",
        (m, s) -> cand(m.start(), m.end(),
            c -> c.dct == null ? date("XXXX") : date(TimexValues.year(c.dct.getYear()))));
    // decades: the 1990s, the '90s, the late eighties; centuries by "1800s"
    rule("decade", decadeW, "\\b(?:(?<pre>early|late|mid)[\\s-]+)?(?:(?<c>1\\d|20)(?<d>\\d)0['\u2019]?s|"
        + "['\u2019](?<d2>\\d)0s|(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\\w)",
        (m, s) -> {
          String v;
          if (m.group("c") != null) {
            v = m.group("d").equals("0") && !m.group("c").equals("20") ? m.group("c") : m.group("c") + m.group("d");
          } else if (m.group("d2") != null) {
            v = (m.group("d2").equals("0") || m.group("d2").equals("1") ? "20" : "19") + m.group("d2");
          } else {
            String w = TimexTables.key(m.group("w"));
            int d = List.of("", "", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                "nineties").indexOf(w);
            v = "19" + d;
          }
          return cand(m.start(), m.end(), c -> date(v));
        });
    // the 20th century
    rule("century", Set.of("century"),
        "\\b(?:the\\s+)?(?:" + ord + "|(?<n>\\d{1,2})(?:st|nd|rd|th))[\\s-]century\\b", (m, s) -> {
      int n = m.group("n") != null ? Integer.parseInt(m.group("n")) : t.ordinals.get(TimexTables.key(m.group("o")));
      return cand(m.start(), m.end(), c -> date(String.format(Locale.ROOT, "%02d", n - 1)));
    });
  }
}
