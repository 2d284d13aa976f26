package org.storyline.model;

import java.util.List;

/**
 * The JSON report of {@code storyline analyze}: a public contract documented in {@code docs/report.md}. Sections are
 * only ever added, never renamed.
 */
public record Report(String generator, int formatVersion, List<Article> articles, List<InputProblem> problems,
    List<Entity> entities, List<Quote> quotes, List<Timex> timexes, List<Story> stories,
    List<Storyline> storylines, List<QuoteVariant> quoteVariants, List<Event> events,
    List<OutletView> outlets, List<FactTable> facts, List<Summary> summaries) {
  public static final int FORMAT_VERSION = 1;

  /** A report without fact tables and summaries (the sections added later read as empty). */
  public Report(String generator, int formatVersion, List<Article> articles, List<InputProblem> problems,
      List<Entity> entities, List<Quote> quotes, List<Timex> timexes, List<Story> stories,
      List<Storyline> storylines, List<QuoteVariant> quoteVariants, List<Event> events, List<OutletView> outlets) {
    this(generator, formatVersion, articles, problems, entities, quotes, timexes, stories, storylines, quoteVariants,
        events, outlets, List.of(), List.of());
  }

  public Report {
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
    timexes = List.copyOf(timexes);
    stories = List.copyOf(stories);
    storylines = List.copyOf(storylines);
    // reports written before the section existed read as having none
    quoteVariants = quoteVariants == null ? List.of() : List.copyOf(quoteVariants);
    events = events == null ? List.of() : List.copyOf(events);
    outlets = outlets == null ? List.of() : List.copyOf(outlets);
    facts = facts == null ? List.of() : List.copyOf(facts);
    summaries = summaries == null ? List.of() : List.copyOf(summaries);
  }
}
