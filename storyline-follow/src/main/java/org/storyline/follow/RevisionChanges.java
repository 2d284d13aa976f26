package org.storyline.follow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storyline.model.Article;

/**
 * What changed between two revisions of an article, as a reader of stealth edits wants it: the headline, the lead
 * (first paragraph), the quotes added and removed, correction notices added, and how many paragraphs came and went.
 * Computed from the stored revisions, so it needs no extra state. Immutable.
 */
public record RevisionChanges(int from, int to, String headlineBefore, String headlineAfter, String leadBefore,
    String leadAfter, List<String> quotesAdded, List<String> quotesRemoved, List<String> corrections,
    int paragraphsAdded, int paragraphsRemoved) {

  /** A quotation of at least three words between straight or curly double quotes. */
  private static final Pattern QUOTE = Pattern.compile("[\"\u201c]([^\"\u201c\u201d]{2,}?\\s[^\"\u201c\u201d]*?\\s"
      + "[^\"\u201c\u201d]*?)[\"\u201d]");
  private static final Pattern CORRECTION = Pattern.compile("(?i)\\b(correction|corrected|clarification|"
      + "an earlier version|this (article|story|report) (has been|was) (updated|amended|corrected)|editor's note)\\b");

  public RevisionChanges {
    quotesAdded = List.copyOf(quotesAdded);
    quotesRemoved = List.copyOf(quotesRemoved);
    corrections = List.copyOf(corrections);
  }

  public boolean headlineChanged() {
    return !Objects.equals(headlineBefore, headlineAfter);
  }

  public boolean leadChanged() {
    return !Objects.equals(leadBefore, leadAfter);
  }

  /** One line for people: {@code headline changed; lead changed; 1 quote added; correction}. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (headlineChanged()) parts.add("headline changed");
    if (leadChanged()) parts.add("lead changed");
    if (!quotesAdded.isEmpty()) parts.add(quotesAdded.size() + (quotesAdded.size() == 1 ? " quote" : " quotes")
        + " added");
    if (!quotesRemoved.isEmpty()) parts.add(quotesRemoved.size() + (quotesRemoved.size() == 1 ? " quote" : " quotes")
        + " removed");
    if (!corrections.isEmpty()) parts.add("correction");
    if (paragraphsAdded > 0) parts.add(paragraphsAdded + " paragraphs added");
    if (paragraphsRemoved > 0) parts.add(paragraphsRemoved + " paragraphs removed");
    return parts.isEmpty() ? "wording" : String.join("; ", parts);
  }

  /** The changes from revision {@code from} ({@code a}) to revision {@code to} ({@code b}). */
  public static RevisionChanges between(int from, Article a, int to, Article b) {
    List<String> pa = paragraphs(a.text());
    List<String> pb = paragraphs(b.text());
    Set<String> qa = quotes(a.text());
    Set<String> qb = quotes(b.text());
    List<String> added = qb.stream().filter(q -> !qa.contains(q)).toList();
    List<String> removed = qa.stream().filter(q -> !qb.contains(q)).toList();
    Set<String> setA = new LinkedHashSet<>(pa);
    Set<String> setB = new LinkedHashSet<>(pb);
    List<String> corrections = new ArrayList<>();
    int paraAdded = 0;
    for (String p : pb) {
      if (setA.contains(p)) continue;
      paraAdded++;
      if (CORRECTION.matcher(p).find()) corrections.add(p);
    }
    int paraRemoved = (int) pa.stream().filter(p -> !setB.contains(p)).count();
    return new RevisionChanges(from, to, a.title(), b.title(), pa.isEmpty() ? null : pa.get(0),
        pb.isEmpty() ? null : pb.get(0), added, removed, corrections, paraAdded, paraRemoved);
  }

  /** Every consecutive pair of revisions, oldest first. */
  public static List<RevisionChanges> of(List<org.storyline.store.ArticleStore.Revision> revisions) {
    List<RevisionChanges> out = new ArrayList<>();
    for (int i = 1; i < revisions.size(); i++) {
      var a = revisions.get(i - 1);
      var b = revisions.get(i);
      out.add(between(a.number(), a.article(), b.number(), b.article()));
    }
    return out;
  }

  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\\n\\s*\\n|\\n")) {
      String s = p.strip().replaceAll("\\s+", " ");
      if (!s.isEmpty()) out.add(s);
    }
    return out;
  }

  static Set<String> quotes(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = QUOTE.matcher(text);
    while (m.find()) out.add(m.group(1).strip().replaceAll("\\s+", " "));
    return out;
  }
}
