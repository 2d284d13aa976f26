package org.storyline.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storyline.facts.Statements.Statement;
import org.storyline.model.Article;

/**
 * The statements of one scope (a story or a storyline) grouped into facts. Statements are taken in report order
 * (article order, then position); each joins the fact of the earlier statement of another article it agrees with
 * best ({@link Agreement}), or starts a fact. A fact is unique when one article alone states it and no statement of
 * it agrees with any statement of another article (a statement that agrees with two facts joins one, so the second
 * check keeps the other from being called unique). Immutable once built; built by {@link #of}.
 */
final class Alignment {
  /** One fact: its statements (the first one states it first) and each one's score against the first. */
  record Group(List<Statement> statements, List<Double> similarity, boolean unique) {
    Set<String> articles() {
      Set<String> out = new LinkedHashSet<>();
      for (Statement s : statements) out.add(s.article().id());
      return out;
    }
  }

  final List<Article> articles;
  final boolean embeddings;
  final List<Group> groups;
  /** Per statement: the best score against a statement of another article it agrees with (0 if none). */
  final Map<Statement, Double> covered;
  /** Per statement: the score of the nearest statement of another article, agreeing or not. */
  final Map<Statement, Double> nearest;
  private final Map<Statement, float[]> vectors;

  private Alignment(List<Article> articles, boolean embeddings, List<Group> groups, Map<Statement, Double> covered,
      Map<Statement, Double> nearest, Map<Statement, float[]> vectors) {
    this.articles = articles;
    this.embeddings = embeddings;
    this.groups = groups;
    this.covered = covered;
    this.nearest = nearest;
    this.vectors = vectors;
  }

  /** The embeddings of the statements and their clauses (empty without embeddings). */
  Map<Statement, float[]> vectors() {
    return vectors;
  }

