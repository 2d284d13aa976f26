package org.storyline.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.model.Entity;
import org.storyline.model.Mention;

/**
 * Merges entity mentions within and across articles into canonical entities.
 *
 * <ul>
 *   <li>Titles and roles before a person's name ("Russian President", "U.S. Secretary of State", "Kremlin
 *       spokesman") and in an apposition after it (", the Kremlin spokesman,") are kept as roles, never in the
 *       name; honorifics ("Mr.") are dropped.</li>
 *   <li>Full person names merge when their surnames have the same spelling key ({@link NameTables#nameKey}:
 *       Zelenskyy / Zelensky) or differ by one edit, and their first names agree (same key, an initial, or one
 *       edit). A lone surname ("Putin") joins the full name with that surname in the same article, else the most
 *       mentioned one in the collection.</li>
 *   <li>Other names merge on a key without case, accents, periods and "the", through the alias table ("U.S." /
 *       "US" / "United States") and their type in that article (the majority type of the name there), so "Milan"
 *       the club and "Milan" the city stay apart; a merged entity's type is the majority type.</li>
 *   <li>A description ("the Kremlin leader") becomes a mention of the person in that article holding the role it
 *       stands for.</li>
 *   <li>The canonical name is the most complete form, then the most frequent; ids derive from type and name.</li>
 * </ul>
 * Deterministic: same input, same entities in the same order. Thread-safe.
 */
public final class EntityLinker {
  /** The mentions found in one article, with its tokens. */
  public record ArticleMentions(String articleId, String text, List<Span> tokens,
      List<NamedEntityRecognizer.Found> found) {}

  private final NameTables tables;

  public EntityLinker(NameTables tables) {
    this.tables = tables;
  }

  public static EntityLinker defaults() {
    return new EntityLinker(NameTables.defaults());
  }

  /** A cleaned mention: the name span, its tokens, type and the roles seen with it. */
  private record Raw(int article, int start, int end, String name, List<String> words, String type,
      List<String> roles) {}

  /** A growing entity. */
  private static final class Group {
    final String type;
    final List<Raw> mentions = new ArrayList<>();
    final Set<String> firstKeys = new LinkedHashSet<>();
    final Set<String> middles = new LinkedHashSet<>();
    String surnameKey;
    String fixedName;
    final List<Mention> extra = new ArrayList<>();
    final Map<Integer, Integer> perArticle = new HashMap<>();
    final int order;

    void add(Raw r) {
      mentions.add(r);
      perArticle.merge(r.article(), 1, Integer::sum);
    }

    Group(String type, int order) {
      this.type = type;
      this.order = order;
    }
  }

  private static final Set<String> FUNCTION_WORDS = Set.of("although", "though", "because", "during", "under",
      "according", "including", "against", "between", "about", "over", "like", "unlike", "whether", "or", "nor",
      "meanwhile", "but", "and", "however", "when", "as",
      "after", "before", "while", "since", "so", "yet", "also", "then", "now", "if", "in", "on", "at", "for", "with",
      "by", "from", "to", "of", "the", "a", "an", "said", "says", "told", "asked", "'s", "both", "that",
      "this", "which", "who", "where");
  private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

