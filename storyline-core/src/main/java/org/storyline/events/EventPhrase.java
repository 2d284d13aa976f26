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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.events.PhraseWords.Action;
import org.storyline.events.PhraseWords.Tok;

/**
 * What a dated sentence says happened, in the short form an analyst writes ("Russia annexes Ukraine's Crimea
 * peninsula"), and whether its date is the sentence's own news or only recalls an earlier event ("since Moscow's
 * February 2022 invasion of Ukraine": the date belongs to the invasion).
 *
 * <p>No parser: the action is the word of {@code actions.tsv} nearest the date, its subject the words before it back
 * to a clause boundary and its object the few words after it up to the next one; the date and its preposition are
 * left out and the verb is put in the present tense. A date that modifies a noun ("Russia's 2022 invasion") or
 * follows "since", "following" or "until" is recalled: the phrase is the recalled event, built from the event noun
 * ("invasion" -> "invades") with its possessor and its "of" object. A reporting verb ("said", "told", "announced
 * that") is not the happening: the phrase is its complement clause, with the clause's own action, subject (a pronoun
 * stands for the speaker) and object, or, when the clause has no action word of the table, the speaker's words in
 * headline style ("Mayor Jane Holt: we need pumps"); the phrase's kind and who acted stay the speech's.
 *
 * <p>Deterministic and thread-safe (the tables are read once, then only read).
 */
public final class EventPhrase {
  /**
   * The phrase: short {@code what} (empty when no action word is near the date), the action's kind (or null), whether
   * the date only recalls it, the kinds of action the words name, and where in the text the words saying who acted
   * are ({@code agentStart} -1 when the phrase names nobody).
   */
  public record Phrase(String what, String kind, boolean recalled, Set<String> kinds, int agentStart, int agentEnd) {
    public Phrase {
      kinds = Set.copyOf(kinds);
    }

    boolean agent() {
      return agentStart >= 0;
    }

    Phrase withKinds(Set<String> k) {
      return new Phrase(what, kind, recalled, k, agentStart, agentEnd);
    }

    Phrase withWhat(String w, int from, int to) {
      return new Phrase(w, kind, recalled, kinds, from, to);
    }
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019.\\-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]|[,;:\u2014\u2013()\"\u201c\u201d]");
  /** Words before a date that make it recall an earlier event rather than date the clause's news. */
  private static final Set<String> RECALL_CUES = Set.of("since", "following", "until", "before", "after", "amid");
  /** Words a recall cue may be separated from its date by, at most. */
  private static final int RECALL_REACH = 9;
  /** Words stripped from the front of a subject ("a position that Trump" -> "Trump"). */
  private static final Set<String> FRONT_CUTS = Set.of("that", "which", "who", "while", "but", "as", "when",
      "where", "however", "meanwhile", "also", "then", "including", "because", "although", "though", "if", "saying");
  /** Words from the date within which an action word is looked for. */
  private static final int ACTION_REACH = 12;

  private EventPhrase() {}

  /** The kinds of action the words of {@code text} name (speech included). */
  public static Set<String> kinds(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (Tok t : tokens(text, 0, text.length())) {
      Action a = ACTIONS.get(t.lower());
      if (a != null && !capitalisedNoun(List.of(t, t), 1)) out.add(a.kind());
    }
    return out;
  }

  /** The action table's entry for a lower-case word form, or null. */
  static Action action(String lower) {
    return ACTIONS.get(lower);
  }

