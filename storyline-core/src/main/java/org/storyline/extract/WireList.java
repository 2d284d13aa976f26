package org.storyline.extract;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.storyline.resources.Resources;

/** Wire services and agencies (resource {@code wires.txt}). Immutable, thread-safe. */
final class WireList {
  private final List<String> names;
  private final Set<String> lower;

  WireList() {
    names = Resources.entries(WireList.class, "wires.txt");
    lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  boolean isWire(String name) {
    return name != null && lower.contains(name.strip().toLowerCase(Locale.ROOT));
  }

  /** Regex alternation of all names, longest first, each name bounded by non-letters. */
  String alternation() {
    return names.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
        .map(Pattern::quote).collect(Collectors.joining("|", "(?<![\\p{L}])(?:", ")(?![\\p{L}])"));
  }

  /** A list of wire names: "AFP", "AP and Reuters", "Reuters/AFP". */
  String listAlternation() {
    String one = alternation();
    return one + "(?:\\s*(?:,|and|&|/)\\s*" + one + ")*";
  }
}