  /**
   * Aligns the statements of {@code articles} (in scope order; {@code statements} and {@code vectors} per article,
   * one vector per unit of each statement in {@link Statement#units()} order; vectors null without embeddings).
   */
  static Alignment of(List<Article> articles, Map<String, List<Statement>> statements,
      Map<String, float[][]> vectors) {
    List<Statement> all = new ArrayList<>();
    Map<Statement, float[]> vec = new IdentityHashMap<>();
    Map<Statement, Integer> articleIndex = new IdentityHashMap<>();
    Map<Statement, Integer> rank = new IdentityHashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      List<Statement> ss = statements.get(articles.get(i).id());
      float[][] vs = vectors == null ? null : vectors.get(articles.get(i).id());
      int u = 0;
      for (int k = 0; k < ss.size(); k++) {
        all.add(ss.get(k));
        articleIndex.put(ss.get(k), i);
        rank.put(ss.get(k), k);
        for (Statement unit : ss.get(k).units()) if (vs != null) vec.put(unit, vs[u++]);
      }
    }
    boolean emb = vectors != null;
    Map<Statement, Double> covered = new IdentityHashMap<>();
    Map<Statement, Double> nearest = new IdentityHashMap<>();
    // agreeing earlier statements of other articles, per statement (compare is symmetric: each pair once)
    List<List<int[]>> earlier = new ArrayList<>();
    List<List<Double>> earlierScore = new ArrayList<>();
    for (int j = 0; j < all.size(); j++) {
      earlier.add(new ArrayList<>());
      earlierScore.add(new ArrayList<>());
    }
    for (int j = 0; j < all.size(); j++) {
      Statement x = all.get(j);
      for (int i = 0; i < j; i++) {
        Statement y = all.get(i);
        if (articleIndex.get(x).equals(articleIndex.get(y))) continue;
        Agreement.Match m = Agreement.compareUnits(x, y, vec);
        nearest.merge(x, m.score(), Math::max);
        nearest.merge(y, m.score(), Math::max);
        boolean leads = rank.get(x) < Agreement.LEAD && rank.get(y) < Agreement.LEAD;
        if (!m.same() && !(leads && Agreement.sameLead(x, y, vec))) continue;
        covered.merge(x, m.score(), Math::max);
        covered.merge(y, m.score(), Math::max);
        earlier.get(j).add(new int[] {i});
        earlierScore.get(j).add(m.score());
      }
    }
    Map<Statement, Integer> groupOf = new IdentityHashMap<>();
    List<List<Statement>> members = new ArrayList<>();
    List<List<Double>> sims = new ArrayList<>();
    for (int j = 0; j < all.size(); j++) {
      Statement x = all.get(j);
      int best = -1;
      double bestScore = -1;
      for (int k = 0; k < earlier.get(j).size(); k++) {
        if (earlierScore.get(j).get(k) > bestScore) {
          bestScore = earlierScore.get(j).get(k);
          best = groupOf.get(all.get(earlier.get(j).get(k)[0]));
        }
      }
      if (best < 0) {
        best = members.size();
        members.add(new ArrayList<>());
        sims.add(new ArrayList<>());
      }
      groupOf.put(x, best);
      List<Statement> g = members.get(best);
      sims.get(best).add(g.isEmpty() ? 1.0 : score(x, g.get(0), vec));
      g.add(x);
    }
    // a statement that restates, in its own article, a statement another article reports joins that one's fact
    // (a standfirst and the lead clause it sums up): one hop, from facts one article alone states
    if (emb) {
      for (int g = 0; g < members.size(); g++) {
        List<Statement> ms = members.get(g);
        if (ms.isEmpty() || ms.stream().anyMatch(covered::containsKey)) continue;
        if (ms.stream().map(st -> st.article().id()).distinct().count() > 1) continue;
        int target = -1;
        for (Statement x : ms) {
          for (Statement y : all) {
            if (y == x || !articleIndex.get(x).equals(articleIndex.get(y)) || !covered.containsKey(y)) continue;
            if (Math.min(rank.get(x), rank.get(y)) != 0 || Math.max(rank.get(x), rank.get(y)) > Agreement.LEAD) continue;
            if (groupOf.get(y) == g || !Agreement.restates(x, y, vec)) continue;
            target = groupOf.get(y);
            break;
          }
          if (target >= 0) break;
        }
        if (target < 0) continue;
        for (Statement x : ms) {
          groupOf.put(x, target);
          members.get(target).add(x);
          sims.get(target).add(score(x, members.get(target).get(0), vec));
        }
        ms.clear();
        sims.get(g).clear();
      }
    }
    List<Group> groups = new ArrayList<>();
    for (int g = 0; g < members.size(); g++) {
      if (members.get(g).isEmpty()) continue;
      List<Statement> ms = members.get(g);
      boolean one = ms.stream().map(s -> s.article().id()).distinct().count() == 1;
      boolean agreesElsewhere = ms.stream().anyMatch(covered::containsKey);
      groups.add(new Group(List.copyOf(ms), List.copyOf(sims.get(g)), one && !agreesElsewhere));
    }
    // most reported first, then by first report (article order, then position)
    groups.sort(Comparator.comparingInt((Group g) -> -g.articles().size())
        .thenComparingInt(g -> articleIndex.get(g.statements().get(0)))
        .thenComparingInt(g -> g.statements().get(0).index()));
    return new Alignment(List.copyOf(articles), emb, List.copyOf(groups), covered, nearest, vec);
  }

  private static double score(Statement x, Statement y, Map<Statement, float[]> vec) {
    double s = Agreement.compareUnits(x, y, vec).score();
    return Math.round(s * 1000) / 1000.0;
  }

  /** Statements per article id, for lookups. */
  static Map<String, List<Statement>> byArticle(List<Statement> all) {
    Map<String, List<Statement>> out = new HashMap<>();
    for (Statement s : all) out.computeIfAbsent(s.article().id(), k -> new ArrayList<>()).add(s);
    return out;
  }
}
