package org.storyline.events;

import static org.storyline.events.PhraseWords.ACTIONS;
import static org.storyline.events.PhraseWords.AUX;
import static org.storyline.events.PhraseWords.DATE_PREPS;
import static org.storyline.events.PhraseWords.DETERMINERS;
import static org.storyline.events.PhraseWords.MAX_SUBJECT;
import static org.storyline.events.PhraseWords.PREPOSITIONS;
import static org.storyline.events.PhraseWords.STOPS;
import static org.storyline.events.PhraseWords.capitalisedNoun;
import static org.storyline.events.PhraseWords.join;
import static org.storyline.events.PhraseWords.object;
import static org.storyline.events.PhraseWords.plural;
import static org.storyline.events.PhraseWords.trimTrailing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.storyline.events.PhraseWords.Action;
import org.storyline.events.PhraseWords.Tok;

/**
 * The happening a reporting verb governs ({@link EventPhrase}): "X said (that) Y", "X said, \"Y\"" and "\"Y,\" X
 * said" report Y, so an event's short what is Y's own action with its subject (a pronoun stands for the speaker) and
 * object, or, when Y has no action word of the table or holds a modal or a negation, the speaker's words in headline
 * style ("Mayor Jane Holt: we need pumps"). "announced", "warned" and "reported" report only with "that".
 * Stateless.
 */
final class ReportedSpeech {
  private ReportedSpeech() {}

  /** Whether the lower-case verb form only reports what someone said (or may, with "that"). */
  static boolean reports(String lower) {
    return REPORTING.contains(lower) || THAT_ONLY.contains(lower);
  }

  /** Verbs that only report what someone said: the happening is what they govern, their complement. */
  private static final Set<String> REPORTING = Set.of("said", "says", "told", "tells", "stated", "states", "added",
      "adds", "claimed", "claims", "confirmed", "confirms", "insisted", "insists", "contended", "contends");
  /** Verbs that report a happening only with "that" ("announced that ..."), else they are one ("announced a ban"). */
  private static final Set<String> THAT_ONLY = Set.of("announced", "announces", "warned", "warns", "reported",
      "reports", "revealed", "reveals");
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i");
  /** Words a complement clause may run to before it is cut (the shortest clause that states the happening). */
  private static final int MAX_COMPLEMENT = 16;

