package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storyline.model.Article;

/** The argument channel: numbers, dates and time marks as features; conflicts between two events of one kind. */
class ArgumentsTest {
  // two invented earthquakes on one invented island, three years apart (no publish dates, as in ECB+)
  private static final String QUAKE_2005 = """
      A magnitude 5.9 earthquake struck the island of Torvesh on Sunday, November 27, 2005, killing 13 people and \
      flattening villages near Dargun, provincial officials said. Rescue teams from Halvik reached the island late \
      on Sunday and searched the rubble of collapsed mud-brick homes through the night.""";

  private static final String QUAKE_2005_FOLLOWUP = """
      Rescuers searched flattened villages near Dargun on Torvesh island after Sunday's magnitude 5.9 earthquake \
      killed 13 people, the Halvik provincial governor said. The quake of November 27, 2005 destroyed hundreds of \
      mud-brick homes and left families sleeping in tents.""";

  private static final String QUAKE_2008 = """
      A magnitude 4.6 earthquake struck the island of Torvesh on Tuesday, September 10, 2008, injuring 5 people \
      in the village of Selmi, state television said. The earthquake damaged homes on the island, and rescue teams \
      searched the rubble through the night.""";

  private static ArticleFeatures f(String id, String title, String text) {
    Article a = new Article(id, "test", title, null, null, null, null, false, List.of(), "en", text, List.of(),
        List.of());
    return ArticleFeatures.of(a, List.of(), List.of(), ClusterConfig.DEFAULTS);
  }

  @Test
  void numbersDatesMonthsAndWeekdaysBecomeArgumentFeatures() {
    List<String> a = Tokens.arguments(
        "A magnitude 6.1 quake hit on Saturday, September 19, 2009 at 10:30, killing 1,200 people; the 81st such event.");
    assertTrue(a.contains("%n:6.1"), a.toString());
    assertTrue(a.contains("%n:1200"), a.toString());
    assertTrue(a.contains("%n:81"), a.toString());
    assertTrue(a.contains("%d:sep-19"), a.toString());
    assertTrue(a.contains("%m:sep"), a.toString());
    assertTrue(a.contains("%w:sat"), a.toString());
    // years stay plain terms; the day of a date and clock times are not numbers
    assertFalse(a.contains("%n:2009") || a.contains("%n:19") || a.contains("%n:10") || a.contains("%n:30"),
        a.toString());
  }

  @Test
  void argumentsAreWholeWordsInTextOrder() {
    // the searches skip the characters no match starts with; word edges and order are as a plain search's
    assertEquals(List.of("%d:mar-3", "%d:mar-4", "%d:sep-19", "%d:sep-9", "%d:dec-31", "%d:mar-7", "%n:5", "%w:sun",
        "%w:fri", "%m:mar", "%m:mar", "%m:sep", "%m:sep", "%m:dec", "%m:may"), Tokens.arguments("XMonday Mondays on "
        + "Sunday;Friday, 3 March 2020 and March 4th, the 19th of September, Sept. 9 (Dec 31) May 2019 aJanuary 5 2Jan"
        + " 7 March"));
  }

  @Test
  void mayAndMarchAreMonthsOnlyBeforeADayOrYear() {
    assertTrue(Tokens.arguments("It happened on May 5 in the capital.").contains("%m:may"));
    assertFalse(Tokens.arguments("Officials said May would decide. Protesters March on.").contains("%m:may"));
    assertFalse(Tokens.arguments("Protesters March on.").contains("%m:mar"));
  }

  @Test
  void yearsNamesAndNumbersAreArgumentsPlainWordsAreNot() {
    assertEquals(3, Channels.channel("2008"));
    assertEquals(3, Channels.channel("%n:6.1"));
    assertEquals(1, Channels.channel("#torvesh"));
    assertEquals(0, Channels.channel("earthquake"));
    assertTrue(Channels.argument("%w:sun") && Channels.argument("@torvesh"));
    assertFalse(Channels.argument("quake"));
  }

