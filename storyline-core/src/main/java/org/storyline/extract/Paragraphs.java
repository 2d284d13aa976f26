package org.storyline.extract;

import static org.storyline.extract.LineShapes.STARTS_LOWER;
import static org.storyline.extract.LineShapes.TERMINAL;
import static org.storyline.extract.LineShapes.key;
import static org.storyline.extract.LineShapes.words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.storyline.extract.CleaningWork.Removed;
import org.storyline.extract.CleaningWork.Unit;

/**
 * The paragraph stage of {@link TextCleaner}: drops repeated lines and an author's bio at the end, and joins
 * paragraphs broken mid-sentence, so the kept body lines become the article's paragraphs.
 */
final class Paragraphs {
  private Paragraphs() {}

  private static final Pattern BIO_VERB = Pattern.compile(
      "\\s*,?\\s*(?:is|was|covers|writes|reports|has covered|has been|edits|joined|can be reached|contributed|a)\\b.*");
  private static final Pattern BULLET_RAW = Pattern.compile("(?:[-*+•]|\\d{1,2}[.)])\\s+");

  /**
   * Drops repeated lines: of lines that say the same, the last full copy (a sentence with its final stop, or a
   * paragraph of 300 characters or more) stays, so a standfirst repeated as the lead keeps one copy, and a lead
   * repeated without its full stop as a photo caption keeps the lead; short repeated lines without a final stop
   * and no full copy (captions) go entirely. A body line repeating the title goes.
   */
  static List<Unit> dedupe(CleaningWork w) {
    Map<String, List<Integer>> seen = new HashMap<>();
    for (int i = 0; i < w.body.size(); i++) {
      seen.computeIfAbsent(key(w.body.get(i).md()), k -> new ArrayList<>()).add(i);
    }
    boolean[] drop = new boolean[w.body.size()];
    String titleKey = w.title == null ? null : key(w.title);
    for (var e : seen.entrySet()) {
      List<Integer> at = e.getValue();
      if (e.getKey().equals(titleKey)) at.forEach(i -> drop[i] = true);
      if (at.size() < 2) continue;
      int keep = -1;
      for (int j : at) {
        String md = w.body.get(j).md();
        if (md.length() >= 300 || TERMINAL.matcher(md).matches()) keep = j;
      }
      for (int j : at) if (j != keep) drop[j] = true;
    }
    List<Unit> kept = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < w.body.size(); i++) {
      if (drop[i]) {
        w.removed.add(new Removed(w.body.get(i).line(), w.body.get(i).raw()));
        dropped++;
      } else {
        kept.add(w.body.get(i));
      }
    }
    if (dropped > 0) w.diagnostics.add("dropped " + dropped + " repeated line(s)");
    return kept;
  }
  /** Drops an author's bio near the end ("Jane Doe covers the economy for The Times."): it starts with the byline. */
  static List<Unit> dropAuthorBio(List<Unit> body, String byline, CleaningWork w) {
    if (byline == null || byline.length() < 5 || body.isEmpty()) return body;
    List<Unit> out = new ArrayList<>(body);
    for (int i = out.size() - 1; i >= Math.max(0, out.size() - 3); i--) {
      String md = out.get(i).md();
      if (md.length() <= 300 && md.startsWith(byline) && BIO_VERB.matcher(md.substring(byline.length())).matches()) {
        w.removed.add(new Removed(out.get(i).line(), out.get(i).raw()));
        out.remove(i);
      }
    }
    return out;
  }
  /** Joins paragraphs broken mid-sentence (the next part starts in lower case). */
  static List<String> join(List<Unit> body, CleaningWork w) {
    List<String> out = new ArrayList<>();
    int joined = 0;
    boolean lastBullet = false;
    for (Unit u : body) {
      String p = u.md();
      boolean bullet = BULLET_RAW.matcher(u.raw()).lookingAt(); // list items stay apart
      if (!out.isEmpty() && !bullet && !lastBullet) {
        String last = out.get(out.size() - 1);
        if (!TERMINAL.matcher(last).matches() && words(last) >= 4 && STARTS_LOWER.matcher(p).matches()) {
          out.set(out.size() - 1, last + " " + p);
          joined++;
          continue;
        }
      }
      lastBullet = bullet;
      out.add(p);
    }
    if (joined > 0) w.diagnostics.add("joined " + joined + " paragraph(s) broken mid-sentence");
    return out;
  }
}
