package org.storyline.model;

import java.util.List;

/**
 * A dated event: something the articles say happened on a date, with the sentences that say so.
 *
 * <p>{@code date} is a TIMEX3 calendar value ({@code 2025-02-18}, {@code 2016-12}, {@code 2014}, {@code 2025-W08});
 * {@code granularity} is {@code day}, {@code week}, {@code month} or {@code year}. {@code dateFrom} says where the
 * date comes from: {@code text} (a time expression in the sentence, resolved against the publish date) or
 * {@code published} (the article's lead, dated by its publish date; {@code publishedInferred} articles give
 * {@code inferred}). {@code what} is a short statement of the happening in an analyst's words, built from the
 * evidence ("Russia annexes Ukraine's Crimea peninsula"); {@code who} and {@code where} are canonical names of the
 * people/organisations and places named in the evidence sentences. {@code background} marks an event the articles
 * recall (its date ends more than a week before the earliest of them was published); {@code kind} is the kind of
 * action ({@code meet}, {@code invade}, {@code say}, ...) or null; {@code clause} is the clause around the date in the
 * first evidence sentence (a substring of it: what {@code what} was before it became a short statement). An evidence sentence that {@code recalls} the event
 * only names its date in passing ("since Moscow's February 2022 invasion"): its own news is another event.
 */
public record Event(String id, String date, String granularity, String dateFrom, String what, List<String> who,
    List<String> where, List<Evidence> evidence, boolean background, String kind, String clause) {
  public Event {
    who = List.copyOf(who);
    where = List.copyOf(where);
    evidence = List.copyOf(evidence);
  }

  /** An event of the news (not background) whose kind of action is not known. */
  public Event(String id, String date, String granularity, String dateFrom, String what, List<String> who,
      List<String> where, List<Evidence> evidence) {
    this(id, date, granularity, dateFrom, what, who, where, evidence, false, null, what);
  }

  /**
   * One sentence saying so: {@code text} is {@code article.text().substring(start, end)}; {@code timexStart} and
   * {@code timexEnd} locate the time expression in the same text, or are -1 when the date is the publish date;
   * {@code recalls}: the sentence mentions this event only by its date (see above).
   */
  public record Evidence(String article, int start, int end, String text, int timexStart, int timexEnd,
      boolean recalls) {
    /** Evidence that states the event as the sentence's news. */
    public Evidence(String article, int start, int end, String text, int timexStart, int timexEnd) {
      this(article, start, end, text, timexStart, timexEnd, false);
    }
  }
}
