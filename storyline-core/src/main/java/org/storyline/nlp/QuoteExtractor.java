package org.storyline.nlp;

import static org.storyline.nlp.QuoteMarks.isDoubleMark;
import static org.storyline.nlp.QuoteMarks.isQuoteChar;
import static org.storyline.nlp.QuoteMarks.isSingleMark;
import static org.storyline.nlp.QuoteMarks.ws;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.model.Article;
import org.storyline.nlp.QuoteMarks.Marked;
import org.storyline.nlp.QuoteMarks.Span;

/**
 * Finds direct quotes in one article and attributes them to a speaker, with no other stage's help: quotation marks
 * of every common style are paired (straight, curly, guillemets, low-high), apostrophes are told apart from single
 * quotes, quotes running over several paragraphs are joined, and each quote gets its cue ("said", "told reporters")
 * and the phrase naming its speaker: a name, a pronoun resolved to the latest compatible person, a description
 * ("the Kremlin leader") resolved through role words seen before a name, or an unnamed source (speaker null).
 *
 * <p>Stateless and thread-safe; all word lists come from {@link QuoteLexicon}.
 */
public final class QuoteExtractor {
  /**
   * One quote with its evidence. Offsets index {@code article.text()}. {@code sourceStart/sourceEnd} locate the words
   * that name the speaker at the attribution (name, pronoun, description; -1 when none); {@code nameStart/nameEnd}
   * the name mention the speaker resolved to (for a pronoun: its antecedent; -1 when none); {@code speaker} is the
   * fullest form of that name in the article, or null. {@code kind} is "direct" (in quotation marks) or "indirect"
   * (reported speech: "Peskov said that ...").
   */
  public record Found(String text, int start, int end, String cue, int cueStart, int cueEnd, String speaker,
      int sourceStart, int sourceEnd, int nameStart, int nameEnd, boolean partial, String kind) {
    public boolean direct() {
      return "direct".equals(kind);
    }
  }

  private final QuoteLexicon lex;
  private final boolean indirect;

  /** Direct quotes only. */
  public QuoteExtractor() {
    this(QuoteLexicon.defaults(), false);
  }

  /** @param indirect whether to report reported speech ("Peskov said that ...") too, as kind "indirect" */
  public QuoteExtractor(QuoteLexicon lex, boolean indirect) {
    this.lex = lex;
    this.indirect = indirect;
  }

  public List<Found> extract(Article article) {
    return extract(article.text());
  }

  public List<Found> extract(String text) {
    if (text == null || text.isEmpty()) return List.of();
    return new Doc(text).run();
  }

  // ---------------------------------------------------------------------------------------------------------------

  static final int NAME = 0;
  static final int PRON = 1;
  private static final int DESC = 2;
  static final int ORG = 3;
  private static final int UNNAMED = 4;


  record Mention(int tokStart, int tokEnd, int kind, int person, char gender) {}

  private static final class Person {
    String canonical;
    final String surname;
    char gender;
    final Set<String> roles = new LinkedHashSet<>();
    int nameStart = -1;
    int nameEnd = -1;

    Person(String canonical, String surname, char gender) {
      this.canonical = canonical;
      this.surname = surname;
      this.gender = gender;
    }
  }

  record Attribution(int cueTok, int cueEndTok, Mention subject) {}

  final class Doc {
    final String text;
    final int n;
    // paragraphs and quoted spans (QuoteMarks), tokens and sentences (QuoteTokens): read only
    final Marked marked;
    final int[] paraStart;
    final int[] paraEnd;
    final int[] charPara;
    final boolean[] heading;
    final List<Span> spans;
    final int[] qmask; // char -> span index or -1 (marks included)
    final int[] ts;
    final int[] te;
    final String[] tw;
    final int nt;
    final int[] tokSent;
    final int[] sentStart;
    final int[] tokQuote;
    final Map<Integer, Mention> mentionByEnd = new HashMap<>();
    final Map<Integer, Mention> mentionByStart = new HashMap<>();
    final List<Mention> mentions = new ArrayList<>();
    final List<Person> persons = new ArrayList<>();
    final SpeakerFallbacks fallbacks = new SpeakerFallbacks(this, lex);
    final Map<String, Integer> personBySurname = new HashMap<>();

    Doc(String text) {
      this.text = text;
      this.n = text.length();
      marked = QuoteMarks.find(text);
      paraStart = marked.paraStart();
      paraEnd = marked.paraEnd();
      charPara = marked.charPara();
      heading = marked.heading();
      spans = marked.spans();
      qmask = marked.qmask();
      QuoteTokens.Tokens tokens = QuoteTokens.of(marked, lex);
      ts = tokens.ts();
      te = tokens.te();
      tw = tokens.tw();
      nt = tokens.nt();
      tokSent = tokens.tokSent();
      sentStart = tokens.sentStart();
      tokQuote = tokens.tokQuote();
    }

    List<Found> run() {
      findMentions();
      return attribute();
    }

    boolean startsLowercase(int k) {
      return marked.startsLowercase(k);
    }

    boolean endsWithTerminal(Span sp) {
      return marked.endsWithTerminal(sp);
    }

    // ---- paragraphs ------------------------------------------------------------------------------------------


    boolean usable(int t) {
      return tokQuote[t] < 0 && !heading[charPara[ts[t]]];
    }

    boolean isCap(int t) {
      String w = tw[t];
      return Character.isUpperCase(w.charAt(0)) && Character.isLetter(w.charAt(0));
    }

    String bare(int t) {
      String w = tw[t];
      if (w.endsWith("’s") || w.endsWith("'s")) return w.substring(0, w.length() - 2);
      if (w.endsWith("’") || w.endsWith("'")) return w.substring(0, w.length() - 1);
      return w;
    }

    boolean possessive(int t) {
      String w = tw[t];
      return w.endsWith("’s") || w.endsWith("'s") || w.endsWith("s’") || w.endsWith("s'");
    }

    boolean nameLike(int t) {
      String b = bare(t);
      if (SUFFIXES.contains(b) && t > 0 && isCap(t - 1)) return true; // "Vann R. Newkirk II"
      String lower = b.toLowerCase(Locale.ROOT);
      String noDot = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
      if (lex.titles.contains(noDot) || lex.titles.contains(lower)) return false;
      if (lex.orgWords.contains(b) || lex.places.contains(b) || lex.functionWords.contains(b)) return false;
      if (b.length() > 1 && b.equals(b.toUpperCase(Locale.ROOT)) && !b.endsWith(".")) return false;
      return true;
    }

