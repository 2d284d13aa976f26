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
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*\\d|\\d");

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
      String subject, String quoted, double[] weights) {
    Statement {
      clauses = List.copyOf(clauses);
    }

    /** {@code weights}: each term's rarity ({@link Agreement#cover}), in {@code terms} order, looked up once. */
    Statement(Article article, int index, Span span, Set<String> terms, Set<String> names, Set<String> people,
        Set<String> numbers, Set<String> days, boolean quote, List<Statement> clauses, String subject, String quoted) {
      this(article, index, span, terms, names, people, numbers, days, quote, clauses, subject, quoted, weights(terms));
    }

    private static double[] weights(Set<String> terms) {
      double[] w = new double[terms.size()];
      int k = 0;
      for (String t : terms) w[k++] = Agreement.IDF.idf(t);
      return w;
    }

    String text() {
      return span.text(article.text());
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
      Statement st = unit(a, i, s, names, dates, quotes, List.of());
      if (st.terms().size() < MIN_TERMS) continue;
      List<Statement> clauses = new ArrayList<>();
      for (Span c : clauses(a.text(), s)) clauses.add(unit(a, i, c, names, dates, quotes, List.of()));
      out.add(clauses.size() < 2 ? st : unit(a, i, s, names, dates, quotes, clauses));
    }
    return out;
  }

  /** The clauses of sentence {@code s}, each with at least {@link #MIN_TERMS} content words (one: no cut). */
  static List<Span> clauses(String text, Span s) {
    String t = s.text(text);
    List<Span> out = new ArrayList<>();
    int from = 0;
    Matcher m = CLAUSE.matcher(t);
    while (m.find()) {
      if (Tokens.terms(t.substring(from, m.start())).size() < MIN_TERMS) continue;
      if (Tokens.terms(t.substring(m.end())).size() < MIN_TERMS) break;
      out.add(new Span(s.start() + from, s.start() + m.start()));
      from = m.end();
    }
    out.add(new Span(s.start() + from, s.end()));
    return out;
  }

  private static Statement unit(Article a, int i, Span s, List<Name> names, List<Date> dates, List<Said> quotes,
      List<Statement> clauses) {
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
    String text = s.text(a.text());
    Set<String> terms = new LinkedHashSet<>(Tokens.terms(text));
    Set<String> ns = new HashSet<>();
    Set<String> people = new HashSet<>();
    String subject = null;
    int subjectAt = Integer.MAX_VALUE;
    for (Name n : names) {
      if (n.start() >= s.start() && n.end() <= s.end()) {
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
      if (d.start() >= s.start() && d.end() <= s.end() && d.value().matches("\\d{4}-\\d\\d-\\d\\d")) {
        days.add(d.value());
      }
    }
    return new Statement(a, i, s, terms, ns, people, numbers(text), days, overlapping > 0, clauses, subject, quoted);
  }

  /**
   * A person's key for agreement: the last word of the entity id ("per:roger-b-taney" and "per:b-taney" are one
   * person to the veto even when entity linking left them apart; two people of one surname in one story are rare).
   */
  static String surname(String entity) {
    int cut = Math.max(entity.lastIndexOf('-'), entity.lastIndexOf(':'));
    return entity.substring(cut + 1);
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
    Matcher w = WORD_NUMBER.matcher(text);
    while (w.find()) {
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
