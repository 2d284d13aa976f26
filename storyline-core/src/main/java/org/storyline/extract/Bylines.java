package org.storyline.extract;

import static org.storyline.extract.LineShapes.words;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byline stage of {@link TextCleaner}: reads a byline line ("By Jane Doe", "Author: Jane Doe", a desk byline such
 * as "FP News Desk") and the byline printed before a date on a date line. Immutable; thread-safe.
 */
final class Bylines {
  private static final int CI = Pattern.CASE_INSENSITIVE;
  private static final String NAME_TOKEN = "(?:[\\p{Lu}][\\p{L}.'’&-]*|and|&|de|da|del|der|van|von|bin|al|el|la|le|"
      + "di|du|dos|ibn|of|the)";
  private static final Pattern NAME = Pattern.compile(
      "[\\p{Lu}][\\p{L}.'’&-]*(?:[\\s,]+" + NAME_TOKEN + "){0,9}");
  static final Pattern BY_PREFIX = Pattern.compile(
      "^(?:by|written by|words by|reported by|story by|author|authors|byline|posted by)\\s*:?\\s+(?<who>.{2,150})$",
      CI);
  private static final Pattern DESK = Pattern.compile(
      "^(?:[\\p{Lu}][\\p{L}.&'’-]*\\s+){1,4}(?:News Desk|Web Desk|Online Desk|World Desk|Digital Desk|Desk|Staff|"
          + "Staff Reporter|Bureau|News Service|Web Team|News Network|Correspondent|Online|Team|Newsroom)$");
  private static final Pattern BYLINE_SEPARATORS = Pattern.compile("\\s*[|/•·]\\s*");
  private static final Pattern DOMAIN_LIKE = Pattern.compile("(?i)[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|in|co\\.uk|uk|de|fr|ru|pk|au|ca)");

  private final Boilerplate boilerplate;

  Bylines(Boilerplate boilerplate) {
    this.boilerplate = Objects.requireNonNull(boilerplate);
  }

  /** A byline line ("By Jane Doe", "Author: Jane Doe", "FP News Desk"): the author(s) as printed, or null. */
  static String byline(String md) {
    if (md.length() > 160) return null;
    Matcher b = BY_PREFIX.matcher(md);
    if (b.matches()) {
      String who = b.group("who").split("\\s*[|•·]\\s*")[0].strip();
      who = who.replaceAll("(?i)\\s+in\\s+[\\p{Lu}][\\p{L} .-]*$", "").replaceAll("[,;]+$", "").strip();
      return NAME.matcher(who).matches() ? who : null;
    }
    return DESK.matcher(md).matches() ? md : null;
  }
  /**
   * The byline in what precedes a date on its line: "FP News Desk", "By Jane Doe", "TOI World Desk / TIMESOFINDIA.COM",
   * "World News | Press Trust of India" (section names are skipped). Empty when the prefix holds only section names or
   * an outlet; null when the prefix is not byline-like at all (then the line is not a date line).
   */
  String bylinePrefix(String pre) {
    String who = null;
    for (String seg : BYLINE_SEPARATORS.split(pre)) {
      String g = seg.strip();
      if (g.isEmpty()) continue;
      String b = byline(g);
      boolean nameLike = b != null
          || (NAME.matcher(g).matches() && words(g) <= 6 && !DateLines.LABEL_WORD.matcher(g).find());
      boolean domain = DOMAIN_LIKE.matcher(g).matches();
      if (!nameLike && !domain) return null;
      if (domain || boilerplate.onlySectionWords(g)) continue; // "TIMESOFINDIA.COM", "World News"
      if (who == null) who = b != null ? b : g;
    }
    return who == null ? "" : who;
  }
}
