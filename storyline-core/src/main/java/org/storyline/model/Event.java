package org.storyline.model;

import java.util.List;

/**
 * A dated event: something the articles say happened on a date, with the sentences that say so.
 *
 * <p>{@code date} is a TIMEX3 calendar value ({@code 2025-02-18}, {@code 2016-12}, {@code 2014}, {@code 2025-W08});
 * {@code granularity} is {@code day}, {@code week}, {@code month} or {@code year}. {@code dateFrom} says where the
 * date comes from: {@code text} (a time expression in the sentence, resolved against the publish date) or
 * {@code published} (the article's lead, dated by its publish date; {@code publishedInferred} articles give
 * {@code inferred}). {@code what} is the first evidence sentence; {@code who} and {@code where} are canonical names
 * of the people/organisations and places named in the evidence sentences.
 */
public record Event(String id, String date, String granularity, String dateFrom, String what, List<String> who,
    List<String> where, List<Evidence> evidence) {
  public Event {
    who = List.copyOf(who);
    where = List.copyOf(where);
    evidence = List.copyOf(evidence);
  }

  /**
   * One sentence saying so: {@code text} is {@code article.text().substring(start, end)}; {@code timexStart} and
   * {@code timexEnd} locate the time expression in the same text, or are -1 when the date is the publish date.
   */
  public record Evidence(String article, int start, int end, String text, int timexStart, int timexEnd) {}
}
