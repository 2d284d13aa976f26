package org.storyline.nlp;

import java.util.List;
import org.storyline.model.Article;
import org.storyline.model.Timex;

/** Finds time expressions in one article and normalises them against its publish date. */
public interface TimexStage {
  List<Timex> apply(Article article);
}