  public List<Entity> link(List<ArticleMentions> articles) {
    List<List<Raw>> perArticle = new ArrayList<>();
    for (int a = 0; a < articles.size(); a++) perArticle.add(clean(a, articles.get(a)));
    List<Group> groups = new ArrayList<>();
    // 1. full person names
    Map<String, List<Group>> bySurname = new HashMap<>();
    Map<String, List<String>> initials = new HashMap<>();
    for (List<Raw> raws : perArticle) {
      for (Raw r : raws) {
        if (!r.type().equals("PER") || r.words().size() < 2) continue;
        String sk = NameTables.nameKey(r.words().get(r.words().size() - 1));
        String fk = NameTables.nameKey(r.words().get(0));
        String mid = middle(r.words());
        Group g = findPerson(bySurname, initials, sk, fk, mid);
        if (g == null) {
          g = new Group("PER", groups.size());
          g.surnameKey = sk;
          groups.add(g);
          bySurname.computeIfAbsent(sk, k -> new ArrayList<>()).add(g);
          if (sk.length() >= 4) initials.computeIfAbsent(sk.substring(0, 2), k -> new ArrayList<>()).add(sk);
        }
        g.firstKeys.add(fk);
        if (!mid.isEmpty()) g.middles.add(mid);
        g.add(r);
      }
    }
    Map<Integer, List<Group>> fullByArticle = new HashMap<>();
    for (Group g : groups) {
      for (int art : new java.util.TreeSet<>(g.perArticle.keySet())) {
        fullByArticle.computeIfAbsent(art, x -> new ArrayList<>()).add(g);
      }
    }
    // 2. lone surnames (and single words of other types that are a person's surname in the same article)
    Map<String, Group> singles = new HashMap<>();
    Map<String, Group> others = new LinkedHashMap<>();
    Map<Integer, Map<String, Group>> lastWords = new HashMap<>();
    Map<String, List<Group>> surnameMemo = new HashMap<>(); // the surname index is complete from here on
    List<Map<String, String>> articleTypes = new ArrayList<>(); // per article: name key -> its majority type there
    for (List<Raw> raws : perArticle) {
      Map<String, Map<String, Integer>> counts = new HashMap<>();
      for (Raw r : raws) {
        if (r.type().equals("PER")) continue;
        String canon = tables.canonicalAlias(r.name());
        counts.computeIfAbsent(NameTables.key(canon != null ? canon : r.name()), x -> new java.util.TreeMap<>())
            .merge(r.type(), 1, Integer::sum);
      }
      Map<String, String> major = new HashMap<>();
      for (var e : counts.entrySet()) {
        String best = null;
        for (var t : e.getValue().entrySet()) if (best == null || t.getValue() > e.getValue().get(best)) best = t.getKey();
        major.put(e.getKey(), best);
      }
      articleTypes.add(major);
    }
    for (int pass = 0; pass < 2; pass++) {
    for (int a = 0; a < perArticle.size(); a++) {
      for (Raw r : perArticle.get(a)) {
        boolean per = r.type().equals("PER");
        if (per && r.words().size() >= 2) continue;
        boolean multi = !per && r.words().size() >= 2;
        if (multi != (pass == 0)) continue;
        Group target = null;
        if (r.words().size() == 1) {
          String sk = NameTables.nameKey(r.words().get(0));
          List<Group> named = surnameMemo.computeIfAbsent(sk, x -> candidates(bySurname, initials, x));
          target = surnameGroup(named, a, per);
          // "the Biden administration": a name used as a modifier (tagged MISC) is the one person of that surname
          if (target == null && r.type().equals("MISC") && named.size() == 1) target = named.get(0);
          if (target == null && per) {
            // a lone first name ("Saddam") of exactly one person named in full in this article
            Group only = null;
            int n = 0;
            for (Group g : fullByArticle.getOrDefault(a, List.of())) {
              if (g.firstKeys.contains(sk)) {
                only = g;
                n++;
              }
            }
            if (n == 1) target = only;
          }
          if (target == null && per) {
            target = singles.get(sk);
            if (target == null) {
              target = new Group("PER", groups.size());
              target.surnameKey = sk;
              groups.add(target);
              singles.put(sk, target);
            }
          }
        }
        if (target == null && per) {
          // a one-word PER that is no surname we know, or a longer one we could not split: by its own key
          String k = "PER|" + NameTables.key(r.name());
          target = others.computeIfAbsent(k, x -> {
            Group g = new Group("PER", groups.size());
            groups.add(g);
            return g;
          });
        }
        if (target == null && !per && r.words().size() == 1) {
          // "Camry" after "Toyota Camry", "Commission" after "European Commission" in the same article
          String w = r.words().get(0);
          if (Character.isUpperCase(w.charAt(0)) && !NerWords.allUpper(w)) {
            target = lastWords.getOrDefault(a, Map.of()).get(w);
          }
        }
        if (target == null) {
          String canon = tables.canonicalAlias(r.name());
          String nk = NameTables.key(canon != null ? canon : r.name());
          // one entity per name and type: "Milan" the club (ORG in a match report) is not "Milan" the city; within
          // an article the name takes its majority type there
          String k = "X|" + linkClass(articleTypes.get(a).getOrDefault(nk, r.type())) + "|" + nk;
          target = others.computeIfAbsent(k, x -> {
            Group g = new Group(r.type(), groups.size());
            g.fixedName = canon;
            groups.add(g);
            return g;
          });
        }
        target.add(r);
        if (multi) {
          lastWords.computeIfAbsent(a, x -> new HashMap<>()).putIfAbsent(r.words().get(r.words().size() - 1), target);
        }
      }
    }
    }
    // 3. acronyms: "IAEA" joins "International Atomic Energy Agency" when an article names both
    mergeAcronyms(others);
    // 4. descriptions ("the Kremlin leader")
    Map<Integer, List<Group>> peopleByArticle = new HashMap<>();
    for (Group g : groups) {
      if (!g.type.equals("PER")) continue;
      for (int art : new java.util.TreeSet<>(g.perArticle.keySet())) {
        peopleByArticle.computeIfAbsent(art, x -> new ArrayList<>()).add(g);
      }
    }
    for (int a = 0; a < articles.size(); a++) {
      describe(a, articles.get(a), peopleByArticle.getOrDefault(a, List.of()));
    }
    return build(articles, groups);
  }

