package org.storyline.extract;

import static org.storyline.extract.LineShapes.words;

import java.util.Locale;
import org.storyline.extract.CleaningWork.Removed;
import org.storyline.extract.CleaningWork.Unit;

/**
 * The title stage of {@link TextCleaner}: picks the title among the headline-like lines found above the body, and
 * removes the header lines above it.
 */
final class TitleChooser {
  private TitleChooser() {}

  private static final java.util.Set<String> STOP_STEMS = java.util.Set.of("that", "this", "with", "from", "have",
      "were", "will", "would", "their", "there", "about", "after", "says", "said", "over", "into", "more", "than");

  /**
   * Picks the title among the headline-like lines above the body: the first one, unless it shares no content word
   * with the lead (a site tagline, a kicker) and a later one of 4+ words shares at least two. Candidates above it are header
   * furniture and go; those below it (a standfirst) stay in the body. With a title from a heading, candidates above
   * the heading go.
   */
  static void chooseTitle(CleaningWork w) {
    if (w.titleCands.isEmpty()) return;
    Unit chosen = null;
    if (w.title == null) {
      java.util.Set<String> lead = new java.util.HashSet<>();
      int longSeen = 0;
      for (Unit u : w.body) {
        if (w.titleCands.contains(u) || words(u.md()) < 12) continue;
        lead.addAll(stems(u.md()));
        if (++longSeen == 2) break;
      }
      Unit first = w.titleCands.get(0);
      chosen = first;
      if (overlap(first.md(), lead) == 0) { // a tagline or kicker first? prefer a later line that tells the story
        for (Unit c : w.titleCands.subList(1, w.titleCands.size())) {
          String t = c.md();
          if (words(t) >= 4 && !t.endsWith("?") && !t.equals(t.toUpperCase(Locale.ROOT)) && overlap(t, lead) >= 2) {
            chosen = c;
            break;
          }
        }
      }
      w.title = chosen.md();
      w.titleLine = chosen.line();
      w.titleHow = "title guessed: headline-like line above the body";
    }
    for (Unit c : w.titleCands) {
      if (c.line() > w.titleLine) continue;
      w.body.remove(c);
      w.removed.add(new Removed(c.line(), c.raw()));
      if (c != chosen) w.diagnostics.add("header line above the title dropped: " + c.md());
    }
  }
  private static int overlap(String line, java.util.Set<String> lead) {
    int n = 0;
    for (String st : stems(line)) if (lead.contains(st)) n++;
    return n;
  }
  /** Content-word stems (first five letters of words of 4+ letters) of a line, lower case. */
  private static java.util.Set<String> stems(String s) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (t.length() >= 4 && !STOP_STEMS.contains(t)) out.add(t.length() > 5 ? t.substring(0, 5) : t);
    }
    return out;
  }
}
