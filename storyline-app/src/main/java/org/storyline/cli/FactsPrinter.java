package org.storyline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.storyline.model.FactTable;
import org.storyline.model.OutletView;
import org.storyline.model.Report;
import org.storyline.model.Summary;

/**
 * How {@code storyline story ID} prints a story's or storyline's summary, fact table and per-outlet comparison
 * (the report's {@code summaries}, {@code facts} and {@code outlets}). Stateless.
 */
final class FactsPrinter {
  /** Facts reported by several articles printed per table, most reported first. */
  static final int SHARED_SHOWN = 10;
  private static final int CUT = 160;

  private FactsPrinter() {}

  static void print(Report r, String scope, PrintWriter out) {
    for (Summary s : r.summaries()) {
      if (!s.scope().equals(scope) || s.sentences().isEmpty()) continue;
      out.println("  summary:");
      for (Summary.Sentence x : s.sentences()) {
        out.printf("    - %s  [%s, %s@%d-%d%s]%n", oneLine(x.text(), Integer.MAX_VALUE), outlet(x.outlet()),
            x.article(), x.start(), x.end(), x.reports() > 1 ? ", " + x.reports() + " reports" : "");
      }
    }
    for (FactTable t : r.facts()) {
      if (!t.scope().equals(scope)) continue;
      List<FactTable.Fact> shared = t.facts().stream().filter(f -> f.articles().size() > 1).toList();
      long unique = t.facts().stream().filter(FactTable.Fact::unique).count();
      out.printf("  facts: %d compared by %s across %d articles; %d reported by several, %d by one outlet only%n",
          t.facts().size(), t.method(), t.articles().size(), shared.size(), unique);
      for (FactTable.Fact f : shared.subList(0, Math.min(SHARED_SHOWN, shared.size()))) {
        FactTable.Evidence e = f.evidence().get(0);
        out.printf("    %-6s %d reports (%s), first %s %s: %s%n", f.id().substring(f.id().lastIndexOf('/') + 1),
            f.articles().size(), String.join(", ", f.outlets()), outlet(f.firstOutlet()),
            f.firstPublished() == null ? "(undated)" : f.firstPublished(), oneLine(e.text(), CUT));
      }
      if (shared.size() > SHARED_SHOWN) out.printf("    ... %d more%n", shared.size() - SHARED_SHOWN);
    }
    for (OutletView v : r.outlets()) {
      if (!v.story().equals(scope)) continue;
      out.println("  outlets (what each reported alone):");
      for (OutletView.ArticleView a : v.articles()) {
        out.printf("    %s (%s)%s%n", outlet(a.outlet()), a.article(), a.hoursToFirstCoverage() == null ? ""
            : a.hoursToFirstCoverage() == 0 ? ", first to report" : String.format(Locale.ROOT,
                ", %.1f h after the first report", a.hoursToFirstCoverage()));
        if (!a.speakersOnlyHere().isEmpty()) {
          out.printf("      quoted only here: %s%n", String.join(", ", a.speakersOnlyHere()));
        }
        if (!a.headlineOnlyHere().isEmpty()) {
          out.printf("      headline words only here: %s%n", String.join(", ", a.headlineOnlyHere()));
        }
        if (a.unique().isEmpty()) out.println("      nothing the other reports do not also say");
        for (OutletView.Fact f : a.unique()) {
          out.printf("      * %s  [@%d-%d]%n", oneLine(f.text(), CUT), f.start(), f.end());
        }
      }
    }
  }

  private static String outlet(String o) {
    return o == null ? "?" : o;
  }

  private static String oneLine(String s, int max) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > max ? t.substring(0, max - 1) + "…" : t;
  }
}
