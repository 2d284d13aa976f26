package org.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.storyline.resources.Resources;

/**
 * Page furniture in scraped text, from the table {@code boilerplate.tsv} (ads, teaser labels, newsletter sign-ups,
 * sharing widgets, captions, footers) plus navigation lines made only of section names ({@code nav.txt}).
 * Immutable, thread-safe.
 */
final class Boilerplate {
  enum Kind { DROP, LABEL, FOOTER, CAPTION }

  /** A rule; {@code needs}: groups of strings, one of each group in the lower-cased line, else it cannot match. */
  private record Rule(Kind kind, Pattern pattern, String[][] needs) {
    boolean mayMatch(String lower) {
      for (String[] any : needs) {
        boolean found = false;
        for (String x : any) {
          if (lower.contains(x)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    }
  }

  private static final Pattern NAV_SPLIT = Pattern.compile("[\\s|•·/>»›]+");
  private final List<Rule> rules = new ArrayList<>();
  private final Set<String> nav;

  Boilerplate(WireList wires) {
    String wireAlt = wires.listAlternation();
    for (String line : Resources.entries(Boilerplate.class, "boilerplate.tsv")) {
      int tab = line.indexOf('\t');
      if (tab < 0) continue;
      Kind kind = Kind.valueOf(line.substring(0, tab).strip().toUpperCase(Locale.ROOT));
      String rest = line.substring(tab + 1);
      int tab2 = rest.indexOf('\t');
      String re = (tab2 < 0 ? rest : rest.substring(0, tab2)).strip().replace("WIRES", wireAlt);
      String[][] needs = tab2 < 0 ? new String[0][] : java.util.Arrays.stream(rest.substring(tab2 + 1).strip()
          .split("\\s+&\\s+")).map(g -> g.strip().split("\\s+")).toArray(String[][]::new);
      rules.add(new Rule(kind, Pattern.compile(re, Pattern.CASE_INSENSITIVE), needs));
    }
    nav = Set.copyOf(Resources.entries(Boilerplate.class, "nav.txt").stream()
        .map(s -> s.toLowerCase(Locale.ROOT))
        .toList());
  }

  /** The kind of boilerplate this (markdown-free, trimmed) line is, or null when it is not boilerplate. */
  Kind classify(String line) {
    if (line.length() > 450) return null; // every rule is bounded below this length
    String lower = line.toLowerCase(Locale.ROOT);
    for (Rule r : rules) {
      if (r.mayMatch(lower) && r.pattern.matcher(line).matches()) return r.kind;
    }
    return isNavigation(line) ? Kind.DROP : null;
  }

  /** True when every word of the line is a section name ("World News", "India"). */
  boolean onlySectionWords(String line) {
    String[] toks = NAV_SPLIT.split(line.strip());
    if (toks.length == 0 || line.isBlank()) return false;
    for (String t : toks) {
      if (!nav.contains(t.toLowerCase(Locale.ROOT))) return false;
    }
    return true;
  }

  /** A line made only of section names: "Home Video Shorts Live TV", "World | Business | Tech". */
  boolean isNavigation(String line) {
    if (line.length() > 200) return false;
    String[] toks = NAV_SPLIT.split(line.strip());
    if (toks.length < 3) return false;
    for (String t : toks) {
      if (!nav.contains(t.toLowerCase(Locale.ROOT))) return false;
    }
    return true;
  }
}
