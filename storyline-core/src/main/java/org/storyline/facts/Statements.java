package org.storyline.facts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.cluster.Tokens;
import org.storyline.model.Article;
import org.storyline.nlp.Span;
import org.storyline.util.Searches;

/**
 * Cuts an article into the statements that facts are made of: its sentences, each with what decides whether two
 * statements say the same thing (content words, the entities it names, its numbers and day dates, whether it quotes
 * someone). Stateless and thread-safe.
 */
final class Statements {
  /** Content words a sentence needs to state a fact ("Advertisement", "He said." state none). */
  static final int MIN_TERMS = 4;
  /** Longer sentences are not statements of one fact but run-together text (a list, a table, lost paragraphs). */
  static final int MAX_CHARS = 700;
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
  private static final Pattern NUMBER = Pattern.compile("(?=[0-9])(?:\\d[\\d,.]*\\d|\\d)");

  private Statements() {}

  /** A name an article mentions: its entity id and type (PER, ORG, LOC, MISC), at {@code start..end}. */
  record Name(String entity, String type, int start, int end) {}

  /**
   * A quotation of the article at {@code start..end}, its speaker's {@link #surname} key (null when the quote stage
   * named nobody), and whether it is a whole direct quotation (not a fragment, not reported speech).
   */
  record Said(int start, int end, String speaker, boolean whole) {}

  /** A dated expression of the article: its normalised value at {@code start..end}. */
  record Date(String value, int start, int end) {}

  /**
   * One sentence of an article: {@code index} its position among the article's sentences; {@code people} and
   * {@code names} entity ids (PER only, and all types); {@code numbers} digit strings without separators;
   * {@code days} day-granular dates ("2025-02-18"); {@code quote} whether it holds a quote; {@code clauses} the
   * clauses of a sentence that joins several ("X said ..., but cautioned that ..."), each a statement of its own
   * (empty when the sentence is one clause); {@code subject} the person named first (their {@link #surname} key),
   * mostly the one who acts or speaks, or null when it names nobody; {@code quoted} the speaker's key when the
   * sentence reports one whole direct quotation of a named speaker (what it says is then that person's words, and its
   * attribution, "Mayor Jane Holt said", is no shared action: see {@link Agreement}), else null.
   */
  record Statement(Article article, int index, Span span, Set<String> terms, Set<String> names,
      Set<String> people, Set<String> numbers, Set<String> days, boolean quote, List<Statement> clauses,
      String subject, String quoted, Span carried, double[] weights) {
    Statement {
      clauses = List.copyOf(clauses);
    }

    /**
     * {@code carried}: for a predicate cut from a sentence whose subject governs several ({@link #cores}), the
     * subject's span, read before {@code span} (null otherwise); {@code weights}: each term's rarity
     * ({@link Agreement#cover}), in {@code terms} order, looked up once.
     */
    Statement(Article article, int index, Span span, Set<String> terms, Set<String> names, Set<String> people,
        Set<String> numbers, Set<String> days, boolean quote, List<Statement> clauses, String subject, String quoted,
        Span carried) {
      this(article, index, span, terms, names, people, numbers, days, quote, clauses, subject, quoted, carried,
          weights(terms));
    }

    private static double[] weights(Set<String> terms) {
      double[] w = new double[terms.size()];
      int k = 0;
      for (String t : terms) w[k++] = Agreement.IDF.idf(t);
      return w;
    }

    String text() {
      return carried == null ? span.text(article.text()) : carried.text(article.text()) + " " + span.text(article.text());
    }

    /** Whether it reports one whole direct quotation of a named speaker ({@code quoted}). */
    boolean quotation() {
      return quoted != null;
    }

    /** The sentence, then its clauses. */
    List<Statement> units() {
      if (clauses.isEmpty()) return List.of(this);
      List<Statement> out = new ArrayList<>(clauses.size() + 1);
      out.add(this);
      out.addAll(clauses);
      return out;
    }
  }

