package org.storyline.cluster;

import java.util.Locale;

/** Range checks of the clustering configs: each failure names the config, the parameter, the range and the value. */
final class Check {
  private Check() {}

  private static IllegalArgumentException bad(String config, String name, String range, double x) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s: %s must be %s, got %s", config, name, range,
        x));
  }

  /** A finite weight, at least 0. */
  static void weight(String config, String name, double x) {
    nonNegative(config, name, x);
  }

  static void nonNegative(String config, String name, double x) {
    if (!(x >= 0) || Double.isInfinite(x)) throw bad(config, name, "a finite number >= 0", x);
  }

  static void positive(String config, String name, double x) {
    if (!(x > 0) || Double.isInfinite(x)) throw bad(config, name, "a finite number > 0", x);
  }

  /** A share in [0, 1] (containment, what is left of a bonus). */
  static void fraction(String config, String name, double x) {
    if (!(x >= 0 && x <= 1)) throw bad(config, name, "in [0, 1]", x);
  }

  /** A probability bar in (0, 1]. */
  static void probability(String config, String name, double x) {
    if (!(x > 0 && x <= 1)) throw bad(config, name, "in (0, 1] (to switch the rule off, leave it out)", x);
  }

  /** A cosine in [-1, 1]. */
  static void cosine(String config, String name, double x) {
    if (!(x >= -1 && x <= 1)) throw bad(config, name, "a cosine in [-1, 1]", x);
  }

  /** Any finite number. */
  static void finite(String config, String name, double x) {
    if (!Double.isFinite(x)) throw bad(config, name, "finite", x);
  }

  static void atLeastOne(String config, String name, int x) {
    if (x < 1) throw bad(config, name, "at least 1", x);
  }

  static void nonNegativeInt(String config, String name, int x) {
    if (x < 0) throw bad(config, name, "at least 0", x);
  }
}
