package org.storyline.nlp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.model.Article;
import org.storyline.model.Timex;
import org.storyline.nlp.TimexValues.Gran;
import org.storyline.nlp.TimexValues.Point;

/**
 * Rule-based TIMEX3 tagger (TimeML/TempEval-3 conventions): finds dates, times, durations and sets in an article's
 * text and normalises them against its publish date.
 *
 * <p>Recognition: a fixed list of patterns, compiled once from the word tables in {@link TimexTables}
 * (org/storyline/nlp/timex/*.tsv). One pass tokenises a lower-cased copy of the text; each pattern is tried, anchored,
 * only at the few token starts before a word it must contain (a month name, a unit, a digit...), so the cost grows
 * with the text, not with the number of rules. Where candidates overlap the longest wins. Normalisation then runs in
 * text order: deictic expressions ("yesterday", "last month", "three years ago", "Tuesday") resolve against the
 * publish date; anaphoric ones ("a year earlier", "the following day", "the quarter", a clock time without a day)
 * against the most recent date the text itself mentioned (the reference time), falling back to the publish date.
 *
 * <p>Weekdays: a bare weekday is the publish day itself when it names that day, otherwise the most recent such day,
 * or the coming one when "next"/"coming" says so or a future cue ("will", "scheduled", "plans to", a present-tense
 * "begins") stands at most eight words before it in its clause; a possessive ("Tuesday's ruling") stays in the past.
 * A month without a year is the past one (this year's when it is this month or next), the coming one after a future
 * cue; a month-day likewise, counting up to 60 days ahead as this year's ("Feb. 27" published Feb. 19). A holiday
 * takes the year that puts it closest to the publish date.
 *
 * <p>Unknown publish date (null or unparsable): deictic values are left underspecified with TIMEX3 X placeholders
 * ("XXXX-XX-XX" for "yesterday", "XXXX-WXX-2" for "Tuesday", "XXXX-02-27" for "Feb. 27", "XXXX" for "last year");
 * absolute dates, durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF are unaffected.
 *
 * <p>Thread-safe and immutable once built; build it once and reuse it.
 */
public final class TimexTagger implements TimexStage {
  private static final Set<String> PREPS = Set.of("in", "since", "until", "till", "by", "from", "through", "during",
      "of", "to", "before", "after", "between", "and", "or", "on", "last", "next", "this", "that", "early", "late",
      "mid", "for", "throughout", "around", "into", "over", "every", "each", "the", "end", "beginning", "start",
      "middle", "spring", "summer", "fall", "autumn", "winter");
  private static final Set<String> SEASON_PREPS = Set.of("in", "since", "until", "till", "by", "during", "through",
      "throughout", "over", "of", "this", "last", "next", "early", "late", "mid", "before", "after", "from",
      "every", "each", "that", "into");
  private static final int TOKENS_BEFORE = 10;
  private static final Pattern YEAR_LIKE = Pattern.compile("(?:1[6-9]|20)\\d\\d");
  private static final Pattern NUM_SPLIT = Pattern.compile("[\\s-]+");
  private static final int WINDOW_AFTER = 60;
  private static final int CUE_WORDS = 8;
  /** Words before "a year", "a month" that make it a rate ("$33 million a year"), not a duration. */
  private static final Set<String> RATE_WORDS = Set.of("million", "billion", "trillion", "thousand", "hundred",
      "percent", "cents", "dollars", "euros", "pounds", "yen", "times", "barrels", "tons", "units");
  /** Nouns after "today's" that make it the present era, not the publish day: "today's world", "today's youth". */
  private static final Set<String> GENERIC_TODAY = Set.of("world", "society", "youth", "young", "generation",
      "children", "kids", "teenagers", "standards", "technology", "economy", "culture", "families", "personal",
      "modern", "global", "consumers", "students", "workplace");
  /** Words before "last" that make it the verb ("to last two weeks", "will last"), not "the last two weeks". */
  private static final Set<String> VERB_LAST_BEFORE = Set.of("to", "will", "would", "could", "may", "might", "can",
      "should", "must", "not", "did", "does", "do", "could've", "won't", "'ll");
  /** Prepositions of a deadline: "by August", "until June" name the coming month, not last year's. */
  private static final Set<String> DEADLINE_PREPS = Set.of("by", "until", "till", "through");
  /** How far ahead of the publish date a month-day without year may lie before it is read as last year's. */
  private static final int NEAR_FUTURE_DAYS = 60;
  /** A month without a year at most this many months after the publish month is the coming one, not last year's. */
  private static final int MONTHS_AHEAD = 2;

  private final TimexTables t;
  private final List<Rule> rules = new ArrayList<>();
  private final java.util.Map<String, int[]> triggerIndex = new java.util.HashMap<>();
  /** Matches "ended Sept. 30" right after a period expression; set once in build(). */
  private Pattern ended;
  /** Matches "(local time) on Wednesday" right after a clock time; set once in build(). */
  private Pattern dayAfter;
  /** Matches "from January to " right before a month that ends a range; set once in build(). */
  private Pattern rangeTail;

  public TimexTagger() {
    this.t = new TimexTables();
    build();
    for (int i = 0; i < rules.size(); i++) {
      for (String w : rules.get(i).triggers) {
        int[] old = triggerIndex.getOrDefault(w, new int[0]);
        int[] nw = java.util.Arrays.copyOf(old, old.length + 1);
        nw[old.length] = i;
        triggerIndex.put(w, nw);
      }
    }
  }

  @Override
  public List<Timex> apply(Article article) {
    return tag(article.id(), article.text(), article.published());
  }

