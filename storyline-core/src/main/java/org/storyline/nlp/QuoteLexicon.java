package org.storyline.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.resources.Resources;

/**
 * The word tables the quote stage works from (resources under {@code org/storyline/nlp/quotes/}): speech verbs,
 * cue objects, platforms, pronouns, role-noun classes, titles, organisation words, places, first names with
 * gender, abbreviations. Loaded once; immutable.
 */
public final class QuoteLexicon {
  /** verb form (lower case) -> lemma. */
  final Map<String, String> speechVerbs;
  final Set<String> cueObjects;
  /** platform names, as word lists ("Truth Social" -> [Truth, Social]). */
  final List<List<String>> platforms;
  /** pronoun (lower case) -> gender m/f/n followed by number s/p, e.g. "ms". */
  final Map<String, String> pronouns;
  /** role noun (lower case) -> its classes. */
  final Map<String, Set<String>> roleClasses;
  /** word -> affiliation group index. */
  final Map<String, Integer> affiliations;
  final Set<String> titles;
  final Set<String> orgWords;
  final Set<String> places;
  final Set<String> functionWords;
  final Set<String> adverbs;
  /** first name -> 'm' or 'f'. */
  final Map<String, Character> firstNames;
  final Set<String> abbreviations;
  final Set<String> genericSources;
  final Set<String> determiners;

  private static final QuoteLexicon DEFAULT = load();

  private QuoteLexicon(Map<String, String> speechVerbs, Set<String> cueObjects, List<List<String>> platforms,
      Map<String, String> pronouns, Map<String, Set<String>> roleClasses, Map<String, Integer> affiliations,
      Set<String> titles, Set<String> orgWords, Set<String> places, Set<String> functionWords, Set<String> adverbs,
      Map<String, Character> firstNames, Set<String> abbreviations, Set<String> genericSources,
      Set<String> determiners) {
    this.speechVerbs = Map.copyOf(speechVerbs);
    this.cueObjects = Set.copyOf(cueObjects);
    this.platforms = List.copyOf(platforms);
    this.pronouns = Map.copyOf(pronouns);
    this.roleClasses = Map.copyOf(roleClasses);
    this.affiliations = Map.copyOf(affiliations);
    this.titles = Set.copyOf(titles);
    this.orgWords = Set.copyOf(orgWords);
    this.places = Set.copyOf(places);
    this.functionWords = Set.copyOf(functionWords);
    this.adverbs = Set.copyOf(adverbs);
    this.firstNames = Map.copyOf(firstNames);
    this.abbreviations = Set.copyOf(abbreviations);
    this.genericSources = Set.copyOf(genericSources);
    this.determiners = Set.copyOf(determiners);
  }

  /** The bundled tables. */
  public static QuoteLexicon defaults() {
    return DEFAULT;
  }

  private static QuoteLexicon load() {
    Map<String, String> verbs = new HashMap<>();
    for (String line : lines("speech-verbs.txt")) {
      String[] w = line.split("\\s+");
      for (String f : w) verbs.put(f.toLowerCase(Locale.ROOT), w[0].toLowerCase(Locale.ROOT));
    }
    Set<String> cueObjects = new HashSet<>();
    for (String line : lines("cue-objects.txt")) cueObjects.add(line.toLowerCase(Locale.ROOT));
    List<List<String>> platforms = new ArrayList<>();
    for (String line : lines("platforms.txt")) platforms.add(List.of(line.split("\\s+")));
    Map<String, String> pronouns = new HashMap<>();
    for (String line : lines("pronouns.txt")) {
      String[] w = line.split("\\s+");
      pronouns.put(w[0].toLowerCase(Locale.ROOT), w[1] + w[2]);
    }
    Map<String, Set<String>> roles = new HashMap<>();
    for (String line : lines("role-nouns.txt")) {
      int c = line.indexOf(':');
      String cls = line.substring(0, c).trim();
      for (String w : line.substring(c + 1).trim().split("\\s+")) {
        roles.computeIfAbsent(w.toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(cls);
      }
    }
    Map<String, Set<String>> frozenRoles = new HashMap<>();
    roles.forEach((k, v) -> frozenRoles.put(k, Set.copyOf(v)));
    Map<String, Integer> aff = new HashMap<>();
    List<String> affLines = lines("affiliations.txt");
    for (int i = 0; i < affLines.size(); i++) {
      for (String w : affLines.get(i).split("\\s+")) aff.putIfAbsent(w.toLowerCase(Locale.ROOT), i);
    }
    Map<String, Character> first = new HashMap<>();
    for (String line : lines("first-names.txt")) {
      char g = line.charAt(0);
      for (String w : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) first.putIfAbsent(w, g);
    }
    return new QuoteLexicon(verbs, cueObjects, platforms, pronouns, frozenRoles, aff,
        lowerWords("titles.txt"), words("org-words.txt"), words("places.txt"), words("function-words.txt"),
        lowerWords("adverbs.txt"), first, words("abbreviations.txt"), lowerWords("generic-sources.txt"),
        lowerWords("determiners.txt"));
  }

  private static Set<String> words(String name) {
    Set<String> s = new HashSet<>();
    for (String line : lines(name)) for (String w : line.split("\\s+")) s.add(w);
    return s;
  }

  private static Set<String> lowerWords(String name) {
    Set<String> s = new HashSet<>();
    for (String line : lines(name)) for (String w : line.split("\\s+")) s.add(w.toLowerCase(Locale.ROOT));
    return s;
  }

  private static List<String> lines(String name) {
    return Resources.entries(QuoteLexicon.class, "/org/storyline/nlp/quotes/" + name);
  }
}
