package org.storyline.nlp;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.storyline.resources.Resources;

/**
 * Abbreviation tables for tokenizing and sentence splitting, loaded from {@code abbreviations.txt}: lines
 * {@code title Mr} (always followed by a name: never ends a sentence) or {@code abbr Jan} (may end a sentence).
 */
final class Abbreviations {
  static final Abbreviations INSTANCE = load();
  private final Set<String> titles;
  private final Set<String> all;

  private Abbreviations(Set<String> titles, Set<String> all) {
    this.titles = Set.copyOf(titles);
    this.all = Set.copyOf(all);
  }

  /** {@code word} without its final period, any case. */
  boolean isAbbreviation(String word) {
    return all.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Titles such as "Mr", "Gen", "Sen" that always precede a name. */
  boolean isTitle(String word) {
    return titles.contains(word.toLowerCase(Locale.ROOT));
  }

  private static Abbreviations load() {
    Set<String> titles = new HashSet<>();
    Set<String> all = new HashSet<>();
    for (String line : Resources.entries(Abbreviations.class, "abbreviations.txt")) {
      String[] p = line.split("\\s+");
      if (p.length < 2) continue;
      for (int i = 1; i < p.length; i++) {
        String w = p[i].toLowerCase(Locale.ROOT);
        all.add(w);
        if (p[0].equals("title")) titles.add(w);
      }
    }
    return new Abbreviations(titles, all);
  }
}
