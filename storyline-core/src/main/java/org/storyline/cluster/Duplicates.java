package org.storyline.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.storyline.model.Story;

/**
 * Groups the articles of one story into originals and their copies: exact copies (same normalised URL or same
 * words), near copies (most of the copy's shingles found in the original) and rewrites (a sizeable share; less is
 * needed when both credit the same wire agency). The original of a group is its earliest dated article, then the
 * longest.
 */
final class Duplicates {
  private static final int MAX_MEMBERS = 300;

  private Duplicates() {}

  static List<Story.DuplicateGroup> group(List<ArticleFeatures> members, ClusterConfig cfg) {
    List<ArticleFeatures> m = members.size() > MAX_MEMBERS ? members.subList(0, MAX_MEMBERS) : members;
    int n = m.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (kind(m.get(i), m.get(j), cfg) != null) union(parent, i, j);
      }
    }
    Map<Integer, List<ArticleFeatures>> comps = new java.util.TreeMap<>();
    for (int i = 0; i < n; i++) comps.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(m.get(i));
    List<Story.DuplicateGroup> out = new ArrayList<>();
    for (List<ArticleFeatures> c : comps.values()) {
      if (c.size() < 2) continue;
      List<ArticleFeatures> sorted = new ArrayList<>(c);
      sorted.sort(ORIGINAL_FIRST);
      ArticleFeatures orig = sorted.get(0);
      List<Story.Copy> copies = new ArrayList<>();
      for (ArticleFeatures x : sorted.subList(1, sorted.size())) {
        boolean exact = exact(orig, x);
        double ov = exact ? 1.0 : overlap(orig, x);
        String k = exact ? "exact" : ov >= cfg.nearDup() ? "near" : "rewrite";
        copies.add(new Story.Copy(x.id(), Math.round(ov * 1000) / 1000.0, k));
      }
      out.add(new Story.DuplicateGroup(orig.id(), copies));
    }
    out.sort(Comparator.comparing(Story.DuplicateGroup::original));
    return out;
  }

  /** Earliest dated first (undated last), then the longest, then by id. */
  static final Comparator<ArticleFeatures> ORIGINAL_FIRST = Comparator
      .comparingLong((ArticleFeatures f) -> f.dated() ? f.day() : Long.MAX_VALUE)
      .thenComparing(Comparator.comparingInt(ArticleFeatures::shingleCount).reversed())
      .thenComparing(ArticleFeatures::id);

  /** "exact", "near" or "rewrite" when the later of the two copies the earlier, else null. */
  static String kind(ArticleFeatures a, ArticleFeatures b, ClusterConfig cfg) {
    if (exact(a, b)) return "exact";
    boolean aFirst = ORIGINAL_FIRST.compare(a, b) <= 0;
    double c = aFirst ? overlap(a, b) : overlap(b, a);
    if (c >= cfg.nearDup()) return "near";
    boolean sharedWire = a.wires().stream().anyMatch(b.wires()::contains);
    if (c >= (sharedWire ? cfg.rewriteWire() : cfg.rewrite())) return "rewrite";
    return null;
  }

  static boolean exact(ArticleFeatures a, ArticleFeatures b) {
    if (a.urlKey() != null && a.urlKey().equals(b.urlKey())) return true;
    return a.shingleCount() > 0 && a.textKey() == b.textKey();
  }

  /** Estimated share of {@code copy}'s shingles found in {@code orig}. */
  static double overlap(ArticleFeatures orig, ArticleFeatures copy) {
    return MinHash.containment(orig.signature(), orig.shingleCount(), copy.signature(), copy.shingleCount());
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  private static void union(int[] p, int a, int b) {
    int ra = find(p, a);
    int rb = find(p, b);
    if (ra != rb) p[Math.max(ra, rb)] = Math.min(ra, rb);
  }

}