    void findMentions() {
      // Pass 1: capitalised runs -> names with their descriptors.
      List<int[]> runs = new ArrayList<>();
      int t = 0;
      while (t < nt) {
        if (!usable(t) || !isCap(t)) {
          t++;
          continue;
        }
        int s = t;
        int e = t + 1;
        while (e < nt && usable(e) && tokSent[e] == tokSent[s] && !possessive(e - 1)) {
          if (isCap(e)) {
            e++;
          } else if (CONNECTORS.contains(tw[e]) && e + 1 < nt && isCap(e + 1) && usable(e + 1)) {
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
        while (s < r[1] && lex.functionWords.contains(bare(s))) s++;
        if (s >= r[1]) continue;
        int ns = r[1];
        while (ns > s && nameLike(ns - 1)) ns--;
        while (ns < r[1] && CONNECTORS.contains(tw[ns])) ns++;
        int fn = firstNameStart(s, r[1], ns);
        if (fn >= 0) {
          // "Senate Minority Whip Dick Durbin", "Atlantic City Mayor Don Guardian", "Amy Pope": a known first name
          // opens the name whatever the words before it or the surname's other uses
          int p = person(fn, r[1]);
          collectRoles(p, s, fn);
          if (fn > s) mention(s, fn, ORG, -1, 'u');
          mention(fn, r[1], NAME, p, persons.get(p).gender);
          continue;
        }
        if (ns >= r[1] && r[1] - s == 2 && HONORIFICS.contains(bare(s))) ns = s + 1; // "Mr. King", "Ms. Rice"
        boolean titled = ns > s && isTitle(ns - 1) || ns == s && s > 0 && isRoleWord(s - 1);
        if (ns >= r[1]) {
          mention(s, r[1], ORG, -1, 'u');
          continue;
        }
        boolean orgish = false;
        for (int k = s; k < ns; k++) if (lex.orgWords.contains(bare(k))) orgish = true;
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
        String w = bare(r[0]);
        Integer p = personBySurname.get(w);
        if (p == null && speechVerbAfter(r[1]) && !tw[r[0]].endsWith(".")) p = person(r[0], r[1]);
        if (p != null) mention(r[0], r[1], NAME, p, persons.get(p).gender);
        else mention(r[0], r[1], ORG, -1, 'u');
      }
      // Pass 2, in text order: pronouns and descriptions resolve against the persons mentioned before them.
      for (int k = 0; k < nt; k++) {
        if (!usable(k) || mentionByStart.containsKey(k)) continue;
        String lw = bare(k).toLowerCase(Locale.ROOT);
        String pr = lex.pronouns.get(lw);
        if (pr != null && (lw.equals("i") ? tw[k].equals("I") : true)) {
          mention(k, k + 1, PRON, -1, pr.charAt(0));
          continue;
        }
        if (lex.determiners.contains(lw) && (lw.equals("the") || lw.equals("this") || lw.equals("that"))) {
          int head = -1;
          for (int j = k + 1; j < Math.min(nt, k + 5) && usable(j) && Character.isLetter(tw[j].charAt(0)); j++) {
            if (lex.roleClasses.containsKey(tw[j].toLowerCase(Locale.ROOT))) head = j;
            else if (head >= 0) break;
          }
          if (head >= 0 && !(head + 1 < nt && isCap(head + 1) && mentionByStart.containsKey(head + 1))) {
            mention(k, head + 1, DESC, -1, 'u');
          }
        }
      }
      mentions.sort((a, b) -> Integer.compare(a.tokStart, b.tokStart));
      // Resolve in order.
      List<Mention> resolved = new ArrayList<>();
      Map<Integer, Set<String>> rolesSoFar = new HashMap<>();
      for (Mention m : mentions) {
        Mention r = m;
        if (m.kind == PRON && (m.gender == 'm' || m.gender == 'f')) {
          int p = resolvePronoun(resolved, m);
          r = new Mention(m.tokStart, m.tokEnd, PRON, p, m.gender);
        } else if (m.kind == DESC) {
          r = new Mention(m.tokStart, m.tokEnd, DESC, byRole(resolved, m, rolesSoFar), 'u');
        } else if (m.kind == NAME) {
          rolesSoFar.computeIfAbsent(m.person, x -> new LinkedHashSet<>()).addAll(localRoles(m));
        }
        resolved.add(r);
        mentionByStart.put(r.tokStart, r);
        mentionByEnd.put(r.tokEnd - 1, r);
      }
      mentions.clear();
      mentions.addAll(resolved);
    }

    /**
     * Where a known first name opens the last one or two words of a capitalised run [s, e) that the surname rule
     * would not read as a person name (ns: where that rule starts the name), or -1.
     */
    int firstNameStart(int s, int e, int ns) {
      for (int k = Math.max(s, e - 3); k < e - 1; k++) {
        if (!lex.firstNames.containsKey(tw[k]) || possessive(k) || tw[k].endsWith(".")) continue;
        if (k == ns) return -1; // the usual rule already starts the name here
        boolean capsOnly = true;
        for (int j = k + 1; j < e; j++) if (!Character.isLetter(tw[j].charAt(0))) capsOnly = false;
        if (!capsOnly || !(isTitle(k - 1 < s ? k : k - 1) || k > s && lex.orgWords.contains(bare(k - 1))
            || ns >= e || ns > k)) {
          return -1;
        }
        boolean nameEnd = e >= nt || !isCap(e) && (tw[e].equals(",") || tw[e].equals("(") || isVerb(e)
            || speechVerbAfter(e) || Character.isLowerCase(tw[e].charAt(0)) || tw[e].equals("."));
        return nameEnd ? k : -1;
      }
      return -1;
    }

    boolean isTitle(int t) {
      String lower = bare(t).toLowerCase(Locale.ROOT);
      if (lower.endsWith(".")) lower = lower.substring(0, lower.length() - 1);
      return lex.titles.contains(lower) || lex.roleClasses.containsKey(lower);
    }

    boolean isRoleWord(int t) {
      if (!usable(t)) return false;
      String lower = tw[t].toLowerCase(Locale.ROOT);
      return Character.isLowerCase(tw[t].charAt(0)) && (lex.titles.contains(lower)
          || lex.roleClasses.containsKey(lower));
    }

    boolean speechVerbAfter(int t) {
      int k = t;
      while (k < nt && k < t + 4 && lex.adverbs.contains(tw[k].toLowerCase(Locale.ROOT))) k++;
      return k < nt && isVerb(k);
    }

    boolean isVerb(int t) {
      String w = tw[t];
      if (!usable(t)) return false;
      if (Character.isUpperCase(w.charAt(0))) {
        // "Said Ellis: “...”": an inverted cue opening its sentence
        return SENTENCE_VERBS.contains(w) && (t == 0 || tokSent[t - 1] != tokSent[t]) && t + 1 < nt && isCap(t + 1);
      }
      if (!lex.speechVerbs.containsKey(w)) return false;
      if (t == 0) return true;
      String prev = tw[t - 1].toLowerCase(Locale.ROOT);
      if (NOUN_MARKERS.contains(prev) || possessive(t - 1)) return false;
      if (NAMING.contains(w) && t + 1 < nt && isCap(t + 1) && Character.isLowerCase(tw[t - 1].charAt(0))
          && !lex.pronouns.containsKey(prev) && !lex.adverbs.contains(prev)) {
        return false; // "a band called Sophistafunk", "a PAC called Future 45"
      }
      boolean npBefore = false;
      for (int j = t - 2; j >= 0 && j >= t - 4 && Character.isLetter(tw[j].charAt(0)); j--) {
        if (lex.determiners.contains(tw[j].toLowerCase(Locale.ROOT))) npBefore = true; // "the letter reads"
      }
      if (Character.isUpperCase(tw[t - 1].charAt(0)) && DEMONYM.matcher(tw[t - 1]).matches()
          && (lex.places.contains(tw[t - 1]) || lex.orgWords.contains(tw[t - 1]))) {
        return false; // "Republican claims", "Russian reports": an adjective and a noun
      }
      if (w.equals(lex.speechVerbs.get(w)) && !w.equals("say")) {
        // base forms ("call", "retort", "state") are verbs after a subject, "to" or a modal, nouns otherwise
        return (npBefore && w.equals("read")) || lex.pronouns.containsKey(prev)
            || (lex.adverbs.contains(prev) && !PREPOSITIONS.contains(prev)) || MODALS.contains(prev)
            || lex.genericSources.contains(prev) || Character.isUpperCase(tw[t - 1].charAt(0));
      }
      if (w.endsWith("s") && !w.equals(lex.speechVerbs.get(w)) && !w.equals("says")) {
        // "says", "claims", "remarks": a verb only after its subject ("Putin says", "he also claims")
        return npBefore || Character.isUpperCase(tw[t - 1].charAt(0)) || lex.pronouns.containsKey(prev)
            || isQuoteChar(prev.charAt(0)) || prev.equals(",") || prev.equals("—")
            || lex.adverbs.contains(prev) || lex.genericSources.contains(prev) || lex.roleClasses.containsKey(prev);
      }
      return true;
    }

    int person(int s, int e) {
      String surname = e - s >= 3 && SUFFIXES.contains(bare(e - 1)) ? bare(e - 2) : bare(e - 1);
      StringBuilder sb = new StringBuilder();
      for (int k = s; k < e; k++) {
        if (k > s) sb.append(' ');
        sb.append(k == e - 1 ? bare(k) : tw[k]);
      }
      String name = sb.toString();
      Integer p = personBySurname.get(surname);
      char g = e - s >= 2 ? lex.firstNames.getOrDefault(tw[s], 'u') : 'u';
      if (p != null && e - s >= 2) {
        // same surname, another first name: another person (Hillary and Chelsea Clinton)
        String first = tw[s];
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
      while (from > 0 && runStart - from < 3 && usable(from - 1) && tokSent[from - 1] == tokSent[runStart]
          && Character.isLetter(tw[from - 1].charAt(0))
          && !lex.determiners.contains(tw[from - 1].toLowerCase(Locale.ROOT))) {
        from--;
      }
      for (int k = from; k < nameStart; k++) {
        String r = bare(k).toLowerCase(Locale.ROOT);
        if (r.endsWith(".")) r = r.substring(0, r.length() - 1);
        x.roles.add(r);
        char g = GENDERED.getOrDefault(r, 'u');
        if (x.gender == 'u' && g != 'u') x.gender = g;
      }
    }

    Set<String> localRoles(Mention m) {
      Set<String> out = new LinkedHashSet<>();
      int from = m.tokStart;
      int k = m.tokStart - 1;
      while (k >= 0 && m.tokStart - k <= 5 && usable(k) && tokSent[k] == tokSent[m.tokStart]
          && Character.isLetter(tw[k].charAt(0))
          && !lex.determiners.contains(tw[k].toLowerCase(Locale.ROOT))) {
        from = k;
        k--;
      }
      for (int j = from; j < m.tokStart; j++) {
        String r = bare(j).toLowerCase(Locale.ROOT);
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
      int sent = tokSent[pron.tokStart];
      Mention s = clauseSubject(before, sent, pron.tokStart, pron.gender);
      if (s != null) return s.person;
      for (int i = before.size() - 1; i >= 0; i--) {
        Mention m = before.get(i);
        int ms = tokSent[m.tokStart];
        if (ms < sent && m.person >= 0) {
          s = clauseSubject(before, ms, Integer.MAX_VALUE, pron.gender);
          if (s != null) return s.person;
          break;
        }
      }
      return latestPerson(before, pron.gender);
    }

    Mention clauseSubject(List<Mention> before, int sent, int limit, char gender) {
      int start = sentStart[sent];
      int mainStart = start;
      String opener = tw[start].toLowerCase(Locale.ROOT);
      if (SUBORDINATORS.contains(opener) || PREPOSITIONS.contains(opener) || opener.equals("amid")) {
        for (int t = start; t < nt && tokSent[t] == sent && t < limit; t++) {
          if (tw[t].equals(",") && tokQuote[t] < 0) {
            mainStart = t + 1;
            break;
          }
        }
      }
      for (Mention m : before) {
        if (m.tokStart < mainStart) continue;
        if (m.tokStart >= limit || tokSent[m.tokStart] != sent) break;
        if (m.person < 0 || possessive(m.tokEnd - 1)) continue;
        String before1 = m.tokStart > 0 ? tw[m.tokStart - 1].toLowerCase(Locale.ROOT) : "";
        if (PREPOSITIONS.contains(before1) || before1.equals("to")) continue;
        char g = persons.get(m.person).gender;
        return g == 'u' || g == gender ? m : null;
      }
      return null;
    }

    int latestPerson(List<Mention> before, char gender) {
      for (int i = before.size() - 1; i >= 0; i--) {
        Mention m = before.get(i);
        if (m.person < 0) continue;
        char g = persons.get(m.person).gender;
        if (g == 'u' || g == gender) return m.person;
      }
      return -1;
    }

    int byRole(List<Mention> before, Mention d, Map<Integer, Set<String>> rolesSoFar) {
      String head = tw[d.tokEnd - 1].toLowerCase(Locale.ROOT);
      Set<String> classes = lex.roleClasses.get(head);
      Integer aff = null;
      for (int k = d.tokStart + 1; k < d.tokEnd - 1; k++) {
        Integer a = lex.affiliations.get(bare(k).toLowerCase(Locale.ROOT));
        if (a != null) aff = a;
      }
      int fallback = -1;
      for (int i = before.size() - 1; i >= 0; i--) {
        Mention m = before.get(i);
        if (m.person < 0 || m.kind != NAME) continue;
        Set<String> roles = new LinkedHashSet<>(persons.get(m.person).roles);
        roles.addAll(rolesSoFar.getOrDefault(m.person, Set.of()));
        boolean match = false;
        boolean affMatch = aff == null;
        for (String r : roles) {
          Set<String> rc = lex.roleClasses.get(r);
          if (rc != null) for (String c : rc) if (classes.contains(c)) match = true;
          if (aff != null && aff.equals(lex.affiliations.get(r))) affMatch = true;
        }
        if (match && affMatch) return m.person;
        if (match && fallback < 0) fallback = m.person;
      }
      return fallback;
    }

    // ---- attribution ------------------------------------------------------------------------------------------

    List<Found> attribute() {
      List<Found> out = new ArrayList<>();
      int[] firstTok = new int[spans.size()];
      int[] lastTok = new int[spans.size()];
      java.util.Arrays.fill(firstTok, -1);
      for (int t = 0; t < nt; t++) {
        int q = tokQuote[t];
        if (q < 0) continue;
        if (firstTok[q] < 0) firstTok[q] = t;
        lastTok[q] = t;
      }
      Attribution prev = null;
      int prevPara = -2;
      int prevSpanEndPara = -2;
      for (int q = 0; q < spans.size(); q++) {
        Span sp = spans.get(q);
        if (heading[sp.para()] || firstTok[q] < 0) continue;
        int cs = sp.open() + 1;
        int ce = sp.close();
        while (cs < ce && ws(text.charAt(cs))) cs++;
        while (ce > cs && (ws(text.charAt(ce - 1)) || ",;:".indexOf(text.charAt(ce - 1)) >= 0)) {
          ce--;
        }
        if (ce <= cs) continue;
        int words = countWords(cs, ce);
        boolean embedded = embedded(sp.open());
        boolean partial = words <= PARTIAL_MAX_WORDS && (embedded || Character.isLowerCase(text.charAt(cs)));
        if (partial) {
          while (ce > cs && ".!".indexOf(text.charAt(ce - 1)) >= 0) ce--;
          if (ce <= cs) continue;
        }
        int open = firstTok[q];
        int close = lastTok[q];
        int endPara = charPara[Math.max(sp.open(), sp.close() - 1)];
        Attribution a = null;
        Attribution before = before(open);
        boolean adjacent = before != null && adjacentCue(before, open);
        if (adjacent) a = before;
        boolean spoken = adjacent;
        if (a == null) a = dashName(close + 1, endPara);
        if (a == null && !endsWithPeriod(sp) && (separated(sp) || separatorAt(close + 1))) {
          a = after(close + 1, endPara);
          spoken = a != null;
        }
        if (!spoken && a != null && a.cueTok < 0) spoken = true;
        if (!spoken && titleCase(cs, ce)) continue; // “Face the Nation”, “All Bets Are Off”: a title, not speech
        if (a == null) a = before;
        if (a == null) a = tail(close + 1, tokSent[open], endPara);
        if (a == null) a = colonLead(open);
        if (a != null && !adjacent && a == before) {
          // "When Trump suggested that ..., Rubio fired back: “...”": the lead-in's subject, not the aside's
          Attribution c = colonLead(open);
          if (c != null && c.subject.tokStart > a.cueTok) a = c;
        }
        if (a == null && !partial && !ownSubject(open)) a = previousSentence(open);
        if (a == null && prev != null && !partial && !ownSubject(open)) {
          boolean samePara = prevPara == sp.para() || prevSpanEndPara == sp.para();
          boolean nextPara = sp.open() == paraStart[sp.para()] && prevSpanEndPara >= 0
              && onlyHeadingsBetween(prevSpanEndPara, sp.para());
          if (samePara || nextPara) a = prev;
        }
        if (a == null && !partial) a = fallbacks.sentenceSubject(open);
        if (a == null && !partial && sp.open() == paraStart[sp.para()]) {
          a = fallbacks.previousParagraphSpeaker(open, sp.para());
        }
        if (a == null && partial) continue; // a scare quote or a title, not speech
        if (charPara[cs] != charPara[Math.max(cs, ce - 1)]) {
          // a quote running over paragraphs: one quote per paragraph, each with the whole quote's attribution
          int ps = cs;
          for (int k = charPara[cs]; k <= charPara[ce - 1]; k++) {
            int s0 = Math.max(ps, paraStart[k]);
            int e0 = Math.min(ce, paraEnd[k]);
            while (s0 < e0 && (isDoubleMark(text.charAt(s0)) || ws(text.charAt(s0)))) s0++;
            while (e0 > s0 && (ws(text.charAt(e0 - 1)) || ",;:".indexOf(text.charAt(e0 - 1)) >= 0)) e0--;
            if (e0 > s0) out.add(found(s0, e0, a, false));
          }
        } else {
          out.add(found(cs, ce, a, partial));
        }
        if (a != null) {
          prev = a;
          prevPara = sp.para();
          prevSpanEndPara = endPara;
        } else {
          prev = null;
        }
      }
      if (indirect) indirect(out);
      out.sort((x, y) -> Integer.compare(x.start(), y.start()));
      return out;
    }

    /**
     * Reported speech with a clear source, in sentences holding no quotation marks: a name, pronoun or description,
     * a reporting verb, "that" (or, for "said"/"says", a clause starting right away), and the rest of the sentence
     * as the content: "Peskov said that the talks would resume."
     */
    void indirect(List<Found> out) {
      int t = 0;
      while (t < nt) {
        int sent = tokSent[t];
        int s = t;
        int e = t;
        boolean quoted = false;
        while (e < nt && tokSent[e] == sent) {
          if (tokQuote[e] >= 0) quoted = true;
          e++;
        }
        t = e;
        if (quoted || !usable(s)) continue;
        for (int v = s + 1; v < e; v++) {
          if (!isVerb(v) || tw[v].endsWith("ing") || !REPORTING.contains(lex.speechVerbs.get(tw[v]))) continue;
          Mention subj = subjectBefore(v, s);
          if (subj == null || subj.kind == UNNAMED && subj.tokEnd - subj.tokStart > 4) break;
          int c = cueEnd(v);
          int k = c;
          while (k < e && k - c < 8 && !tw[k].equals("that") && !tw[k].equals(",") && !tw[k].equals(".")) k++;
          int from;
          if (k < e && tw[k].equals("that")) {
            // "said that is unrealistic": here "that" is the subject of the reported clause
            from = k + 1 < e && AUX.contains(tw[k + 1]) ? k : k + 1;
          } else if (SAY.contains(tw[v]) && c < e && CLAUSE_START.contains(tw[c].toLowerCase(Locale.ROOT))) {
            from = c;
          } else {
            break;
          }
          int to = e;
          while (to > from && !Character.isLetterOrDigit(tw[to - 1].charAt(0))) to--;
          if (to - from < 4) break;
          Found f = found(ts[from], te[to - 1], new Attribution(v, c, subj), false);
          out.add(new Found(f.text(), f.start(), f.end(), f.cue(), f.cueStart(), f.cueEnd(), f.speaker(),
              f.sourceStart(), f.sourceEnd(), f.nameStart(), f.nameEnd(), false, "indirect"));
          break;
        }
      }
    }

    /** "Kasich resisted: “...”": a person opening the sentence, the word after it as the cue. */
    Attribution colonLead(int openTok) {
      if (openTok == 0 || !tw[openTok - 1].equals(":") || tokQuote[openTok - 1] >= 0) return null;
      int sent = tokSent[openTok - 1];
      Mention named = openTok >= 2 ? mentionByEnd.get(openTok - 2) : null;
      if (named != null && named.kind == NAME && named.person >= 0 && !possessive(named.tokEnd - 1)
          && (named.tokStart == sentStart[sent] || tokQuote[named.tokStart - 1] >= 0
              || tw[named.tokStart - 1].equals("."))) {
        return new Attribution(-1, -1, named); // 'Clinton: "Our goal is to defeat ISIS." Bush: "..."'
      }
      for (int t = openTok - 2; t >= 0 && tokSent[t] == sent; t--) {
        if (tokQuote[t] >= 0) return null;
        Mention m = mentionByStart.get(t);
        if (m == null || m.kind == ORG || m.kind == UNNAMED || possessive(m.tokEnd - 1)) continue;
        if (t > 0 && tokSent[t - 1] == sent && !tw[t - 1].equals(",")) continue;
        int w = m.tokEnd;
        while (w < openTok - 1 && lex.adverbs.contains(tw[w].toLowerCase(Locale.ROOT))) w++;
        if (w < openTok - 1 && Character.isLowerCase(tw[w].charAt(0))
            && !STOP_SUBJECT.contains(tw[w].toLowerCase(Locale.ROOT))) {
          return new Attribution(w, w + 1, m);
        }
      }
      return null;
    }

    /**
     * A quote opening a sentence right after one that ends in a cue with no quote of its own: "Sam Lau, the
     * party's spokesman, said in a statement. “There are no paper ballots to recount.”"
     */
    Attribution previousSentence(int openTok) {
      int sent = tokSent[openTok];
      if (sentStart[sent] != openTok || sent == 0) return null;
      int end = openTok - 1;
      int first = sentStart[sent - 1];
      if (charPara[ts[openTok]] - charPara[ts[end]] > 1) return null;
      for (int t = end; t >= first; t--) {
        if (tokQuote[t] >= 0) return null;
        if (end - t > 10) return null;
        if (isVerb(t)) {
          Mention subj = subjectBefore(t, first);
          return subj == null ? null : new Attribution(t, cueEnd(t), subj);
        }
      }
      return null;
    }

    /** Whether the quote's sentence names someone before it (then it does not continue an earlier speaker). */
    boolean ownSubject(int openTok) {
      int sent = tokSent[openTok];
      for (int t = openTok - 1; t >= 0 && tokSent[t] == sent; t--) {
        if (tokQuote[t] >= 0) continue;
        Mention m = mentionByStart.get(t);
        if (m != null && (m.kind == NAME || m.kind == PRON || m.kind == DESC) && !possessive(m.tokEnd - 1)) {
          return true;
        }
      }
      return false;
    }

    /** Up to sixteen words, every one but minor words capitalised: the title of a show, book, film or article. */
    boolean titleCase(int s, int e) {
      int words = 0;
      int content = 0;
      int i = s;
      while (i < e) {
        while (i < e && !Character.isLetterOrDigit(text.charAt(i))) i++;
        if (i >= e) break;
        int w = i;
        while (i < e && !ws(text.charAt(i))) i++;
        words++;
        String word = text.substring(w, i).replaceAll("[^\\p{L}\\p{N}'’-]+$", "");
        if (MINOR.contains(word)) continue;
        content++;
        if (!Character.isUpperCase(word.charAt(0)) && !Character.isDigit(word.charAt(0))) return false;
      }
      return content > 0 && words <= 16;
    }

    boolean onlyHeadingsBetween(int a, int b) {
      if (b <= a) return false;
      for (int k = a + 1; k < b; k++) if (!heading[k]) return false;
      return b - a <= 3;
    }

    boolean endsWithPeriod(Span sp) {
      if (sp.unclosed()) return true;
      int j = sp.close() - 1;
      while (j > sp.open() && ws(text.charAt(j))) j--;
      return text.charAt(j) == '.';
    }

    int countWords(int s, int e) {
      int w = 0;
      boolean in = false;
      for (int c = s; c < e; c++) {
        boolean l = Character.isLetterOrDigit(text.charAt(c));
        if (l && !in) w++;
        in = l || (in && (text.charAt(c) == '-' || text.charAt(c) == '\'' || text.charAt(c) == '’'));
      }
      return w;
    }

    /** Whether the quote opening at {@code open} sits inside a sentence (preceded by a word, not a lead-in). */
    boolean embedded(int open) {
      int j = open - 1;
      while (j >= 0 && text.charAt(j) == ' ') j--;
      if (j < 0 || text.charAt(j) == '\n') return false;
      char c = text.charAt(j);
      return !(c == ',' || c == ':' || c == '.' || c == '!' || c == '?' || c == '—' || c == '–' || c == '(');
    }

    boolean adjacentCue(Attribution a, int openTok) {
      int k = a.cueEndTok;
      if (k < 0) return false;
      return k < nt && (k == openTok || (k + 1 == openTok && (tw[k].equals(",") || tw[k].equals(":")))
          || (k + 1 == openTok && tw[k].equals("—")));
    }

    /** A cue before the quote in its sentence, and its subject. */
    Attribution before(int openTok) {
      int sent = tokSent[openTok];
      int first = openTok;
      while (first > 0 && tokSent[first - 1] == sent) first--;
      int end = openTok;
      if (first == openTok && openTok > 0 && tw[openTok - 1].equals(":") && tokQuote[openTok - 1] < 0) {
        // the lead-in closes the previous paragraph: "In a 1963 speech, he declared:"
        end = openTok - 1;
        first = end;
        while (first > 0 && tokSent[first - 1] == tokSent[end]) first--;
      }
      int v = -1;
      for (int t = end - 1; t >= first; t--) {
        if (tokQuote[t] >= 0) continue;
        if (isVerb(t) || isAccordingTo(t)) {
          v = t;
          break;
        }
      }
      if (v < 0) return null;
      if (isAccordingTo(v)) {
        Mention m = mentionAt(v + 2, openTok);
        return m == null ? null : new Attribution(v, v + 2, m);
      }
      boolean participle = tw[v].endsWith("ing");
      Mention subj = participle && v > first && tw[v - 1].equals(",") ? null : subjectBefore(v, first);
      // "a statement saying", "on Facebook writing": the participle's subject is the clause's, not the noun before
      if (subj != null && participle && subj.person < 0 && subj.kind != PRON) subj = null;
      if (subj == null && v > first && tokQuote[v - 1] >= 0 && !participle) {
        subj = mentionAt(v + 1, openTok); // '“...,” said Sherman, speaking of politicians, “...”'
      }
      if (subj == null && !participle && !"tell".equals(lex.speechVerbs.get(tw[v])) && v + 1 < openTok
          && openTok - v <= 6 && (tw[openTok - 1].equals(":") || tw[openTok - 1].equals(","))) {
        Mention m = mentionAt(v + 1, openTok); // "explained CBS moderator Nancy Cordes: “...”"
        if (m != null && m.kind == NAME && m.person >= 0) subj = m;
      }
      if (subj == null) {
        // coordinated or participle cue: take the subject of an earlier cue, else the last mention that is
        // followed by a verb-like word
        for (int t = v - 1; t >= first && subj == null; t--) {
          if (tokQuote[t] < 0 && isVerb(t)) subj = subjectBefore(t, first);
        }
        if (subj == null && !participle && !(v > first && COORD.contains(tw[v - 1].toLowerCase(Locale.ROOT)))) {
          return null;
        }
        if (subj == null) subj = lastSubjectLike(first, v);
        if (subj == null) return null;
      }
      return new Attribution(v, cueEnd(v), subj);
    }

    /** The last person-like mention in [first, v) that stands before a lower-case word (a verb, presumably). */
    Mention lastSubjectLike(int first, int v) {
      Mention best = null;
      if (SUBORDINATORS.contains(tw[first].toLowerCase(Locale.ROOT))) {
        for (int t = first; t < v; t++) {
          if (tw[t].equals(",") && tokQuote[t] < 0) {
            first = t + 1;
            break;
          }
        }
      }
      for (int t = first; t < v; t++) {
        Mention m = mentionByStart.get(t);
        if (m == null || m.kind == ORG || possessive(m.tokEnd - 1) || tokQuote[t] >= 0) continue;
        int after = m.tokEnd;
        if (after < v && Character.isLowerCase(tw[after].charAt(0))
            && !STOP_SUBJECT.contains(tw[after].toLowerCase(Locale.ROOT)) && !tw[after].equals("and")) {
          return m;
        }
      }
      return best;
    }

    boolean isAccordingTo(int t) {
      return tw[t].equalsIgnoreCase("according") && t + 1 < nt && tw[t + 1].equals("to") && usable(t);
    }

    /** The phrase naming the speaker that ends just before verb {@code v}. */
    Mention subjectBefore(int v, int first) {
      int k = v - 1;
      int skipped = 0;
      boolean passive = false;
      while (k >= first && skipped < 4 && lex.adverbs.contains(tw[k].toLowerCase(Locale.ROOT))) {
        if (BE.contains(tw[k].toLowerCase(Locale.ROOT))) passive = true;
        k--;
        skipped++;
      }
      if (k < first) return null;
      // "his salespersons were told": the listener, not the speaker ("was quoted as saying" is the speaker)
      if (passive && !tw[v].equals("quoted") && !tw[v].endsWith("ing")) return null;
      if (tw[k].equals(",") && k - 1 >= first && tw[k - 1].equals(")")) k--;
      if (tw[k].equals(")")) {
        int j = k - 1;
        while (j >= first && k - j < 12 && !tw[j].equals("(")) j--;
        if (j > first && tw[j].equals("(")) {
          Mention m = mentionEndingAt(j - 1);
          if (m != null) return m;
        }
        return null;
      }
      if (tw[k].equals(",")) {
        String opener = tw[k].equals(")") ? "(" : ",";
        int j = k - 1;
        while (j >= first && k - j < 20 && !tw[j].equals(opener) && tokQuote[j] < 0) j--;
        if (j < first || !tw[j].equals(opener) || tokQuote[j] >= 0) return null;
        Mention inner = null;
        for (int x = j + 1; x < k; x++) {
          Mention m = mentionByStart.get(x);
          if (m != null && m.kind == NAME && m.person >= 0) inner = m;
        }
        int mj = j - 1;
        if (mj >= first && tw[mj].equals(")")) {
          // "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said": step over the parenthesis
          while (mj >= first && !tw[mj].equals("(")) mj--;
          mj--;
        }
        Mention main = mj >= first ? mentionEndingAt(mj) : null;
        boolean relative = j + 1 < k && (tw[j + 1].equals("who") || tw[j + 1].equals("which"));
        if ((main == null || main.person < 0) && !relative) {
          Mention p = fallbacks.personBeforeAppositives(j, first);
          if (p != null) return p;
        }
        if (main != null && (main.person >= 0 || inner == null || relative)) return main;
        return relative ? null : inner;
      }
      if (tw[k].equals("who") && k - 2 >= first && tw[k - 1].equals(",")) {
        return mentionEndingAt(k - 2); // "said Beck, who said there were ..."
      }
      Mention m = mentionEndingAt(k);
      if (m != null && m.person < 0 && m.kind != PRON) {
        // "Mr. Morgan of the Sierra Club said", "John Smith at Brookings says": the person before the affiliation
        int j = m.tokStart - 1;
        if (j >= first && tw[j].equalsIgnoreCase("the")) j--;
        if (j - 1 >= first && (tw[j].equals("of") || tw[j].equals("at") || tw[j].equals("from"))) {
          Mention p = mentionByEnd.get(j - 1);
          if (p != null && p.kind == NAME && p.person >= 0 && !possessive(p.tokEnd - 1)) return p;
        }
      }
      if (m != null && m.kind == UNNAMED && m.tokStart - 1 >= first
          && PREPOSITIONS.contains(tw[m.tokStart - 1].toLowerCase(Locale.ROOT))) {
        // "Sanders in the past has criticized": step over the prepositional phrase
        return subjectBefore(m.tokStart, first);
      }
      return m;
    }

    Mention mentionEndingAt(int k) {
      if (k < 0 || tokQuote[k] >= 0) return null;
      Mention m = mentionByEnd.get(k);
      if (m != null) return m;
      String lw = tw[k].toLowerCase(Locale.ROOT);
      if (!Character.isUpperCase(tw[k].charAt(0)) && !lex.determiners.contains(lw) && !lex.adverbs.contains(lw)
          && !lex.pronouns.containsKey(lw) && !STOP_SUBJECT.contains(lw)) {
        // "the editorial board", "one former campaign staffer": a determiner and up to four words
        for (int j = k - 1; j >= 0 && k - j <= 5 && usable(j) && Character.isLetterOrDigit(tw[j].charAt(0)); j--) {
          String lj = tw[j].toLowerCase(Locale.ROOT);
          if (lex.determiners.contains(lj)) {
            if (lj.equals("that") || lj.equals("this") && j < k - 1) break;
            return new Mention(j, k + 1, UNNAMED, -1, 'u');
          }
          if (isVerb(j) || STOP_SUBJECT.contains(lj) || lex.adverbs.contains(lj) || lj.endsWith("ly")
              || lex.pronouns.containsKey(lj)) {
            break;
          }
        }
      }
      if (Character.isLowerCase(tw[k].charAt(0)) && lex.genericSources.contains(lw)) {
        int s = k;
        for (int j = k - 1; j >= 0 && k - j <= 4 && usable(j) && Character.isLetter(tw[j].charAt(0)); j--) {
          if (lex.determiners.contains(tw[j].toLowerCase(Locale.ROOT))) {
            s = j;
            break;
          }
          if (isVerb(j)) break;
          s = j;
        }
        return new Mention(s, k + 1, UNNAMED, -1, 'u');
      }
      return null;
    }

    Mention mentionAt(int t, int limit) {
      if (t >= nt || t >= limit) return null;
      Mention m = mentionByStart.get(t);
      if (m != null) {
        // "Kremlin spokesman Dmitry Peskov": prefer a person named right after a leading organisation or role
        for (int k = m.tokEnd; k < Math.min(nt, m.tokEnd + 4); k++) {
          Mention p = mentionByStart.get(k);
          if (p != null && p.person >= 0 && (m.kind == ORG || m.kind == DESC)) return p;
          if (!Character.isLetter(tw[k].charAt(0)) || (!isRoleWord(k) && p == null && !isCap(k) && !modifierWord(k))) {
            break;
          }
        }
        return m;
      }
      // a description or unnamed source: up to 5 words ending in a noun before punctuation or a verb
      for (int k = t; k < Math.min(nt, t + 6); k++) {
        if (tw[k].equals("/") || tw[k].equals("-")) continue; // "9/11 widow Terry Strada"
        if (!Character.isLetterOrDigit(tw[k].charAt(0)) || !usable(k)) break;
        Mention p = mentionByStart.get(k);
        if (p != null && p.person >= 0) return p;
        if (k + 1 < nt && (isVerb(k + 1) || !Character.isLetterOrDigit(tw[k + 1].charAt(0))
            || PREPOSITIONS.contains(tw[k + 1].toLowerCase(Locale.ROOT)) || tw[k + 1].equals("who"))) {
          Mention e = mentionEndingAt(k);
          if (e != null) return e;
          break;
        }
      }
      return null;
    }

    /** A speaker and cue right after a closing mark: ', Putin said', ', said Putin', ', he added'. */
    /** Whether the quote's words end in a comma, question or exclamation mark or a dash: '“...,” he said'. */
    boolean separated(Span sp) {
      int j = sp.close() - 1;
      while (j > sp.open() && (ws(text.charAt(j)) || isSingleMark(text.charAt(j)) || text.charAt(j) == ')')) j--;
      return ",?!—–-…".indexOf(text.charAt(j)) >= 0 || sp.unclosed();
    }

    boolean separatorAt(int t) {
      return t < nt && (tw[t].equals(",") || DASHES.contains(tw[t]));
    }

    /** '“...” ― Sonya Herridge': a dash and a name closing the paragraph or sentence; no cue. */
    Attribution dashName(int t, int para) {
      if (t >= nt || !DASHES.contains(tw[t]) || charPara[ts[t]] != para) return null;
      Mention m = mentionByStart.get(t + 1);
      if (m == null || (m.kind != NAME && m.kind != ORG)) return null;
      int e = m.tokEnd;
      if (e < nt && charPara[ts[e]] == para && !tw[e].equals(".") && tokQuote[e] < 0) return null;
      return new Attribution(-1, -1, m);
    }

    Attribution after(int t, int para) {
      while (t < nt && (tw[t].equals(",") || tw[t].equals("—") || tw[t].equals("–") || tw[t].equals("-"))) t++;
      if (t >= nt || !usable(t) || charPara[ts[t]] != para) return null;
      if (isVerb(t) && !"tell".equals(lex.speechVerbs.get(tw[t]))) {
        Mention m = mentionAt(t + 1, nt);
        if (m == null) {
          int c = cueEnd(t);
          m = mentionAt(c, nt);
        }
        if (m == null) return null;
        return new Attribution(t, cueEnd(t), m);
      }
      if (isAccordingTo(t)) {
        Mention m = mentionAt(t + 2, nt);
        return m == null ? null : new Attribution(t, t + 2, m);
      }
      String lw = tw[t].toLowerCase(Locale.ROOT);
      if (STOP_SUBJECT.contains(lw)) return null;
      // subject phrase up to the verb: names, titles, determiners, adverbs, or an appositive between commas
      boolean apposition = false;
      int lastDet = -9;
      for (int k = t; k < Math.min(nt, t + 28); k++) {
        if (apposition && tokQuote[k] >= 0) continue; // 'Bill Eastland, wearing “Ted Cruz” pins, said'
        if (!usable(k) || tokQuote[k] >= 0) return null;
        String w = tw[k];
        if (w.equals(",")) apposition = !apposition;
        else if (w.equals("(")) apposition = true;
        else if (w.equals(")")) apposition = false;
        if (lex.determiners.contains(w.toLowerCase(Locale.ROOT))) lastDet = k;
        if (!apposition && Character.isLowerCase(w.charAt(0)) && !isVerb(k) && !subjectWord(w)
            && !(k + 1 < nt && isCap(k + 1) && !STOP_SUBJECT.contains(w.toLowerCase(Locale.ROOT)))
            && !(k - lastDet <= 4 && !STOP_SUBJECT.contains(w.toLowerCase(Locale.ROOT)))) {
          return apposition || k > t + 4 ? null : fallbacks.namedAfterModifiers(t);
        }
        if (!apposition && (w.equals(".") || w.equals("!") || w.equals("?") || w.equals(";"))) return null;
        if (charPara[ts[k]] != charPara[ts[t]]) return null;
        if (isVerb(k) && k > t) {
          Mention subj = subjectBefore(k, t);
          if (subj == null) {
            subj = mentionAt(t, k);
            if (subj == null) return null;
          }
          return new Attribution(k, cueEnd(k), subj);
        }
      }
      return null;
    }

    /** A lower-case word that may describe a person before the name: "party boss", "pollster", "political". */
    boolean modifierWord(int k) {
      String lw = tw[k].toLowerCase(Locale.ROOT);
      return Character.isLowerCase(tw[k].charAt(0)) && usable(k) && !STOP_SUBJECT.contains(lw)
          && !PREPOSITIONS.contains(lw) && !lex.determiners.contains(lw) && !lex.pronouns.containsKey(lw)
          && !isVerb(k) && !lex.adverbs.contains(lw);
    }

    boolean subjectWord(String w) {
      String lw = w.toLowerCase(Locale.ROOT);
      return lex.determiners.contains(lw) || lex.adverbs.contains(lw) || lex.titles.contains(lw)
          || lex.roleClasses.containsKey(lw) || lex.genericSources.contains(lw) || CONNECTORS.contains(lw)
          || lex.pronouns.containsKey(lw) || lw.equals("of");
    }

    /** An attribution closing the quote's sentence: '... "candidate who is a lightning rod" and ..., said Link.' */
    Attribution tail(int t, int sent, int para) {
      for (int k = t; k < nt && tokSent[k] == sent; k++) {
        if (tokQuote[k] >= 0) return null;
        if (tw[k].equals(",")) {
          Attribution x = after(k + 1, para);
          if (x != null) return x;
        }
      }
      return null;
    }

    /** The cue phrase that starts at verb {@code v}: the verb, a "told" object, "on" + platform; exclusive end. */
    int cueEnd(int v) {
      int e = v + 1;
      String lemma = lex.speechVerbs.get(tw[v]);
      if ("tell".equals(lemma) && e < nt && usable(e)) {
        int obj = objectEnd(e);
        if (obj > e) e = obj;
      }
      if (e + 1 < nt && tw[e].equals("on") && usable(e + 1)) {
        for (List<String> p : lex.platforms) {
          int k = e + 1;
          int i = 0;
          while (i < p.size() && k < nt && bare(k).equals(p.get(i))) {
            i++;
            k++;
          }
          if (i == p.size()) return k;
        }
      }
      return e;
    }

    int objectEnd(int e) {
      for (int len = 3; len >= 1; len--) {
        if (e + len > nt) continue;
        StringBuilder sb = new StringBuilder();
        for (int k = e; k < e + len; k++) sb.append(k > e ? " " : "").append(tw[k].toLowerCase(Locale.ROOT));
        if (lex.cueObjects.contains(sb.toString())) return e + len;
      }
      int k = e;
      if (k < nt && tw[k].equals("The")) k++;
      int s = k;
      while (k < nt && k - s < 4 && isCap(k) && usable(k)) {
        Mention m = mentionByStart.get(k);
        if (m != null && m.kind == NAME) return e; // told Putin: the listener is a person, not a medium
        k++;
      }
      return k > s ? k : e;
    }

    Found found(int cs, int ce, Attribution a, boolean partial) {
      if (a == null) {
        return new Found(text.substring(cs, ce), cs, ce, null, -1, -1, null, -1, -1, -1, -1, partial, "direct");
      }
      int cueS = a.cueTok < 0 ? -1 : ts[a.cueTok];
      int cueE = a.cueTok < 0 ? -1 : te[a.cueEndTok - 1];
      Mention m = a.subject;
      int srcS = ts[m.tokStart];
      int srcE = te[m.tokEnd - 1];
      if (m.kind == NAME && possessive(m.tokEnd - 1)) srcE = ts[m.tokEnd - 1] + bare(m.tokEnd - 1).length();
      String speaker = null;
      int nameS = -1;
      int nameE = -1;
      if (m.person >= 0) {
        Person p = persons.get(m.person);
        speaker = p.canonical;
        int[] span = nameSpanBefore(m);
        nameS = span[0];
        nameE = span[1];
      }
      return new Found(text.substring(cs, ce), cs, ce, cueS < 0 ? null : text.substring(cueS, cueE), cueS, cueE,
          speaker, srcS, srcE, nameS, nameE, partial, "direct");
    }

    /** The latest name mention of the subject's person at or before the subject. */
    int[] nameSpanBefore(Mention subj) {
      Mention best = null;
      for (Mention m : mentions) {
        if (m.tokStart > subj.tokStart) break;
        if (m.kind == NAME && m.person == subj.person) best = m;
      }
      if (best == null) {
        for (Mention m : mentions) {
          if (m.kind == NAME && m.person == subj.person) {
            best = m;
            break;
          }
        }
      }
      if (best == null) return new int[] {-1, -1};
      int e = te[best.tokEnd - 1];
      if (possessive(best.tokEnd - 1)) e = ts[best.tokEnd - 1] + bare(best.tokEnd - 1).length();
      return new int[] {ts[best.tokStart], e};
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static final int PARTIAL_MAX_WORDS = 4;
  static final Set<String> BE = Set.of("was", "were", "is", "are", "be", "been", "being");
  private static final Set<String> NAMING = Set.of("called", "dubbed", "named", "labeled", "labelled");
  static final Set<String> PREPOSITIONS = Set.of("in", "on", "at", "for", "of", "from", "with", "by",
      "during", "after", "before", "since", "over", "under", "about", "into", "through", "against", "among");
  private static final Set<String> MINOR = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "at", "to",
      "for", "with", "by", "from", "vs", "vs.", "de", "la", "&", "-", "—", "–", "…", "as", "but", "nor", "so",
      "than", "via", "per", "into", "onto", "up", "out", "off", "over");
  private static final Set<String> REPORTING = Set.of("say", "tell", "add", "state", "claim", "argue", "insist",
      "warn", "note", "explain", "announce", "acknowledge", "admit", "confirm", "suggest", "predict", "promise",
      "vow", "write", "report", "contend", "maintain", "stress", "emphasize", "assert", "reiterate", "declare",
      "caution", "allege", "concede", "deny", "recall", "tweet", "post");
  private static final Set<String> SAY = Set.of("said", "says");
  private static final Set<String> HONORIFICS = Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr");
  private static final Set<String> SUFFIXES = Set.of("II", "III", "IV", "Jr", "Jr.", "Sr", "Sr.");
  private static final Set<String> AUX = Set.of("is", "was", "are", "were", "has", "had", "will", "would", "could",
      "may", "might", "should", "must", "can");
  private static final Set<String> CLAUSE_START = Set.of("he", "she", "they", "we", "i", "it", "there", "the",
      "his", "her", "their", "its", "this", "these", "those", "a", "an", "no", "all", "some", "both", "most");
  private static final Set<String> SENTENCE_VERBS = Set.of("Said", "Says", "Asked", "Added", "Wrote", "Explained");
  private static final java.util.regex.Pattern DEMONYM =
      java.util.regex.Pattern.compile(".*(an|ic|ish|ese|i)");
  private static final Set<String> DASHES = Set.of("—", "–", "―", "-", "--");
  private static final Set<String> COORD = Set.of(",", "and", "but", "then", "or", "also");
  private static final Set<String> MODALS = Set.of("to", "will", "would", "could", "can", "should", "might",
      "may", "must", "did", "do", "does", "not", "never");
  static final Set<String> SUBORDINATORS = Set.of("while", "although", "though", "as", "when", "after",
      "before", "if", "because", "since", "once", "despite", "unlike", "like", "whereas", "until", "citing",
      "speaking", "asked", "according");
  private static final Set<String> CONNECTORS = Set.of("de", "da", "van", "von", "der", "den", "bin", "al", "ibn",
      "la", "le", "du", "dos", "del", "di");
  private static final Set<String> NOUN_MARKERS = Set.of("the", "a", "an", "his", "her", "their", "its", "these",
      "those", "such", "new", "recent", "earlier", "our", "my", "your", "whose", "any", "no", "media", "news");
  static final Set<String> STOP_SUBJECT = Set.of("and", "but", "or", "which", "that", "who", "as", "while",
      "when", "because", "if", "then", "so", "without", "with", "to", "in", "on", "at", "for", "of", "by", "from",
      "than", "is", "was", "are", "were", "it", "not", "into", "about", "after", "before", "where", "whom");
  private static final Map<String, Character> GENDERED = Map.ofEntries(Map.entry("mr", 'm'), Map.entry("mrs", 'f'),
      Map.entry("ms", 'f'), Map.entry("miss", 'f'), Map.entry("spokesman", 'm'), Map.entry("spokeswoman", 'f'),
      Map.entry("congressman", 'm'), Map.entry("congresswoman", 'f'), Map.entry("chairman", 'm'),
      Map.entry("chairwoman", 'f'), Map.entry("king", 'm'), Map.entry("queen", 'f'), Map.entry("sir", 'm'),
      Map.entry("dame", 'f'), Map.entry("lord", 'm'), Map.entry("lady", 'f'), Map.entry("businessman", 'm'),
      Map.entry("businesswoman", 'f'), Map.entry("prince", 'm'), Map.entry("princess", 'f'));

}