  /** Tags {@code text}; {@code published} is an ISO date or date-time (offset allowed), or null. */
  public List<Timex> tag(String articleId, String text, String published) {
    LocalDate dct = parseDct(published);
    List<Cand> cands = new ArrayList<>();
    String low = lower(text);
    Toks tk = tokens(low);
    int[] next = new int[rules.size()];
    Matcher[] matchers = new Matcher[rules.size()];
    for (int k = 0; k < tk.n; k++) {
      int[] rs = triggerIndex.get(tk.keys[k]);
      if (rs == null) continue;
      int regionEnd = Math.min(text.length(), tk.ends[k] + WINDOW_AFTER);
      for (int i : rs) {
        Rule r = rules.get(i);
        Matcher m = matchers[i];
        if (m == null) {
          m = matchers[i] = r.pattern.matcher(low).useTransparentBounds(true).useAnchoringBounds(false);
        }
        // a match contains its trigger word: try every token start a few words back, anchored
        for (int j = Math.max(next[i], k - TOKENS_BEFORE); j <= k; j++) {
          m.region(tk.starts[j], regionEnd);
          if (!m.lookingAt() || m.end() <= tk.starts[k]) continue;
          Cand c;
          try {
            c = r.handler.make(m, text);
          } catch (RuntimeException e) {
            c = null; // a malformed number or date in the text: no candidate, never an exception
          }
          if (c != null && c.end > c.start) cands.add(new Cand(c.start, c.end, i, c.resolver));
        }
        next[i] = k + 1;
      }
    }
    cands.sort(Comparator.comparingInt((Cand c) -> -(c.end - c.start)).thenComparingInt(c -> c.start)
        .thenComparingInt(c -> c.rule));
    List<Cand> chosen = new ArrayList<>();
    boolean[] taken = new boolean[text.length() + 1];
    for (Cand c : cands) {
      boolean free = true;
      for (int k = c.start; k < c.end && free; k++) free = !taken[k];
      if (!free) continue;
      for (int k = c.start; k < c.end; k++) taken[k] = true;
      chosen.add(c);
    }
    chosen.sort(Comparator.comparingInt(c -> c.start));
    Ctx ctx = new Ctx(dct, text);
    List<Timex> out = new ArrayList<>(chosen.size());
    for (Cand c : chosen) {
      ctx.start = c.start;
      ctx.end = c.end;
      Res r;
      try {
        r = c.resolver.resolve(ctx);
      } catch (RuntimeException e) {
        r = null; // e.g. February 30: not a date
      }
      if (r == null) continue;
      out.add(new Timex(articleId, c.start, c.end, text.substring(c.start, c.end), r.type, r.value));
      if (r.anchors && (r.type.equals("DATE") || r.type.equals("TIME"))) {
        Point p = TimexValues.parse(r.value);
        if (p != null) ctx.ref = p;
      }
    }
    return out;
  }

