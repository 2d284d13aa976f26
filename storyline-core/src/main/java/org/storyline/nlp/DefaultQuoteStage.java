package org.storyline.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Quote;

/**
 * The quote stage: {@link QuoteExtractor} on every article (direct quotes, and reported speech with a clear source as
 * kind "indirect"), then each speaker mapped to a canonical entity when entities are given: a PER entity with a
 * mention over the speaker's name in the same article, else one mentioned in the article whose aliases hold the name
 * or end with its surname. Without entities the speaker is the fullest form of the name in the article ("Putin" ->
 * "Vladimir Putin"). A lone name the entity stage types as an organisation or place is no person: speaker null.
 * When the extractor names no person but the words it took for the speaker end in a PER mention of the entity stage
 * ("Charlie King", where "King" reads as a title), that entity is the speaker.
 */
public final class DefaultQuoteStage implements QuoteStage {
  private final QuoteExtractor extractor;

  public DefaultQuoteStage() {
    this(new QuoteExtractor(QuoteLexicon.defaults(), true));
  }

  public DefaultQuoteStage(QuoteExtractor extractor) {
    this.extractor = extractor;
  }

  @Override
  public List<Quote> apply(List<Article> articles, List<Entity> entities) {
    Index index = new Index(entities == null ? List.of() : entities);
    List<Quote> out = new ArrayList<>();
    for (Article a : articles) {
      List<QuoteExtractor.Found> found;
      try {
        found = extractor.extract(a);
      } catch (RuntimeException e) {
        continue; // bad input yields no quotes for this article, never a failed batch
      }
      for (QuoteExtractor.Found f : found) {
        String speaker = f.speaker();
        String entityId = null;
        if (speaker == null && f.sourceStart() >= 0 && !index.isEmpty()) {
          // the words the extractor took for the speaker end in a person the entity stage found ("Charlie King",
          // "Atlantic City Mayor Don Guardian", "Vann R. Newkirk II"): that person
          Entity e = index.personEnding(a.id(), f.sourceStart(), f.sourceEnd());
          if (e != null) {
            speaker = e.name();
            entityId = e.id();
          }
        } else if (speaker != null && !index.isEmpty()) {
          if (speaker.indexOf(' ') < 0 && index.namesNonPerson(a.id(), f)) {
            speaker = null; // a lone name the entity stage types as an organisation or place
          } else {
            Entity e = index.resolve(a.id(), f);
            if (e != null) {
              speaker = e.name();
              entityId = e.id();
            }
          }
        }
        out.add(new Quote(a.id(), f.text(), f.start(), f.end(), f.cue(), f.cueStart(), f.cueEnd(), speaker, entityId,
            f.kind(), f.partial()));
      }
    }
    return out;
  }

  /** Entity mentions by article and PER entities by lower-cased alias and surname, built once per batch. */
  private static final class Index {
    private record Hit(Mention mention, Entity entity) {}

    private final Map<String, List<Hit>> byArticle = new HashMap<>();
    private final Map<String, List<Entity>> byAlias = new HashMap<>();
    private final Map<String, List<Entity>> bySurname = new HashMap<>();

    Index(List<Entity> entities) {
      for (Entity e : entities) {
        for (Mention m : e.mentions()) byArticle.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(new Hit(m, e));
        if (!isPerson(e)) continue;
        Set<String> names = new LinkedHashSet<>(e.aliases());
        names.add(e.name());
        for (String al : names) {
          String low = al.toLowerCase(Locale.ROOT);
          byAlias.computeIfAbsent(low, k -> new ArrayList<>()).add(e);
          bySurname.computeIfAbsent(low.substring(low.lastIndexOf(' ') + 1), k -> new ArrayList<>()).add(e);
        }
      }
    }

    boolean isEmpty() {
      return byArticle.isEmpty() && byAlias.isEmpty();
    }

    boolean namesNonPerson(String article, QuoteExtractor.Found f) {
      boolean person = false;
      boolean other = false;
      for (Hit h : byArticle.getOrDefault(article, List.of())) {
        if (h.mention.start() == f.nameStart() && h.mention.end() == f.nameEnd()) {
          if (isPerson(h.entity)) person = true;
          else other = true;
        }
      }
      return other && !person;
    }

    /** A PER entity with a mention inside [s, e) that ends where the span ends, or null. */
    Entity personEnding(String article, int s, int e) {
      for (Hit h : byArticle.getOrDefault(article, List.of())) {
        Mention m = h.mention;
        if (isPerson(h.entity) && h.entity.type() != null && m.start() >= s && m.end() <= e && m.end() >= e - 2) {
          return h.entity;
        }
      }
      return null;
    }

    Entity resolve(String article, QuoteExtractor.Found f) {
      List<Hit> here = byArticle.getOrDefault(article, List.of());
      for (Hit h : here) {
        if (isPerson(h.entity) && (overlaps(h.mention, f.nameStart(), f.nameEnd())
            || overlaps(h.mention, f.sourceStart(), f.sourceEnd()))) {
          return h.entity;
        }
      }
      Set<Entity> inArticle = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (Hit h : here) inArticle.add(h.entity);
      String name = f.speaker().toLowerCase(Locale.ROOT);
      Entity alias = pick(byAlias.getOrDefault(name, List.of()), inArticle, true);
      if (alias != null) return alias;
      return pick(bySurname.getOrDefault(name.substring(name.lastIndexOf(' ') + 1), List.of()), inArticle, false);
    }

    /** The first candidate mentioned in the article; with {@code anyOk}, else the first candidate at all. */
    private static Entity pick(List<Entity> candidates, Set<Entity> inArticle, boolean anyOk) {
      for (Entity e : candidates) if (inArticle.contains(e)) return e;
      return anyOk && !candidates.isEmpty() ? candidates.get(0) : null;
    }
  }

  private static boolean isPerson(Entity e) {
    return e.type() == null || e.type().equals("PER");
  }

  private static boolean overlaps(Mention m, int s, int e) {
    return s >= 0 && m.start() < e && s < m.end();
  }
}
