package org.storyline.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words and small phrase helpers that {@link EventPhrase} (the happening a dated sentence states) and
 * {@link ReportedSpeech} (the happening a reporting verb governs) share: the action table ({@code actions.tsv}), the
 * word lists that bound a subject or an object, the token record, and building an object, a plural test and a join.
 * Deterministic and thread-safe (the table is read once, then only read).
 */
final class PhraseWords {
  private PhraseWords() {}

  record Action(String present, String base, String kind, boolean noun) {}

  /** The action table: a word form (verb or noun) -> its present and base forms and its kind. */
  static final Map<String, Action> ACTIONS = load();
  /** Words that end an object or a subject: conjunctions, relatives and prepositions that start another idea. */
  static final Set<String> STOPS = Set.of("that", "which", "who", "whom", "following", "after", "since", "amid",
      "because", "while", "as", "but", "despite", "when", "where", "saying", "calling", "although", "though", "if",
      "before", "until", "and", "or");
  /** Words before an action word that make it a noun ("a new comment"), not the clause's verb. */
  static final Set<String> DETERMINERS = Set.of("a", "an", "the", "his", "her", "its", "their", "this",
      "that", "new", "first", "our", "my", "your", "of", "for", "in", "at", "with", "between", "to", "on", "after");
  static final Set<String> AUX = Set.of("has", "have", "had", "was", "were", "is", "are", "be", "been", "will",
      "would", "could", "should", "may", "might", "did", "does", "do", "also", "not", "reportedly", "eventually");
  static final Set<String> DATE_PREPS = Set.of("on", "in", "at", "by", "during", "earlier", "late", "early");
  private static final Set<String> TRAILING = Set.of("the", "a", "an", "of", "to", "in", "at", "on", "for", "and",
      "his", "her", "its", "their", "from", "by", "with", "about");
  static final Set<String> PREPOSITIONS = Set.of("of", "to", "in", "at", "on", "for", "over", "with", "by",
      "from", "about", "into", "against", "between", "under", "across");
  static final int MAX_SUBJECT = 8;
  private static final int MAX_OBJECT = 10;

  record Tok(String text, String lower, int start, int end) {
    boolean boundary() {
      return text.length() == 1 && ",;:\u2014\u2013()\"\u201c\u201d".indexOf(text.charAt(0)) >= 0;
    }
  }

  /** A capitalised action word inside a name ("Security Council", "Talks") is not the verb unless it starts a sentence. */
  static boolean capitalisedNoun(List<Tok> toks, int i) {
    return i > 0 && Character.isUpperCase(toks.get(i).text.charAt(0));
  }

  /**
   * The object of the action word at {@code v}: the words after it (for speech, after its "that") up to a boundary or
   * a stop word, the date's tokens {@code [ti, tj)} skipped, cut back to a preposition at the length limit.
   */
  static List<Tok> object(List<Tok> toks, int v, int ti, int tj, boolean speech) {
    int from = v + 1;
    if (speech) {
      // "Rubio said Tuesday after meeting with Lavrov that both ...": what was said
      for (int i = v + 1; i < Math.min(toks.size(), v + 10); i++) {
        if (toks.get(i).boundary()) break;
        if (toks.get(i).lower.equals("that")) {
          from = i + 1;
          break;
        }
      }
    }
    List<Tok> out = new ArrayList<>();
    for (int i = from; i < toks.size() && out.size() < MAX_OBJECT; i++) {
      Tok t = toks.get(i);
      if (i >= ti && i < tj) {
        if (!out.isEmpty() && DATE_PREPS.contains(out.get(out.size() - 1).lower)) out.remove(out.size() - 1);
        continue;
      }
      if (t.boundary()) break;
      if (STOPS.contains(t.lower) && !(t.lower.equals("and") && out.size() > 0 && i + 1 < toks.size()
          && Character.isUpperCase(toks.get(i + 1).text.charAt(0)))) {
        break;
      }
      out.add(t);
    }
    // cut at the length limit: leave out the unfinished phrase ("to resolve disputes over their respective")
    if (out.size() >= MAX_OBJECT) {
      for (int i = out.size() - 1; i > 1; i--) {
        if (PREPOSITIONS.contains(out.get(i).lower)) {
          out = new ArrayList<>(out.subList(0, i));
          break;
        }
      }
    }
    // a date preposition just before a date that was skipped ("met on Tuesday")
    trimTrailing(out);
    return out;
  }

  static void trimTrailing(List<Tok> out) {
    while (!out.isEmpty() && (TRAILING.contains(out.get(out.size() - 1).lower) || DATE_PREPS.contains(out.get(
        out.size() - 1).lower))) {
      out.remove(out.size() - 1);
    }
  }

  private static final Set<String> COUNTS = Set.of("two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "dozens", "hundreds", "thousands", "several", "many");

  static boolean plural(List<Tok> subject) {
    if (subject.isEmpty()) return false;
    for (Tok t : subject) if (t.lower.equals("and")) return true;
    // "three Russian attack aircraft", "20 vans": a count above one before the head
    String first = subject.get(0).lower;
    if (subject.size() > 1 && (COUNTS.contains(first) || first.matches("\\d+") && !first.equals("1"))) return true;
    String head = subject.get(subject.size() - 1).lower;
    for (Tok t : subject) {
      if (Set.of("of", "from", "at", "in").contains(t.lower)) {
        head = subject.get(Math.max(0, subject.indexOf(t) - 1)).lower;
        break;
      }
    }
    return head.length() > 3 && head.endsWith("s") && !head.endsWith("ss") && !head.endsWith("us")
        && !head.endsWith("'s") && !head.endsWith("\u2019s") && Character.isLowerCase(head.charAt(0))
        || Set.of("they", "we", "both", "police", "people", "aircraft", "personnel").contains(head);
  }

  static String join(List<Tok> toks) {
    StringBuilder b = new StringBuilder();
    for (Tok t : toks) {
      if (b.length() > 0) b.append(' ');
      b.append(t.text);
    }
    return b.toString();
  }

  private static Map<String, Action> load() {
    Map<String, Action> out = new HashMap<>();
    Map<String, Action> present = new java.util.TreeMap<>();
    try (InputStream in = PhraseWords.class.getResourceAsStream("/org/storyline/events/actions.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t");
        if (f.length != 5) throw new IllegalStateException("actions.tsv: 5 columns expected: " + line);
        out.put(f[0], new Action(f[1], f[2], f[3], f[4].equals("n")));
        // the present form of a verb is a verb form too ("Clinton blames ...", the tense of headlines and leads)
        if (f[4].equals("v") && !f[1].contains(" ")) present.put(f[1], new Action(f[1], f[2], f[3], false));
      }
      for (var e : present.entrySet()) out.putIfAbsent(e.getKey(), e.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
