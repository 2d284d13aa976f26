package org.storyline.extract.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast matcher for class/id keyword tables (faster than a regex alternation, which tries every alternative at
 * every position). Entries: {@code word} matches as a substring, {@code =word} as a whole token (tokens split on
 * anything but letters and digits), {@code ^word} at the start. In an entry, {@code ~} stands for "", "-" or "_".
 * Input must be lower case.
 */
final class Keywords {
  private final String[][] byFirst = new String[128][];
  private final List<String> nonAscii = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();

  Keywords(String... entries) {
    List<List<String>> buckets = new ArrayList<>();
    for (int i = 0; i < 128; i++) buckets.add(new ArrayList<>());
    for (String entry : entries) {
      for (String e : expand(entry)) {
        if (e.startsWith("=")) tokens.add(e.substring(1));
        else if (e.startsWith("^")) prefixes.add(e.substring(1));
        else if (e.charAt(0) < 128) buckets.get(e.charAt(0)).add(e);
        else nonAscii.add(e);
      }
    }
    for (int i = 0; i < 128; i++) if (!buckets.get(i).isEmpty()) byFirst[i] = buckets.get(i).toArray(String[]::new);
  }

  private static List<String> expand(String e) {
    int i = e.indexOf('~');
    if (i < 0) return List.of(e);
    List<String> out = new ArrayList<>();
    for (String sep : new String[] {"", "-", "_"}) out.addAll(expand(e.substring(0, i) + sep + e.substring(i + 1)));
    return out;
  }

  boolean matches(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        String[] b = byFirst[c];
        if (b != null) for (String k : b) if (s.startsWith(k, i)) return true;
      }
    }
    for (String k : nonAscii) if (s.contains(k)) return true;
    for (String k : prefixes) if (s.startsWith(k)) return true;
    if (!tokens.isEmpty()) {
      int start = -1;
      for (int i = 0; i <= n; i++) {
        boolean word = i < n && Character.isLetterOrDigit(s.charAt(i));
        if (word && start < 0) start = i;
        else if (!word && start >= 0) {
          for (String k : tokens) if (k.length() == i - start && s.startsWith(k, start)) return true;
          start = -1;
        }
      }
    }
    return false;
  }
}
