package org.storyline.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.storyline.resources.Resources;

/**
 * The word tables behind {@link TimexTagger}: month and weekday names, number words, units, seasons, holidays,
 * lexical expressions ("now", "yesterday"), set words and span modifiers. Loaded once from
 * {@code org/storyline/nlp/timex/*.tsv}; immutable.
 */
final class TimexTables {
  final Map<String, Integer> months;
  final Map<String, Integer> weekdays;
  final Map<String, String> numbers;
  final Map<String, Integer> ordinals;
  final Map<String, String> units;
  final Map<String, String[]> seasons;
  final Map<String, String> dayparts;
  final Map<String, String> holidays;
  final Map<String, String[]> lexical;
  final Map<String, String> sets;
  final Map<String, String> modifiers;
  final Set<String> futureCues;

  TimexTables() {
    months = ints(read("months.tsv"));
    weekdays = ints(read("weekdays.tsv"));
    numbers = first(read("numbers.tsv"));
    ordinals = ints(read("ordinals.tsv"));
    units = first(read("units.tsv"));
    seasons = rest(read("seasons.tsv"));
    dayparts = first(read("dayparts.tsv"));
    holidays = first(read("holidays.tsv"));
    lexical = rest(read("lexical.tsv"));
    sets = first(read("sets.tsv"));
    modifiers = first(read("modifiers.tsv"));
    futureCues = new TreeSet<>(read("futurecues.tsv").keySet());
  }

  private static Map<String, List<String>> read(String name) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String line : Resources.entries(TimexTables.class, "/org/storyline/nlp/timex/" + name)) {
      String[] f = line.split("\t");
      List<String> vals = new ArrayList<>();
      for (int i = 1; i < f.length; i++) vals.add(f[i].trim());
      m.put(f[0].trim().toLowerCase(Locale.ROOT), vals);
    }
    return m;
  }

  private static Map<String, Integer> ints(Map<String, List<String>> m) {
    Map<String, Integer> o = new LinkedHashMap<>();
    m.forEach((k, v) -> o.put(k, Integer.parseInt(v.get(0))));
    return Map.copyOf(o);
  }

  private static Map<String, String> first(Map<String, List<String>> m) {
    Map<String, String> o = new LinkedHashMap<>();
    m.forEach((k, v) -> o.put(k, v.isEmpty() ? "" : v.get(0)));
    return Map.copyOf(o);
  }

  private static Map<String, String[]> rest(Map<String, List<String>> m) {
    Map<String, String[]> o = new LinkedHashMap<>();
    m.forEach((k, v) -> o.put(k, v.toArray(String[]::new)));
    return Map.copyOf(o);
  }

  /** A regex alternation of the given phrases, longest first; spaces match any run of white space. */
  static String alt(Collection<String> phrases) {
    List<String> l = new ArrayList<>(new TreeSet<>(phrases));
    l.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    StringBuilder sb = new StringBuilder("(?:");
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) sb.append('|');
      for (char c : l.get(i).toCharArray()) {
        if (c == ' ') sb.append("\\s+");
        else if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) sb.append('\\').append(c);
        else if (c == '\'') sb.append("['\u2019]");
        else sb.append(c);
      }
    }
    return sb.append(')').toString();
  }

  /** Lower-cases and folds runs of white space and curly apostrophes, for table look-ups. */
  static String key(String s) {
    String l = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').trim();
    for (int i = 0; i < l.length(); i++) {
      if (Character.isWhitespace(l.charAt(i)) && l.charAt(i) != ' ' || l.startsWith("  ", i)) {
        return WS.matcher(l).replaceAll(" ");
      }
    }
    return l;
  }

  private static final java.util.regex.Pattern WS = java.util.regex.Pattern.compile("\\s+");
}
