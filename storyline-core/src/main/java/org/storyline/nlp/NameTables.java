package org.storyline.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.storyline.resources.Resources;

/**
 * The data tables behind alias merging, from {@code names.txt}: role head nouns and modifiers, honorifics, name
 * variants of organisations and places, and descriptions that stand for a role holder ("the Kremlin leader").
 */
public final class NameTables {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+"); // compiled once (String.split compiles it per call)

  /** A description phrase, the role head its referent holds, and the place words that identify it. */
  public record Description(String phrase, String head, List<String> places) {}

  private final Set<String> heads = new HashSet<>();
  private final Set<String> mods = new HashSet<>();
  private final Set<String> honorifics = new HashSet<>();
  private final Map<String, String> aliasCanonical = new HashMap<>();
  private final Map<String, String> knownType = new HashMap<>();
  private final List<Description> descriptions = new ArrayList<>();

  private NameTables() {}

  private static final class Holder {
    static final NameTables DEFAULT = load();
  }

  public static NameTables defaults() {
    return Holder.DEFAULT;
  }

  private static NameTables load() {
    NameTables t = new NameTables();
    for (String line : Resources.entries(NameTables.class, "names.txt")) {
      int tab = line.indexOf('\t');
      if (tab < 0) continue;
      String kind = line.substring(0, tab);
      String[] vals = line.substring(tab + 1).split("\\|");
      switch (kind) {
        case "head" -> {
          for (String v : vals) t.heads.add(v.strip().toLowerCase(Locale.ROOT));
        }
        case "mod" -> {
          for (String v : vals) t.mods.add(v.strip().toLowerCase(Locale.ROOT));
        }
        case "honorific" -> {
          for (String v : vals) t.honorifics.add(v.strip().toLowerCase(Locale.ROOT));
        }
        case "alias" -> {
          for (String v : vals) t.aliasCanonical.putIfAbsent(key(v), vals[0].strip());
        }
        case "type" -> {
          for (int i = 1; i < vals.length; i++) t.knownType.put(key(vals[i]), vals[0].strip());
        }
        case "describe" -> {
          List<String> places = new ArrayList<>();
          for (int i = 2; i < vals.length; i++) places.add(vals[i].strip().toLowerCase(Locale.ROOT));
          t.descriptions.add(new Description(vals[0].strip(), vals[1].strip().toLowerCase(Locale.ROOT),
              List.copyOf(places)));
        }
        default -> { }
      }
  }
    return t;
  }

  public boolean isHead(String word) {
    return heads.contains(word.toLowerCase(Locale.ROOT));
  }

  public boolean isModifier(String word) {
    return mods.contains(word.toLowerCase(Locale.ROOT));
  }

  public boolean isHonorific(String word) {
    return honorifics.contains(word.toLowerCase(Locale.ROOT));
  }

  /** The canonical written form of a known organisation or place variant ("US" -> "United States"), or null. */
  public String canonicalAlias(String name) {
    return aliasCanonical.get(key(name));
  }

  /** The type a well-known name always has (news agencies, "Kremlin"), or null. */
  public String knownType(String name) {
    return knownType.get(key(name));
  }

  public List<Description> descriptions() {
    return descriptions;
  }

  /** Matching key of a non-person name: accents and periods dropped, lower case, no leading "the". */
  public static String key(String name) {
    String s = fold(name).replace(".", "").replace('\u2019', '\'');
    String[] w = SPACES.split(s.strip());
    for (int i = 0; i < w.length; i++) {
      if (w[i].equals("mt")) w[i] = "mount";
      if (w[i].equals("ft")) w[i] = "fort";
    }
    s = String.join(" ", w);
    if (s.startsWith("the ")) s = s.substring(4);
    return s;
  }

  /** Lower case without diacritics. */
  public static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD);
    return MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /**
   * A spelling key for personal names that unifies common transliteration variants: Zelenskyy / Zelensky /
   * Zelenskiy, Dmitry / Dmitri, Sergey / Sergei, Alexei / Aleksey, Wolodymyr / Volodymyr.
   */
  public static String nameKey(String word) {
    String f = fold(word);
    StringBuilder b = new StringBuilder(f.length());
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (Character.isLetter(c)) b.append(c);
    }
    String s = b.toString();
    s = s.replace("x", "ks").replace("ph", "f").replace("kh", "h").replace("ck", "k").replace("w", "v")
        .replace("sch", "sh").replace("tch", "ch").replace("ij", "y").replace("yy", "y");
    if (s.endsWith("iy") || s.endsWith("ii") || s.endsWith("yi")) s = s.substring(0, s.length() - 2) + "y";
    if (s.length() > 3 && s.endsWith("i")) s = s.substring(0, s.length() - 1) + "y";
    if (s.length() < 6) return s;
    StringBuilder d = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) if (i == 0 || s.charAt(i) != s.charAt(i - 1)) d.append(s.charAt(i));
    return d.toString();
  }

  /** Levenshtein distance, stopping early above {@code max}. */
  public static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) return max + 1;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) return max + 1;
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
