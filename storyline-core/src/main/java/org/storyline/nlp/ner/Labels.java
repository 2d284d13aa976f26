package org.storyline.nlp.ner;

import java.util.List;

/**
 * BILOU labels over the four CoNLL types: 0 is O; {@code 1 + 4*type + pos} with pos B=0, I=1, L=2, U=3.
 */
final class Labels {
  static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");
  static final int N = 17;
  static final int B = 0, I = 1, L = 2, U = 3;

  private Labels() {}

  static int of(int type, int pos) {
    return 1 + 4 * type + pos;
  }

  static int type(int label) {
    return label == 0 ? -1 : (label - 1) / 4;
  }

  static int pos(int label) {
    return label == 0 ? -1 : (label - 1) % 4;
  }

  private static final boolean[] ALLOWED = new boolean[N * N];

  static {
    for (int p = 0; p < N; p++) for (int q = 0; q < N; q++) ALLOWED[p * N + q] = allows(p, q);
  }

  /** Whether {@code next} may follow {@code prev} (0 = O also stands for the sentence start / end). */
  static boolean allowed(int prev, int next) {
    return ALLOWED[prev * N + next];
  }

  private static boolean allows(int prev, int next) {
    boolean open = prev != 0 && (pos(prev) == B || pos(prev) == I);
    if (open) return next != 0 && type(next) == type(prev) && (pos(next) == I || pos(next) == L);
    return next == 0 || pos(next) == B || pos(next) == U;
  }

  /** A label that can end a sentence. */
  static boolean closes(int label) {
    return label == 0 || pos(label) == L || pos(label) == U;
  }

  static String name(int label) {
    if (label == 0) return "O";
    return "BILU".charAt(pos(label)) + "-" + TYPES.get(type(label));
  }
}
