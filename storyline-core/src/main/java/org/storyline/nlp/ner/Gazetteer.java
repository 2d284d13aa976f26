package org.storyline.nlp.ner;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.storyline.resources.Resources;

/**
 * Name lists used as tagger features: country and language names and time-zone cities that ship with the JDK, plus
 * {@code gazetteer.txt} (demonyms and other short lists, written for this project). Phrases are matched on
 * lowercased tokens, longest first.
 */
final class Gazetteer {
  static final int MAX_LEN = 5;
  /** lowercased phrase (tokens joined by one space) -> bitmask of types. */
  private final Map<String, Integer> phrases;
  private final Map<String, Integer> prefixes;

  private Gazetteer(Map<String, Integer> phrases) {
    this.phrases = Map.copyOf(phrases);
    Map<String, Integer> pre = new HashMap<>();
    for (String p : phrases.keySet()) {
      int k = p.indexOf(' ');
      while (k > 0) {
        pre.merge(p.substring(0, k), 1, Integer::sum);
        k = p.indexOf(' ', k + 1);
      }
    }
    this.prefixes = Map.copyOf(pre);
  }

  static Gazetteer load() {
    Map<String, Integer> m = new HashMap<>();
    int loc = 1 << Labels.TYPES.indexOf("LOC");
    int misc = 1 << Labels.TYPES.indexOf("MISC");
    int org = 1 << Labels.TYPES.indexOf("ORG");
    int per = 1 << Labels.TYPES.indexOf("PER");
    for (String cc : Locale.getISOCountries()) {
      add(m, Locale.of("", cc).getDisplayCountry(Locale.ENGLISH), loc);
    }
    for (String lang : Locale.getISOLanguages()) {
      add(m, Locale.of(lang).getDisplayLanguage(Locale.ENGLISH), misc);
    }
    for (String id : TimeZone.getAvailableIDs()) {
      int slash = id.lastIndexOf('/');
      if (slash < 0 || id.startsWith("Etc/") || id.startsWith("SystemV/") || id.startsWith("US/")) continue;
      String city = id.substring(slash + 1).replace('_', ' ');
      if (city.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '-')) add(m, city, loc);
    }
    for (String line : Resources.optionalEntries(Gazetteer.class, "gazetteer.txt")) {
      int tab = line.indexOf('\t');
      if (tab < 0) continue;
      int bit = switch (line.substring(0, tab)) {
        case "LOC" -> loc;
        case "MISC" -> misc;
        case "ORG" -> org;
        case "PER" -> per;
        default -> 0;
      };
      for (String name : line.substring(tab + 1).split("\\|")) add(m, name.strip(), bit);
    }
    return new Gazetteer(m);
  }

  private static void add(Map<String, Integer> m, String name, int bits) {
    if (name == null || name.isBlank() || bits == 0) return;
    String key = String.join(" ", name.toLowerCase(Locale.ROOT).replace(",", " ,").split("\\s+"));
    m.merge(key, bits, (a, b) -> a | b);
  }

  /**
   * For each token a bitmask over {@code 4*type + pos} (pos B, I, L, U) of the gazetteer phrases covering it.
   */
  int[] match(String[] lower) {
    int n = lower.length;
    int[] out = new int[n];
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.setLength(0);
      int bestLen = 0;
      int bestBits = 0;
      for (int k = 0; k < MAX_LEN && i + k < n; k++) {
        if (k > 0) sb.append(' ');
        sb.append(lower[i + k]);
        String key = sb.toString();
        Integer bits = phrases.get(key);
        if (bits != null) {
          bestLen = k + 1;
          bestBits = bits;
        }
        if (!prefixes.containsKey(key)) break;
      }
      if (bestLen == 0) continue;
      for (int t = 0; t < 4; t++) {
        if ((bestBits & (1 << t)) == 0) continue;
        if (bestLen == 1) {
          out[i] |= 1 << (4 * t + Labels.U);
        } else {
          out[i] |= 1 << (4 * t + Labels.B);
          for (int k = 1; k < bestLen - 1; k++) out[i + k] |= 1 << (4 * t + Labels.I);
          out[i + bestLen - 1] |= 1 << (4 * t + Labels.L);
        }
      }
    }
    return out;
  }
}