  /**
   * Where a sentence joins clauses: a comma or semicolon before a conjunction that starts a new statement, or a
   * semicolon; and, without a comma, "but" or a temporal "as" ("praised the efforts as officials held talks": the
   * "as" of a comparison, a role or a list, "as well as", "such as", "as a", "as part of", is not cut). Only cuts
   * that leave {@link #MIN_TERMS} content words on both sides are made.
   */
  private static final Pattern CLAUSE = Pattern.compile(
      // each cut starts at a comma, a semicolon or a space: the look-ahead saves trying the alternatives (and the
      // look-behind) at every other character (it was a sixth of the pipeline's Java time on BBC News)
      "(?=[,;\\s])(?:[,;]\\s+(?=(?:but|while|though|although|whereas|and|as|with)\\s)|;\\s+|\\s+(?=but\\s)"
      + "|(?=\\s+as\\s)"
      + "(?<!such|well|same|just|so|known|much|many|soon|long|far|twice|serve|served|serves|seen|regarded|described)"
      + "\\s+(?=as\\s+(?!(?:a|an|well|part|of|if|though|soon|long|much|many|far|to|for|in|the\\s+(?:first|last|"
      + "only|same|result|latest|new))\\s)[\\p{L}]))");

  /**
   * The statements of {@code a}; {@code names}, {@code dates} and
   * {@code quotes} are those of this article.
   */
  static List<Statement> of(Article a, List<Name> names, List<Date> dates, List<Said> quotes) {
    return of(a, org.storyline.document.Documents.none().sentences(a), names, dates, quotes);
  }

