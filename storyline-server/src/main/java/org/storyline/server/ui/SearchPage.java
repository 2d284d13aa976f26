package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.storyline.store.SearchHit;

/**
 * The search page: the query and its filters, the hits with their snippets cut into plain and matched parts (the
 * store marks matches with «»; the template wraps them in {@code <mark>}, escaping everything), and facets (outlet,
 * month) with links that add the facet to the query.
 */
public record SearchPage(String q, String outlet, String from, String to, List<Hit> hits, int shown,
    List<Facet> outlets, List<Facet> months, String error) {

  /** A part of a snippet: {@code match} when the query matched it. */
  public record Part(String text, boolean match) {}

  public record Hit(SearchHit hit, String href, List<Part> snippet, String story, String storyHref) {}

  /** A facet value with its count, its link, and whether it is the active filter (then the link removes it). */
  public record Facet(String value, int count, String href, boolean active) {}

  public static List<Part> parts(String snippet) {
    List<Part> out = new ArrayList<>();
    if (snippet == null) return out;
    int i = 0;
    while (i < snippet.length()) {
      int open = snippet.indexOf('«', i);
      int close = open < 0 ? -1 : snippet.indexOf('»', open);
      if (open < 0 || close < 0) {
        out.add(new Part(snippet.substring(i), false));
        break;
      }
      if (open > i) out.add(new Part(snippet.substring(i, open), false));
      out.add(new Part(snippet.substring(open + 1, close), true));
      i = close + 1;
    }
    return out;
  }

  /** A search URL with these filters. */
  public static String href(String q, String outlet, String from, String to) {
    StringBuilder b = new StringBuilder("/search?q=").append(Links.query(q == null ? "" : q));
    if (outlet != null && !outlet.isBlank()) b.append("&outlet=").append(Links.query(outlet));
    if (from != null && !from.isBlank()) b.append("&from=").append(Links.query(from));
    if (to != null && !to.isBlank()) b.append("&to=").append(Links.query(to));
    return b.toString();
  }

  /** Outlet and month facets counted over {@code all} (the hits up to the facet limit). */
  public static List<Facet> outletFacets(List<SearchHit> all, String q, String outlet, String from, String to) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (SearchHit h : all) if (h.outlet() != null) counts.merge(h.outlet(), 1, Integer::sum);
    List<Facet> out = new ArrayList<>();
    counts.forEach((o, n) -> {
      boolean active = o.equalsIgnoreCase(outlet == null ? "" : outlet);
      out.add(new Facet(o, n, href(q, active ? null : o, from, to), active));
    });
    out.sort(Comparator.comparingInt(Facet::count).reversed().thenComparing(Facet::value));
    return out;
  }

  public static List<Facet> monthFacets(List<SearchHit> all, String q, String outlet, String from, String to) {
    TreeMap<String, Integer> counts = new TreeMap<>(Comparator.reverseOrder());
    for (SearchHit h : all) {
      java.time.LocalDate d = Charts.day(h.published());
      if (d != null) counts.merge(d.toString().substring(0, 7), 1, Integer::sum);
    }
    List<Facet> out = new ArrayList<>();
    counts.forEach((m, n) -> {
      java.time.YearMonth ym = java.time.YearMonth.parse(m);
      String f = ym.atDay(1).toString();
      String t = ym.atEndOfMonth().toString();
      boolean active = f.equals(from) && t.equals(to);
      out.add(new Facet(m, n, active ? href(q, outlet, null, null) : href(q, outlet, f, t), active));
    });
    return out;
  }
}
