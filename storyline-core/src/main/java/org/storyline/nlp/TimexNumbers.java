package org.storyline.nlp;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Numbers and amounts in TIMEX values: a number as written ("three", "2 1/2", "twenty-five") as a value, a duration
 * value ("P3Y", "PT30M") from an amount and a unit code, a two-digit year, a direction word.
 */
final class TimexNumbers {
  private static final Pattern NUM_SPLIT = Pattern.compile("[\\s-]+");
  private final TimexTables t;

  TimexNumbers(TimexTables t) {
    this.t = Objects.requireNonNull(t);
  }

  String num(String s) {
    String k = TimexTables.key(s);
    if (k.isEmpty()) return null;
    if (Character.isDigit(k.charAt(0))) {
      if (k.endsWith("1/2")) return k.substring(0, k.indexOf(' ')) + ".5";
      String d = k.replace(",", "");
      if (d.contains(".")) {
        while (d.endsWith("0")) d = d.substring(0, d.length() - 1);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
      }
      return d;
    }
    String v = t.numbers.get(k);
    if (v != null) return v;
    String[] parts = NUM_SPLIT.split(k);
    if (parts.length == 2 && t.numbers.containsKey(parts[0]) && t.numbers.containsKey(parts[1])) {
      try {
        return String.valueOf(Integer.parseInt(t.numbers.get(parts[0])) + Integer.parseInt(t.numbers.get(parts[1])));
      } catch (NumberFormatException e) {
        return "X";
      }
    }
    return null;
  }

  static String durationValue(String n, String unit) {
    if (n == null) return null;
    if (n.endsWith(".5") && n.indexOf('.') == n.length() - 2) {
      String whole = n.substring(0, n.length() - 2);
      String w = whole.equals("0") ? "" : whole;
      switch (unit) {
        case "Y" -> {
          return "P" + (w.isEmpty() ? "" : w + "Y") + "6M";
        }
        case "D" -> {
          return "P" + (w.isEmpty() ? "" : w + "D") + "T12H";
        }
        case "H" -> {
          return "PT" + (w.isEmpty() ? "" : w + "H") + "30M";
        }
        case "MIN" -> {
          return "PT" + (w.isEmpty() ? "" : w + "M") + "30S";
        }
        default -> { }
      }
    }
    boolean vague = n.equals("X");
    String val = n;
    switch (unit) {
      case "H", "MIN", "S" -> {
        return "PT" + val + (unit.equals("MIN") ? "M" : unit);
      }
      case "DE" -> {
        return vague ? "PXDE" : "P" + times(val, 10) + "Y";
      }
      case "CE" -> {
        return vague ? "PXCE" : "P" + times(val, 100) + "Y";
      }
      case "ML" -> {
        return vague ? "PXML" : "P" + times(val, 1000) + "Y";
      }
      case "FN" -> {
        return vague ? "PXW" : "P" + times(val, 2) + "W";
      }
      default -> {
        return "P" + val + unit;
      }
    }
  }

  private static String times(String n, int k) {
    try {
      return String.valueOf(Integer.parseInt(n) * k);
    } catch (NumberFormatException e) {
      double d = Double.parseDouble(n) * k;
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }

  static int yearOf(String y) {
    int v = Integer.parseInt(y);
    if (y.length() == 2) v += v >= 50 ? 1900 : 2000;
    return v;
  }

  /** "last", "next", "this" or null from a prefix word. */
  static String direction(String pre) {
    if (pre == null) return null;
    String p = TimexTables.key(pre);
    if (p.equals("last") || p.equals("past") || p.equals("previous") || p.equals("this past")) return "last";
    if (p.equals("next") || p.equals("coming")) return "next";
    if (p.equals("this")) return "this";
    return null;
  }
}
