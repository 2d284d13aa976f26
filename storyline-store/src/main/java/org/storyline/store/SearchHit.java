package org.storyline.store;

/** One search result: the article's id, title, outlet, publication date, score and a snippet with the hits «marked». */
public record SearchHit(String id, String title, String outlet, String published, float score, String snippet) {}
