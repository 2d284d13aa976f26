package org.storyline.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storyline.model.Article;
import org.storyline.model.Report;

/**
 * A tuning aid (not a suite): for each statement of each compared story of a report, its nearest statements in the
 * story's other articles with cosine, word cover and the veto, so thresholds are set by reading pairs.
 */
public final class FactsDebug {
  private FactsDebug() {}

  public static void print(Report r, String story, java.io.PrintWriter out) {
    var ft = new FactTables(org.storyline.nlp.MiniLmEmbedder.sharedOrNull());
    Map<String, Article> byId = new java.util.HashMap<>();
    for (Article a : r.articles()) byId.put(a.id(), a);
    for (var s : r.stories()) {
      if (story != null && !s.id().equals(story)) continue;
      List<Article> arts = s.articles().stream().map(byId::get).toList();
      if (arts.size() < 2) continue;
      List<List<Statements.Statement>> sts = new ArrayList<>();
      List<float[][]> vs = new ArrayList<>();
      Map<String, List<Statements.Name>> names = new java.util.HashMap<>();
      for (var e : r.entities()) for (var m : e.mentions()) names.computeIfAbsent(m.article(), k -> new ArrayList<>())
          .add(new Statements.Name(e.id(), e.type(), m.start(), m.end()));
      Map<String, List<Statements.Date>> dates = new java.util.HashMap<>();
      for (var t : r.timexes()) if ("DATE".equals(t.type()) && t.value() != null) dates.computeIfAbsent(t.article(),
          k -> new ArrayList<>()).add(new Statements.Date(t.value(), t.start(), t.end()));
      for (Article a : arts) {
        var ss = Statements.of(a, names.getOrDefault(a.id(), List.of()), dates.getOrDefault(a.id(), List.of()),
            List.of());
        sts.add(ss);
        float[][] v = new float[ss.size()][];
        for (int i = 0; i < ss.size(); i++) v[i] = org.storyline.nlp.MiniLmEmbedder.shared().embed(ss.get(i).text());
        vs.add(v);
      }
      out.println("== " + s.id());
      for (int a = 0; a < arts.size(); a++) {
        for (int i = 0; i < sts.get(a).size(); i++) {
          var x = sts.get(a).get(i);
          out.printf("%s#%d %s%n", arts.get(a).id().substring(0, 3), i, cut(x.text()));
          record P(double cos, String line) {}
          List<P> ps = new ArrayList<>();
          for (int b = 0; b < arts.size(); b++) {
            if (b == a) continue;
            for (int j = 0; j < sts.get(b).size(); j++) {
              var y = sts.get(b).get(j);
              var m = Agreement.compare(x, y, vs.get(a)[i], vs.get(b)[j]);
              double cover = Math.max(Agreement.cover(x, y), Agreement.cover(y, x));
              String veto = (Agreement.disjoint(x.numbers(), y.numbers()) ? "N" + x.numbers() + y.numbers() : "")
                  + (Agreement.disjoint(x.days(), y.days()) ? "D" + x.days() + y.days() : "")
                  + (Agreement.disjoint(x.people(), y.people()) ? "P" + x.people() + y.people() : "");
              ps.add(new P(m.score(), String.format(Locale.ROOT, "    %s cos %.3f cover %.2f %s %s#%d %s",
                  m.same() ? "SAME" : "    ", m.score(), cover, veto, arts.get(b).id().substring(0, 3), j,
                  cut(y.text()))));
            }
          }
          ps.sort((p, q) -> Double.compare(q.cos(), p.cos()));
          for (P p : ps.subList(0, Math.min(3, ps.size()))) out.println(p.line());
        }
      }
    }
    out.flush();
  }

  private static String cut(String s) {
    s = s.replace('\n', ' ');
    return s.length() > 110 ? s.substring(0, 110) + "…" : s;
  }

  public static void main(String[] args) throws Exception {
    Report r = org.storyline.analyze.ReportJson.read(java.nio.file.Files.newInputStream(java.nio.file.Path.of(args[0])));
    print(r, args.length > 1 ? args[1] : null, new java.io.PrintWriter(System.out));
  }
}
