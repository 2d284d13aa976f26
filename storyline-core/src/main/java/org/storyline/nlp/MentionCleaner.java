package org.storyline.nlp;

import static org.storyline.nlp.EntityLinker.FUNCTION_WORDS;
import static org.storyline.nlp.EntityLinker.SUFFIXES;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.storyline.nlp.EntityLinker.ArticleMentions;
import org.storyline.nlp.EntityLinker.Raw;

/**
 * The first step of entity linking, and where roles are read: each mention the recogniser found in one article
 * becomes a clean name span ({@link EntityLinker}'s {@code Raw}) with its words, its type and the roles written with
 * it. Titles and roles before a person's name ("Russian President", "U.S. Secretary of State") and in an apposition
 * after it (", the Kremlin spokesman,") become roles, never part of the name; honorifics, function words, trailing
 * punctuation and possessives are trimmed; an office after a place ("US Consul General") is a role, not a name;
 * "U.S.-Russia" splits into its places when both are tagged places in the article; the name tables' known types
 * override the tagger's. Reads the article's tokens (the annotated document's, shared with the recogniser).
 * Stateless apart from its tables; thread-safe.
 */
final class MentionCleaner {
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private final NameTables tables;

  MentionCleaner(NameTables tables) {
    this.tables = tables;
  }

  List<Raw> clean(int a, ArticleMentions am) {
    List<Raw> out = new ArrayList<>();
    String text = am.text();
    List<Span> toks = am.tokens();
    int[] starts = new int[toks.size()];
    for (int i = 0; i < starts.length; i++) starts[i] = toks.get(i).start();
    boolean[] inPer = new boolean[toks.size()];
    for (NamedEntityRecognizer.Found f : am.found()) {
      if (!f.type().equals("PER")) continue;
      int k = java.util.Arrays.binarySearch(starts, f.start());
      for (; k >= 0 && k < toks.size() && toks.get(k).end() <= f.end(); k++) inPer[k] = true;
    }
    // names the tagger calls places somewhere in this article ("U.S.", "Russia"), to split "U.S.-Russia" talks
    Set<String> locNames = new HashSet<>();
    for (NamedEntityRecognizer.Found f : am.found()) {
      if (f.type().equals("LOC")) locNames.add(text.substring(f.start(), f.end()));
    }
    for (NamedEntityRecognizer.Found f : am.found()) {
      int ti = java.util.Arrays.binarySearch(starts, f.start());
      if (ti < 0) continue;
      int tj = ti;
      while (tj < toks.size() && toks.get(tj).end() <= f.end()) tj++;
      if (tj == ti) continue;
      List<String> roles = new ArrayList<>();
      String type = f.type();
      // "US President Donald Trump" tagged as one mention (of any type): the title part becomes a role and the
      // one to three capitalised words after it a person
      for (int p = tj - 1; p > ti && p >= tj - 3; p--) {
        String w = toks.get(p).text(text);
        if (!Character.isUpperCase(w.charAt(0)) || tables.isHead(w) || tables.isModifier(w)) break;
        String before = toks.get(p - 1).text(text);
        if (!Character.isUpperCase(before.charAt(0)) || !(tables.isHead(before) || tables.isModifier(before))) continue;
        String r = role(text, toks, ti, p);
        if (r == null) continue;
        roles.add(r);
        type = "PER";
        ti = p;
        break;
      }
      boolean per = type.equals("PER");
      // leading honorifics and (for people) titles inside the mention
      int lead = ti;
      while (lead < tj - 1) {
        String w = toks.get(lead).text(text);
        if (tables.isHonorific(w) || FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
          lead++;
        } else if (per && tables.isHead(w)) {
          lead++;
        } else {
          break;
        }
      }
      int trail = tj;
      while (trail > lead + 1 && (isPunct(toks.get(trail - 1).text(text))
          || isPossessive(toks.get(trail - 1).text(text)))) {
        trail--;
      }
      while (lead < trail - 1 && isPunct(toks.get(lead).text(text))) lead++;
      if (per) {
        String left = leftRole(text, toks, lead, inPer);
        if (left != null) roles.add(left);
        String right = rightRole(text, toks, tj);
        if (right != null) roles.add(right);
      }
      // an organisation or thing followed by a role ("US Consul General", "Federal Reserve Chairman"): the office
      // holder is no entity of its own, the name before the role is
      if (!per && trail - lead >= 2 && office(toks.get(trail - 1).text(text))) {
        int keep = trail;
        while (keep > lead + 1 && office(toks.get(keep - 1).text(text))) keep--;
        String rest = text.substring(toks.get(lead).start(), toks.get(keep - 1).end());
        if (!office(toks.get(keep - 1).text(text))
            && (locNames.contains(rest) || tables.canonicalAlias(rest) != null)) {
          trail = keep;
        }
      }
      List<String> words = new ArrayList<>();
      for (int k = lead; k < trail; k++) {
        String w = toks.get(k).text(text);
        if (per && k > lead && k == trail - 1 && SUFFIXES.contains(w.toLowerCase(Locale.ROOT))) continue;
        words.add(w);
      }
      int s = toks.get(lead).start();
      int e = toks.get(trail - 1).end();
      // a lone initial at the end of a sentence ("said on X.") keeps no full stop
      if (words.size() == 1 && INITIAL.matcher(words.get(0)).matches()) {
        e--;
        words.set(0, words.get(0).substring(0, 1));
      }
      String name = text.substring(s, e);
      if (!plausible(name)) continue;
      if (name.indexOf(' ') < 0 && splitCompound(a, s, name, locNames, out)) continue;
      String known = tables.knownType(name);
      if (known != null && !known.equals(type)) {
        type = known;
        per = type.equals("PER");
        if (!per) roles.clear();
      }
      if (!per && !type.equals("LOC") && words.size() >= 2 && placeName(words)) type = "LOC";
      if (per) {
        // words without a capital (a tagging slip) make no name
        boolean allCap = words.stream().allMatch(w -> !Character.isLetter(w.charAt(0))
            || Character.isUpperCase(w.charAt(0)));
        if (!allCap) continue;
      }
      out.add(new Raw(a, s, e, SPACES.matcher(name).replaceAll(" "), words, type, roles));
    }
    return out;
  }

