package org.storyline.model;

/**
 * A TIMEX3 time expression: {@code type} is DATE, TIME, DURATION or SET; {@code value} the normalised TIMEX3 value
 * ("2025-02-18", "2025-01", "P3Y", "PRESENT_REF"), resolved against the article's publish date.
 */
public record Timex(String article, int start, int end, String text, String type, String value) {}