  /**
   * The happening a reporting verb at {@code v} governs, as a short phrase: its complement clause (after "that", or
   * what follows the verb when it opens a clause, or the clause before "..., X said"), with the clause's own action,
   * its subject (a pronoun stands for the speaker) and object when it has an action word of the table, else the
   * clause's first words up to a conjunction; null when no complement is found (then the speech phrase stays).
   */
  static String complement(List<Tok> toks, int v, int ti, int tj, List<Tok> speaker) {
    int from = -1;
    for (int i = v + 1; i < Math.min(toks.size(), v + 12); i++) {
      if (toks.get(i).boundary()) break;
      if (toks.get(i).lower().equals("that")) {
        // "in a meeting that was broadcast": a relative clause, not what was said
        if (i + 1 < toks.size() && (AUX.contains(toks.get(i + 1).lower()) || ACTIONS.containsKey(toks.get(i + 1).lower()))) {
          break;
        }
        from = i + 1;
        break;
      }
    }
    int to = toks.size();
    boolean unquoted = false;
    if (from < 0 && THAT_ONLY.contains(toks.get(v).lower())) return null;
    if (from < 0) {
      int i = v + 1;
      while (i < toks.size() && (i >= ti && i < tj || DATE_PREPS.contains(toks.get(i).lower()) && i + 1 >= ti
          && i + 1 < tj)) {
        i++;
      }
      int after = i;
      while (after < toks.size() && toks.get(after).boundary()) after++;
      // "Putin said, 'The first contacts ...'": the words after the verb's comma or colon
      boolean right = i < toks.size() && toks.get(i).boundary() && after < toks.size();
      // "'We will rebuild,' the mayor said (at the town hall)": the clause before the speaker
      int s = v - 1;
      while (s >= 0 && !toks.get(s).boundary()) s--;
      int e = s;
      while (e >= 0 && toks.get(e).boundary()) e--;
      if (right) {
        from = after;
      } else if (e >= 0 && v - s <= MAX_SUBJECT && closesQuote(toks, e + 1, s)) {
        // the quote from its opening mark to its first comma
        int b = e;
        while (b > 0 && !QUOTE_MARKS.contains(toks.get(b - 1).text())) b--;
        from = b;
        to = e + 1;
      } else if (e >= 0 && v - s <= MAX_SUBJECT && i >= toks.size() && toks.get(s).text().equals(",")) {
        // "The army sent two trucks on Tuesday, a spokesman said.": the clause before the speaker, unquoted; it
        // must hold an action of its own (else "In Paris, the minister said" would report "In Paris")
        int b = e;
        while (b > 0 && !toks.get(b - 1).boundary()) b--;
        from = b;
        to = e + 1;
        unquoted = true;
      } else if (i >= toks.size() || toks.get(i).boundary()) {
        return null;
      } else {
        Tok t = toks.get(i);
        // "said his country needs ...": a clause opens right after the verb; "says at the town hall" does not
        boolean opens = PRONOUNS.contains(t.lower()) || Set.of("the", "his", "her", "its", "their", "a", "an", "there")
            .contains(t.lower()) || Character.isUpperCase(t.text().charAt(0));
        if (!opens || toks.get(v).lower().startsWith("tel") || toks.get(v).lower().equals("told")) return null;
        from = i;
      }
    }
    List<Tok> clause = new ArrayList<>();
    for (int i = from; i < to && clause.size() <= MAX_COMPLEMENT; i++) {
      Tok t = toks.get(i);
      if (i >= ti && i < tj) {
        if (!clause.isEmpty() && DATE_PREPS.contains(clause.get(clause.size() - 1).lower())) {
          clause.remove(clause.size() - 1);
        }
        continue;
      }
      if (t.boundary()) {
        // quote marks inside the clause ("contact gives \u201csome hope\u201d") do not end it
        if (clause.isEmpty() || QUOTE_MARKS.contains(t.text())) continue;
        break;
      }
      clause.add(t);
    }
    boolean cut = clause.size() > MAX_COMPLEMENT;
    if (cut) clause.remove(clause.size() - 1);
    if (clause.size() < 2) return null;
    // the clause's own action: its subject and object
    for (int k = 0; k < clause.size(); k++) {
      int at = toks.indexOf(clause.get(k));
      Action a = ACTIONS.get(toks.get(at).lower());
      // after the clause's subject ("the tram derailed"): a verb form not right after a determiner is the verb
      if (k == 0 || a == null || a.noun() || a.kind().equals("say") || capitalisedNoun(toks, at)
          || DETERMINERS.contains(toks.get(at - 1).lower())) {
        continue;
      }
      List<Tok> subj = new ArrayList<>(clause.subList(0, k));
      // "Ukraine should never have started": a modal or a negation is part of what is said, the clause stays whole
      if (subj.stream().anyMatch(t -> MODALS.contains(t.lower()))) break;
      while (!subj.isEmpty() && AUX.contains(subj.get(subj.size() - 1).lower())) subj.remove(subj.size() - 1);
      if (subj.isEmpty() || subj.size() > MAX_SUBJECT) break;
      if (Set.of("and", "or").contains(subj.get(subj.size() - 1).lower())) break;
      if (subj.stream().anyMatch(t -> STOPS.contains(t.lower()) && !t.lower().equals("and"))) break;
      String who = join(subj);
      boolean byName = false;
      if (subj.size() == 1 && Set.of("he", "she", "it", "they").contains(subj.get(0).lower())) {
        String name = Set.of("he", "she").contains(subj.get(0).lower()) ? speakerName(speaker) : speakerPhrase(speaker);
        if (name != null) {
          who = name;
          byName = true;
        }
      }
      List<Tok> obj = object(toks, at, ti, tj, false);
      boolean plural = byName ? plural(speaker) : plural(subj)
          || Set.of("they", "we", "i").contains(subj.get(0).lower()) && subj.size() == 1;
      return who + " " + (plural ? a.base() : a.present()) + (obj.isEmpty() ? "" : " " + join(obj));
    }
    if (unquoted) return null;
    // no action word of the table: the speaker's words, headline style ("Jane Holt: we need pumps"), the clause to
    // its first subordinate conjunction
    List<Tok> out = new ArrayList<>();
    for (Tok t : clause) {
      if (out.size() >= 3 && STOPS.contains(t.lower()) && !t.lower().equals("and") && !t.lower().equals("or")) break;
      // "and said ...": a second predicate, another statement
      int at = toks.indexOf(t);
      if (out.size() >= 3 && (t.lower().equals("and") || t.lower().equals("or")) && at + 1 < toks.size()
          && ACTIONS.containsKey(toks.get(at + 1).lower())) {
        break;
      }
      out.add(t);
    }
    // cut at the length limit: leave out the unfinished phrase ("related to Hillary Clinton's private")
    if (cut && out.size() == clause.size()) {
      for (int i = out.size() - 1; i > 2; i--) {
        if (PREPOSITIONS.contains(out.get(i).lower())) {
          out = new ArrayList<>(out.subList(0, i));
          break;
        }
      }
    }
    trimTrailing(out);
    if (out.size() < 2) return null;
    String name = Set.of("he", "she").contains(out.get(0).lower()) ? speakerName(speaker)
        : Set.of("it", "they").contains(out.get(0).lower()) ? speakerPhrase(speaker) : null;
    if (name != null) return name + " " + join(out.subList(1, out.size()));
    String first = out.get(0).text();
    // the first word in lower case unless it is a name or "I" (a capital after a colon reads as a new sentence)
    if (out.size() > 1 && (PRONOUNS.contains(out.get(0).lower()) && !first.equals("I") || Set.of("the", "a", "an",
        "there", "this", "these", "our", "my", "their", "his", "her", "its").contains(out.get(0).lower()))) {
      first = out.get(0).lower();
    }
    String words = first + " " + join(out.subList(1, out.size()));
    return speaker.isEmpty() ? words : join(speaker) + ": " + words;
  }

