package org.storyline.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.storyline.resources.Resources;
import org.storyline.util.Searches;

/**
 * Tokenisation for clustering: lower-cased word tokens without stop words, capitalised-name tokens (the fallback for
 * entities when no entity stage ran) and word shingles for duplicate detection. Stateless and thread-safe.
 */
public final class Tokens {
  static final Set<String> STOP = load("stopwords.txt");
  static final Set<String> NAME_STOP = load("name-stopwords.txt");

  private Tokens() {}

  /** Maximal runs of letters or digits, lower-cased; a trailing possessive "'s" is dropped. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) i++;
      int s = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
      if (i > s) out.add(text.substring(s, i).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Content terms: words minus stop words, pure numbers and one-letter tokens; plural "s" folded. */
  public static List<String> terms(String text) {
    return termsOf(words(text));
  }

  /** {@link #terms(String)} of a text's {@link #words}, for a caller that needs the words too (one pass). */
  static List<String> termsOf(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (isYear(w)) {
        out.add(w);
        continue;
      }
      if (w.length() < 2 || STOP.contains(w) || isNumber(w)) continue;
      out.add(fold(w));
    }
    return out;
  }

  /** A very light plural fold: "talks" -> "talk", "countries" -> "country"; short words untouched. */
  static String fold(String w) {
    int n = w.length();
    if (n > 4 && w.endsWith("ies")) return w.substring(0, n - 3) + "y";
    if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  /**
   * Capitalised tokens that are probably names: upper-case initial, not a sentence opener, not in the name stop list.
   * As printed (callers lower-case them for keys); the fallback when no entities were given for an article.
   */
  static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    while (i < n) {
      int s = i;
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '\u201c') {
          sentenceStart = true;
        }
        i++;
        continue;
      }
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)))) i++;
      String tok = text.substring(s, i);
      if (Character.isUpperCase(tok.charAt(0)) && tok.length() > 1 && !sentenceStart) {
        String low = tok.toLowerCase(Locale.ROOT);
        if (!NAME_STOP.contains(low) && !isNumber(low)) out.add(tok);
      }
      sentenceStart = false;
    }
    return out;
  }

  /** Hashes of overlapping word k-grams over all words (stop words kept), for duplicate detection. */
  static long[] shingles(String text, int k) {
    return shinglesOf(words(text), k);
  }

  /** {@link #shingles(String, int)} of a text's {@link #words}. */
  static long[] shinglesOf(List<String> w, int k) {
    if (w.size() < k) {
      return w.isEmpty() ? new long[0] : new long[] {hash(String.join(" ", w))};
    }
    Set<Long> seen = new HashSet<>();
    long[] tmp = new long[w.size() - k + 1];
    int m = 0;
    for (int i = 0; i + k <= w.size(); i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = 0; j < k; j++) h = mix(h ^ hash(w.get(i + j)));
      if (seen.add(h)) tmp[m++] = h;
    }
    return java.util.Arrays.copyOf(tmp, m);
  }

  private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
      + "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
  /** A month-day date (September 19, Sept. 19th) or a day-month date (19 September, 19th of September). */
  private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
      // every match starts with a month's capital or a digit: the look-ahead saves trying the branches everywhere
      "(?=[JFMASOND0-9])(?:\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:)"
      + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b)");
  /** A number (thousands separators, decimals, an ordinal suffix) that is not part of a clock time or a date. */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
      "(?=[0-9])(?<![\\w.:/,-])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:st|nd|rd|th)?(?![\\w:/]|[.,]\\d)");
  private static final java.util.regex.Pattern LEADING_ZEROS = java.util.regex.Pattern.compile("^0+(?=\\d)");
  private static final java.util.regex.Pattern WEEKDAY = java.util.regex.Pattern.compile(
      "(?=[MTWFS])\\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b");
  /** A month name; "May" and "March" only before a day or a year (else they are a verb as often as not). */
  private static final java.util.regex.Pattern MONTH_NAME = java.util.regex.Pattern.compile(
      "(?=[JFMASOND])\\b(Jan(?:uary)?|Feb(?:ruary)?|Apr(?:il)?|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
      + "|Nov(?:ember)?|Dec(?:ember)?|(?:May|Mar(?:ch)?)(?=\\.?\\s+\\d))\\b\\.?");

  /**
   * The day of the event an article reports, from the first weekday its lead sentence names ("Putin on Thursday
   * said"): the latest such weekday on or before the publish day (news reports the past). {@code
   * ArticleFeatures.NO_DAY} when the article is undated or its lead names no weekday. (Searching the first 600 or
   * 1,200 characters instead of the lead sentence gave giveme5w1h story B3 F1 0.860 and 0.856 against 0.882: a
   * weekday further down is often background, an earlier meeting or a reaction.)
   */
  static long eventDay(String lead, long published) {
    if (published == ArticleFeatures.NO_DAY || lead == null) return ArticleFeatures.NO_DAY;
    java.util.regex.Matcher m = WEEKDAY.matcher(lead);
    if (!m.find()) return ArticleFeatures.NO_DAY;
    int named = switch (m.group(1)) {
      case "Mon" -> 1;
      case "Tues" -> 2;
      case "Wednes" -> 3;
      case "Thurs" -> 4;
      case "Fri" -> 5;
      case "Satur" -> 6;
      default -> 7;
    };
    int pub = java.time.LocalDate.ofEpochDay(published).getDayOfWeek().getValue();
    return published - ((pub - named + 7) % 7);
  }

  /**
   * Number and date arguments of an event, as features prefixed {@code %}: {@code %n:6.1} (numbers: tolls, ages,
   * magnitudes, amounts; not years, which stay plain terms), {@code %d:sep-19} (dates), {@code %m:sep} (months) and
   * {@code %w:sat} (weekdays).
   * Clock times and the day of a date are not numbers.
   */
  static List<String> arguments(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    List<int[]> taken = new ArrayList<>();
    java.util.regex.Matcher m = DATE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (int at = 0; (at = Searches.findAt(m, text, at, "JFMASOND0123456789")) >= 0; ) {
      String month = m.group(1) != null ? m.group(1) : m.group(4);
      String day = m.group(1) != null ? m.group(2) : m.group(3);
      int d = Integer.parseInt(day);
      if (d < 1 || d > 31) continue;
      out.add("%d:" + month.substring(0, 3).toLowerCase(Locale.ROOT) + "-" + d);
      taken.add(new int[] {m.start(), m.end()});
    }
    m = NUMBER.matcher(text);
    outer:
    while (m.find()) {
      for (int[] t : taken) if (m.start() >= t[0] && m.start() < t[1]) continue outer;
      String n = m.group(1).replace(",", "");
      if (m.group(2) == null && isYear(n)) continue;
      n = LEADING_ZEROS.matcher(n).replaceFirst("");
      out.add("%n:" + n + (m.group(2) == null ? "" : m.group(2)));
    }
    m = WEEKDAY.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (int at = 0; (at = Searches.findAt(m, text, at, "MTWFS")) >= 0; ) {
      out.add("%w:" + m.group(1).substring(0, 3).toLowerCase(Locale.ROOT));
    }
    m = MONTH_NAME.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (int at = 0; (at = Searches.findAt(m, text, at, "JFMASOND")) >= 0; ) {
      out.add("%m:" + m.group(1).substring(0, 3).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** A four-digit year 1900-2099: a strong cue to which of two similar events a text is about. */
  private static final java.util.regex.Pattern SLUG_WORD = java.util.regex.Pattern.compile("[a-z]+");

  /**
   * The headline words of a URL's slug ("/news/414348-rihanna-cousin-shot-dead/" -> "rihanna cousin shot dead"), or
   * null when its path has no segment of at least three hyphen- or underscore-separated words. Words with digits
   * (ids, dates) are dropped. A stand-in title for an article that has none: a slug is its headline as the outlet
   * wrote it into the address.
   */
  public static String urlTitle(String url) {
    if (url == null || url.isBlank()) return null;
    String path = url.strip();
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    int cut = path.length();
    for (char c : new char[] {'?', '#'}) {
      int k = path.indexOf(c);
      if (k >= 0) cut = Math.min(cut, k);
    }
    path = path.substring(0, cut).toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestWords = 2;
    for (String seg : path.split("/")) {
      int dot = seg.lastIndexOf('.');
      if (dot > 0) seg = seg.substring(0, dot);
      List<String> ws = new java.util.ArrayList<>();
      for (String w : seg.split("[-_]+")) {
        if (SLUG_WORD.matcher(w).matches()) ws.add(w);
      }
      if (ws.size() > bestWords) {
        bestWords = ws.size();
        best = String.join(" ", ws);
      }
    }
    return best;
  }

  static boolean isYear(String w) {
    return w.length() == 4 && isNumber(w) && (w.startsWith("19") || w.startsWith("20"));
  }

  static boolean isNumber(String w) {
    for (int i = 0; i < w.length(); i++) if (!Character.isDigit(w.charAt(i))) return false;
    return true;
  }

  static long hash(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
    return mix(h);
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Set<String> load(String name) {
    Set<String> s = new HashSet<>();
    for (String line : Resources.entries(Tokens.class, name)) {
      for (String w : line.split("\\s+")) if (!w.isEmpty()) s.add(w.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(s);
  }
}
