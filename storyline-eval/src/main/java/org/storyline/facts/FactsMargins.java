package org.storyline.facts;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storyline.model.Article;
import org.storyline.model.Report;
import org.storyline.model.Story;
import org.storyline.nlp.MiniLmEmbedder;

/**
 * A tuning aid (not a suite): for each hand-judged unique claim ({@code article, start, end, unique?}), the pairs of
 * units (sentence or clause) it forms with the units of the story's other articles, nearest first, with cosine, word
 * cover, the vetoes and whether {@link Agreement} calls them the same fact. A claim judged shared needs one agreeing
 * pair; a claim judged unique must have none: reading the two lists side by side is how the thresholds are set.
 */
public final class FactsMargins {
  private FactsMargins() {}

  /** A judged claim. */
  public record Claim(String article, int start, int end, boolean unique) {}

  public static void print(Report r, List<Claim> claims, PrintWriter out) {
    Map<String, Article> byId = new HashMap<>();
    for (Article a : r.articles()) byId.put(a.id(), a);
    Map<String, Story> storyOf = new HashMap<>();
    for (Story s : r.stories()) for (String a : s.articles()) storyOf.put(a, s);
    Map<String, List<Statements.Name>> names = new HashMap<>();
    for (var e : r.entities()) for (var m : e.mentions()) names.computeIfAbsent(m.article(), k -> new ArrayList<>())
        .add(new Statements.Name(e.id(), e.type(), m.start(), m.end()));
    Map<String, List<Statements.Date>> dates = new HashMap<>();
    for (var t : r.timexes()) if ("DATE".equals(t.type()) && t.value() != null) dates.computeIfAbsent(t.article(),
        k -> new ArrayList<>()).add(new Statements.Date(t.value(), t.start(), t.end()));
    Map<String, List<Statements.Statement>> sts = new HashMap<>();
    Map<Statements.Statement, float[]> vec = new IdentityHashMap<>();
    java.util.function.Function<Article, List<Statements.Statement>> of = a -> sts.computeIfAbsent(a.id(), k -> {
      var ss = Statements.of(a, names.getOrDefault(k, List.of()), dates.getOrDefault(k, List.of()), List.of());
      for (var s : ss) for (var u : s.units()) vec.put(u, MiniLmEmbedder.shared().embed(u.text()));
      return ss;
    });
    for (Claim c : claims) {
      Article a = byId.get(c.article());
      Story st = storyOf.get(c.article());
      if (a == null || st == null) continue;
      Statements.Statement x = null;
      for (var s : of.apply(a)) if (s.span().start() == c.start() && s.span().end() == c.end()) x = s;
      if (x == null) {
        out.printf("  margin %s %s %d-%d: no such statement%n", c.unique() ? "UNIQUE" : "SHARED", c.article(),
            c.start(), c.end());
        continue;
      }
      record P(double cos, String line) {}
      List<P> ps = new ArrayList<>();
      for (String bid : st.articles()) {
        Article b = byId.get(bid);
        if (b == null || bid.equals(c.article())) continue;
        for (var y : of.apply(b)) {
          for (var u : x.units()) {
            for (var v : y.units()) {
              var m = Agreement.compare(u, v, vec.get(u), vec.get(v));
              double cover = Math.max(Agreement.cover(u, v), Agreement.cover(v, u));
              String veto = (Agreement.disjoint(u.numbers(), v.numbers()) ? "N" : "")
                  + (Agreement.disjoint(u.days(), v.days()) ? "D" : "")
                  + (Agreement.disjoint(u.people(), v.people()) ? "P" : "");
              ps.add(new P(m.score(), String.format(Locale.ROOT, "    %s cos %.3f cover %.2f %-3s [%s] ~ [%s]",
                  m.same() ? "SAME" : "    ", m.score(), cover, veto, cut(u.text()), cut(v.text()))));
            }
          }
        }
      }
      ps.sort((p, q) -> Double.compare(q.cos(), p.cos()));
      out.printf("  margin %s %s %d-%d%n", c.unique() ? "UNIQUE" : "SHARED", c.article(), c.start(), c.end());
      for (P p : ps.subList(0, Math.min(4, ps.size()))) out.println(p.line());
    }
    out.flush();
  }

  private static String cut(String s) {
    s = s.replace('\n', ' ');
    return s.length() > 90 ? s.substring(0, 90) + "…" : s;
  }
}
