package org.storyline.nlp;

import static org.storyline.nlp.QuoteExtractor.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.nlp.QuoteExtractor.Mention;
import org.storyline.nlp.QuoteExtractor.Person;


/**
 * The people a text names and the phrases that refer to them, for speaker attribution: person names found in
 * capitalised runs (with honorifics, suffixes and known first names), the role words seen next to each name ("the
 * Kremlin leader" later resolves to the person once called "Kremlin leader Vladimir Putin"), organisations, and the
 * coreference of pronouns (the latest compatible person, the clause subject first) and descriptions (by role).
 * Built once per text from its {@link QuoteWords}; read only after; not shared between threads.
 */
final class QuoteMentions {
  final QuoteWords qw;
  final QuoteLexicon lex;
  final Map<Integer, Mention> mentionByEnd = new HashMap<>();
  final Map<Integer, Mention> mentionByStart = new HashMap<>();
  final List<Mention> mentions = new ArrayList<>();
  final List<Person> persons = new ArrayList<>();
  final Map<String, Integer> personBySurname = new HashMap<>();

  QuoteMentions(QuoteWords qw) {
    this.qw = qw;
    this.lex = qw.lex;
    findMentions();
  }

    void findMentions() {
      // Pass 1: capitalised runs -> names with their descriptors.
      List<int[]> runs = new ArrayList<>();
      int t = 0;
      while (t < qw.nt) {
        if (!qw.usable(t) || !qw.isCap(t)) {
          t++;
          continue;
        }
        int s = t;
        int e = t + 1;
        while (e < qw.nt && qw.usable(e) && qw.tokSent[e] == qw.tokSent[s] && !qw.possessive(e - 1)) {
          if (qw.isCap(e)) {
            e++;
          } else if (CONNECTORS.contains(qw.tw[e]) && e + 1 < qw.nt && qw.isCap(e + 1) && qw.usable(e + 1)) {
            e += 2;
          } else {
            break;
          }
        }
        runs.add(new int[] {s, e});
        t = e;
      }
      // Multi-word names and titled names are persons; learn their surnames first.
      List<int[]> pending = new ArrayList<>();
      for (int[] r : runs) {
        int s = r[0];
        while (s < r[1] && lex.functionWords.contains(qw.bare(s))) s++;
        if (s >= r[1]) continue;
        int ns = r[1];
        while (ns > s && qw.nameLike(ns - 1)) ns--;
        while (ns < r[1] && CONNECTORS.contains(qw.tw[ns])) ns++;
        int fn = qw.firstNameStart(s, r[1], ns);
        if (fn >= 0) {
          // "Senate Minority Whip Dick Durbin", "Atlantic City Mayor Don Guardian", "Amy Pope": a known first name
          // opens the name whatever the words before it or the surname's other uses
          int p = person(fn, r[1]);
          collectRoles(p, s, fn);
          if (fn > s) mention(s, fn, ORG, -1, 'u');
          mention(fn, r[1], NAME, p, persons.get(p).gender);
          continue;
        }
        if (ns >= r[1] && r[1] - s == 2 && HONORIFICS.contains(qw.bare(s))) ns = s + 1; // "Mr. King", "Ms. Rice"
        // "the Ministry of Foreign Affairs", "Bank of England": the words after an institution's "of" name it, not a
        // person
        if (s >= 2 && qw.tw[s - 1].equals("of") && (lex.orgWords.contains(qw.bare(s - 2))
            || institution(qw.bare(s - 2)))) {
          mention(s, r[1], ORG, -1, 'u');
          continue;
        }
        boolean titled = ns > s && qw.isTitle(ns - 1) || ns == s && s > 0 && qw.isRoleWord(s - 1);
        if (ns >= r[1]) {
          mention(s, r[1], ORG, -1, 'u');
          continue;
        }
        boolean orgish = false;
        for (int k = s; k < ns; k++) if (lex.orgWords.contains(qw.bare(k))) orgish = true;
        int len = r[1] - ns;
        if (orgish && !titled) {
          mention(s, r[1], ORG, -1, 'u');
        } else if (titled || len >= 2) {
          int p = person(ns, r[1]);
          collectRoles(p, s, ns);
          mention(ns, r[1], NAME, p, persons.get(p).gender);
        } else {
          pending.add(new int[] {ns, r[1]});
        }
      }
      for (int[] r : pending) {
        String w = qw.bare(r[0]);
        Integer p = personBySurname.get(w);
        if (p == null && qw.speechVerbAfter(r[1]) && !qw.tw[r[0]].endsWith(".")) p = person(r[0], r[1]);
        if (p != null) mention(r[0], r[1], NAME, p, persons.get(p).gender);
        else mention(r[0], r[1], ORG, -1, 'u');
      }
      // Pass 2, in qw.text order: pronouns and descriptions resolve against the persons mentioned before them.
      for (int k = 0; k < qw.nt; k++) {
        if (!qw.usable(k) || mentionByStart.containsKey(k)) continue;
        String lw = qw.bare(k).toLowerCase(Locale.ROOT);
        String pr = lex.pronouns.get(lw);
        if (pr != null && (lw.equals("i") ? qw.tw[k].equals("I") : true)) {
          mention(k, k + 1, PRON, -1, pr.charAt(0));
          continue;
        }
        if (lex.determiners.contains(lw) && (lw.equals("the") || lw.equals("this") || lw.equals("that"))) {
          int head = -1;
          for (int j = k + 1; j < Math.min(qw.nt, k + 5) && qw.usable(j)
              && Character.isLetter(qw.tw[j].charAt(0)); j++) {
            if (lex.roleClasses.containsKey(qw.tw[j].toLowerCase(Locale.ROOT))) head = j;
            else if (head >= 0) break;
          }
          if (head >= 0 && !(head + 1 < qw.nt && qw.isCap(head + 1) && mentionByStart.containsKey(head + 1))) {
            mention(k, head + 1, DESC, -1, 'u');
          }
        }
      }
      mentions.sort((a, b) -> Integer.compare(a.tokStart(), b.tokStart()));
      // Resolve in order.
      List<Mention> resolved = new ArrayList<>();
      Map<Integer, Set<String>> rolesSoFar = new HashMap<>();
      for (Mention m : mentions) {
        Mention r = m;
        if (m.kind() == PRON && (m.gender() == 'm' || m.gender() == 'f')) {
          int p = resolvePronoun(resolved, m);
          r = new Mention(m.tokStart(), m.tokEnd(), PRON, p, m.gender());
        } else if (m.kind() == DESC) {
          r = new Mention(m.tokStart(), m.tokEnd(), DESC, byRole(resolved, m, rolesSoFar), 'u');
        } else if (m.kind() == NAME) {
          rolesSoFar.computeIfAbsent(m.person(), x -> new LinkedHashSet<>()).addAll(localRoles(m));
        }
        resolved.add(r);
        mentionByStart.put(r.tokStart(), r);
        mentionByEnd.put(r.tokEnd() - 1, r);
      }
      mentions.clear();
      mentions.addAll(resolved);
    }


