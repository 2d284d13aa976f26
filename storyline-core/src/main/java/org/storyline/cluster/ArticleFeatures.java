package org.storyline.cluster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.model.Article;

/**
 * What clustering needs from one article, computed once and independently of every other article (so it can run on
 * any number of threads): weighted term counts (title terms boosted; name, entity, number/date and quote features
 * prefixed {@code #}, {@code @}, {@code %} and {@code "}), the publish day, a MinHash signature of its word shingles, its exact-copy keys
 * and its wire credits.
 */
public record ArticleFeatures(String id, long day, String title, String lead, Map<String, Double> counts,
    Map<String, String> nameForms, int[] signature, int shingleCount, String urlKey, long textKey,
    Set<String> wires, long eventDay) implements java.io.Serializable {
  public static final long NO_DAY = Long.MIN_VALUE;
  static final int SHINGLE = 4;

  private static final Pattern QUOTED = Pattern.compile("[\"\u201c\u201d]([^\"\u201c\u201d\n]{12,400})[\"\u201c\u201d]");
  private static final Pattern LEAD_END = Pattern.compile("(?<=[.!?])[\"\u201d']?\\s+(?=[A-Z\"\u201c])");
  /** Wire credit spellings to one key (heuristics as data). */
  private static final Map<String, String> WIRES = Map.ofEntries(
      Map.entry("ap", "AP"), Map.entry("associated press", "AP"), Map.entry("the associated press", "AP"),
      Map.entry("reuters", "Reuters"), Map.entry("thomson reuters", "Reuters"),
      Map.entry("afp", "AFP"), Map.entry("agence france-presse", "AFP"), Map.entry("agence france presse", "AFP"),
      Map.entry("dpa", "dpa"), Map.entry("tass", "TASS"), Map.entry("xinhua", "Xinhua"),
      Map.entry("anadolu", "Anadolu"), Map.entry("anadolu agency", "Anadolu"), Map.entry("pti", "PTI"),
      Map.entry("ani", "ANI"), Map.entry("ians", "IANS"), Map.entry("bloomberg", "Bloomberg"),
      Map.entry("efe", "EFE"), Map.entry("ansa", "ANSA"), Map.entry("kyodo", "Kyodo"), Map.entry("yonhap", "Yonhap"),
      Map.entry("upi", "UPI"), Map.entry("press association", "PA"), Map.entry("pa", "PA"));

  /**
   * Features of one article. {@code entityNames} are the canonical names of entities mentioned in it (may be empty:
   * capitalised tokens stand in); {@code quotes} the quoted words found in it (may be empty: quotation marks in the
   * text stand in).
   */
  public static ArticleFeatures of(Article a, Collection<String> entityNames, Collection<String> quotes,
      ClusterConfig cfg) {
    Map<String, Double> counts = new HashMap<>();
    String title = a.title() == null || a.title().isBlank() ? null : a.title().strip();
    // without a title, the headline words of the URL's slug stand in (as terms only: they carry no capitals)
    String headline = title != null ? title : Tokens.urlTitle(a.url());
    if (headline != null) for (String t : Tokens.terms(headline)) counts.merge(t, cfg.titleWeight(), Double::sum);
    // the text's words, once: its terms, shingles and text key are all made of them
    List<String> words = Tokens.words(a.text());
    for (String t : Tokens.termsOf(words)) counts.merge(t, 1.0, Double::sum);
    Map<String, String> forms = new LinkedHashMap<>();
    String all = title == null ? a.text() : title + ".\n" + a.text();
    for (String n : Tokens.names(all)) {
      String key = "#" + Tokens.fold(n.toLowerCase(Locale.ROOT));
      counts.merge(key, 1.0, Double::sum);
      forms.putIfAbsent(key, n);
    }
    if (cfg.arguments().numberWeight() > 0) {
      for (String t : Tokens.arguments(all)) counts.merge(t, 1.0, Double::sum);
    }
    for (String e : entityNames) {
      if (e == null || e.isBlank()) continue;
      String key = "@" + e.toLowerCase(Locale.ROOT).strip();
      counts.merge(key, 1.0, Double::sum);
      forms.putIfAbsent(key, e.strip());
    }
    java.util.List<String> qs = new java.util.ArrayList<>(quotes);
    if (qs.isEmpty()) {
      Matcher m = QUOTED.matcher(a.text());
      while (m.find()) qs.add(m.group(1));
    }
    for (String q : qs) {
      List<String> w = Tokens.words(q);
      for (int i = 0; i + 3 <= w.size(); i++) {
        counts.merge("\"" + w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2), 1.0, Double::sum);
      }
    }
    long[] sh = Tokens.shinglesOf(words, SHINGLE);
    long day = day(a.published());
    String lead = lead(a.text());
    return new ArticleFeatures(a.id(), day, title, lead, counts, forms,
        MinHash.signature(sh), sh.length, urlKey(a.url()), textKey(words), wires(a.credits()),
        Tokens.eventDay(lead, day));
  }

  /** The epoch day of an ISO date or date-time, or {@link #NO_DAY}. */
  public static long day(String published) {
    if (published == null || published.length() < 10) return NO_DAY;
    try {
      return LocalDate.parse(published.substring(0, 10)).toEpochDay();
    } catch (DateTimeParseException e) {
      return NO_DAY;
    }
  }

  /**
   * A smaller copy for keeping between runs ({@link StoryStream}): the {@code k} heaviest counts (ties by term) and
   * their name forms; the duplicate keys, signature, title and lead are kept whole.
   */
  ArticleFeatures slim(int k) {
    Map<String, Double> kept = new HashMap<>();
    Map<String, String> forms = new LinkedHashMap<>();
    // the kept terms are interned: a store's features repeat the same few hundred thousand terms millions of times
    // (at 100k articles, one String per term and article was a third of a server's heap)
    boolean all = counts.size() <= k;
    for (String t : all ? counts.keySet() : TopTerms.top(counts, k)) {
      kept.put(t.intern(), counts.get(t));
      String form = nameForms.get(t);
      if (form != null && !all) forms.put(t, form);
    }
    return new ArticleFeatures(id, day, title, lead, CompactCounts.of(kept), all ? nameForms : forms, signature,
        shingleCount, urlKey, textKey, wires, eventDay);
  }

  boolean dated() {
    return day != NO_DAY;
  }

  /** First sentence of the text, at most 25 words. */
  static String lead(String text) {
    String t = text.strip();
    int para = t.indexOf("\n");
    if (para > 0) t = t.substring(0, para);
    Matcher m = LEAD_END.matcher(t);
    if (m.find() && m.start() > 20) t = t.substring(0, m.start());
    String[] w = t.split("\\s+");
    if (w.length > 25) t = String.join(" ", java.util.Arrays.copyOf(w, 25)) + "\u2026";
    return t;
  }

  /** Scheme, "www.", query tracking parameters, fragment and trailing slash removed; lower-case host. */
  static String urlKey(String url) {
    if (url == null || url.isBlank()) return null;
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash >= 0) u = u.substring(0, hash);
    u = u.replaceFirst("(?i)^[a-z]+://", "");
    String query = "";
    int q = u.indexOf('?');
    if (q >= 0) {
      StringBuilder kept = new StringBuilder();
      for (String p : u.substring(q + 1).split("&")) {
        String k = p.toLowerCase(Locale.ROOT);
        if (p.isEmpty() || k.startsWith("utm_") || k.startsWith("fbclid") || k.startsWith("gclid")
            || k.startsWith("ref=") || k.startsWith("cmp=")) {
          continue;
        }
        kept.append(kept.isEmpty() ? "?" : "&").append(p);
      }
      query = kept.toString();
      u = u.substring(0, q);
    }
    int slash = u.indexOf('/');
    String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) host = host.substring(4);
    String path = slash < 0 ? "" : u.substring(slash);
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    path += query;
    return host + path;
  }

  /** Hash of the words of a text ({@link Tokens#words}: case, punctuation and spacing ignored). */
  static long textKey(List<String> words) {
    return Tokens.hash(String.join(" ", words));
  }

  static Set<String> wires(List<String> credits) {
    java.util.SortedSet<String> s = new TreeSet<>();
    for (String c : credits) {
      String k = c.toLowerCase(Locale.ROOT).replaceAll("[^a-z\\- ]", " ").strip().replaceAll("\\s+", " ");
      String w = WIRES.get(k);
      if (w != null) s.add(w);
    }
    // sorted, not Set.copyOf: an immutable set's order changes from one JVM to the next, and the saved stories
    // (stories.bin) write the wires in their set's order, so two runs on the same input wrote different files
    return java.util.Collections.unmodifiableSortedSet(s);
  }
}
