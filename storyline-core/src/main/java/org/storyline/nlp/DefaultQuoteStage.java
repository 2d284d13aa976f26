package org.storyline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Quote;

/**
 * The quote stage: {@link QuoteExtractor} on every article (direct quotes, and reported speech with a clear source as
 * kind "indirect"), then each speaker mapped to a canonical entity when
 * entities are given (a PER entity with a mention over the speaker's name in the same article, else one whose
 * aliases hold the name or end with its surname). Without entities the speaker is the fullest form of the name in
 * the article ("Putin" -> "Vladimir Putin").
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
        if (speaker != null && entities != null && !entities.isEmpty()) {
          if (speaker.indexOf(' ') < 0 && namesNonPerson(a.id(), f, entities)) {
            // a lone name the entity stage types as an organisation or place: the text names no person
            speaker = null;
          } else {
            Entity e = resolve(a.id(), f, entities);
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

  /** Whether the entity stage typed the speaker's name (at its offsets in this article) as ORG, LOC or MISC. */
  static boolean namesNonPerson(String article, QuoteExtractor.Found f, List<Entity> entities) {
    boolean person = false;
    boolean other = false;
    for (Entity e : entities) {
      for (Mention m : e.mentions()) {
        if (m.article().equals(article) && m.start() == f.nameStart() && m.end() == f.nameEnd()) {
          if (isPerson(e)) person = true;
          else other = true;
        }
      }
    }
    return other && !person;
  }

  /** The entity the speaker of {@code f} names, or null. */
  static Entity resolve(String article, QuoteExtractor.Found f, List<Entity> entities) {
    // 1. a mention overlapping the speaker's name (or the words naming the speaker) in this article
    for (Entity e : entities) {
      for (Mention m : e.mentions()) {
        if (!m.article().equals(article)) continue;
        if (overlaps(m, f.nameStart(), f.nameEnd()) || overlaps(m, f.sourceStart(), f.sourceEnd())) {
          if (isPerson(e)) return e;
        }
      }
    }
    // 2. an alias equal to the name, preferring entities mentioned in this article; 3. same surname
    String name = f.speaker();
    String surname = name.substring(name.lastIndexOf(' ') + 1);
    Entity bySurname = null;
    Entity byAlias = null;
    for (Entity e : entities) {
      if (!isPerson(e)) continue;
      boolean here = e.mentions().stream().anyMatch(m -> m.article().equals(article));
      for (String al : e.aliases()) {
        if (al.equalsIgnoreCase(name) && (byAlias == null || here)) byAlias = e;
        String last = al.substring(al.lastIndexOf(' ') + 1);
        if (last.equalsIgnoreCase(surname) && here && bySurname == null) bySurname = e;
      }
      if (e.name().toLowerCase(Locale.ROOT).endsWith(" " + surname.toLowerCase(Locale.ROOT)) && here
          && bySurname == null) {
        bySurname = e;
      }
    }
    return byAlias != null ? byAlias : bySurname;
  }

  private static boolean isPerson(Entity e) {
    return e.type() == null || e.type().equals("PER");
  }

  private static boolean overlaps(Mention m, int s, int e) {
    return s >= 0 && m.start() < e && s < m.end();
  }
}
