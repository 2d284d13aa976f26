package org.storyline.model;

/** One occurrence of an entity: {@code text} equals {@code article.text().substring(start, end)}. */
public record Mention(String article, int start, int end, String text) {}
