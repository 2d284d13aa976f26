package org.storyline.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.model.Entity;
import org.storyline.model.Mention;

class EntityLinkerTest {
  private final EntityLinker linker = EntityLinker.defaults();
  private final Tokenizer tokenizer = new Tokenizer();

  /** An article whose mentions are every occurrence of each "name:TYPE" given, longest names first. */
  private EntityLinker.ArticleMentions article(String id, String text, String... names) {
    List<NamedEntityRecognizer.Found> found = new ArrayList<>();
    boolean[] taken = new boolean[text.length()];
    List<String> sorted = new ArrayList<>(List.of(names));
    sorted.sort((a, b) -> b.length() - a.length());
    for (String spec : sorted) {
      int colon = spec.lastIndexOf(':');
      String name = spec.substring(0, colon);
      for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
        int e = i + name.length();
        if (e < text.length() && Character.isLetter(text.charAt(e))) continue;
        if (i > 0 && Character.isLetter(text.charAt(i - 1))) continue;
        boolean free = true;
        for (int k = i; k < e; k++) free &= !taken[k];
        if (!free) continue;
        for (int k = i; k < e; k++) taken[k] = true;
        found.add(new NamedEntityRecognizer.Found(i, e, spec.substring(colon + 1)));
      }
    }
    found.sort((a, b) -> a.start() - b.start());
    return new EntityLinker.ArticleMentions(id, text, tokenizer.tokenize(text), found);
  }

  private static Entity named(List<Entity> es, String name) {
    return es.stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + es.stream().map(Entity::name).toList()));
  }

  private static void assertOffsets(List<EntityLinker.ArticleMentions> arts, List<Entity> es) {
    for (Entity e : es) {
      for (Mention m : e.mentions()) {
        String text = arts.stream().filter(a -> a.articleId().equals(m.article())).findFirst().orElseThrow().text();
        assertEquals(m.text(), text.substring(m.start(), m.end()));
      }
    }
  }

  @Test
  void putinFormsMergeAndTitlesBecomeRoles() {
    var a1 = article("a1", "Russian President Vladimir Putin said on Tuesday the talks were useful. Putin added that "
        + "trust must grow.", "Vladimir Putin:PER", "Putin:PER", "Russian:MISC");
    var a2 = article("a2", "Putin praised the meeting in Riyadh, the Kremlin said.", "Putin:PER", "Riyadh:LOC",
        "Kremlin:ORG");
    List<Entity> es = linker.link(List.of(a1, a2));
    Entity putin = named(es, "Vladimir Putin");
    assertEquals("PER", putin.type());
    assertEquals("per:vladimir-putin", putin.id());
    assertEquals(3, putin.mentions().size());
    assertTrue(putin.aliases().containsAll(List.of("Putin", "Vladimir Putin")));
    assertEquals(List.of("Russian President"), putin.roles());
    assertEquals(1, es.stream().filter(e -> e.type().equals("PER")).count());
    assertOffsets(List.of(a1, a2), es);
  }

  @Test
  void zelenskySpellingsMerge() {
    var a1 = article("a1", "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv. Zelenskyy said more aid is needed.",
        "Volodymyr Zelenskyy:PER", "Zelenskyy:PER", "Kyiv:LOC");
    var a2 = article("a2", "Volodymyr Zelensky met European leaders. Zelensky thanked them.", "Volodymyr Zelensky:PER",
        "Zelensky:PER");
    var a3 = article("a3", "Zelenskiy was not invited to the talks.", "Zelenskiy:PER");
    List<Entity> es = linker.link(List.of(a1, a2, a3));
    List<Entity> people = es.stream().filter(e -> e.type().equals("PER")).toList();
    assertEquals(1, people.size(), people.toString());
    Entity z = people.get(0);
    assertEquals(5, z.mentions().size());
    assertTrue(z.name().startsWith("Volodymyr Zelensk"));
    assertTrue(z.roles().contains("Ukrainian President"));
  }

  @Test
  void trumpWithUsTitlesMergesEvenWhenTaggedAsOneOrganisation() {
    var a1 = article("a1", "U.S. President Donald Trump called for talks. Trump spoke by phone.", "U.S.:LOC",
        "Donald Trump:PER", "Trump:PER");
    var a2 = article("a2", "US President Donald Trump said the war should never have started.",
        "US President Donald Trump:ORG");
    var a3 = article("a3", "Trump wrote on Truth Social that a deal was close.", "Trump:PER", "Truth Social:ORG");
    List<Entity> es = linker.link(List.of(a1, a2, a3));
    Entity t = named(es, "Donald Trump");
    assertEquals(4, t.mentions().size());
    assertTrue(t.roles().contains("U.S. President") && t.roles().contains("US President"), t.roles().toString());
    assertTrue(es.stream().noneMatch(e -> e.name().contains("President")));
    assertOffsets(List.of(a1, a2, a3), es);
  }

  @Test
  void rolesBeforeAndInAppositionAfterTheName() {
    var a1 = article("a1", "Kremlin spokesman Dmitry Peskov told reporters the process had begun. Peskov declined to "
        + "say more.", "Kremlin:ORG", "Dmitry Peskov:PER", "Peskov:PER");
    var a2 = article("a2", "Marco Rubio, the U.S. Secretary of State, met Sergey Lavrov, Russia's foreign minister, "
        + "in Riyadh.", "Marco Rubio:PER", "U.S.:LOC", "Sergey Lavrov:PER", "Russia:LOC", "Riyadh:LOC");
    List<Entity> es = linker.link(List.of(a1, a2));
    Entity peskov = named(es, "Dmitry Peskov");
    assertEquals(2, peskov.mentions().size());
    assertEquals(List.of("Kremlin spokesman"), peskov.roles());
    assertEquals(List.of("U.S. Secretary of State"), named(es, "Marco Rubio").roles());
    assertEquals(List.of("Russia's foreign minister"), named(es, "Sergey Lavrov").roles());
  }

  @Test
  void differentPeopleWithOneSurnameStayApartAndLoneSurnameFollowsItsArticle() {
    var a1 = article("a1", "Donald Trump spoke at length. Trump later left.", "Donald Trump:PER", "Trump:PER");
    var a2 = article("a2", "Melania Trump opened the exhibition. Trump smiled.", "Melania Trump:PER", "Trump:PER");
    List<Entity> es = linker.link(List.of(a1, a2));
    Entity d = named(es, "Donald Trump");
    Entity m = named(es, "Melania Trump");
    assertNotEquals(d.id(), m.id());
    assertEquals(2, d.mentions().size());
    assertEquals(2, m.mentions().size());
    assertTrue(m.mentions().stream().allMatch(x -> x.article().equals("a2")));
  }

  @Test
  void placeVariantsMergeThroughTheAliasTable() {
    var a1 = article("a1", "Officials from the United States arrived.", "United States:LOC");
    var a2 = article("a2", "The U.S. delegation and US diplomats left.", "U.S.:LOC", "US:LOC");
    List<Entity> es = linker.link(List.of(a1, a2));
    Entity us = named(es, "United States");
    assertEquals(3, us.mentions().size());
    assertEquals("loc:united-states", us.id());
  }

  @Test
  void honorificsPossessivesShortFormsAndOneLetterSlips() {
    var a1 = article("a1", "Dr Sanjay Gupta met Duncan Rait. Gupta's report cited the Toyota Camry recall.",
        "Dr Sanjay Gupta:PER", "Duncan Rait:PER", "Gupta's:PER", "Toyota Camry:ORG");
    var a2 = article("a2", "Dr. Sanjay Gupta praised Duncan Raite. The Camry was fixed.", "Dr. Sanjay Gupta:PER",
        "Duncan Raite:PER", "Camry:ORG");
    var a3 = article("a3", "Toyota Camry sales rose. Camry buyers waited.", "Toyota Camry:ORG", "Camry:ORG");
    List<Entity> es = linker.link(List.of(a1, a2, a3));
    Entity g = named(es, "Sanjay Gupta");
    assertEquals(3, g.mentions().size());
    assertTrue(g.mentions().stream().allMatch(m -> !m.text().contains("'") && !m.text().startsWith("Dr")));
    assertEquals(1, es.stream().filter(e -> e.name().startsWith("Duncan")).count());
    Entity camry = named(es, "Toyota Camry");
    assertEquals(3, camry.mentions().size(), "a2 has no long form, so its Camry stays apart");
  }

  @Test
  void acronymJoinsItsLongFormWhenAnArticleNamesBoth() {
    var a1 = article("a1", "The International Atomic Energy Agency met in Vienna. The IAEA board voted.",
        "International Atomic Energy Agency:ORG", "IAEA:ORG", "Vienna:LOC");
    var a2 = article("a2", "IAEA inspectors arrived.", "IAEA:ORG");
    var a3 = article("a3", "The NRA and the National Rifle Association differ here only in this test.", "NRA:ORG");
    List<Entity> es = linker.link(List.of(a1, a2, a3));
    Entity iaea = named(es, "International Atomic Energy Agency");
    assertEquals(3, iaea.mentions().size());
    assertTrue(iaea.aliases().contains("IAEA"));
  }

  @Test
  void descriptionResolvesToTheRoleHolderInTheArticle() {
    var a1 = article("a1", "Russian President Vladimir Putin visited a factory. The Kremlin leader added that "
        + "U.S. President Donald Trump was receiving objective information.", "Vladimir Putin:PER", "U.S.:LOC",
        "Donald Trump:PER", "Kremlin:ORG");
    List<Entity> es = linker.link(List.of(a1));
    Entity putin = named(es, "Vladimir Putin");
    assertTrue(putin.mentions().stream().anyMatch(m -> m.text().equals("Kremlin leader")), putin.toString());
    assertTrue(named(es, "Donald Trump").mentions().stream().noneMatch(m -> m.text().contains("leader")));
    assertOffsets(List.of(a1), es);
  }

  @Test
  void aRoleHeldByOnePersonStandsForThemLaterInTheArticle() {
    var a1 = article("a1", "Kremlin spokesman Dmitry Peskov spoke on Monday. Later the Kremlin spokesman added that "
        + "talks would go on.", "Kremlin:ORG", "Dmitry Peskov:PER");
    List<Entity> es = linker.link(List.of(a1));
    Entity p = named(es, "Dmitry Peskov");
    assertEquals(List.of("Dmitry Peskov", "Kremlin spokesman"), p.mentions().stream().map(Mention::text).toList());
    assertOffsets(List.of(a1), es);
  }

  @Test
  void deterministicIdsAndOrder() {
    var a1 = article("a1", "Kaja Kallas met Marco Rubio. Kallas said Rubio agreed.", "Kaja Kallas:PER",
        "Marco Rubio:PER", "Kallas:PER", "Rubio:PER");
    List<Entity> x = linker.link(List.of(a1));
    List<Entity> y = linker.link(List.of(a1));
    assertEquals(x, y);
    assertEquals(List.of("per:kaja-kallas", "per:marco-rubio"), x.stream().map(Entity::id).toList());
  }

  @Test
  void nameKeysUnifyTransliterations() {
    assertEquals(NameTables.nameKey("Zelenskyy"), NameTables.nameKey("Zelensky"));
    assertEquals(NameTables.nameKey("Zelenskiy"), NameTables.nameKey("Zelensky"));
    assertEquals(NameTables.nameKey("Dmitri"), NameTables.nameKey("Dmitry"));
    assertEquals(NameTables.nameKey("Sergei"), NameTables.nameKey("Sergey"));
    assertEquals(NameTables.nameKey("Alexei"), NameTables.nameKey("Aleksey"));
    assertNotEquals(NameTables.nameKey("Putin"), NameTables.nameKey("Peskov"));
  }

  @Test
  void endToEndWithTheShippedTagger() {
    String text = "Russian President Vladimir Putin met U.S. Secretary of State Marco Rubio in Riyadh on Tuesday.\n\n"
        + "\u201cWe made the first step,\u201d Putin said after the talks. Rubio flew back to Washington.";
    NamedEntityRecognizer ner = NamedEntityRecognizer.defaults();
    NamedEntityRecognizer.Result r = ner.analyze(text);
    var am = new EntityLinker.ArticleMentions("a1", text, r.tokens(), r.found());
    List<Entity> es = linker.link(List.of(am));
    assertOffsets(List.of(am), es);
    Entity putin = named(es, "Vladimir Putin");
    assertEquals(2, putin.mentions().size());
    assertTrue(putin.roles().contains("Russian President"));
    Entity rubio = named(es, "Marco Rubio");
    assertEquals(2, rubio.mentions().size());
    assertTrue(rubio.roles().contains("U.S. Secretary of State"), rubio.roles().toString());
    assertEquals("LOC", named(es, "Riyadh").type());
    assertEquals("LOC", named(es, "Washington").type());
  }

  @Test
  void aSurnameUsedAsAModifierJoinsTheOnePersonOfThatName() {
    var a1 = article("a1", "Former President Joe Biden spoke in Delaware.", "Joe Biden:PER", "Delaware:LOC");
    var a2 = article("a2", "Trump ended the Biden administration's policy.", "Trump:PER", "Biden:MISC");
    List<Entity> es = linker.link(List.of(a1, a2));
    Entity biden = named(es, "Joe Biden");
    assertEquals("PER", biden.type());
    assertEquals(2, biden.mentions().size());
    assertTrue(es.stream().noneMatch(e -> e.type().equals("MISC")), es.toString());
  }

  @Test
  void placeCompoundsSplitIntoTheirPlaces() {
    var a = article("a", "The U.S.-Russia talks began. U.S. officials met Russia's envoys.", "U.S.-Russia:LOC",
        "U.S.:LOC", "Russia:LOC");
    List<Entity> es = linker.link(List.of(a));
    assertEquals(2, named(es, "United States").mentions().size());
    assertEquals(2, named(es, "Russia").mentions().size());
    assertTrue(es.stream().noneMatch(e -> e.name().contains("-")), es.toString());
    assertOffsets(List.of(a), es);
    // a compound whose parts are not places stays whole
    var b = article("b", "A Russian-American researcher spoke.", "Russian-American:MISC");
    assertEquals("Russian-American", linker.link(List.of(b)).get(0).name());
  }

  @Test
  void loneInitialLosesTheFullStopAndOfficesAfterPlacesAreRoles() {
    var a = article("a", "Kallas said on X. Diplomats met at the US Consul General's residence in the US.",
        "X.:MISC", "US Consul General:ORG", "US:LOC");
    List<Entity> es = linker.link(List.of(a));
    assertEquals("X", named(es, "X").mentions().get(0).text());
    assertEquals(2, named(es, "United States").mentions().size());
    assertTrue(es.stream().noneMatch(e -> e.name().contains("Consul")), es.toString());
    assertOffsets(List.of(a), es);
  }

  @Test
  void namesEndingInAPlaceWordArePlaces() {
    var a = article("a", "The compound lies on the Corsica River near Lake Tahoe, said Acme River Partners.",
        "Corsica River:ORG", "Lake Tahoe:ORG");
    List<Entity> es = linker.link(List.of(a));
    assertEquals("LOC", named(es, "Corsica River").type());
    assertEquals("LOC", named(es, "Lake Tahoe").type());
  }

  @Test
  void oneNameOfTwoTypesInDifferentArticlesMakesTwoEntities() {
    var a1 = article("a1", "Lentini joined Milan from Torino in a record deal.", "Lentini:PER", "Milan:ORG",
        "Torino:ORG");
    var a2 = article("a2", "Fashion week opened in Milan on Friday.", "Milan:LOC");
    var a3 = article("a3", "Rain fell on Milan and Turin overnight.", "Milan:LOC", "Turin:LOC");
    List<Entity> es = linker.link(List.of(a1, a2, a3));
    List<Entity> milan = es.stream().filter(e -> e.name().equals("Milan")).toList();
    assertEquals(2, milan.size(), es.toString());
    Entity club = milan.stream().filter(e -> e.type().equals("ORG")).findFirst().orElseThrow();
    Entity city = milan.stream().filter(e -> e.type().equals("LOC")).findFirst().orElseThrow();
    assertEquals(List.of("a1"), club.mentions().stream().map(Mention::article).distinct().toList());
    assertEquals(List.of("a2", "a3"), city.mentions().stream().map(Mention::article).distinct().toList());
    assertNotEquals(club.id(), city.id());
  }
}
