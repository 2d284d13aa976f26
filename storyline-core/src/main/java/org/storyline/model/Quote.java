package org.storyline.model;

/**
 * A quote with its evidence: {@code text} is {@code article.text().substring(start, end)} (inside the quotation
 * marks for direct quotes). {@code kind} is "direct" or "indirect"; {@code partial} marks a quoted fragment inside a
 * reported sentence. {@code speaker} is the canonical entity name, or null when the text does not say who.
 * {@code cueStart}/{@code cueEnd} locate the cue ("said") or are -1 when there is none.
 */
public record Quote(String article, String text, int start, int end, String cue, int cueStart, int cueEnd,
    String speaker, String speakerEntity, String kind, boolean partial) {}
