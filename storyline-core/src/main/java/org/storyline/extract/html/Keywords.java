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
  private final List<String> nonAscii = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();

  /**
   * The substring entries that are all ASCII, as an Aho-Corasick automaton: one table step per input character,
   * whatever the number of entries. {@code symbol} maps an ASCII character to its column (0: in no entry),
   * {@code next[state * width + column]} is the next state, {@code hit[state]} whether an entry ends there.
   */
  private final byte[] symbol = new byte[128];
  private final int width;
  private final int[] next;
  private final boolean[] hit;

  Keywords(String... entries) {
    List<String> ascii = new ArrayList<>();
    for (String entry : entries) {
      for (String e : expand(entry)) {
        if (e.startsWith("=")) tokens.add(e.substring(1));
        else if (e.startsWith("^")) prefixes.add(e.substring(1));
        else if (e.chars().allMatch(c -> c < 128)) ascii.add(e);
        else nonAscii.add(e);
      }
    }
    int columns = 1;
    for (String e : ascii) for (char c : e.toCharArray()) if (symbol[c] == 0) symbol[c] = (byte) columns++;
    width = columns;
    // the trie: goto[state][column], -1 when absent
    List<int[]> go = new ArrayList<>();
    List<Boolean> end = new ArrayList<>();
    go.add(newRow(width));
    end.add(false);
    for (String e : ascii) {
      int st = 0;
      for (char c : e.toCharArray()) {
        int col = symbol[c];
        if (go.get(st)[col] < 0) {
          go.get(st)[col] = go.size();
          go.add(newRow(width));
          end.add(false);
        }
        st = go.get(st)[col];
      }
      end.set(st, true);
    }
    int states = go.size();
    next = new int[states * width];
    hit = new boolean[states];
    int[] fail = new int[states];
    // breadth first: a state's failure link and row are complete before its children's
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
    for (int col = 0; col < width; col++) {
      int t = go.get(0)[col];
      next[col] = t < 0 ? 0 : t;
      if (t > 0) queue.add(t);
    }
    hit[0] = end.get(0);
    while (!queue.isEmpty()) {
      int st = queue.poll();
      hit[st] = end.get(st) || hit[fail[st]];
      for (int col = 0; col < width; col++) {
        int t = go.get(st)[col];
        if (t < 0) {
          next[st * width + col] = next[fail[st] * width + col];
        } else {
          fail[t] = next[fail[st] * width + col];
          next[st * width + col] = t;
          queue.add(t);
        }
      }
    }
  }

  private static int[] newRow(int width) {
    int[] r = new int[width];
    java.util.Arrays.fill(r, -1);
    return r;
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
    int st = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      st = next[st * width + (c < 128 ? symbol[c] : 0)];
      if (hit[st]) return true;
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
