package org.storyline.nlp;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.model.Mention;
import org.storyline.nlp.EntityLinker.ArticleMentions;
import org.storyline.nlp.EntityLinker.Group;
import org.storyline.nlp.EntityLinker.Raw;

/**
 * Coreference of descriptions in entity linking: "the Kremlin spokesman" after "Kremlin spokesman Dmitry Peskov"
 * (a role of two or more words that exactly one person holds in the article), and the descriptions of the name
 * tables ("the Kremlin leader": a head noun and its places) given to the person in the article whose roles fit best,
 * become mentions of that person. Adds to the people's groups of one article; stateless apart from its tables.
 */
final class DescriptionMentions {
  private final NameTables tables;

  DescriptionMentions(NameTables tables) {
    this.tables = tables;
  }

  void describe(int a, ArticleMentions am, List<Group> groups) {
    String text = am.text();
    String lower = text.toLowerCase(Locale.ROOT);
    // "the Kremlin spokesman" after "Kremlin spokesman Dmitry Peskov": a role of two or more words that exactly one
    // person holds in this article
    Map<String, Group> roleHolder = new LinkedHashMap<>();
    Set<String> shared = new HashSet<>();
    for (Group g : groups) {
      for (Raw r : g.mentions) {
        if (r.article() != a) continue;
        for (String role : r.roles()) {
          if (role.indexOf(' ') < 0) continue;
          String lr = role.toLowerCase(Locale.ROOT);
          Group prev = roleHolder.putIfAbsent(lr, g);
          if (prev != null && prev != g) shared.add(lr);
        }
      }
    }
    for (var e : roleHolder.entrySet()) {
      if (shared.contains(e.getKey())) continue;
      String phrase = "the " + e.getKey();
      for (int i = lower.indexOf(phrase); i >= 0; i = lower.indexOf(phrase, i + 1)) {
        int st = i + 4;
        int en = i + phrase.length();
        if (i > 0 && Character.isLetter(text.charAt(i - 1))) continue;
        if (en < text.length() && Character.isLetterOrDigit(text.charAt(en))) continue;
        // not when a name follows: "the Kremlin spokesman Dmitry Peskov" is the name's own role
        int k = en;
        while (k < text.length() && text.charAt(k) == ' ') k++;
        if (k > en && k < text.length() && Character.isUpperCase(text.charAt(k))) continue;
        e.getValue().extra.add(new Mention(am.articleId(), st, en, text.substring(st, en)));
      }
    }
    for (NameTables.Description d : tables.descriptions()) {
      String phrase = "the " + d.phrase().toLowerCase(Locale.ROOT);
      int from = 0;
      while (true) {
        int i = lower.indexOf(phrase, from);
        if (i < 0) break;
        from = i + phrase.length();
        int s = i + 4;
        int e = i + phrase.length();
        if (e < text.length() && Character.isLetter(text.charAt(e))) continue;
        Group best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Group g : groups) {
          if (!g.type.equals("PER")) continue;
          int score = 0;
          for (Raw r : g.mentions) {
            if (r.article() != a) continue;
            for (String role : r.roles()) {
              String lr = role.toLowerCase(Locale.ROOT);
              if (!containsWord(lr, d.head())) continue;
              boolean place = d.places().stream().anyMatch(p -> containsWord(lr, p));
              score = Math.max(score, place ? 2 : lr.equals(d.head()) ? 1 : 0);
            }
          }
          if (score > bestScore) {
            best = g;
            bestScore = score;
            tie = false;
          } else if (score == bestScore && score > 0) {
            tie = true;
          }
        }
        if (best == null || tie) continue;
        if (bestScore == 1 && d.places().stream().noneMatch(p -> containsWord(lower, p))) continue;
        best.extra.add(new Mention(am.articleId(), s, e, text.substring(s, e)));
      }
    }
  }

  private static boolean containsWord(String hay, String w) {
    int i = hay.indexOf(w);
    while (i >= 0) {
      boolean l = i == 0 || !Character.isLetter(hay.charAt(i - 1));
      int e = i + w.length();
      boolean r = e >= hay.length() || !Character.isLetter(hay.charAt(e));
      if (l && r) return true;
      i = hay.indexOf(w, i + 1);
    }
    return false;
  }

}