  @Test
  void timeMarksConflictOnlyWhenBothSidesNameSomeOfAKindAndNoneIsShared() {
    StoryState s = new StoryState("s", 0);
    s.timeMarks.count(List.of("2005", "%w:sun", "quake"), 1);
    assertEquals(0b001, s.timeMarks.conflicts(List.of("2008")), "year named by both, none shared");
    assertEquals(0, s.timeMarks.conflicts(List.of("2008", "2005")), "one year shared");
    assertEquals(0, s.timeMarks.conflicts(List.of("%m:nov")), "the story names no month");
    assertEquals(0b101, s.timeMarks.conflicts(List.of("2008", "%w:tue")));
    s.timeMarks.count(List.of("2005", "%w:sun"), -1);
    assertEquals(0, s.timeMarks.conflicts(List.of("2008")), "marks are uncounted when an article leaves");
  }

  @Test
  void conflictFactorMultipliesThePenaltiesOfTheConflictingKinds() {
    StoryState s = new StoryState("s", 0);
    s.timeMarks.count(List.of("2005", "%w:sun"), 1);
    ArgumentRules r = ArgumentRules.DEFAULTS.with("yearConflict=0.5,weekdayConflict=0.8");
    assertEquals(0.4, s.timeMarks.factor(List.of("2008", "%w:tue"), r), 1e-9);
    assertEquals(1.0, s.timeMarks.factor(List.of("2005", "%w:sun"), r), 1e-9);
  }

  @Test
  void argumentAgreementScalesTheScoreDownWhenNoArgumentIsShared() {
    ArgumentRules r = ArgumentRules.DEFAULTS.with("weight=0.5,full=0.4");
    assertEquals(1.0, r.factor(0.4, true), 1e-9);
    assertEquals(0.5, r.factor(0.0, true), 1e-9);
    assertEquals(0.75, r.factor(0.2, true), 1e-9);
    assertEquals(1.0, r.factor(0.0, false), 1e-9, "no penalty when a side has no arguments");
    assertThrows(IllegalArgumentException.class, () -> ArgumentRules.DEFAULTS.with("nonsense=1"));
  }

  @Test
  void argumentCosineComesFromTheNameAndNumberChannelsOnly() {
    Map<String, Double> a = Map.of("quake", 0.6, "#torvesh", 0.6, "2005", 0.5291502622129181);
    Map<String, Double> b = Map.of("quake", 0.6, "#torvesh", 0.6, "2008", 0.5291502622129181);
    double[] dot = Channels.dots(a, b);
    double cos = Channels.argCos(dot, Channels.channelNorms(a), Channels.channelNorms(b));
    // arguments: torvesh shared (0.36), years differ: 0.36 / (0.64) for both norms
    assertEquals(0.36 / 0.64, cos, 1e-6);
  }

  @Test
  void aSecondEarthquakeOfTheSameKindYearsLaterStartsItsOwnStoryAndSaysWhy() {
    StoryIndex index = new StoryIndex(ClusterConfig.DEFAULTS, Idf.withBackground());
    Assignment a = index.add(f("q1", "Earthquake kills 13 on Torvesh island", QUAKE_2005));
    Assignment b = index.add(f("q2", "Torvesh earthquake: rescuers search flattened villages", QUAKE_2005_FOLLOWUP));
    Assignment c = index.add(f("q3", "Earthquake injures 5 on Torvesh island", QUAKE_2008));
    assertEquals(a.story(), b.story(), b.explain());
    assertTrue(b.sharedArguments().contains("5.9") || b.sharedArguments().contains("2005"), b.explain());
    assertTrue(b.explain().contains("shared numbers/dates"), b.explain());
    assertNotEquals(a.story(), c.story(), c.explain());
    assertTrue(c.created());
    assertTrue(c.conflicts().contains("year 2008 vs 2005"), c.conflicts().toString());
    assertTrue(c.explain().contains("conflicting year 2008 vs 2005"), c.explain());
  }

  @Test
  void aLongerScoreModelReadsTheLeadingEvidenceOnly() {
    ScoreModel m = new ScoreModel(List.of(-1.0, 2.0, 0.0, 0.0));
    assertEquals(0.5, m.probability(new double[] {0.5, 9.0, 9.0}), 1e-9);
    ScoreModel fitted = ScoreModel.fit(List.of(new double[] {1, 0, 1}, new double[] {0, 1, 0}), 200, 1.0, 0.0);
    assertEquals(3, fitted.weights().size());
    assertTrue(fitted.probability(new double[] {1, 0}) > fitted.probability(new double[] {0, 1}));
  }
}