    int person(int s, int e) {
      String surname = e - s >= 3 && SUFFIXES.contains(qw.bare(e - 1)) ? qw.bare(e - 2) : qw.bare(e - 1);
      StringBuilder sb = new StringBuilder();
      for (int k = s; k < e; k++) {
        if (k > s) sb.append(' ');
        sb.append(k == e - 1 ? qw.bare(k) : qw.tw[k]);
      }
      String name = sb.toString();
      Integer p = personBySurname.get(surname);
      char g = e - s >= 2 ? lex.firstNames.getOrDefault(qw.tw[s], 'u') : 'u';
      if (p != null && e - s >= 2) {
        // same surname, another first name: another person (Hillary and Chelsea Clinton)
        String first = qw.tw[s];
        String known = persons.get(p).canonical;
        if (known.indexOf(' ') > 0 && !known.startsWith(first + " ") && !known.equals(name)) {
          for (int i = 0; i < persons.size(); i++) {
            if (persons.get(i).canonical.startsWith(first + " ") && persons.get(i).surname.equals(surname)) return i;
          }
          persons.add(new Person(name, surname, g));
          return persons.size() - 1;
        }
      }
      if (p == null) {
        persons.add(new Person(name, surname, g));
        p = persons.size() - 1;
        personBySurname.put(surname, p);
      } else {
        Person x = persons.get(p);
        if (name.split(" ").length > x.canonical.split(" ").length) x.canonical = name;
        if (x.gender == 'u') x.gender = g;
      }
      return p;
    }

    void collectRoles(int p, int runStart, int nameStart) {
      Person x = persons.get(p);
      int from = runStart;
      while (from > 0 && runStart - from < 3 && qw.usable(from - 1) && qw.tokSent[from - 1] == qw.tokSent[runStart]
          && Character.isLetter(qw.tw[from - 1].charAt(0))
          && !lex.determiners.contains(qw.tw[from - 1].toLowerCase(Locale.ROOT))) {
        from--;
      }
      for (int k = from; k < nameStart; k++) {
        String r = qw.bare(k).toLowerCase(Locale.ROOT);
        if (r.endsWith(".")) r = r.substring(0, r.length() - 1);
        x.roles.add(r);
        char g = GENDERED.getOrDefault(r, 'u');
        if (x.gender == 'u' && g != 'u') x.gender = g;
      }
    }

    Set<String> localRoles(Mention m) {
      Set<String> out = new LinkedHashSet<>();
      int from = m.tokStart();
      int k = m.tokStart() - 1;
      while (k >= 0 && m.tokStart() - k <= 5 && qw.usable(k) && qw.tokSent[k] == qw.tokSent[m.tokStart()]
          && Character.isLetter(qw.tw[k].charAt(0))
          && !lex.determiners.contains(qw.tw[k].toLowerCase(Locale.ROOT))) {
        from = k;
        k--;
      }
      for (int j = from; j < m.tokStart(); j++) {
        String r = qw.bare(j).toLowerCase(Locale.ROOT);
        if (r.endsWith(".")) r = r.substring(0, r.length() - 1);
        out.add(r);
      }
      return out;
    }

