package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storyline.store.EntityIndex;

/**
 * The search page: the query and its filters, one page of hits with snippets cut into plain and matched parts (the
 * store marks matches with «»; the template wraps them in {@code <mark>}, escaping everything), and the facets of
 * all hits (outlet, month, entity, speaker) as links that add the value to the filters (or remove an active one).
 */
public record SearchPage(Filters filters, List<Hit> hits, long total, List<Group> facets, String error,
    String previous, String next) {
  public static final int PAGE = 20;

  /** The query and its filters as given in the URL ({@code from}/{@code to} ISO dates; entity/speaker keys). */
  public record Filters(String q, String outlet, String from, String to, String entity, String speaker, int offset) {
    public Filters {
      q = q == null ? "" : q.strip();
    }

    /** This search's URL with one filter changed (null removes it), from the first page. */
    public String with(String name, String value) {
      Map<String, String> m = params();
      m.remove("offset");
      if (value == null) m.remove(name);
      else m.put(name, value);
      return url(m);
    }

    public String at(int newOffset) {
      Map<String, String> m = params();
      if (newOffset > 0) m.put("offset", Integer.toString(newOffset));
      else m.remove("offset");
      return url(m);
    }

    Map<String, String> params() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("q", q);
      if (outlet != null) m.put("outlet", outlet);
      if (from != null) m.put("from", from);
      if (to != null) m.put("to", to);
      if (entity != null) m.put("entity", entity);
      if (speaker != null) m.put("speaker", speaker);
      if (offset > 0) m.put("offset", Integer.toString(offset));
      return m;
    }

    static String url(Map<String, String> m) {
      StringBuilder b = new StringBuilder("/search");
      char sep = '?';
      for (var e : m.entrySet()) {
        b.append(sep).append(e.getKey()).append('=').append(Links.query(e.getValue()));
        sep = '&';
      }
      return b.toString();
    }

    public boolean any() {
      return outlet != null || from != null || to != null || entity != null || speaker != null;
    }
  }

  /** A part of a snippet: {@code match} when the query matched it. */
  public record Part(String text, boolean match) {}

  public record Hit(String id, String title, String outlet, String published, boolean inferred, String href,
      List<Part> snippet, String story, String storyHref) {}

  /** A facet value with its count, its link, and whether it is an active filter (then the link removes it). */
  public record Facet(String label, int count, String href, boolean active) {}

  /** One facet: its heading and values. */
  public record Group(String name, List<Facet> values) {}

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

  /** The facets of a result, each value a link that sets (or, when active, clears) its filter. */
  public static List<Group> facets(Map<String, List<EntityIndex.FacetValue>> r, Filters f) {
    List<Group> out = new ArrayList<>();
    List<Facet> outlets = new ArrayList<>();
    for (var v : r.getOrDefault("outlet", List.of())) {
      boolean on = v.value().equalsIgnoreCase(f.outlet() == null ? "" : f.outlet());
      outlets.add(new Facet(v.label(), v.count(), f.with("outlet", on ? null : v.value()), on));
    }
    out.add(new Group("Outlet", outlets));
    List<Facet> months = new ArrayList<>();
    for (var v : r.getOrDefault("date", List.of()).reversed()) {
      java.time.YearMonth ym;
      try {
        ym = java.time.YearMonth.parse(v.value());
      } catch (java.time.DateTimeException e) {
        continue;
      }
      String from = ym.atDay(1).toString();
      String to = ym.atEndOfMonth().toString();
      boolean on = from.equals(f.from()) && to.equals(f.to());
      Filters g = on ? new Filters(f.q(), f.outlet(), null, null, f.entity(), f.speaker(), 0)
          : new Filters(f.q(), f.outlet(), from, to, f.entity(), f.speaker(), 0);
      months.add(new Facet(v.label(), v.count(), g.at(0), on));
    }
    out.add(new Group("Month", months));
    out.add(new Group("Entity", keyed(r, "entity", f.entity(), f, "entity")));
    out.add(new Group("Speaker", keyed(r, "speaker", f.speaker(), f, "speaker")));
    return out;
  }

  private static List<Facet> keyed(Map<String, List<EntityIndex.FacetValue>> r, String facet, String active, Filters f, String param) {
    List<Facet> out = new ArrayList<>();
    for (var v : r.getOrDefault(facet, List.of())) {
      boolean on = v.value().equals(active);
      out.add(new Facet(v.label(), v.count(), f.with(param, on ? null : v.value()), on));
    }
    return out;
  }
}