  /** {@link #of(Article, List, List, List)} with the sentences already split ({@code spans}: its document's). */
  static List<Statement> of(Article a, List<Span> spans, List<Name> names, List<Date> dates, List<Said> quotes) {
    List<Statement> out = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      if (s.length() > MAX_CHARS) continue;
      Statement st = unit(a, i, s, null, names, dates, quotes, List.of());
      if (st.terms().size() < MIN_TERMS) continue;
      List<Statement> clauses = new ArrayList<>();
      List<Span> cut = clauses(a.text(), s);
      if (cut.size() > 1) for (Span c : cut) clauses.add(unit(a, i, c, null, names, dates, quotes, List.of()));
      for (Span[] c : cores(a.text(), s)) clauses.add(unit(a, i, c[1], c[0], names, dates, quotes, List.of()));
      // the sentence with its clauses: its own reading is st's (the clauses do not change it)
      out.add(clauses.isEmpty() ? st : new Statement(a, i, s, st.terms(), st.names(), st.people(), st.numbers(),
          st.days(), st.quote(), clauses, st.subject(), st.quoted(), null, st.weights()));
    }
    return out;
  }

  /** The clauses of sentence {@code s}, each with at least {@link #MIN_TERMS} content words (one: no cut). */
  static List<Span> clauses(String text, Span s) {
    String t = s.text(text);
    List<Span> out = new ArrayList<>();
    int from = 0;
    Matcher m = CLAUSE.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
    for (int at = 0; (at = Searches.findAt(m, t, at, ",; \t\n\u000B\f\r")) >= 0; ) {
      if (Tokens.terms(t.substring(from, m.start())).size() < MIN_TERMS) continue;
      if (Tokens.terms(t.substring(m.end())).size() < MIN_TERMS) break;
      out.add(new Span(s.start() + from, s.start() + m.start()));
      from = m.end();
    }
    out.add(new Span(s.start() + from, s.end()));
    return out;
  }

  /** Words between a subject and its first predicate that belong to neither ("The two countries have also hailed"). */
  private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "was", "were", "is", "are", "will",
      "would", "also", "then", "later", "both", "jointly", "already", "reportedly", "now", "since", "previously");
  /** Words that end a predicate's core: what follows adds to it (a relative clause, an example, a circumstance). */
  private static final Set<String> CORE_ENDS = Set.of("that", "which", "who", "whom", "including", "while", "as",
      "because", "although", "though", "after", "before", "amid", "despite", "when", "where", "if", "but");
  /** The words and marks of {@link #cores}, read by {@link #coreWords} (this pattern is their definition). */
  static final Pattern CORE_WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}'\u2019.-]*[\\p{L}\\p{N}])?|[,;:\u2014\u2013()\"\u201c\u201d]");
  /** Forms of "be" that make a passive, kept with its verb. */
  private static final Set<String> BE = Set.of("was", "were", "is", "are", "been");
  /** Words that link a sentence to the one before, not part of its subject. */
  private static final Set<String> CONNECTIVES = Set.of("but", "and", "so", "yet", "meanwhile", "however");
  private static final Set<String> PREPOSITIONS = Set.of("in", "on", "at", "after", "before", "during", "since",
      "for", "with", "by", "from", "under", "over", "as", "when", "while", "if", "although", "though", "despite");
  /** Words that open a clause of their own inside a predicate. */
  private static final Set<String> NESTED = Set.of("that", "whether", "which", "who", "whom", "if", "when", "where",
      "because", "while", "as", "after", "before", "since", "until", "but", "or", "yet", "so");
  /** Content words a core's predicate needs, its verb included. */
  private static final int CORE_TERMS = 3;
  /** Predicates' words at most, from the verb (a core is the gist, not the whole clause). */
  private static final int CORE_WORDS = 12;

  /**
   * The cores of sentence {@code s} when its subject governs two or more coordinated predicates ("The two countries
   * have also hailed each other over the war and hinted at signing a new economic deal that could ..."): each
   * predicate, from its verb to the first word that starts an addition to it (a relative clause, "including", a
   * comma), with the subject carried over ({@code [subject, predicate]} spans; read together: "The two countries
   * hinted at signing a new economic deal"). A report restating one of them alone ("The two countries discussed
   * pursuing joint economic opportunities", from another sentence of two predicates) then meets it without the other
   * predicate's words between them. Empty when the sentence has one predicate or no plain subject.
   */
  static List<Span[]> cores(String text, Span s) {
    String t = s.text(text);
    List<int[]> w = new ArrayList<>();
    coreWords(t, w);
    if (w.size() < 6) return List.of();
    // the first predicate: a verb within the subject's reach, the subject before it plain words from a capital
    int first = -1;
    for (int k = 1; k < Math.min(w.size(), 12); k++) {
      String word = word(t, w.get(k));
      if (punctuation(word)) return List.of();
      if (org.storyline.events.EventPhrase.predicateWord(word(t, w.get(k - 1)), word)) {
        first = k;
        break;
      }
    }
    if (first < 1 || !Character.isUpperCase(t.charAt(w.get(0)[0]))) return List.of();
    int subjStart = CONNECTIVES.contains(word(t, w.get(0)).toLowerCase(Locale.ROOT)) ? 1 : 0;
    // a sentence that opens with a circumstance ("In 2012 she ...") has no plain subject to carry
    if (PREPOSITIONS.contains(word(t, w.get(subjStart)).toLowerCase(Locale.ROOT))) return List.of();
    int subjEnd = first;
    int predStart = first;
    while (subjEnd > subjStart && (AUXILIARIES.contains(word(t, w.get(subjEnd - 1)).toLowerCase(Locale.ROOT))
        || word(t, w.get(subjEnd - 1)).endsWith("ly"))) {
      subjEnd--;
      // a passive keeps its "was" ("Yates was sacked" is not "Yates sacked")
      if (BE.contains(word(t, w.get(subjEnd)).toLowerCase(Locale.ROOT))) predStart = subjEnd;
    }
    if (subjEnd <= subjStart) return List.of();
    // a plain noun phrase: no verb of its own ("This was more than expected and helped ..." has none to carry)
    for (int k = subjStart; k < subjEnd; k++) {
      String word = word(t, w.get(k));
      if (AUXILIARIES.contains(word.toLowerCase(Locale.ROOT)) || punctuation(word)) return List.of();
    }
    // the coordinated predicates: "and" then a verb (an adverb between allowed), at the subject's level (no comma
    // since the first predicate: "X said A, and B did C" has a subject of its own)
    List<Integer> starts = new ArrayList<>();
    List<Integer> ands = new ArrayList<>();
    List<Integer> from = new ArrayList<>();
    starts.add(first);
    from.add(predStart);
    for (int k = first + 1; k < w.size() - 1; k++) {
      String word = word(t, w.get(k));
      if (punctuation(word)) break;
      // a clause inside the predicate ("looked at whether companies rigged bids and fixed prices"): its "and"
      // joins that clause's verbs, not the subject's
      if (NESTED.contains(word.toLowerCase(Locale.ROOT))) break;
      if (!"and".equals(word)) {
        if (org.storyline.events.EventPhrase.predicateWord(word(t, w.get(k - 1)), word)) break;
        continue;
      }
      int v = k + 1;
      int f = v;
      if (v < w.size() - 1 && AUXILIARIES.contains(word(t, w.get(v)))) v++;
      if (!BE.contains(word(t, w.get(f)))) f = v;
      // not a hyphenated adjective ("and better-than-expected asset sales")
      if (word(t, w.get(v)).indexOf('-') < 0
          && org.storyline.events.EventPhrase.predicateWord(word(t, w.get(v - 1)), word(t, w.get(v)))) {
        ands.add(k);
        starts.add(v);
        from.add(f);
        k = v; // the verb just taken is no clause inside the predicate
      }
    }
    if (starts.size() < 2) return List.of();
    List<Span[]> out = new ArrayList<>();
    Span subject = new Span(s.start() + w.get(subjStart)[0], s.start() + w.get(subjEnd - 1)[1]);
    for (int p = 0; p < starts.size(); p++) {
      int verb = starts.get(p);
      int limit = p < ands.size() ? ands.get(p) : w.size();
      int end = verb + 1;
      while (end < limit && end - verb < CORE_WORDS) {
        String word = word(t, w.get(end));
        if (punctuation(word)) break;
        if (CORE_ENDS.contains(word.toLowerCase(Locale.ROOT))) break;
        end++;
      }
      Span pred = new Span(s.start() + w.get(from.get(p))[0], s.start() + w.get(end - 1)[1]);
      // a predicate of its verb alone ("and predicted that ...") says too little beside the subject's words
      if (Tokens.terms(pred.text(text)).size() < CORE_TERMS) continue;
      out.add(new Span[] {subject, pred});
    }
    return out;
  }

  private static String word(String t, int[] w) {
    return t.substring(w[0], w[1]);
  }

  /**
   * The matches of {@link #CORE_WORD} in {@code t}, in order, as {@code [start, end]}, read in one pass (the pattern's
   * search was most of {@link #cores}' time): a letter or number, then the longest run of letters, numbers and
   * {@code ' ’ . -} that ends in a letter or number; or one mark of its punctuation class.
   */
  static void coreWords(String t, List<int[]> out) {
    int n = t.length();
    int i = 0;
    while (i < n) {
      int c = t.codePointAt(i);
      if (!letterOrNumber(c)) {
        if (CORE_MARKS.indexOf(c) >= 0) out.add(new int[] {i, i + 1});
        i += Character.charCount(c);
        continue;
      }
      int end = i + Character.charCount(c);
      int j = end;
      while (j < n) {
        int d = t.codePointAt(j);
        if (letterOrNumber(d)) {
          j += Character.charCount(d);
          end = j;
        } else if (d == '\'' || d == '\u2019' || d == '.' || d == '-') {
          j++;
        } else {
          break;
        }
      }
      out.add(new int[] {i, end});
      i = end;
    }
  }

  private static final String CORE_MARKS = ",;:\u2014\u2013()\"\u201c\u201d";

  /** {@code \p{L}} or {@code \p{N}}. */
  private static boolean letterOrNumber(int c) {
    if (Character.isLetter(c)) return true;
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** A mark of {@link #CORE_WORD}'s punctuation class (its words start with a letter or digit). */
  private static boolean punctuation(String word) {
    return word.length() == 1 && !Character.isLetterOrDigit(word.charAt(0));
  }

  private static Statement unit(Article a, int i, Span s, Span carried, List<Name> names, List<Date> dates,
      List<Said> quotes, List<Statement> clauses) {
    Said whole = null;
    int overlapping = 0;
    for (Said q : quotes) {
      if (q.start() < s.end() && q.end() > s.start()) {
        overlapping++;
        whole = q;
      }
    }
    String quoted = overlapping == 1 && whole.whole() && whole.start() >= s.start() && whole.end() <= s.end()
        ? whole.speaker() : null;
    String text = carried == null ? s.text(a.text()) : carried.text(a.text()) + " " + s.text(a.text());
    Set<String> terms = new LinkedHashSet<>(Tokens.terms(text));
    Set<String> ns = new HashSet<>();
    Set<String> people = new HashSet<>();
    String subject = null;
    int subjectAt = Integer.MAX_VALUE;
    for (Name n : names) {
      if (n.start() >= s.start() && n.end() <= s.end()
          || carried != null && n.start() >= carried.start() && n.end() <= carried.end()) {
        ns.add(n.entity());
        if (n.type().equals("PER")) {
          people.add(surname(n.entity()));
          if (n.start() < subjectAt) {
            subjectAt = n.start();
            subject = surname(n.entity());
          }
        }
      }
    }
    Set<String> days = new HashSet<>();
    for (Date d : dates) {
      if (d.start() >= s.start() && d.end() <= s.end() && DAY.matcher(d.value()).matches()) {
        days.add(d.value());
      }
    }
    return new Statement(a, i, s, terms, ns, people, numbers(text), days, overlapping > 0, clauses, subject, quoted,
        carried);
  }

  /**
   * A person's key for agreement: the last word of the entity id ("per:roger-b-taney" and "per:b-taney" are one
   * person to the veto even when entity linking left them apart; two people of one surname in one story are rare).
   */
  static String surname(String entity) {
    int cut = Math.max(entity.lastIndexOf('-'), entity.lastIndexOf(':'));
    return entity.substring(cut + 1);
  }

  private static boolean asciiWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static final java.util.Map<String, Integer> NUMBER_WORDS = numberWords();
  private static final Pattern WORD_NUMBER = Pattern.compile(
      // every number word starts with one of these letters: the look-ahead saves trying both branches everywhere
      "(?i)(?=[tfsen])(?:\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|"
      + "seven|eight|nine))?\\b|\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
      + "fifteen|sixteen|seventeen|eighteen|nineteen)\\b)");

  private static java.util.Map<String, Integer> numberWords() {
    String[] units = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 1; i < units.length; i++) m.put(units[i], i);
    for (int i = 2; i < tens.length; i++) m.put(tens[i], i * 10);
    return java.util.Map.copyOf(m);
  }

  /**
   * The numbers of a text: written in digits (separators removed: "1,500" and "1500" agree) or in words from two to
   * ninety-nine ("Sixty-seven Republicans" and "67 Republicans" agree; "one" is left out, it is mostly not a count).
   */
  static Set<String> numbers(String text) {
    Set<String> out = new HashSet<>();
    Matcher w = WORD_NUMBER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    // find(), tried only where a number word can start (its first letter after no ASCII word character: the
    // pattern's look-ahead alone lets most letters through); each try sees the whole text
    for (int p = 0, n = text.length(); p < n; p++) {
      char c = (char) (text.charAt(p) | 0x20);
      if (c != 't' && c != 'f' && c != 's' && c != 'e' && c != 'n' || p > 0 && asciiWord(text.charAt(p - 1))) continue;
      if (!w.region(p, n).lookingAt()) continue;
      p = w.end() - 1;
      int v = w.group(1) != null
          ? NUMBER_WORDS.get(w.group(1).toLowerCase(Locale.ROOT))
              + (w.group(2) == null ? 0 : NUMBER_WORDS.get(w.group(2).toLowerCase(Locale.ROOT)))
          : NUMBER_WORDS.get(w.group(3).toLowerCase(Locale.ROOT));
      out.add(Integer.toString(v));
    }
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String n = m.group().replace(",", "");
      if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
      out.add(n.toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