  /**
   * The phrase of {@code text[sentenceStart, sentenceEnd)} about the date at {@code [ts, te)} (ts &lt; 0: the sentence
   * is dated by the publish date; its first action is taken).
   */
  public static Phrase of(String text, int sentenceStart, int sentenceEnd, int ts, int te) {
    List<Tok> toks = tokens(text, sentenceStart, sentenceEnd);
    Set<String> kinds = new LinkedHashSet<>();
    for (Tok t : toks) {
      Action a = ACTIONS.get(t.lower());
      if (a != null) kinds.add(a.kind());
    }
    if (toks.isEmpty()) return new Phrase("", null, false, kinds, -1, -1);
    int ti;
    int tj;
    if (ts < 0) {
      ti = 0;
      tj = 0;
    } else {
      ti = 0;
      while (ti < toks.size() && toks.get(ti).end() <= ts) ti++;
      tj = ti;
      while (tj < toks.size() && toks.get(tj).start() < te) tj++;
    }
    if (ts >= 0 && recalled(text, toks, ti, tj, te)) {
      return recalledPhrase(toks, ti, tj, kinds);
    }
    int v = -1;
    // a verb first, then a noun naming the action ("Talks focused on ...")
    for (int pass = 0; pass < 2 && v < 0; pass++) {
      for (int d = 0; d <= ACTION_REACH && v < 0; d++) {
        // after the date first at the same distance ("Putin on Wednesday praised"), then before ("met Tuesday")
        int after = tj + d;
        int before = ti - 1 - d;
        if (after < toks.size() && verb(toks, after, pass)) {
          v = after;
        } else if (ts >= 0 && before >= 0 && verb(toks, before, pass)) {
          v = before;
        }
      }
    }
    if (v < 0) return new Phrase("", null, false, kinds, -1, -1);
    Action a = ACTIONS.get(toks.get(v).lower());
    List<Tok> subject = subject(toks, v, ti, tj);
    String kind = a.kind();
    // "The invasion began in February 2022": the beginning of an invasion is the invasion
    if (kind.equals("begin")) {
      for (Tok t : subject) {
        Action noun = ACTIONS.get(t.lower());
        if (noun != null && noun.noun()) kind = noun.kind();
      }
    }
    List<Tok> object = object(toks, v, ti, tj, a.kind().equals("say"));
    String subj = join(subject);
    boolean plural = plural(subject);
    String verb = plural ? a.base() : a.present();
    if (toks.get(v).lower().endsWith("ing") && v > 0 && !subject.isEmpty()) verb = plural ? a.base() : a.present();
    String what = (subj.isEmpty() ? "" : subj + " ") + verb + (object.isEmpty() ? "" : " " + join(object));
    // a noun naming the action inside a clause of its own ("the country formally entered a state of war"): its words
    // run before it are no subject, and "wages war" would be made up; the clause's own words stand
    if (a.noun() && hasPredicate(subject)) {
      what = subj + " " + toks.get(v).text() + (object.isEmpty() ? "" : " " + join(object));
    }
    // "X says (that) Y", "Y, X said": the saying is not the happening, Y is (kind and who stay the speech's)
    if (ReportedSpeech.reports(toks.get(v).lower())) {
      String c = ReportedSpeech.complement(toks, v, ti, tj, subject);
      if (c != null) what = c;
    }
    // a relative clause's antecedent ("the flood that hit") names what the clause is about, not who acted: it
    // serves the what, and who is left to the sentence's names
    int r = v - 1;
    while (r > 0 && AUX.contains(toks.get(r).lower())) r--;
    boolean relative = r >= 0 && RELATIVES.contains(toks.get(r).lower());
    boolean agent = !subject.isEmpty() && !relative;
    return new Phrase(capitalise(what.strip()), kind, false, kinds, agent ? subject.get(0).start() : -1,
        agent ? subject.get(subject.size() - 1).end() : -1);
  }

  private static boolean verb(List<Tok> toks, int i, int pass) {
    Action a = ACTIONS.get(toks.get(i).lower());
    if (a == null) return false;
    return pass == 0 ? !a.noun() && !notVerb(toks, i) : !capitalisedNoun(toks, i);
  }

  /** An action word used as a noun: capitalised inside a name, or after a determiner ("a new comment"). */
  private static boolean notVerb(List<Tok> toks, int i) {
    if (capitalisedNoun(toks, i)) return true;
    if (i > 0 && DETERMINERS.contains(toks.get(i - 1).lower())) return true;
    return i > 1 && DETERMINERS.contains(toks.get(i - 2).lower()) && Character.isLowerCase(toks.get(i - 1).text().charAt(0))
        && !AUX.contains(toks.get(i - 1).lower());
  }

  private static boolean recalled(String text, List<Tok> toks, int ti, int tj, int te) {
    // the date modifies a noun: "Russia's 2022 invasion", "this week's discussions", "his country's 2014 boundaries"
    if (te + 1 < text.length() && (text.startsWith("'s", te) || text.startsWith("\u2019s", te))) return true;
    if (tj < toks.size() && ti > 0) {
      Tok before = toks.get(ti - 1);
      Tok after = toks.get(tj);
      boolean possessive = before.lower().endsWith("'s") || before.lower().endsWith("\u2019s")
          || Set.of("the", "its", "his", "her", "their", "our", "a").contains(before.lower());
      if (possessive && !after.boundary() && Character.isLowerCase(after.text().charAt(0))
          && !DATE_PREPS.contains(after.lower()) && !AUX.contains(after.lower())) {
        return true;
      }
    }
    // "since taking office last month", "since the conflict in Ukraine began in 2022", "following the start of ..."
    for (int i = ti - 1; i >= 0 && i >= ti - RECALL_REACH; i--) {
      if (toks.get(i).boundary()) break;
      if (RECALL_CUES.contains(toks.get(i).lower())) return true;
    }
    return false;
  }