  private static final java.util.regex.Pattern INITIAL = java.util.regex.Pattern.compile("\\p{Lu}\\.");

  /** Words that make a name a place when they end it ("Corsica River") or open it ("Lake Tahoe"). */
  private static final Set<String> PLACE_LAST = Set.of("river", "lake", "bay", "sea", "ocean", "island", "islands",
      "mountain", "mountains", "valley", "peninsula", "strait", "canyon", "desert", "creek", "harbor", "harbour",
      "county", "province", "district", "region", "coast");
  /** Office words that, after a place ("US Consul General"), make a role rather than part of a name. */
  private static final Set<String> OFFICES = Set.of("consul", "general", "ambassador", "envoy", "president",
      "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "commissioner",
      "prosecutor", "attorney", "premier", "chancellor");

  private static boolean office(String w) {
    return OFFICES.contains(w.toLowerCase(Locale.ROOT));
  }

  private static final Set<String> PLACE_FIRST = Set.of("lake", "mount", "mt.", "cape", "isle");

  private static boolean placeName(List<String> words) {
    String last = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
    String first = words.get(0).toLowerCase(Locale.ROOT);
    return PLACE_LAST.contains(last) || PLACE_FIRST.contains(first);
  }

  /**
   * A one-token compound of places ("U.S.-Russia talks"): when every hyphen-separated part is tagged a place
   * elsewhere in the article, each part becomes a place mention of its own. Returns whether it split.
   */
  private static boolean splitCompound(int a, int start, String name, Set<String> locNames, List<Raw> out) {
    if (name.indexOf('-') <= 0) return false;
    String[] parts = name.split("-", -1);
    if (parts.length < 2) return false;
    for (String p : parts) if (!locNames.contains(p)) return false;
    int at = start;
    for (String p : parts) {
      out.add(new Raw(a, at, at + p.length(), p, List.of(p), "LOC", List.of()));
      at += p.length() + 1;
    }
    return true;
  }

