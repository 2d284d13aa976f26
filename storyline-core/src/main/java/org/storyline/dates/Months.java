package org.storyline.dates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storyline.resources.Resources;

/**
 * The one month table of the date parsers, from {@code months.tsv}: one row a language and form (full names,
 * abbreviations, genitives, spellings without accents), each giving the twelve months' spellings in lower case. Each
 * parser takes the rows it reads ({@link DateFinder}: the {@link #TEXT_LANGUAGES}; {@link DateParser}: all;
 * {@link FeedDates}: the English abbreviations). Loaded once; immutable, thread-safe.
 */
public final class Months {
  private Months() {}

  /** The languages whose months {@link DateFinder} reads in text pages (the major news languages). */
  public static final Set<String> TEXT_LANGUAGES = Set.of("en", "de", "fr", "es", "it", "pt", "nl");

  /** One row of the table: the spellings of each month, January first (each month one or more spellings). */
  public record Row(String language, String form, List<List<String>> months) {
    public Row {
      months = months.stream().map(List::copyOf).toList();
      if (months.size() != 12) throw new IllegalArgumentException("months.tsv: 12 months expected in " + language);
    }
  }

  private static final List<Row> ROWS = load();

  private static List<Row> load() {
    List<Row> out = new ArrayList<>();
    for (String line : Resources.entries(Months.class, "months.tsv")) {
      String[] f = line.split("\t");
      if (f.length != 3) throw new IllegalStateException("months.tsv: language, form and months expected: " + line);
      List<List<String>> months = Arrays.stream(f[2].strip().split(" +"))
          .map(cell -> List.of(cell.split("\\|")))
          .toList();
      out.add(new Row(f[0].strip(), f[1].strip(), months));
    }
    return List.copyOf(out);
  }

  /** Every row, in the table's order. */
  public static List<Row> rows() {
    return ROWS;
  }

  /**
   * Each spelling of the rows of these languages (every row when {@code languages} is null) and its month number
   * 1..12, in table order; the first row that gives a spelling decides its number.
   */
  public static Map<String, Integer> numbers(Set<String> languages) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Row r : ROWS) {
      if (languages != null && !languages.contains(r.language())) continue;
      for (int m = 0; m < 12; m++) {
        for (String s : r.months().get(m)) out.putIfAbsent(s, m + 1);
      }
    }
    return out;
  }

  /** The English spellings: the full names, then the abbreviations not already given, in table order. */
  static List<String> english() {
    return List.copyOf(numbers(Set.of("en")).keySet());
  }

  /** The month of an English abbreviation ({@code "sep"} -> 9), or 0. */
  public static int englishAbbreviation(String s) {
    for (Row r : ROWS) {
      if (!r.language().equals("en") || !r.form().equals("abbr")) continue;
      for (int m = 0; m < 12; m++) if (r.months().get(m).contains(s)) return m + 1;
    }
    return 0;
  }
}
