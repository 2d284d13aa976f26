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
 *       name; honorifics ("Mr.") are dropped ({@link MentionCleaner}).</li>
 *   <li>Full person names merge when their surnames have the same spelling key ({@link NameTables#nameKey}:
 *       Zelenskyy / Zelensky) or differ by one edit, and their first names agree (same key, an initial, or one
 *       edit). A lone surname ("Putin") joins the full name with that surname in the same article, else the most
 *       mentioned one in the collection.</li>
 *   <li>Other names merge on a key without case, accents, periods and "the", through the alias table ("U.S." /
 *       "US" / "United States") and their type in that article (the majority type of the name there), so "Milan"
 *       the club and "Milan" the city stay apart; a merged entity's type is the majority type.</li>
 *   <li>A description ("the Kremlin leader") becomes a mention of the person in that article holding the role it
 *       stands for ({@link DescriptionMentions}).</li>
 *   <li>The canonical name is the most complete form, then the most frequent; ids derive from type and name.</li>
 * </ul>
 * The tokens it reads are the recogniser's (in the pipeline, the annotated document's: {@link
 * org.storyline.document.AnnotatedArticle#tokens}). Deterministic: same input, same entities in the same order.
 * Thread-safe.
 */
public final class EntityLinker {
  /** The mentions found in one article, with its tokens. */
  public record ArticleMentions(String articleId, String text, List<Span> tokens,
      List<NamedEntityRecognizer.Found> found) {}

  private final NameTables tables;
  private final MentionCleaner cleaner;
  private final DescriptionMentions descriptions;

  public EntityLinker(NameTables tables) {
    this.tables = tables;
    this.cleaner = new MentionCleaner(tables);
    this.descriptions = new DescriptionMentions(tables);
  }

  public static EntityLinker defaults() {
    return new EntityLinker(NameTables.defaults());
  }

  /** A cleaned mention: the name span, its tokens, type and the roles seen with it. */
  record Raw(int article, int start, int end, String name, List<String> words, String type,
      List<String> roles) {}

  /** A growing entity. */
  static final class Group {
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

  static final Set<String> FUNCTION_WORDS = Set.of("although", "though", "because", "during", "under",
      "according", "including", "against", "between", "about", "over", "like", "unlike", "whether", "or", "nor",
      "meanwhile", "but", "and", "however", "when", "as",
      "after", "before", "while", "since", "so", "yet", "also", "then", "now", "if", "in", "on", "at", "for", "with",
      "by", "from", "to", "of", "the", "a", "an", "said", "says", "told", "asked", "'s", "both", "that",
      "this", "which", "who", "where");
  static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

  public List<Entity> link(List<ArticleMentions> articles) {
    List<List<Raw>> perArticle = new ArrayList<>();
    for (int a = 0; a < articles.size(); a++) perArticle.add(cleaner.clean(a, articles.get(a)));
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
      descriptions.describe(a, articles.get(a), peopleByArticle.getOrDefault(a, List.of()));
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