  private static final Set<String> MODALS = Set.of("will", "would", "could", "should", "may", "might", "must",
      "can", "not", "never", "cannot", "won't", "can't");
  private static final Set<String> QUOTE_MARKS = Set.of("\"", "\u201c", "\u201d");

  /** The speech's subject for "it" or "they" ("Syria said it supports" -> "Syria"), or null when it is a pronoun. */
  private static String speakerPhrase(List<Tok> speaker) {
    if (speaker.isEmpty() || speaker.size() == 1 && PRONOUNS.contains(speaker.get(0).lower())) return null;
    return join(speaker);
  }

  /** Whether the boundary marks {@code toks[from..to]} close a quote. */
  private static boolean closesQuote(List<Tok> toks, int from, int to) {
    for (int i = from; i <= to && i < toks.size(); i++) {
      if (toks.get(i).text().equals("\"") || toks.get(i).text().equals("\u201d")) return true;
    }
    return false;
  }

  /** The speaker's name for a pronoun: the last capitalised word of the speech's subject ("Putin"), or null. */
  private static String speakerName(List<Tok> speaker) {
    for (int i = speaker.size() - 1; i >= 0; i--) {
      String w = speaker.get(i).text();
      if (Character.isUpperCase(w.charAt(0)) && !PRONOUNS.contains(speaker.get(i).lower())) return w;
    }
    return null;
  }

}