  private static Phrase recalledPhrase(List<Tok> toks, int ti, int tj, Set<String> sentenceKinds) {
    // the event noun right after the date ("2022 invasion of Ukraine") or the first action after the cue
    int cue = -1;
    for (int i = ti - 1; i >= 0 && i >= ti - RECALL_REACH; i--) {
      if (toks.get(i).boundary()) break;
      if (RECALL_CUES.contains(toks.get(i).lower())) {
        cue = i;
        break;
      }
    }
    int n = -1;
    for (int i = tj; i < Math.min(toks.size(), tj + 3) && n < 0; i++) {
      if (toks.get(i).boundary() || AUX.contains(toks.get(i).lower())) break;
      if (ACTIONS.containsKey(toks.get(i).lower())) n = i;
    }
    for (int i = cue + 1; cue >= 0 && i < ti && n < 0; i++) if (ACTIONS.containsKey(toks.get(i).lower())) n = i;
    Set<String> kinds = new LinkedHashSet<>();
    if (n < 0) return new Phrase("", null, true, kinds, -1, -1);
    Action a = ACTIONS.get(toks.get(n).lower());
    // "the conflict in Ukraine began": a beginning of a conflict is the conflict
    for (int i = Math.max(cue + 1, 0); i < n; i++) {
      Action noun = ACTIONS.get(toks.get(i).lower());
      if (noun != null && a.kind().equals("begin")) {
        a = noun;
        n = i;
        break;
      }
    }
    kinds.add(a.kind());
    // possessor: "Moscow's", "Russia's" (the word before the date, or before the noun)
    String who = null;
    int whoFrom = -1;
    int whoTo = -1;
    for (int i = Math.min(ti, n) - 1; i >= Math.max(0, Math.min(ti, n) - 2); i--) {
      String w = toks.get(i).text();
      if (w.endsWith("'s") || w.endsWith("\u2019s")) {
        who = w.substring(0, w.length() - 2);
        whoFrom = i;
        whoTo = i;
        // the whole name: "Donald Trump's"
        for (int j = i - 1; j >= 0 && Character.isUpperCase(toks.get(j).text().charAt(0)) && !toks.get(j).boundary()
            && j > 0; j--) {
          who = toks.get(j).text() + " " + who;
          whoFrom = j;
        }
        break;
      }
    }
    List<Tok> object = new ArrayList<>();
    if (n + 1 < toks.size() && Set.of("of", "on", "against", "in").contains(toks.get(n + 1).lower())) {
      for (int i = n + 2; i < toks.size() && object.size() < 4; i++) {
        Tok t = toks.get(i);
        if (i >= ti && i < tj) break;
        if (t.boundary() || STOPS.contains(t.lower()) || t.lower().equals("in") && !object.isEmpty()) break;
        object.add(t);
      }
      trimTrailing(object);
    }
    String what;
    if (who != null) {
      what = who + " " + a.present() + (object.isEmpty() ? "" : " " + join(object));
    } else if (!object.isEmpty() && toks.get(n + 1).lower().equals("of") && Set.of("take office").contains(a.kind())) {
      what = join(object) + " " + a.present();
    } else {
      what = toks.get(n).lower() + (object.isEmpty() ? "" : " " + toks.get(n + 1).lower() + " " + join(object));
    }
    return new Phrase(capitalise(what.strip()), a.kind(), true, kinds, who == null ? -1 : toks.get(whoFrom).start(),
        who == null ? -1 : toks.get(whoTo).end());
  }

