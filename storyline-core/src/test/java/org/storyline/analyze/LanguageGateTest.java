package org.storyline.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Article;
import org.storyline.model.Report;

/**
 * Issue 14, case 14: English-only stages ran on every language (a German article got "Kunstblut" and "Gestalten" as
 * places, "Tage" as a person). They now run only on the languages they support, and the article says which were
 * skipped and why.
 */
class LanguageGateTest {
  @TempDir Path dir;

  @Test
  void englishOnlyStagesSkipOtherLanguagesAndSaySo() throws Exception {
    Files.writeString(dir.resolve("de.txt"), """
        Theater zeigt neues Stück

        Das Stadttheater hat am Dienstag ein neues Stück vorgestellt. Die Gestalten auf der Bühne tragen Masken, \
        und viel Kunstblut fließt in den drei Stunden der Aufführung. "Wir wollten zeigen, wie die Tage vor dem \
        Krieg waren", sagte die Regisseurin nach der Premiere. Die Vorstellungen laufen noch bis Ende des Monats, \
        und die Karten sind fast ausverkauft. Das Publikum applaudierte lange.
        """);
    Files.writeString(dir.resolve("en.txt"), """
        Theatre shows new play

        The city theatre in Bristol presented a new play on Tuesday. "We wanted to show what the days before the \
        war were like," said director Anna Weber after the premiere. The performances run until the end of the \
        month, and tickets are almost sold out.
        """);
    Report r = Analyzer.defaults(false).analyze(List.of(dir));
    Article de = r.articles().stream().filter(a -> a.id().equals("de")).findFirst().orElseThrow();
    Article en = r.articles().stream().filter(a -> a.id().equals("en")).findFirst().orElseThrow();
    assertEquals("de", de.language());
    assertEquals("en", en.language());
    assertTrue(r.entities().stream().flatMap(e -> e.mentions().stream()).noneMatch(m -> m.article().equals("de")),
        r.entities().toString());
    assertTrue(r.quotes().stream().noneMatch(q -> q.article().equals("de")));
    assertTrue(r.timexes().stream().noneMatch(t -> t.article().equals("de")));
    assertTrue(de.diagnostics().stream().anyMatch(d -> d.contains("not run") && d.contains("de")),
        de.diagnostics().toString());
    assertTrue(r.entities().stream().flatMap(e -> e.mentions().stream()).anyMatch(m -> m.article().equals("en")),
        "the English article still gets its entities");
    assertTrue(en.diagnostics().stream().noneMatch(d -> d.contains("not run")), en.diagnostics().toString());
  }
}
