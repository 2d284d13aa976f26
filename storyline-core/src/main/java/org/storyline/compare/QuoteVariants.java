package org.storyline.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.storyline.model.Article;
import org.storyline.model.Quote;
import org.storyline.model.QuoteVariant;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

/**
 * Finds one statement quoted by several articles of a story or storyline, and how its wording changed from outlet to
 * outlet ("I rate them highly — there is a result" / "I rate them highly, there are results").
 *
 * <p>Two direct quotes in different articles of the same storyline (or story) are the same statement when their
 * words align over a stretch of at least {@link #MIN_MATCHED} words of which at least {@link #MIN_RATIO} match, after
 * contractions are expanded ("it's" = "it is"), case is dropped and a plural "s" is ignored. Candidate pairs come
 * from shared word trigrams, so the cost grows with the number of quotes, not its square. Each member of a group is
 * the aligned stretch of its quote, with offsets into its article's text; changes are the word runs that differ from
 * the reference member (the earliest published).
 *
 * <p>Deterministic and thread-safe.
 */
public final class QuoteVariants {
  /** Matched words a shared stretch needs. */
  static final int MIN_MATCHED = 5;
  /** Share of the stretch (in the longer of the two) that must match. */
  static final double MIN_RATIO = 0.6;
  /** Unmatched words allowed between two matched ones inside a stretch. */
  private static final int MAX_GAP = 3;
  /** Trigrams shared before two quotes are aligned at all. */
  private static final int MIN_SHARED = 2;
  /** Trigrams in more quotes than this are too common to suggest a pair. */
  private static final int POSTINGS_CAP = 200;
  /** Words of a quote considered (longer quotes are cut), to bound the alignment. */
  private static final int MAX_WORDS = 400;

  private static final Map<String, String> CONTRACTED = Map.ofEntries(Map.entry("won't", "will not"),
      Map.entry("can't", "can not"), Map.entry("cannot", "can not"), Map.entry("shan't", "shall not"),
      Map.entry("let's", "let us"), Map.entry("it's", "it is"), Map.entry("that's", "that is"),
      Map.entry("there's", "there is"), Map.entry("here's", "here is"), Map.entry("what's", "what is"),
      Map.entry("who's", "who is"), Map.entry("he's", "he is"), Map.entry("she's", "she is"),
      Map.entry("where's", "where is"));
  private static final String[][] SUFFIXES = {{"n't", " not"}, {"'re", " are"}, {"'m", " am"}, {"'ve", " have"},
      {"'ll", " will"}, {"'d", " would"}, {"'s", ""}};

