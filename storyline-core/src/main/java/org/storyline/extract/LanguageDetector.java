package org.storyline.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.resources.Resources;

/**
 * Small, fast, deterministic language identification (ISO 639-1). The writing system decides first (Hangul -> ko,
 * kana -> ja, Han -> zh, Greek -> el, Hebrew -> he, Devanagari -> hi, Thai -> th, ...); within Latin, Cyrillic and
 * Arabic script, function-word profiles ({@code stopwords.tsv}) vote. Returns null when the text gives too little
 * evidence. Build once and share: immutable and thread-safe.
 *
 * <pre>{@code
 * String lang = new LanguageDetector().detect(article.text()); // "en", "de", ... or null
 * }</pre>
 */
public final class LanguageDetector {
  private static final int MAX_CHARS = 6_000;
  private static final int MIN_HITS = 3;
  /** English clitics after an apostrophe ("men's", "don't"): not words of their own. */
  private static final Set<String> CLITICS = Set.of("s", "t", "d", "m", "ll", "re", "ve");
  private static final Map<Character.UnicodeScript, String> SCRIPT_LANG = new EnumMap<>(Map.ofEntries(
      Map.entry(Character.UnicodeScript.GREEK, "el"), Map.entry(Character.UnicodeScript.HEBREW, "he"),
      Map.entry(Character.UnicodeScript.DEVANAGARI, "hi"), Map.entry(Character.UnicodeScript.BENGALI, "bn"),
      Map.entry(Character.UnicodeScript.TAMIL, "ta"), Map.entry(Character.UnicodeScript.TELUGU, "te"),
      Map.entry(Character.UnicodeScript.KANNADA, "kn"), Map.entry(Character.UnicodeScript.MALAYALAM, "ml"),
      Map.entry(Character.UnicodeScript.GUJARATI, "gu"), Map.entry(Character.UnicodeScript.GURMUKHI, "pa"),
      Map.entry(Character.UnicodeScript.THAI, "th"), Map.entry(Character.UnicodeScript.GEORGIAN, "ka"),
      Map.entry(Character.UnicodeScript.ARMENIAN, "hy"), Map.entry(Character.UnicodeScript.HANGUL, "ko"),
      Map.entry(Character.UnicodeScript.KHMER, "km"), Map.entry(Character.UnicodeScript.LAO, "lo"),
      Map.entry(Character.UnicodeScript.MYANMAR, "my"), Map.entry(Character.UnicodeScript.SINHALA, "si"),
      Map.entry(Character.UnicodeScript.ETHIOPIC, "am")));

  private record Profile(String lang, Character.UnicodeScript script, Set<String> words) {}

  private final List<Profile> profiles = new ArrayList<>();
  /** word -> indices of the profiles that list it. */
  private final Map<String, int[]> index = new HashMap<>();

  public LanguageDetector() {
    for (String line : Resources.entries(LanguageDetector.class, "stopwords.tsv")) {
      String[] f = line.split("\t");
      if (f.length != 2) continue;
      Set<String> words = new HashSet<>(List.of(f[1].strip().split("\\s+")));
      Character.UnicodeScript script = Character.UnicodeScript.of(f[1].strip().codePointAt(0));
      profiles.add(new Profile(f[0].strip(), script, Set.copyOf(words)));
    }
    for (int p = 0; p < profiles.size(); p++) {
      for (String word : profiles.get(p).words()) {
        int[] old = index.get(word);
        int[] now = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
        now[now.length - 1] = p;
        index.put(word, now);
      }
    }
  }

  /** The ISO 639-1 code of the text's language, or null when unsure (too short, mixed, unknown). */
  public String detect(String text) {
    if (text == null || text.isBlank()) return null;
    String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    Map<Character.UnicodeScript, Integer> scripts = new EnumMap<>(Character.UnicodeScript.class);
    int letters = 0;
    int ascii = 0; // ASCII letters, all Latin: counted apart, without a look-up and a boxed sum each
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 128) {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ascii++;
        continue;
      }
      if (!Character.isLetter(cp)) continue;
      letters++;
      scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
    }
    letters += ascii;
    if (ascii > 0) scripts.merge(Character.UnicodeScript.LATIN, ascii, Integer::sum);
    if (letters < 10) return null;
    int kana = scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
        + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
    int han = scripts.getOrDefault(Character.UnicodeScript.HAN, 0);
    Character.UnicodeScript top = null;
    int best = 0;
    for (var e : scripts.entrySet()) { // EnumMap iterates in a fixed order: deterministic ties
      if (e.getValue() > best) {
        best = e.getValue();
        top = e.getKey();
      }
    }
    if (kana + han > letters / 2) return kana * 20 >= kana + han ? "ja" : "zh";
    if (top == null || best * 2 < letters) return null;
    String direct = SCRIPT_LANG.get(top);
    if (direct != null) return direct;
    return byFunctionWords(t, top);
  }

  private String byFunctionWords(String t, Character.UnicodeScript script) {
    int[] hits = new int[profiles.size()];
    int tokens = 0;
    int start = -1;
    String lower = t.toLowerCase(Locale.ROOT);
    for (int i = 0; i <= lower.length(); i++) {
      boolean letter = i < lower.length() && (Character.isLetter(lower.charAt(i)) || lower.charAt(i) == '\u200C');
      if (letter && start < 0) start = i;
      if (!letter && start >= 0) {
        String w = lower.substring(start, i);
        boolean clitic = start > 0 && (lower.charAt(start - 1) == '\'' || lower.charAt(start - 1) == '\u2019')
            && CLITICS.contains(w);
        start = -1;
        if (clitic) continue; // "Men's": the "s" is no Czech or Slovak preposition
        tokens++;
        int[] ps = index.get(w);
        if (ps != null) {
          for (int p : ps) if (profiles.get(p).script() == script) hits[p]++;
        }
      }
    }
    String lang = null;
    int best = 0;
    for (int p = 0; p < profiles.size(); p++) { // table order breaks ties
      if (hits[p] > best) {
        best = hits[p];
        lang = profiles.get(p).lang();
      }
    }
    if (best < MIN_HITS || best * 20 < tokens) return null;
    return lang;
  }
}
