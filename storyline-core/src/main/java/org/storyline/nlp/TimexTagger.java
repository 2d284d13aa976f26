package org.storyline.nlp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.storyline.model.Article;
import org.storyline.model.Timex;
import org.storyline.nlp.TimexText.Toks;
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
 * <p>Where each part lives: this class runs the rules and picks among overlapping candidates; the rules are grouped
 * by what they recognise in {@link TimexDateRules}, {@link TimexPeriodRules}, {@link TimexDurationRules} and
 * {@link TimexDayRules} (regular-expression pieces in {@link TimexPatterns}, text helpers in {@link TimexText},
 * amounts in {@link TimexNumbers}); their values are resolved by the {@link TimexNormaliser} with the tense cues of
 * {@link TimexCues}; a candidate is a {@link TimexCandidate}, its value a {@link TimexResult}.
 *
 * <p>Thread-safe and immutable once built; build it once and reuse it.
 */
public final class TimexTagger implements TimexStage {
  /** How many tokens before its trigger word a match may start. */
  private static final int TOKENS_BEFORE = 10;
  /** How many characters after its trigger token a match may reach. */
  private static final int WINDOW_AFTER = 60;

  /** All rules, in the fixed order of their families (the tie-breaker between candidates of the same span). */
  private final List<TimexRule> rules;
  /** Trigger word to the indexes of the rules it triggers, ascending. */
  private final Map<String, int[]> triggerIndex = new HashMap<>();

  public TimexTagger() {
    TimexTables t = new TimexTables();
    TimexPatterns p = new TimexPatterns(t);
    TimexCues cues = new TimexCues(t);
    TimexNormaliser norm = new TimexNormaliser(t, p, cues);
    List<TimexRule> all = new ArrayList<>();
    new TimexDateRules(t, p, cues, norm, all).add();
    new TimexPeriodRules(t, p, cues, norm, all).add();
    new TimexDurationRules(t, p, cues, norm, all).add();
    new TimexDayRules(t, p, cues, norm, all).add();
    this.rules = List.copyOf(all);
    for (int i = 0; i < rules.size(); i++) {
      for (String w : rules.get(i).triggers()) {
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
    List<TimexCandidate> cands = new ArrayList<>();
    String low = TimexText.lower(text);
    Toks tk = TimexText.tokens(low);
    int[] next = new int[rules.size()];
    Matcher[] matchers = new Matcher[rules.size()];
    for (int k = 0; k < tk.n(); k++) {
      int[] rs = triggerIndex.get(tk.keys()[k]);
      if (rs == null) continue;
      int regionEnd = Math.min(text.length(), tk.ends()[k] + WINDOW_AFTER);
      for (int i : rs) {
        TimexRule r = rules.get(i);
        Matcher m = matchers[i];
        if (m == null) {
          m = matchers[i] = r.pattern().matcher(low).useTransparentBounds(true).useAnchoringBounds(false);
        }
        // a match contains its trigger word: try every token start a few words back, anchored
        for (int j = Math.max(next[i], k - TOKENS_BEFORE); j <= k; j++) {
          m.region(tk.starts()[j], regionEnd);
          if (!m.lookingAt() || m.end() <= tk.starts()[k]) continue;
          TimexCandidate c;
          try {
            c = r.handler().make(m, text);
          } catch (RuntimeException e) {
            c = null; // a malformed number or date in the text: no candidate, never an exception
          }
          if (c != null && c.end() > c.start()) cands.add(new TimexCandidate(c.start(), c.end(), i, c.resolver()));
        }
        next[i] = k + 1;
      }
    }
    cands.sort(Comparator.comparingInt((TimexCandidate c) -> -(c.end() - c.start()))
        .thenComparingInt(TimexCandidate::start).thenComparingInt(TimexCandidate::rule));
    List<TimexCandidate> chosen = new ArrayList<>();
    boolean[] taken = new boolean[text.length() + 1];
    for (TimexCandidate c : cands) {
      boolean free = true;
      for (int k = c.start(); k < c.end() && free; k++) free = !taken[k];
      if (!free) continue;
      for (int k = c.start(); k < c.end(); k++) taken[k] = true;
      chosen.add(c);
    }
    chosen.sort(Comparator.comparingInt(TimexCandidate::start));
    TimexContext ctx = new TimexContext(dct, text);
    List<Timex> out = new ArrayList<>(chosen.size());
    for (TimexCandidate c : chosen) {
      ctx.start = c.start();
      ctx.end = c.end();
      TimexResult r;
      try {
        r = c.resolver().resolve(ctx);
      } catch (RuntimeException e) {
        r = null; // e.g. February 30: not a date
      }
      if (r == null) continue;
      out.add(new Timex(articleId, c.start(), c.end(), text.substring(c.start(), c.end()), r.type(), r.value()));
      if (r.anchors() && (r.type().equals("DATE") || r.type().equals("TIME"))) {
        Point p = TimexValues.parse(r.value());
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
}
