package org.storyline.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one word diff: a longest common subsequence of two lists of word keys, as the edit script that turns
 * {@code from} into {@code to}. Callers choose the words and their keys (quote variants compare lower-cased surface
 * tokens, punctuation marks included; the web UI compares whitespace-separated words without case and punctuation);
 * the alignment is the same code. Where two alignments are equally long the {@link Ties} rule decides which edit
 * comes first, so the result is deterministic. Stateless, thread-safe.
 *
 * <pre>{@code
 * List<WordDiff.Edit> e = WordDiff.diff(List.of("we", "need", "now"), List.of("we", "need", "them", "now"),
 *     WordDiff.Ties.REMOVED_FIRST);
 * // SAME 0 0, SAME 1 1, ADDED -1 2, SAME 2 3
 * }</pre>
 */
public final class WordDiff {
  private WordDiff() {}

  /** What happens to a word: kept in both, only in {@code to} (added), only in {@code from} (removed). */
  public enum Kind { SAME, ADDED, REMOVED }

  /** Which edit comes first where a removal and an addition give equally long alignments. */
  public enum Ties {
    /** Take the word of {@code from} out first (quote variants' changes). */
    REMOVED_FIRST,
    /** Put the word of {@code to} in first (the web UI's word marks). */
    ADDED_FIRST
  }

  /**
   * One step of the edit script: {@code from} is the index in the first list (-1 for an addition), {@code to} the
   * index in the second (-1 for a removal).
   */
  public record Edit(Kind kind, int from, int to) {
    public Edit {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The edit script from {@code from} to {@code to}, in order: every index of both lists appears once. */
  public static List<Edit> diff(List<String> from, List<String> to, Ties ties) {
    Objects.requireNonNull(ties, "ties");
    int n = from.size();
    int m = to.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = from.get(i).equals(to.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> out = new ArrayList<>(n + m);
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      boolean remove;
      if (i < n && j < m && from.get(i).equals(to.get(j))) {
        out.add(new Edit(Kind.SAME, i++, j++));
        continue;
      } else if (ties == Ties.REMOVED_FIRST) {
        remove = j == m || i < n && lcs[i + 1][j] >= lcs[i][j + 1];
      } else {
        remove = !(j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]));
      }
      if (remove) {
        out.add(new Edit(Kind.REMOVED, i++, -1));
      } else {
        out.add(new Edit(Kind.ADDED, -1, j++));
      }
    }
    return List.copyOf(out);
  }
}