  private static List<Tok> subject(List<Tok> toks, int v, int ti, int tj) {
    List<Tok> out = new ArrayList<>();
    for (int i = v - 1; i >= 0 && out.size() < MAX_SUBJECT + 4; i--) {
      Tok t = toks.get(i);
      if (t.boundary()) break;
      if (i >= ti && i < tj) continue;
      out.add(0, t);
    }
    // the date's preposition ("Putin on Wednesday" -> "Putin"), auxiliaries ("The Kremlin has stated")
    while (!out.isEmpty() && (AUX.contains(out.get(out.size() - 1).lower()) || DATE_PREPS.contains(out.get(
        out.size() - 1).lower()) || EventTimelineWords.isDateWord(out.get(out.size() - 1).lower()))) {
      out.remove(out.size() - 1);
    }
    for (int i = out.size() - 1; i >= 0; i--) {
      if (FRONT_CUTS.contains(out.get(i).lower())) {
        // "the flood that hit the town": a relative pronoun right before the verb stands for the noun before it
        out = i == out.size() - 1 && RELATIVES.contains(out.get(i).lower()) ? antecedent(out.subList(0, i))
            : new ArrayList<>(out.subList(i + 1, out.size()));
        break;
      }
    }
    // "Russian forces entered Georgia and bombed ...": a second predicate's subject is the first predicate's
    if (!out.isEmpty() && Set.of("and", "or").contains(out.get(out.size() - 1).lower())) {
      int k = 1;
      while (k < out.size() - 1 && !predicate(out, k)) k++;
      out = k < out.size() - 1 && k <= MAX_SUBJECT ? new ArrayList<>(out.subList(0, k)) : new ArrayList<>();
    }
    while (out.size() > MAX_SUBJECT) out.remove(0);
    if (!out.isEmpty() && DATE_PREPS.contains(out.get(0).lower())) out.clear();
    return out;
  }

  /**
   * Whether {@code out[k]} reads as a verb of a predicate: a verb form of the action table, or a lower-case past
   * form ("entered", "went"), not after a determiner ("the armed forces").
   */
  private static boolean predicate(List<Tok> out, int k) {
    Tok t = out.get(k);
    if (!Character.isLowerCase(t.text().charAt(0)) || DETERMINERS.contains(out.get(k - 1).lower())) return false;
    Action a = ACTIONS.get(t.lower());
    return a != null && !a.noun() || t.lower().length() > 4 && t.lower().endsWith("ed")
        || IRREGULAR_PAST.contains(t.lower());
  }

  /**
   * Whether {@code word}, after {@code before}, reads as the verb of a predicate (see {@link #predicate}): for the fact
   * tables, which cut a sentence's coordinated predicates.
   */
  public static boolean predicateWord(String before, String word) {
    if (word.isEmpty() || before.isEmpty()) return false;
    String b = before.toLowerCase(java.util.Locale.ROOT);
    String w = word.toLowerCase(java.util.Locale.ROOT);
    return predicate(List.of(new Tok(before, b, 0, 0), new Tok(word, w, 0, 0)), 1);
  }

  /** Past forms of common verbs that do not end in "-ed" and are not in the action table. */
  private static final Set<String> IRREGULAR_PAST = Set.of("went", "came", "made", "gave", "left", "flew", "led",
      "spoke", "became", "brought", "saw", "got", "put", "ran", "wrote", "broke", "kept", "paid", "stood", "threw");

  private static boolean hasPredicate(List<Tok> subject) {
    for (int k = 1; k < subject.size(); k++) if (predicate(subject, k)) return true;
    return false;
  }

  private static final Set<String> RELATIVES = Set.of("that", "which", "who");
  /** Words an antecedent noun phrase may hold at most ("the flood", "the new trade agreement"). */
  private static final int MAX_ANTECEDENT = 4;

  /**
   * The noun phrase a restrictive relative clause hangs on: the words before the relative pronoun back to a
   * preposition, an auxiliary or a stop word, at most {@link #MAX_ANTECEDENT}, kept when they open with an article
   * ("into the flood that hit" -> "the flood"); empty otherwise (an unclear antecedent gives no subject rather than a
   * wrong one).
   */
  private static List<Tok> antecedent(List<Tok> before) {
    int from = before.size();
    while (from > 0 && before.size() - from < MAX_ANTECEDENT) {
      Tok t = before.get(from - 1);
      if (PREPOSITIONS.contains(t.lower()) || STOPS.contains(t.lower()) || AUX.contains(t.lower())) break;
      from--;
      if (Set.of("the", "a", "an").contains(t.lower())) break;
    }
    List<Tok> out = new ArrayList<>(before.subList(from, before.size()));
    if (out.size() < 2 || !Set.of("the", "a", "an").contains(out.get(0).lower())) return new ArrayList<>();
    return out;
  }

  private static String capitalise(String s) {
    if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) return s;
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static List<Tok> tokens(String text, int start, int end) {
    List<Tok> out = new ArrayList<>();
    Matcher m = WORD.matcher(text).region(start, end);
    while (m.find()) {
      String t = m.group();
      out.add(new Tok(t, t.toLowerCase(Locale.ROOT), m.start(), m.end()));
    }
    return out;
  }

  /** Date words left at the end of a subject once the date itself is skipped. */
  static final class EventTimelineWords {
    private static final Set<String> WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "today", "yesterday", "last", "this", "next", "week", "month", "year", "earlier");

    static boolean isDateWord(String w) {
      return WORDS.contains(w);
    }
  }
}