  /** Small word-shape helpers. */
  private static final class NerWords {
    static boolean allUpper(String w) {
      boolean any = false;
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isLowerCase(c)) return false;
        if (Character.isUpperCase(c)) any = true;
      }
      return any;
    }
  }

  private static final Set<String> ACRONYM_SKIP = Set.of("of", "the", "and", "for", "de", "du", "des", "la", "le",
      "&", "on", "in");

  private static void mergeAcronyms(Map<String, Group> others) {
    Map<String, Group> byAcronym = new HashMap<>();
    for (Group g : others.values()) {
      if (g.type.equals("PER")) continue;
      for (Raw r : g.mentions) {
        if (r.words().size() == 1 && r.name().length() >= 3 && r.name().chars().allMatch(Character::isUpperCase)) {
          byAcronym.putIfAbsent(r.name(), g);
        }
      }
    }
    if (byAcronym.isEmpty()) return;
    for (Group g : others.values()) {
      if (g.type.equals("PER") || g.mentions.isEmpty()) continue;
      Set<String> acronyms = new LinkedHashSet<>();
      for (Raw r : g.mentions) {
        if (r.words().size() < 3) continue;
        StringBuilder b = new StringBuilder();
        boolean ok = true;
        for (String w : r.words()) {
          if (ACRONYM_SKIP.contains(w.toLowerCase(Locale.ROOT))) continue;
          if (!Character.isUpperCase(w.charAt(0))) ok = false;
          b.append(w.charAt(0));
        }
        if (ok && b.length() >= 3) acronyms.add(b.toString());
      }
      for (String a : acronyms) {
        Group h = byAcronym.get(a);
        if (h == null || h == g || h.mentions.isEmpty()) continue;
        if (h.perArticle.keySet().stream().noneMatch(g.perArticle::containsKey)) continue;
        for (Raw r : h.mentions) g.add(r);
        h.mentions.clear();
        h.perArticle.clear();
        if (g.fixedName == null && h.fixedName != null) g.fixedName = null;
      }
    }
  }

  private Group findPerson(Map<String, List<Group>> bySurname, Map<String, List<String>> initials, String sk,
      String fk, String mid) {
    List<Group> cands = candidates(bySurname, initials, sk);
    cands.sort(Comparator.comparingInt(g -> g.order));
    for (Group g : cands) {
      if (!mid.isEmpty() && !g.middles.isEmpty() && !g.middles.contains(mid)) continue;
      for (String f : g.firstKeys) if (firstCompatible(f, fk)) return g;
    }
    // a one-letter slip in a shorter surname ("Duncan Rait" / "Duncan Raite") when the first names agree exactly
    if (sk.length() >= 4 && fk.length() >= 3) {
      for (String k : initials.getOrDefault(sk.substring(0, 2), List.of())) {
        if (k.equals(sk) || Math.abs(k.length() - sk.length()) > 1 || NameTables.distance(k, sk, 1) > 1) continue;
        for (Group g : bySurname.get(k)) {
          if (g.firstKeys.contains(fk) && (mid.isEmpty() || g.middles.isEmpty() || g.middles.contains(mid))) return g;
        }
      }
    }
    return null;
  }

  /** Groups whose surname key is {@code sk}, or (keys of six letters or more) one edit from it. */
  private static List<Group> candidates(Map<String, List<Group>> bySurname, Map<String, List<String>> initials,
      String sk) {
    List<Group> cands = new ArrayList<>(bySurname.getOrDefault(sk, List.of()));
    if (sk.length() >= 6) {
      List<String> sameStart = initials.getOrDefault(sk.substring(0, 2), List.of());
      for (String k : sameStart) {
        if (Math.abs(k.length() - sk.length()) > 1) continue;
        if (!k.equals(sk) && NameTables.distance(k, sk, 1) <= 1) cands.addAll(bySurname.get(k));
      }
    }
    return cands;
  }

  /** Initials of the middle names: "George H. W. Bush" -> "HW"; "" when none. */
  private static String middle(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < words.size() - 1; i++) {
      String w = words.get(i);
      if (w.length() <= 4 && w.indexOf('.') > 0) {
        for (int k = 0; k < w.length(); k++) if (Character.isUpperCase(w.charAt(k))) b.append(w.charAt(k));
      } else if (Character.isUpperCase(w.charAt(0))) {
        b.append(w.charAt(0));
      }
    }
    return b.toString();
  }

  private static boolean firstCompatible(String a, String b) {
    if (a.equals(b)) return true;
    if (a.isEmpty() || b.isEmpty()) return false;
    if ((a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) return true;
    return Math.min(a.length(), b.length()) >= 4 && NameTables.distance(a, b, 1) <= 1;
  }

  /** The person a lone surname refers to: same article first, else (for PER mentions) the most mentioned. */
  private static Group surnameGroup(List<Group> cands, int article, boolean per) {
    if (cands.isEmpty()) return null;
    Group best = null;
    long bestN = 0;
    for (Group g : cands) {
      long n = g.perArticle.getOrDefault(article, 0);
      if (n > bestN || n == bestN && n > 0 && best != null && g.order < best.order) {
        best = g;
        bestN = n;
      }
    }
    if (best != null && bestN > 0) return best;
    if (!per) return null;
    for (Group g : cands) {
      if (best == null || g.mentions.size() > best.mentions.size()
          || g.mentions.size() == best.mentions.size() && g.order < best.order) {
        best = g;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------------------------------------------- cleaning

  private List<Raw> clean(int a, ArticleMentions am) {
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
      out.add(new Raw(a, s, e, name.replaceAll("\\s+", " "), words, type, roles));
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

  // ------------------------------------------------------------------------------------------------ descriptions

  private void describe(int a, ArticleMentions am, List<Group> groups) {
    String text = am.text();
    String lower = text.toLowerCase(Locale.ROOT);
    // "the Kremlin spokesman" after "Kremlin spokesman Dmitry Peskov": a role of two or more words that exactly one
    // person holds in this article
    Map<String, Group> roleHolder = new LinkedHashMap<>();
    Set<String> shared = new HashSet<>();
    for (Group g : groups) {
      for (Raw r : g.mentions) {
        if (r.article() != a) continue;
        for (String role : r.roles()) {
          if (role.indexOf(' ') < 0) continue;
          String lr = role.toLowerCase(Locale.ROOT);
          Group prev = roleHolder.putIfAbsent(lr, g);
          if (prev != null && prev != g) shared.add(lr);
        }
      }
    }
    for (var e : roleHolder.entrySet()) {
      if (shared.contains(e.getKey())) continue;
      String phrase = "the " + e.getKey();
      for (int i = lower.indexOf(phrase); i >= 0; i = lower.indexOf(phrase, i + 1)) {
        int st = i + 4;
        int en = i + phrase.length();
        if (i > 0 && Character.isLetter(text.charAt(i - 1))) continue;
        if (en < text.length() && Character.isLetterOrDigit(text.charAt(en))) continue;
        // not when a name follows: "the Kremlin spokesman Dmitry Peskov" is the name's own role
        int k = en;
        while (k < text.length() && text.charAt(k) == ' ') k++;
        if (k > en && k < text.length() && Character.isUpperCase(text.charAt(k))) continue;
        e.getValue().extra.add(new Mention(am.articleId(), st, en, text.substring(st, en)));
      }
    }
    for (NameTables.Description d : tables.descriptions()) {
      String phrase = "the " + d.phrase().toLowerCase(Locale.ROOT);
      int from = 0;
      while (true) {
        int i = lower.indexOf(phrase, from);
        if (i < 0) break;
        from = i + phrase.length();
        int s = i + 4;
        int e = i + phrase.length();
        if (e < text.length() && Character.isLetter(text.charAt(e))) continue;
        Group best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Group g : groups) {
          if (!g.type.equals("PER")) continue;
          int score = 0;
          for (Raw r : g.mentions) {
            if (r.article() != a) continue;
            for (String role : r.roles()) {
              String lr = role.toLowerCase(Locale.ROOT);
              if (!containsWord(lr, d.head())) continue;
              boolean place = d.places().stream().anyMatch(p -> containsWord(lr, p));
              score = Math.max(score, place ? 2 : lr.equals(d.head()) ? 1 : 0);
            }
          }
          if (score > bestScore) {
            best = g;
            bestScore = score;
            tie = false;
          } else if (score == bestScore && score > 0) {
            tie = true;
          }
        }
        if (best == null || tie) continue;
        if (bestScore == 1 && d.places().stream().noneMatch(p -> containsWord(lower, p))) continue;
        best.extra.add(new Mention(am.articleId(), s, e, text.substring(s, e)));
      }
    }
  }

  private static boolean containsWord(String hay, String w) {
    int i = hay.indexOf(w);
    while (i >= 0) {
      boolean l = i == 0 || !Character.isLetter(hay.charAt(i - 1));
      int e = i + w.length();
      boolean r = e >= hay.length() || !Character.isLetter(hay.charAt(e));
      if (l && r) return true;
      i = hay.indexOf(w, i + 1);
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------------ output

  private List<Entity> build(List<ArticleMentions> articles, List<Group> groups) {
    record Built(Entity e, int article, int start) {}
    List<Built> built = new ArrayList<>();
    Map<String, Integer> articleIndex = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) articleIndex.putIfAbsent(articles.get(i).articleId(), i);
    for (Group g : groups) {
      if (g.mentions.isEmpty()) continue;
      Map<String, Integer> freq = new LinkedHashMap<>();
      Map<String, Integer> typeCount = new HashMap<>();
      Set<String> roles = new LinkedHashSet<>();
      List<Mention> mentions = new ArrayList<>();
      for (Raw r : g.mentions) {
        freq.merge(r.name(), 1, Integer::sum);
        typeCount.merge(r.type(), 1, Integer::sum);
        roles.addAll(r.roles());
        mentions.add(new Mention(articles.get(r.article()).articleId(), r.start(), r.end(), r.name()));
      }
      mentions.addAll(g.extra);
      String type = g.type;
      if (!type.equals("PER")) {
        type = typeCount.entrySet().stream().max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow().getKey();
      }
      String name = g.fixedName != null ? g.fixedName : canonical(freq);
      List<String> aliases = new ArrayList<>(freq.keySet());
      aliases.sort(Comparator.<String>comparingInt(x -> -freq.get(x)).thenComparing(Comparator.naturalOrder()));
      if (!aliases.contains(name)) aliases.add(0, name);
      mentions.sort(Comparator.<Mention>comparingInt(m -> articleIndex.getOrDefault(m.article(), 0))
          .thenComparingInt(Mention::start).thenComparingInt(Mention::end));
      Mention first = mentions.get(0);
      built.add(new Built(new Entity("", name, type, aliases, List.copyOf(roles), mentions),
          articleIndex.getOrDefault(first.article(), 0), first.start()));
    }
    built.sort(Comparator.comparingInt(Built::article).thenComparingInt(Built::start)
        .thenComparing(b -> b.e().name()));
    Set<String> ids = new HashSet<>();
    List<Entity> out = new ArrayList<>(built.size());
    for (Built b : built) {
      Entity e = b.e();
      String base = e.type().toLowerCase(Locale.ROOT) + ":" + slug(e.name());
      String id = base;
      for (int n = 2; !ids.add(id); n++) id = base + "-" + n;
      out.add(new Entity(id, e.name(), e.type(), e.aliases(), e.roles(), e.mentions()));
    }
    return out;
  }

  /**
   * The most complete frequent form: a form of two or more words when there is one, the most frequent of those,
   * then the one with most words, the longest, the first alphabetically.
   */
  private static String canonical(Map<String, Integer> freq) {
    return freq.keySet().stream().max(Comparator.<String>comparingInt(s -> s.indexOf(' ') > 0 ? 1 : 0)
        .thenComparingInt(freq::get).thenComparingInt(s -> s.split(" ").length).thenComparingInt(String::length)
        .thenComparing(Comparator.reverseOrder())).orElseThrow();
  }

  /**
   * The stable key of an entity across reports and ingests: its type in lower case, a colon and its canonical name
   * folded to a slug ({@code per:jane-holt}); the base of the ids a report gives (which add {@code -2}, {@code -3}
   * only to tell apart two entities of one report with the same key).
   */
  public static String key(String type, String name) {
    return type.toLowerCase(java.util.Locale.ROOT) + ":" + slug(name);
  }

  static String slug(String name) {
    String f = NameTables.fold(name);
    StringBuilder b = new StringBuilder();
    boolean dash = false;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (dash && b.length() > 0) b.append('-');
        b.append(c);
        dash = false;
      } else if (c != '.' && c != '\'' && c != '\u2019') {
        dash = true;
      }
    }
    return b.isEmpty() ? "x" : b.toString();
  }

  /**
   * The type class names link within: LOC and MISC are one (a place's name used as a modifier, "US diplomats", is
   * tagged MISC and is still the place), ORG stays apart ("Milan" the club is not "Milan" the city).
   */
  private static String linkClass(String type) {
    return type.equals("MISC") ? "LOC" : type;
  }
}
