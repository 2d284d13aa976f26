package org.storyline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.resources.Resources;

/**
 * Wire and agency credit lines ("AFP contributed reporting.", "With inputs from agencies", "Some information for
 * this story was provided by The Associated Press, Agence France-Presse and Reuters."), from the table
 * {@code credits.txt}, and agency datelines ("MOSCOW (Reuters) -"). Immutable, thread-safe.
 */
final class CreditFinder {
  /** A credit line: the organisations credited, and people credited (kept for diagnostics only). */
  record Credit(List<String> organisations, List<String> people) {}

  private static final Pattern SPLIT = Pattern.compile("\\s*(?:,|;|\\band\\b|&|/)\\s*");
  private static final Set<String> GENERIC = Set.of("agency", "agencies", "wire", "wires", "syndicated",
      "news agency", "news agencies", "wire services", "wire service", "agency inputs", "agencies inputs",
      "wire agency", "news wire");
  private static final Pattern ORG_WORD = Pattern.compile(
      "(?i).*\\b(?:agency|agence|agencia|press|presse|news|service|wire|media|times|post|journal|herald|"
          + "network|broadcasting|radio|television|tv|staff|desk|bureau)\\b.*");
  private static final Pattern PERSON_ROLE = Pattern.compile(
      "(?i)\\b(?:writers?|reporters?|correspondents?|photographers?|editors?|producers?|researchers?|by)\\b");
  private static final String LOWER_OK = "(?:de|da|del|van|von|bin|al|in|and|of|the|by|writers?|reporters?|"
      + "correspondents?|photographers?|editors?|staff|editing|writing|reporting|additional)";
  /** A person credit: capitalised words, with lower-case only for particles and roles ("writer Jane Doe in Cairo"). */
  private static final Pattern PERSON = Pattern.compile(
      "(?:[\\p{Lu}][\\p{L}.'’-]*|" + LOWER_OK + ")(?:\\s+(?:[\\p{Lu}][\\p{L}.'’-]*|" + LOWER_OK + "))*");
  private final List<Pattern> lines = new ArrayList<>();
  private final Pattern dateline;
  private final WireList wires;

  CreditFinder(WireList wires) {
    this.wires = wires;
    String alt = wires.listAlternation();
    for (String re : Resources.entries(CreditFinder.class, "credits.txt")) {
      lines.add(Pattern.compile(re.replace("WIRES", alt), Pattern.CASE_INSENSITIVE));
    }
    dateline = Pattern.compile("^[\\p{Lu}][\\p{L}\\d .,'’-]{1,60}?\\s*\\((?<who>" + alt + ")\\)\\s*[-–—:]");
  }

  /** The credit when the whole (markdown-free) line is a credit line; null otherwise. */
  Credit line(String line) {
    if (line.length() > 300) return null;
    for (Pattern p : lines) {
      Matcher m = p.matcher(line);
      if (!m.matches()) continue;
      String who = group(m);
      if (who == null) return new Credit(List.of("agencies"), List.of());
      List<String> orgs = new ArrayList<>();
      List<String> people = new ArrayList<>();
      for (String part : SPLIT.split(who.strip())) {
        String name = part.strip().replaceAll("^(?:the )(?=agenc|wire)", "").replaceAll("[.)*_]+$", "").strip();
        if (name.isEmpty()) continue;
        String low = name.toLowerCase(Locale.ROOT);
        if (GENERIC.contains(low)) {
          if (!orgs.contains("agencies")) orgs.add("agencies");
        } else if (!PERSON_ROLE.matcher(name).find() && (wires.isWire(name) || ORG_WORD.matcher(name).matches())) {
          if (!orgs.contains(name)) orgs.add(name);
        } else if (PERSON.matcher(name).matches()) {
          people.add(name);
        } else {
          orgs.clear(); // not a credit line after all: "Reporting by scientists was careful."
          people.clear();
          break;
        }
      }
      if (orgs.isEmpty() && people.isEmpty()) continue;
      return new Credit(orgs, people);
    }
    return null;
  }

  /** The agency of a dateline opening a paragraph ("MOSCOW (Reuters) - ..."), or null. */
  String dateline(String paragraph) {
    Matcher m = dateline.matcher(paragraph);
    return m.lookingAt() ? m.group("who") : null;
  }

  private static String group(Matcher m) {
    try {
      return m.group("who");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