  static LocalDate parseDct(String published) {
    if (published == null || published.length() < 10) return null;
    try {
      return LocalDate.parse(published.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- machinery

  /** A resolved value; {@code anchors}: it may serve as reference time for the expressions after it. */
  private record Res(String type, String value, boolean anchors) {
    Res(String type, String value) {
      this(type, value, true);
    }

    Res comparison() {
      return new Res(type, value, false);
    }
  }

  private interface Resolver {
    Res resolve(Ctx ctx);
  }

  private interface Handler {
    Cand make(Matcher m, String text);
  }

  private record Rule(String name, Set<String> triggers, Pattern pattern, Handler handler) {}

  private record Cand(int start, int end, int rule, Resolver resolver) {}

  private static final class Ctx {
    final LocalDate dct;
    final String text;
    Point ref;
    int start;
    int end;

    Ctx(LocalDate dct, String text) {
      this.dct = dct;
      this.text = text;
      this.ref = dct == null ? null : new Point(dct, Gran.DAY);
    }
  }

  private void rule(String name, Set<String> triggers, String regex, Handler h) {
    rules.add(new Rule(name, Set.copyOf(triggers), Pattern.compile(regex), h));
  }

  /** The last token of each phrase, as {@link #tokens} keys it: the word that must occur in any match. */
  private static Set<String> lastWords(java.util.Collection<String> phrases) {
    Set<String> out = new java.util.HashSet<>();
    for (String p : phrases) {
      Toks tk = tokens(lower(p));
      if (tk.n > 0) out.add(tk.keys[tk.n - 1]);
    }
    return out;
  }

  /**
   * Word tokens of a (lower-cased) text: runs of letters or digits ("'90s" keeps its apostrophe); "#" keys numbers.
   */
  private record Toks(int[] starts, int[] ends, String[] keys, int n) {}

  private static Toks tokens(String s) {
    int cap = Math.max(8, s.length() / 4);
    int[] st = new int[cap], en = new int[cap];
    String[] ks = new String[cap];
    int n = 0;
    int len = s.length();
    int i = 0;
    while (i < len) {
      char c = s.charAt(i);
      boolean apostDigit = (c == '\'' || c == '\u2019') && i + 1 < len && Character.isDigit(s.charAt(i + 1))
          && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
      if (!Character.isLetterOrDigit(c) && !apostDigit) {
        i++;
        continue;
      }
      int b = i;
      if (apostDigit) i++;
      boolean digit = Character.isDigit(s.charAt(i));
      while (i < len) {
        char d = s.charAt(i);
        if (Character.isLetterOrDigit(d)) i++;
        else break;
      }
      if (n == st.length) {
        st = java.util.Arrays.copyOf(st, n * 2);
        en = java.util.Arrays.copyOf(en, n * 2);
        ks = java.util.Arrays.copyOf(ks, n * 2);
      }
      st[n] = b;
      en[n] = i;
      ks[n] = digit ? "#" : s.substring(b, i); // callers pass lower-cased text
      n++;
    }
    return new Toks(st, en, ks, n);
  }

  private static Cand cand(int start, int end, Resolver r) {
    return new Cand(start, end, 0, r);
  }

  private static Res date(String v) {
    return new Res("DATE", v);
  }

  /** The original-case text of a group (patterns run on a lower-cased copy of the text). */
  private static String orig(Matcher m, String text, String group) {
    return text.substring(m.start(group), m.end(group));
  }

  /** True when a time-zone group matched letters that are not an upper-case abbreviation ("at", "st"). */
  private static boolean badZone(Matcher m, String text, String group) {
    return m.group(group) != null && !isUpper(orig(m, text, group));
  }

  private static boolean isUpper(String s) {
    for (int i = 0; i < s.length(); i++) if (!Character.isUpperCase(s.charAt(i))) return false;
    return true;
  }

  /** The end of the text before a group, white space trimmed. */
  private static int cut(Matcher m, String text, String group) {
    int e = m.start(group);
    while (e > m.start() && Character.isWhitespace(text.charAt(e - 1))) e--;
    return e;
  }

  /** Lower-cases char by char, so every offset stays valid. */
  private static String lower(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
    return new String(c);
  }

  private static boolean capitalised(String s) {
    return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
  }

  /** The lower-cased word right before {@code pos}, or "". */
  private static String prevWord(String text, int pos) {
    int i = pos - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    int e = i + 1;
    while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'')) i--;
    return text.substring(i + 1, e).toLowerCase(Locale.ROOT);
  }

  private static String nextWord(String text, int pos) {
    int i = pos;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
    int s = i;
    while (i < text.length() && Character.isLetter(text.charAt(i))) i++;
    return text.substring(s, i).toLowerCase(Locale.ROOT);
  }

  /**
   * True when a future cue ("will", "scheduled", "next", ...) stands in the same clause, at most
   * {@value #CUE_WORDS} words before {@code pos}.
   */
  private boolean futureCue(String text, int pos) {
    int words = 0;
    int i = pos - 1;
    while (i >= 0 && words < CUE_WORDS) {
      char c = text.charAt(i);
      if (",;:!?\"\u201c\u201d`()".indexOf(c) >= 0 || (c == '\n' && i > 0 && text.charAt(i - 1) == '\n')) break;
      if (c == '.' && i >= 2 && Character.isLowerCase(text.charAt(i - 1)) && Character.isLowerCase(text.charAt(i - 2)))
        break;
      if (Character.isLetter(c) || c == '\'' || c == '\u2019') {
        int e = i + 1;
        while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '\u2019'))
          i--;
        String w = text.substring(i + 1, e).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (w.endsWith("'ll")) return true;
        if (t.futureCues.contains(w) && !nounUse(text, w, e) && !pastPerfect(text, i + 1)) return true;
        words++;
        continue;
      }
      i--;
    }
    return false;
  }

  /** True when the word at {@code start} follows a word in the same sentence. */
  private static boolean midSentence(String text, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    return i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == ',');
  }

  /** True when "a year" at {@code start} follows an amount: "$1.76 a year", "358,000 a month". */
  private static boolean rate(String text, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    if (i < 0) return false;
    char c = text.charAt(i);
    if (Character.isDigit(c) || c == '%') return true;
    return RATE_WORDS.contains(prevWord(text, start));
  }

  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "this",
      "that", "these", "those", "our", "my", "your", "bad", "poor", "high", "low", "strong", "weak", "heavy");

  /**
   * True when a cue word that doubles as a noun or preposition is used as one: "plans" not followed by "to",
   * "set" not followed by "to"/"for", "due to the strike".
   */
  /**
   * True when "had" stands among the four words before {@code pos} (the start of a future cue): "had been due to
   * expire Friday" looks back from a past time.
   */
  private static boolean pastPerfect(String text, int pos) {
    int p = pos;
    for (int k = 0; k < 4; k++) {
      int i = p - 1;
      while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
      if (i < 0 || !Character.isLetter(text.charAt(i))) return false;
      String w = prevWord(text, p);
      if (w.equals("had")) return true;
      p = i + 1 - w.length();
    }
    return false;
  }

  private static boolean nounUse(String text, String w, int end) {
    String n1 = nextWord(text, end);
    switch (w) {
      case "plans", "plan", "intends", "going" -> {
        return !n1.equals("to");
      }
      case "set" -> {
        return !n1.equals("to") && !n1.equals("for");
      }
      case "due" -> {
        if (!n1.equals("to")) return false;
        int i = text.indexOf("to", end);
        return i < 0 || DETERMINERS.contains(nextWord(text, i + 2));
      }
      default -> {
        return false;
      }
    }
  }

  /** True when the expression at [start, end) is a possessive ("Friday's ruling"): a past event as a rule. */
  private static boolean possessive(String text, int end) {
    return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')
        && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S');
  }

  private String num(String s) {
    String k = TimexTables.key(s);
    if (k.isEmpty()) return null;
    if (Character.isDigit(k.charAt(0))) {
      if (k.endsWith("1/2")) return k.substring(0, k.indexOf(' ')) + ".5";
      String d = k.replace(",", "");
      if (d.contains(".")) {
        while (d.endsWith("0")) d = d.substring(0, d.length() - 1);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
      }
      return d;
    }
    String v = t.numbers.get(k);
    if (v != null) return v;
    String[] parts = NUM_SPLIT.split(k);
    if (parts.length == 2 && t.numbers.containsKey(parts[0]) && t.numbers.containsKey(parts[1])) {
      try {
        return String.valueOf(Integer.parseInt(t.numbers.get(parts[0])) + Integer.parseInt(t.numbers.get(parts[1])));
      } catch (NumberFormatException e) {
        return "X";
      }
    }
    return null;
  }

  private static String durationValue(String n, String unit) {
    if (n == null) return null;
    if (n.endsWith(".5") && n.indexOf('.') == n.length() - 2) {
      String whole = n.substring(0, n.length() - 2);
      String w = whole.equals("0") ? "" : whole;
      switch (unit) {
        case "Y" -> {
          return "P" + (w.isEmpty() ? "" : w + "Y") + "6M";
        }
        case "D" -> {
          return "P" + (w.isEmpty() ? "" : w + "D") + "T12H";
        }
        case "H" -> {
          return "PT" + (w.isEmpty() ? "" : w + "H") + "30M";
        }
        case "MIN" -> {
          return "PT" + (w.isEmpty() ? "" : w + "M") + "30S";
        }
        default -> { }
      }
    }
    boolean vague = n.equals("X");
    String val = n;
    switch (unit) {
      case "H", "MIN", "S" -> {
        return "PT" + val + (unit.equals("MIN") ? "M" : unit);
      }
      case "DE" -> {
        return vague ? "PXDE" : "P" + times(val, 10) + "Y";
      }
      case "CE" -> {
        return vague ? "PXCE" : "P" + times(val, 100) + "Y";
      }
      case "ML" -> {
        return vague ? "PXML" : "P" + times(val, 1000) + "Y";
      }
      case "FN" -> {
        return vague ? "PXW" : "P" + times(val, 2) + "W";
      }
      default -> {
        return "P" + val + unit;
      }
    }
  }

  private static String times(String n, int k) {
    try {
      return String.valueOf(Integer.parseInt(n) * k);
    } catch (NumberFormatException e) {
      double d = Double.parseDouble(n) * k;
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }

  private static int yearOf(String y) {
    int v = Integer.parseInt(y);
    if (y.length() == 2) v += v >= 50 ? 1900 : 2000;
    return v;
  }

  /** "last", "next", "this" or null from a prefix word. */
  private static String direction(String pre) {
    if (pre == null) return null;
    String p = TimexTables.key(pre);
    if (p.equals("last") || p.equals("past") || p.equals("previous") || p.equals("this past")) return "last";
    if (p.equals("next") || p.equals("coming")) return "next";
    if (p.equals("this")) return "this";
    return null;
  }

  // ---------------------------------------------------------------- rules

  private void build() {
    String month = "(?<mon>" + TimexTables.alt(t.months.keySet()) + ")(?![\\p{L}])";
    ended = Pattern.compile("\\s+(?:that\\s+|which\\s+)?(?:ended|ending|ends)\\s+" + month
        + "\\.?\\s*(?<d>\\d{1,2})\\b", Pattern.CASE_INSENSITIVE);
    String wd = "(?<wd>" + TimexTables.alt(t.weekdays.keySet()) + ")(?![\\p{L}])";
    String wdDay = "(?<day>" + TimexTables.alt(t.weekdays.keySet())
        + "|today|yesterday|tomorrow|tonight)(?![\\p{L}])";
    rangeTail = Pattern.compile("\\b(?:from|between)\\s+" + month.replace("(?<mon>", "(?:")
        + "\\s+(?:to|through|until|till|and)\\s+$", Pattern.CASE_INSENSITIVE);
    dayAfter = Pattern.compile("\\s*(?:local\\s+time\\s*)?(?:\\([^()]{1,20}\\)\\s*)?,?\\s*(?:on\\s+)?" + wdDay,
        Pattern.CASE_INSENSITIVE);
    String tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
    String ones = "(?:one|two|three|four|five|six|seven|eight|nine)";
    String numAlt = "(?:\\d{1,3}(?:,\\d{3})+|\\d+\\s+1/2|\\d+(?:\\.\\d+)?|" + tens + "[\\s-]" + ones + "|"
        + TimexTables.alt(t.numbers.keySet()) + ")";
    String num = "(?<num>" + numAlt + ")";
    String unit = "(?<u>" + TimexTables.alt(t.units.keySet()) + ")";
    String mod = "(?<mod>" + TimexTables.alt(t.modifiers.keySet()) + ")";
    String year4 = "(?:1[6-9]|20)\\d\\d";
    String edge = "(?<pre>early|late|mid|middle|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|"
        + "the\\s+middle\\s+of|end\\s+of|beginning\\s+of|start\\s+of)";
    String ord = "(?<o>" + TimexTables.alt(t.ordinals.keySet()) + ")";
    String season = "(?<s>" + TimexTables.alt(t.seasons.keySet()) + ")";
    String tz = "(?:\\s+(?<tz>[a-z]{1,2}[sd]?t|gmt|utc)\\b|\\s+local\\s+time)?";

    Set<String> dig = Set.of("#");
    Set<String> monthW = lastWords(t.months.keySet());
    Set<String> wdW = lastWords(t.weekdays.keySet());
    Set<String> unitW = lastWords(t.units.keySet());
    Set<String> decadeW = new java.util.HashSet<>(Set.of("#", "twenties", "thirties", "forties", "fifties", "sixties",
        "seventies", "eighties", "nineties"));
    Set<String> setW = new java.util.HashSet<>(unitW);
    setW.addAll(wdW);
    setW.addAll(t.dayparts.keySet());
    // 2025-02-19, 2025-02-19T18:56
    rule("iso", dig, "\\b(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:[t\\s](?<hh>[0-2]\\d):(?<mi>[0-5]\\d))?(?![\\d-])",
        (m, s) -> {
          LocalDate d = LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
              Integer.parseInt(m.group("d")));
          String hh = m.group("hh");
          return cand(m.start(), m.end(), c -> hh == null ? date(TimexValues.day(d))
              : new Res("TIME", TimexValues.day(d) + "T" + hh + ":" + m.group("mi")));
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
                LocalDate d = safeDate(c.dct.getYear() + (back ? -k : k), mo, day);
                if (d != null && (back ? d.isBefore(c.dct) : d.isAfter(c.dct))) return date(TimexValues.day(d));
              }
              return null;
            });
          }
          int start = dir == null ? m.start() : m.start(m.group("wd") != null ? "wd" : "mon");
          return cand(start, m.end(), c -> dayMonth(c, y, mo, day));
        });
    // the week of March 9
    rule("weekof", monthW, "\\bthe\\s+week\\s+of\\s+" + month + "\\s*(?<d>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:%])"
        + "(?:,?\\s*(?<y>" + year4 + ")(?!\\d))?", (m, s) -> {
          if (!capitalised(orig(m, s, "mon"))) return null;
          int mo = t.months.get(TimexTables.key(m.group("mon")));
          int day = Integer.parseInt(m.group("d"));
          String y = m.group("y");
          return cand(m.start(), m.end(), c -> {
            Res d = dayMonth(c, y, mo, day);
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
          return cand(m.start(), m.end(), c -> dayMonth(c, y, mo, day));
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
          return cand(m.start(), m.end(), c -> time(c, day, "T" + code));
        });
    // January nineteen ninety-seven (broadcast transcripts)
    rule("month-spelled", monthW, "\\b" + month + "\\s+(?:of\\s+)?(?<c>nineteen|eighteen)\\s+(?<t>" + tens
        + ")(?:[\\s-](?<o>" + ones + "))?(?![\\w-])", (m, s) -> {
          if (!capitalised(orig(m, s, "mon"))) return null;
          int mo = t.months.get(TimexTables.key(m.group("mon")));
          int y = (TimexTables.key(m.group("c")).equals("nineteen") ? 1900 : 1800) + Integer.parseInt(num(m.group("t")))
              + (m.group("o") == null ? 0 : Integer.parseInt(num(m.group("o"))));
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
            else if (!"this".equals(dir)) y = monthYear(c, mo);
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
            y = 2000 + (m.group("o2") == null ? 0 : Integer.parseInt(num(m.group("o2"))));
          } else {
            y = (TimexTables.key(m.group("c")).equals("nineteen") ? 1900 : 1800) + Integer.parseInt(num(m.group("t")))
                + (m.group("o") == null ? 0 : Integer.parseInt(num(m.group("o"))));
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
            else if (q > cur && !futureCue(c.text, c.start)) y--;
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
          LocalDate ended = endedDate(s, m.end());
          return cand(m.start(), m.end(), c -> {
            if (c.dct == null) return date("XXXX-QX");
            Point dq = new Point(c.dct, Gran.QUARTER);
            Point p;
            if (ended != null && (det.equals("the") || det.equals("that"))) {
              // "the quarter ended Sept. 30": the three months up to that day, in the year that is not ahead
              LocalDate e = ended.withYear(c.dct.getYear());
              if (e.isAfter(c.dct.plusDays(NEAR_FUTURE_DAYS))) e = e.minusYears(1);
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
            return cand(ps, m.end(), c -> new Res("SET", "XXXX-" + code));
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
            return cand(m.start(), m.end(), c -> new Res("DURATION", durationValue("1", code)));
          }
          return cand(m.start(), m.end(), c -> relative(c, det, u, code, ed));
        });
    // three years ago, a year earlier, two weeks later; "three years ago next week" (an anniversary) is one date
    rule("ago", Set.of("ago", "earlier", "later", "now", "hence", "previously", "back"),
        "\\b(?:" + mod + "\\s+)?" + num + "[\\s-]+" + unit
        + "(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|from\\s+now|"
        + "hence|previously|back)(?!\\w)(?:\\s+(?<anchor>next|this|last|coming)\\s+(?<au>week|month)\\b)?",
        (m, s) -> {
          String n = num(m.group("num"));
          String u = t.units.get(TimexTables.key(m.group("u")));
          String dir = TimexTables.key(m.group("dir"));
          if (n == null || u == null) return null;
          // TimeML: in "three days later" the timex is the duration "three days", "later" is a signal
          if (dir.equals("later")) return null;
          String anchor = m.group("anchor") == null ? null : TimexTables.key(m.group("anchor"));
          if (anchor != null && dir.equals("ago")) {
            String au = t.units.get(TimexTables.key(m.group("au")));
            int shift = anchor.equals("this") ? 0 : anchor.equals("last") ? -1 : 1;
            return cand(m.start(), m.end(), c -> agoFrom(c, n, u, au, shift));
          }
          int end = m.group("anchor") == null ? m.end() : m.start("anchor") - 1;
          while (end > m.start() && Character.isWhitespace(s.charAt(end - 1))) end--;
          int e = end;
          return cand(m.start(), e, c -> ago(c, n, u, dir));
        });
    // year-earlier, year-ago (adjectives)
    rule("yearago", Set.of("earlier", "ago"), "\\b(?<u>year|month|quarter|week)-(?<dir>earlier|ago)\\b", (m, s) -> {
      String u = t.units.get(TimexTables.key(m.group("u")));
      String dir = TimexTables.key(m.group("dir"));
      // "year-ago" counts back from the publish date (deictic), "year-earlier" from the time in talk
      return cand(m.start(), m.end(), c -> ago(c, "1", u, dir.equals("ago") ? "ago" : "earlier"));
    });
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
          String n = num(m.group("num"));
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
          return cand(start, m.end(), c -> new Res("DURATION", durationValue(nn, u)));
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
          return cand(m.start(), m.end(), c -> new Res("DURATION", durationValue("X", u)));
        });
    // day-long, decades-long
    rule("long", unitW, "\\b(?<u>" + TimexTables.alt(t.units.keySet()) + ")-long\\b", (m, s) -> {
      String uk = TimexTables.key(m.group("u"));
      String u = t.units.get(uk);
      boolean plural = uk.endsWith("s") || uk.endsWith("ia");
      return cand(m.start(), m.end(), c -> new Res("DURATION", durationValue(plural ? "X" : "1", u)));
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
      return cand(m.start(), m.end(), c -> new Res("DURATION", v));
    });
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
            return cand(m.start(), cut(m, s, "tz"), c -> time(c, null, clock));
          }
          String day = m.group("day");
          if (m.group("md") != null) {
            // 5 p.m. EST Nov. 9
            if (!capitalised(orig(m, s, "mon"))) return null;
            int mo = t.months.get(TimexTables.key(m.group("mon")));
            int md = Integer.parseInt(m.group("md"));
            return cand(m.start(), m.end(), c -> {
              Res d = dayMonth(c, null, mo, md);
              return d == null ? null : new Res("TIME", d.value() + clock);
            });
          }
          return cand(m.start(), m.end(), c -> time(c, day, clock));
        });
    // 0432 GMT, (2000 GMT): four-digit clock times with a zone, never years
    rule("clock4", dig, "(?<![\\d:.,$])(?<h>[01]\\d|2[0-3])(?<mi>[0-5]\\d)\\s*(?<z>gmt|utc|hrs)\\b", (m, s) -> {
      if (!isUpper(orig(m, s, "z")) && !TimexTables.key(m.group("z")).equals("hrs")) return null;
      int b = m.start() - 1;
      while (b >= 0 && s.charAt(b) == ' ') b--;
      if (b >= 0 && s.charAt(b) == '(') return null; // "10:35 a.m. (0735 GMT)": a gloss of the time before
      String clock = "T" + m.group("h") + ":" + m.group("mi");
      return cand(m.start(), m.end(), c -> time(c, null, clock));
    });
    rule("clock24", dig, "(?<![\\d:.])(?<h>[01]?\\d|2[0-3]):(?<mi>[0-5]\\d)(?::[0-5]\\d)?(?![\\d:])" + tz
        + "(?:\\s+(?<tz2>gmt|utc|hours|hrs))?", (m, s) -> {
          int h = Integer.parseInt(m.group("h"));
          int end = m.end();
          if (badZone(m, s, "tz")) end = cut(m, s, "tz");
          else if (m.group("tz2") != null && m.group("tz2").length() == 3 && !isUpper(orig(m, s, "tz2")))
            end = cut(m, s, "tz2");
          String mi = m.group("mi");
          return cand(m.start(), end, c -> time(c, null, String.format(Locale.ROOT, "T%02d:%s", h, mi)));
        });
    rule("noon", Set.of("noon", "midnight", "midday"),
        "\\b(?<w>noon|midnight|midday)(?:\\s+(?:on\\s+)?" + wdDay + ")?(?!\\w)", (m, s) -> {
      String w = TimexTables.key(m.group("w"));
      if (prevWord(s, m.start()).equals("high")) return null;
      String day = m.group("day");
      return cand(m.start(), m.end(), c -> time(c, day, w.equals("midnight") ? "T24:00" : "T12:00"));
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
            String day = weekday(c, dow, dir);
            return dp == null ? date(day) : new Res("TIME", day + "T" + dp);
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
      return cand(m.start(), m.end(), c -> lexical(c, tv[0], tv[1]));
    });
    // sets: every week, each Monday, twice a year, every other day
    rule("set", setW, "\\b(?:(?<times>once|twice|thrice|" + numAlt + "\\s+times)\\s+)?(?<q>every|each|per|a|an)\\s+"
        + "(?:(?<other>other)\\s+)?(?:" + num + "\\s+)?(?<u>" + TimexTables.alt(t.units.keySet()) + "|"
        + TimexTables.alt(t.weekdays.keySet()) + "|morning|afternoon|evening|night)(?![\\w])", (m, s) -> {
          String q = TimexTables.key(m.group("q"));
          if ((q.equals("a") || q.equals("an")) && m.group("times") == null) return null;
          String uk = TimexTables.key(m.group("u"));
          String n = m.group("num") == null ? (m.group("other") != null ? "2" : "1") : num(m.group("num"));
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
          return cand(m.start(), m.end(), c -> new Res("SET", v));
        });
    rule("setword", lastWords(t.sets.keySet()),
        "\\b(?<w>" + TimexTables.alt(t.sets.keySet()) + ")(?![\\w-])", (m, s) -> {
      if (capitalised(orig(m, s, "w")) && midSentence(s, m.start())) return null; // "Hamshahri Daily": a name
      String v = t.sets.get(TimexTables.key(m.group("w")));
      return cand(m.start(), m.end(), c -> new Res("SET", v));
    });
  }

  // ---------------------------------------------------------------- resolvers

  private Res dayMonth(Ctx c, String y, int mo, int day) {
    if (y != null) return date(TimexValues.day(LocalDate.of(Integer.parseInt(y), mo, day)));
    if (c.dct == null) return date(String.format(Locale.ROOT, "XXXX-%02d-%02d", mo, day));
    int yr = c.dct.getYear();
    LocalDate d = safeDate(yr, mo, day);
    if (d == null) return null;
    boolean future = futureCue(c.text, c.start) && !possessive(c.text, c.end);
    if (d.isAfter(c.dct.plusDays(NEAR_FUTURE_DAYS)) && !future) d = safeDate(yr - 1, mo, day);
    else if (future && d.isBefore(c.dct.minusDays(31))) d = safeDate(yr + 1, mo, day);
    return d == null ? null : date(TimexValues.day(d));
  }

  /** The year of a month named without one: the past one by default, the coming one after a future cue. */
  private int monthYear(Ctx c, int mo) {
    int yr = c.dct.getYear();
    int cur = c.dct.getMonthValue();
    int ahead = Math.floorMod(mo - cur, 12);
    // a deadline ("by August", "until January") looks ahead, at most half a year ("this year through August": past)
    boolean deadline = ahead >= 1 && ahead <= 6 && DEADLINE_PREPS.contains(prevWord(c.text, c.start));
    boolean future = (futureCue(c.text, c.start) || deadline) && !possessive(c.text, c.end);
    if (ahead >= 1 && ahead <= MONTHS_AHEAD) return mo < cur ? yr + 1 : yr; // the coming one: "by May" in March
    if (mo > cur && !future) return yr - 1;
    if (mo < cur && future) return yr + 1;
    return yr;
  }

  /**
   * The month-day after "ended"/"ending" right behind a period ("the quarter ended Sept. 30"), in a leap year so
   * Feb. 29 parses; null when none follows.
   */
  private LocalDate endedDate(String s, int end) {
    Matcher m = ended.matcher(s);
    m.region(end, Math.min(s.length(), end + 40));
    if (!m.lookingAt()) return null;
    Integer mo = t.months.get(TimexTables.key(m.group("mon")));
    if (mo == null) mo = t.months.get(TimexTables.key(m.group("mon")) + ".");
    return mo == null ? null : safeDate(2000, mo, Integer.parseInt(m.group("d")));
  }

  private static LocalDate safeDate(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String weekday(Ctx c, int dow, String dir) {
    if (dir != null && dir.startsWith("the ")) {
      // "the previous Friday", "the following Monday": relative to the reference day
      LocalDate r = c.ref != null && c.ref.gran() == Gran.DAY ? c.ref.date() : c.dct;
      if (r == null) return "XXXX-WXX-" + dow;
      int cur = r.getDayOfWeek().getValue();
      if (dir.equals("the following")) {
        int fwd = (dow - cur + 7) % 7;
        return TimexValues.day(r.plusDays(fwd == 0 ? 7 : fwd));
      }
      int back = (cur - dow + 7) % 7;
      return TimexValues.day(r.minusDays(back == 0 ? 7 : back));
    }
    if (c.dct == null) return "XXXX-WXX-" + dow;
    int cur = c.dct.getDayOfWeek().getValue();
    LocalDate d;
    if ("last".equals(dir)) {
      int back = (cur - dow + 7) % 7;
      d = c.dct.minusDays(back == 0 ? 7 : back);
    } else if ("next".equals(dir)) {
      int fwd = (dow - cur + 7) % 7;
      d = c.dct.plusDays(fwd == 0 ? 7 : fwd);
    } else if (dow == cur) {
      d = c.dct;
    } else if ("this".equals(dir) || (futureCue(c.text, c.start) && !possessive(c.text, c.end))) {
      d = c.dct.plusDays((dow - cur + 7) % 7);
    } else {
      d = c.dct.minusDays((cur - dow + 7) % 7);
    }
    return TimexValues.day(d);
  }

  private Res relative(Ctx c, String det, String u, String code, String ed) {
    Gran g = TimexValues.granOf(code.equals("WE") ? "W" : code);
    boolean durationLike = Set.of("the past", "the last", "the coming", "the next").contains(det);
    if (u.equals("day") || Set.of("morning", "afternoon", "evening", "night").contains(u)) {
      if (det.equals("the past")) return new Res("DURATION", "P1D");
      if (c.dct == null && c.ref == null) return date("XXXX-XX-XX");
      Point ref = c.ref != null && c.ref.gran() == Gran.DAY ? c.ref : new Point(c.dct, Gran.DAY);
      int shift = switch (det) {
        case "the next", "the following" -> 1;
        case "the previous", "the prior", "the preceding" -> -1;
        default -> 0;
      };
      String day = ref.shift("D", shift).value();
      if (u.equals("day")) return date(day);
      return new Res("TIME", day + "T" + t.dayparts.get(u));
    }
    if (durationLike && ed == null) {
      if (code.equals("WE")) {
        if (c.dct == null) return date("XXXX-WXX-WE");
        Point w = new Point(c.dct, Gran.WEEK).shift("W", det.equals("the past") || det.equals("the last") ? -1 : 0);
        return date(w.value() + "-WE");
      }
      return new Res("DURATION", durationValue("1", code));
    }
    if (c.dct == null) return date(TimexValues.unknown(g) + (code.equals("WE") ? "-WE" : ""));
    Point base = new Point(c.dct, g);
    Point p;
    switch (det) {
      case "last", "past", "the past", "the last", "this past" -> p = base.shift(code, -1);
      case "next", "coming", "the coming", "the next" -> p = base.shift(code, 1);
      case "the previous", "the prior", "the preceding" -> p = refAt(c, g).shift(code, -1);
      case "the following" -> p = refAt(c, g).shift(code, 1);
      case "the same", "that", "that same" -> p = refAt(c, g);
      default -> {
        p = base;
        if (code.equals("WE") && det.equals("the")) {
          int dow = c.dct.getDayOfWeek().getValue();
          if (dow <= 3 && !futureCue(c.text, c.start)) p = base.shift("W", -1);
        }
      }
    }
    return date(p.value() + (code.equals("WE") ? "-WE" : ""));
  }

  private static Point refAt(Ctx c, Gran g) {
    Point r = c.ref != null && c.ref.gran().compareTo(g) <= 0 ? c.ref : new Point(c.dct, Gran.DAY);
    return r.at(g);
  }

  private Res ago(Ctx c, String n, String unit, String dir) {
    boolean future = dir.equals("later") || dir.equals("from now") || dir.equals("hence");
    boolean anaphoric = dir.equals("earlier") || dir.equals("later");
    if (n.equals("X")) return date(future ? "FUTURE_REF" : "PAST_REF");
    Gran g = TimexValues.granOf(unit);
    if (g == Gran.DECADE || g == Gran.CENTURY) g = Gran.YEAR; // "a decade ago": 1989, not the 1980s
    if (g == null) {
      // hours, minutes, seconds ago: a time on the publish day
      if (c.dct == null) return new Res("TIME", "XXXX-XX-XXTXX:XX");
      return date(future ? "FUTURE_REF" : "PAST_REF");
    }
    if (c.dct == null && (!anaphoric || c.ref == null)) return date(TimexValues.unknown(g));
    long k;
    try {
      k = Math.round(Double.parseDouble(n));
    } catch (NumberFormatException e) {
      return null;
    }
    Point base;
    if (!anaphoric && g == Gran.YEAR && c.ref != null && c.ref.gran() == Gran.QUARTER
        && c.ref.date().getYear() == c.dct.getYear()) {
      base = c.ref; // "profit rose from a year ago" after "third-quarter": the same quarter a year back
    } else if (anaphoric && c.ref != null) {
      base = c.ref;
      Gran out = g;
      if (g == Gran.YEAR && (base.gran() == Gran.QUARTER || base.gran() == Gran.MONTH)) out = base.gran();
      else if (base.gran().compareTo(g) > 0) out = base.gran(); // coarser reference: keep its precision
      base = base.at(out);
    } else {
      base = new Point(c.dct, g);
    }
    return date(base.shift(unit, future ? k : -k).value()).comparison();
  }

  /**
   * "three years ago next week": the anchor period ("next week" from the publish date) moved back by the amount,
   * at the anchor's precision (2025-02-19 gives next week 2025-W09, three years back 2022-W08).
   */
  private Res agoFrom(Ctx c, String n, String unit, String anchorUnit, int shift) {
    Gran ga = anchorUnit == null ? null : TimexValues.granOf(anchorUnit);
    if (ga == null) return ago(c, n, unit, "ago");
    if (c.dct == null) return date(TimexValues.unknown(ga));
    long k;
    try {
      k = Math.round(Double.parseDouble(n));
    } catch (NumberFormatException e) {
      return null;
    }
    Point anchor = new Point(c.dct, ga).shift(anchorUnit, shift);
    return date(anchor.shift(unit, -k).value());
  }

  private Res time(Ctx c, String day, String clock) {
    String d;
    if (day == null) {
      // "10:30 a.m. local time (0930 GMT) on Wednesday": the day named right after the clock
      Matcher dm = dayAfter.matcher(c.text);
      dm.region(c.end, Math.min(c.text.length(), c.end + 50));
      if (dm.lookingAt()) day = dm.group("day");
    }
    if (day == null) {
      Point r = c.ref != null && c.ref.gran() == Gran.DAY ? c.ref : null;
      d = r != null ? r.value() : c.dct == null ? "XXXX-XX-XX" : TimexValues.day(c.dct);
    } else {
      String k = TimexTables.key(day);
      Integer dow = t.weekdays.get(k);
      if (dow != null) d = weekday(c, dow, null);
      else if (c.dct == null) d = "XXXX-XX-XX";
      else if (k.equals("yesterday")) d = TimexValues.day(c.dct.minusDays(1));
      else if (k.equals("tomorrow")) d = TimexValues.day(c.dct.plusDays(1));
      else d = TimexValues.day(c.dct);
    }
    return new Res("TIME", d + clock);
  }

  private Res lexical(Ctx c, String type, String tmpl) {
    if (!tmpl.startsWith("DCT")) return new Res(type, tmpl);
    String[] parts = tmpl.split(":");
    String base = parts[0];
    String suffix = parts.length > 1 ? "T" + parts[1].substring(1) : "";
    if (c.dct == null) return new Res(type, "XXXX-XX-XX" + suffix);
    LocalDate d = c.dct;
    if (base.length() > 3) {
      int k = Integer.parseInt(base.substring(4, base.length() - 1));
      d = base.charAt(3) == '-' ? d.minusDays(k) : d.plusDays(k);
    }
    return new Res(type, TimexValues.day(d) + suffix);
  }
}