  private static boolean isPossessive(String w) {
    return w.equals("'s") || w.equals("\u2019s") || w.equals("'S");
  }

  private static boolean isPunct(String w) {
    return w.length() == 1 && !Character.isLetterOrDigit(w.charAt(0));
  }

  private static boolean plausible(String name) {
    if (name.length() > 80) return false;
    for (int i = 0; i < name.length(); i++) if (Character.isUpperCase(name.charAt(i))) return true;
    for (int i = 0; i < name.length(); i++) if (Character.isDigit(name.charAt(i))) return true;
    return false;
  }

  private boolean roleWord(String w) {
    if (w.isEmpty()) return false;
    if (tables.isHead(w) || tables.isModifier(w)) return true;
    char c = w.charAt(0);
    return Character.isUpperCase(c) && !FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT));
  }

  /** The role written right before the name ("Russian President", "U.S. Secretary of State"), or null. */
  private String leftRole(String text, List<Span> toks, int nameStart, boolean[] inPer) {
    int j = nameStart - 1;
    int lim = Math.max(0, nameStart - 8);
    while (j >= lim) {
      String w = toks.get(j).text(text);
      boolean glued = j + 1 < toks.size() && toks.get(j).end() == toks.get(j + 1).start() && w.length() == 1;
      if (w.equals("'s") || w.equals("\u2019s")) {
        j--;
        continue;
      }
      if (glued || !roleWord(w) || inPer[j]) break;
      if (toks.get(j + 1).start() - toks.get(j).end() > 1 && text.substring(toks.get(j).end(), toks.get(j + 1).start())
          .contains("\n")) break;
      j--;
    }
    return role(text, toks, j + 1, nameStart);
  }

  /** An apposition after the name: ", the Kremlin spokesman," -> "Kremlin spokesman"; or null. */
  private String rightRole(String text, List<Span> toks, int nameEnd) {
    if (nameEnd >= toks.size() || !toks.get(nameEnd).text(text).equals(",")) return null;
    int j = nameEnd + 1;
    int lim = Math.min(toks.size(), j + 9);
    int lastHead = -1;
    int from = j;
    while (j < lim) {
      String w = toks.get(j).text(text);
      String lw = w.toLowerCase(Locale.ROOT);
      if (j == from && (lw.equals("the") || lw.equals("a") || lw.equals("an"))) {
        from++;
        j++;
        continue;
      }
      if (w.equals("'s") || w.equals("\u2019s")) {
        j++;
        continue;
      }
      if (!roleWord(w)) break;
      if (tables.isHead(w)) lastHead = j;
      j++;
    }
    if (lastHead < 0) return null;
    String next = j < toks.size() ? toks.get(j).text(text) : ".";
    if (!(next.equals(",") || next.equals(".") || next.equals(")") || next.equals(";"))) return null;
    return role(text, toks, from, j);
  }

  /** Tokens {@code [a, b)} as a role if they hold a head noun; leading function words trimmed. */
  private String role(String text, List<Span> toks, int a, int b) {
    while (a < b) {
      String w = toks.get(a).text(text).toLowerCase(Locale.ROOT);
      if (FUNCTION_WORDS.contains(w) || w.equals("'s") || w.equals("\u2019s")) a++;
      else break;
    }
    if (a >= b) return null;
    boolean head = false;
    for (int k = a; k < b; k++) if (tables.isHead(toks.get(k).text(text))) head = true;
    if (!head) return null;
    return text.substring(toks.get(a).start(), toks.get(b - 1).end()).replaceAll("\\s+", " ");
  }

}