  /** Groups the quotes of {@code quotes} that give one statement in several articles. */
  public List<QuoteVariant> find(List<Article> articles, List<Quote> quotes, List<Story> stories,
      List<Storyline> storylines) {
    Map<String, Article> byId = new HashMap<>();
    for (Article a : articles) byId.putIfAbsent(a.id(), a);
    Map<String, String> scope = org.storyline.compare.Scopes.of(stories, storylines);
    List<Q> qs = new ArrayList<>();
    for (Quote q : quotes) {
      Article a = byId.get(q.article());
      if (!"direct".equals(q.kind()) || a == null || scope.get(q.article()) == null) continue;
      Q x = Q.of(qs.size(), q, a, scope.get(q.article()));
      if (x.norm.size() >= MIN_MATCHED) qs.add(x);
    }
    // candidate pairs through shared trigrams, within one scope and across articles
    Map<String, List<Integer>> postings = new HashMap<>();
    Map<Long, Integer> shared = new TreeMap<>();
    for (Q q : qs) {
      Map<Integer, Integer> hits = new HashMap<>();
      for (String g : q.trigrams()) {
        List<Integer> p = postings.computeIfAbsent(q.scope + "|" + g, k -> new ArrayList<>());
        if (p.size() <= POSTINGS_CAP) {
          for (int o : p) if (!qs.get(o).quote.article().equals(q.quote.article())) hits.merge(o, 1, Integer::sum);
        }
        p.add(q.index);
      }
      for (var h : hits.entrySet()) {
        if (h.getValue() >= MIN_SHARED) shared.put(((long) h.getKey() << 32) | q.index, h.getValue());
      }
    }
    int[] parent = new int[qs.size()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    int[][] span = new int[qs.size()][];
    for (long key : shared.keySet()) {
      Q a = qs.get((int) (key >>> 32));
      Q b = qs.get((int) key);
      int[] r = align(a.norm, b.norm);
      if (r == null) continue;
      widen(span, a, a.words.get(a.norm.get(r[0]).source()).start(), a.words.get(a.norm.get(r[1]).source()).end());
      widen(span, b, b.words.get(b.norm.get(r[2]).source()).start(), b.words.get(b.norm.get(r[3]).source()).end());
      union(parent, a.index, b.index);
    }
    Map<Integer, List<Q>> groups = new TreeMap<>();
    for (Q q : qs) {
      if (span[q.index] != null) groups.computeIfAbsent(find(parent, q.index), k -> new ArrayList<>()).add(q);
    }
    List<QuoteVariant> out = new ArrayList<>();
    for (List<Q> g : groups.values()) out.add(variant(g, span, byId));
    out.sort(Comparator.comparing((QuoteVariant v) -> published(byId.get(v.members().get(0).article())))
        .thenComparing(v -> v.members().get(0).article()).thenComparingInt(v -> v.members().get(0).start()));
    return out;
  }

  private static QuoteVariant variant(List<Q> g, int[][] span, Map<String, Article> byId) {
    List<QuoteVariant.Member> members = new ArrayList<>();
    for (Q q : g) {
      int s = span[q.index][0];
      int e = span[q.index][1];
      members.add(new QuoteVariant.Member(q.quote.article(), q.article.outlet(), s, e, q.article.text().substring(s, e),
          q.quote.speaker()));
    }
    members.sort(Comparator.comparing((QuoteVariant.Member m) -> published(byId.get(m.article())))
        .thenComparing(QuoteVariant.Member::article).thenComparingInt(QuoteVariant.Member::start));
    QuoteVariant.Member ref = members.get(0);
    List<String> refWords = words(ref.text());
    boolean identical = true;
    List<QuoteVariant.Change> changes = new ArrayList<>();
    for (QuoteVariant.Member m : members.subList(1, members.size())) {
      if (words(m.text()).equals(refWords)) continue;
      identical = false;
      changes.addAll(changes(m.article(), ref.text(), m.text()));
    }
    Map<String, Integer> speakers = new TreeMap<>();
    for (QuoteVariant.Member m : members) if (m.speaker() != null) speakers.merge(m.speaker(), 1, Integer::sum);
    String speaker = speakers.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
        .orElse(null);
    String id = "qv-" + ref.article() + "-" + ref.start();
    return new QuoteVariant(id, speaker, identical, members, changes);
  }

  private static String published(Article a) {
    return a == null || a.published() == null ? "\uffff" : a.published();
  }

  private static void widen(int[][] span, Q q, int s, int e) {
    int[] x = span[q.index];
    if (x == null) {
      span[q.index] = new int[] {s, e};
    } else {
      x[0] = Math.min(x[0], s);
      x[1] = Math.max(x[1], e);
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int x = find(parent, a);
    int y = find(parent, b);
    if (x != y) parent[Math.max(x, y)] = Math.min(x, y);
  }

  /**
   * The best shared stretch of two normalised word lists: {firstA, lastA, firstB, lastB} (indices into the lists), or
   * null when none has {@link #MIN_MATCHED} matched words at a {@link #MIN_RATIO} share.
   */
  static int[] align(List<Norm> a, List<Norm> b) {
    int n = Math.min(a.size(), MAX_WORDS);
    int m = Math.min(b.size(), MAX_WORDS);
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).word().equals(b.get(j).word()) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0, j = 0; i < n && j < m; ) {
      if (a.get(i).word().equals(b.get(j).word())) {
        pairs.add(new int[] {i++, j++});
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    int[] best = null;
    int bestMatched = 0;
    for (int s = 0; s < pairs.size(); ) {
      int e = s;
      while (e + 1 < pairs.size() && pairs.get(e + 1)[0] - pairs.get(e)[0] - 1 <= MAX_GAP
          && pairs.get(e + 1)[1] - pairs.get(e)[1] - 1 <= MAX_GAP) {
        e++;
      }
      int matched = e - s + 1;
      int longer = Math.max(pairs.get(e)[0] - pairs.get(s)[0], pairs.get(e)[1] - pairs.get(s)[1]) + 1;
      if (matched >= MIN_MATCHED && matched >= MIN_RATIO * longer && matched > bestMatched) {
        best = new int[] {pairs.get(s)[0], pairs.get(e)[0], pairs.get(s)[1], pairs.get(e)[1]};
        bestMatched = matched;
      }
      s = e + 1;
    }
    return best;
  }

  /** The word runs in which {@code to} differs from {@code from}; runs of punctuation alone are left out. */
  static List<QuoteVariant.Change> changes(String article, String from, String to) {
    List<Tok> a = surface(from);
    List<Tok> b = surface(to);
    List<QuoteVariant.Change> out = new ArrayList<>();
    // a change is each run of edits between two kept words (or the ends)
    int ra = 0;
    int rb = 0;
    int i = 0;
    int j = 0;
    for (WordDiff.Edit e : WordDiff.diff(keys(a), keys(b), WordDiff.Ties.REMOVED_FIRST)) {
      switch (e.kind()) {
        case REMOVED -> i++;
        case ADDED -> j++;
        case SAME -> {
          change(article, from, to, a, b, ra, i, rb, j, out);
          ra = ++i;
          rb = ++j;
        }
      }
    }
    change(article, from, to, a, b, ra, i, rb, j, out);
    return out;
  }

  /** The change of words {@code a[ra, i)} into {@code b[rb, j)}, when there is one and it holds a word. */
  private static void change(String article, String from, String to, List<Tok> a, List<Tok> b, int ra, int i,
      int rb, int j, List<QuoteVariant.Change> out) {
    if (ra == i && rb == j) return;
    String f = ra < i ? from.substring(a.get(ra).start(), a.get(i - 1).end()) : "";
    String t = rb < j ? to.substring(b.get(rb).start(), b.get(j - 1).end()) : "";
    if (hasWord(f) || hasWord(t)) out.add(new QuoteVariant.Change(article, f, t));
  }

  private static List<String> keys(List<Tok> toks) {
    return toks.stream().map(Tok::key).toList();
  }

  private static boolean hasWord(String s) {
    for (int k = 0; k < s.length(); k++) if (Character.isLetterOrDigit(s.charAt(k))) return true;
    return false;
  }

  /** A surface token (a word, or one punctuation mark) with offsets; {@code key} is its lower-case form. */
  record Tok(int start, int end, String key) {}

  /** A normalised word and the index of the surface word it comes from. */
  record Norm(String word, int source) {}

  static List<Tok> surface(String s) {
    List<Tok> out = new ArrayList<>();
    int k = 0;
    while (k < s.length()) {
      char c = s.charAt(k);
      if (Character.isWhitespace(c)) {
        k++;
      } else if (Character.isLetterOrDigit(c)) {
        int e = k + 1;
        while (e < s.length()) {
          char d = s.charAt(e);
          boolean apostrophe = (d == '\'' || d == '\u2019') && e + 1 < s.length()
              && Character.isLetter(s.charAt(e + 1));
          if (Character.isLetterOrDigit(d) || apostrophe) {
            e++;
          } else {
            break;
          }
        }
        out.add(new Tok(k, e, s.substring(k, e).replace('\u2019', '\'').toLowerCase(Locale.ROOT)));
        k = e;
      } else {
        out.add(new Tok(k, k + 1, String.valueOf(c)));
        k++;
      }
    }
    return out;
  }

  /** The words of a text, lower-cased, without punctuation. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (Tok t : surface(s)) if (Character.isLetterOrDigit(t.key().charAt(0))) out.add(t.key());
    return out;
  }

  /** Words normalised for alignment: contractions expanded, plural "s" dropped. */
  static List<Norm> normalise(List<Tok> words) {
    List<Norm> out = new ArrayList<>();
    for (int w = 0; w < words.size(); w++) {
      String k = words.get(w).key();
      String exp = CONTRACTED.get(k);
      if (exp == null) {
        for (String[] sx : SUFFIXES) {
          if (k.length() > sx[0].length() && k.endsWith(sx[0])) {
            exp = k.substring(0, k.length() - sx[0].length()) + sx[1];
            break;
          }
        }
      }
      for (String part : (exp == null ? k : exp).split(" ")) out.add(new Norm(stem(part), w));
    }
    return out;
  }

  private static String stem(String w) {
    return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
  }

  /** A quote being compared: its words (offsets into the article text) and normalised words. */
  private record Q(int index, Quote quote, Article article, String scope, List<Tok> words, List<Norm> norm) {
    static Q of(int index, Quote q, Article a, String scope) {
      List<Tok> words = new ArrayList<>();
      for (Tok t : surface(q.text())) {
        if (Character.isLetterOrDigit(t.key().charAt(0))) {
          words.add(new Tok(q.start() + t.start(), q.start() + t.end(), t.key()));
        }
      }
      return new Q(index, q, a, scope, words, normalise(words));
    }

    Set<String> trigrams() {
      Set<String> out = new HashSet<>();
      for (int i = 0; i + 3 <= norm.size(); i++) {
        out.add(norm.get(i).word() + " " + norm.get(i + 1).word() + " " + norm.get(i + 2).word());
      }
      return out;
    }
  }
}
