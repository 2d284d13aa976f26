package org.storyline.model;

import java.util.List;

/**
 * A canonical entity merged across mentions and articles. {@code type} is PER, ORG, LOC or MISC. {@code aliases} are
 * the distinct surface names seen (canonical name included); {@code roles} the titles and roles seen with it
 * ("Kremlin spokesman"), never part of the name.
 */
public record Entity(String id, String name, String type, List<String> aliases, List<String> roles,
    List<Mention> mentions) {
  public Entity {
    aliases = List.copyOf(aliases);
    roles = List.copyOf(roles);
    mentions = List.copyOf(mentions);
  }
}