    void mention(int s, int e, int kind, int person, char gender) {
      Mention m = new Mention(s, e, kind, person, gender);
      mentions.add(m);
      mentionByStart.put(s, m);
    }

    /**
     * he/she: the main-clause subject of its own sentence when that comes first and fits, else the main-clause
     * subject of the latest earlier sentence naming someone, else the latest person that fits.
     */
    int resolvePronoun(List<Mention> before, Mention pron) {
      int sent = qw.tokSent[pron.tokStart()];
      Mention s = clauseSubject(before, sent, pron.tokStart(), pron.gender());
      if (s != null) return s.person();
      for (int i = before.size() - 1; i >= 0; i--) {
        Mention m = before.get(i);
        int ms = qw.tokSent[m.tokStart()];
        if (ms < sent && m.person() >= 0) {
          s = clauseSubject(before, ms, Integer.MAX_VALUE, pron.gender());
          if (s != null) return s.person();
          break;
        }
      }
      return latestPerson(before, pron.gender());
    }

    Mention clauseSubject(List<Mention> before, int sent, int limit, char gender) {
      int start = qw.sentStart[sent];
      int mainStart = start;
      String opener = qw.tw[start].toLowerCase(Locale.ROOT);
      if (SUBORDINATORS.contains(opener) || PREPOSITIONS.contains(opener) || opener.equals("amid")) {
        for (int t = start; t < qw.nt && qw.tokSent[t] == sent && t < limit; t++) {
          if (qw.tw[t].equals(",") && qw.tokQuote[t] < 0) {
            mainStart = t + 1;
            break;
          }
        }
      }
      for (Mention m : before) {
        if (m.tokStart() < mainStart) continue;
        if (m.tokStart() >= limit || qw.tokSent[m.tokStart()] != sent) break;
        if (m.person() < 0 || qw.possessive(m.tokEnd() - 1)) continue;
        String before1 = m.tokStart() > 0 ? qw.tw[m.tokStart() - 1].toLowerCase(Locale.ROOT) : "";
        if (PREPOSITIONS.contains(before1) || before1.equals("to")) continue;
        char g = persons.get(m.person()).gender;
        return g == 'u' || g == gender ? m : null;
      }
      return null;
    }

    int latestPerson(List<Mention> before, char gender) {
      for (int i = before.size() - 1; i >= 0; i--) {
        Mention m = before.get(i);
        if (m.person() < 0) continue;
        char g = persons.get(m.person()).gender;
        if (g == 'u' || g == gender) return m.person();
      }
      return -1;
    }

    int byRole(List<Mention> before, Mention d, Map<Integer, Set<String>> rolesSoFar) {
      String head = qw.tw[d.tokEnd() - 1].toLowerCase(Locale.ROOT);
      Set<String> classes = lex.roleClasses.get(head);
      Integer aff = null;
      for (int k = d.tokStart() + 1; k < d.tokEnd() - 1; k++) {
        Integer a = lex.affiliations.get(qw.bare(k).toLowerCase(Locale.ROOT));
        if (a != null) aff = a;
      }
      int fallback = -1;
      for (int i = before.size() - 1; i >= 0; i--) {
        Mention m = before.get(i);
        if (m.person() < 0 || m.kind() != NAME) continue;
        Set<String> roles = new LinkedHashSet<>(persons.get(m.person()).roles);
        roles.addAll(rolesSoFar.getOrDefault(m.person(), Set.of()));
        boolean match = false;
        boolean affMatch = aff == null;
        for (String r : roles) {
          Set<String> rc = lex.roleClasses.get(r);
          if (rc != null) for (String c : rc) if (classes.contains(c)) match = true;
          if (aff != null && aff.equals(lex.affiliations.get(r))) affMatch = true;
        }
        if (match && affMatch) return m.person();
        if (match && fallback < 0) fallback = m.person();
      }
      return fallback;
    }

  /**
   * A lower-case head of an institution ("the state news agency of South Ossetia", "the government of Georgia"): the
   * organisation words of the lexicon written in lower case, and the words for a state's bodies.
   */
  private boolean institution(String w) {
    if (w.isEmpty() || !Character.isLowerCase(w.charAt(0))) return false;
    if (GOVERNING.contains(w)) return true;
    return lex.orgWords.contains(Character.toUpperCase(w.charAt(0)) + w.substring(1));
  }

  private static final java.util.Set<String> GOVERNING = java.util.Set.of("government", "administration", "regime",
      "authorities", "leadership", "military", "army", "police", "cabinet", "embassy", "consulate");
}
