package org.storyline.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.storyline.model.Story;
import org.storyline.model.Storyline;

/** The narrative an article belongs to, for comparing articles across outlets: its storyline, else its story. */
public final class Scopes {
  private Scopes() {}

  /** Article id to the id of its storyline (or, outside any storyline, its story). */
  public static Map<String, String> of(List<Story> stories, List<Storyline> storylines) {
    Map<String, String> lineOfStory = new HashMap<>();
    for (Storyline l : storylines) for (String s : l.stories()) lineOfStory.putIfAbsent(s, l.id());
    Map<String, String> scope = new HashMap<>();
    for (Story s : stories) {
      for (String a : s.articles()) scope.putIfAbsent(a, lineOfStory.getOrDefault(s.id(), s.id()));
    }
    return scope;
  }
}
