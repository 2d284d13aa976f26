package org.storyline.cluster;

import static org.storyline.cluster.Channels.CHANNELS;
import static org.storyline.cluster.Channels.agreement;
import static org.storyline.cluster.Channels.argCos;
import static org.storyline.cluster.Channels.argNorm;
import static org.storyline.cluster.Channels.channelNorms;
import static org.storyline.cluster.Channels.dots;
import static org.storyline.cluster.Channels.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of one stored story inside a {@link StoryIndex}; never shared outside it: its articles and dates,
 * its centroid (and core, and embedding centroid), its kept member articles, and how an article scores against it
 * ({@link #evidence}, {@link #score}). Its vectors' channels are {@link Channels}; its time marks {@link TimeMarks}.
 */
final class StoryState implements java.io.Serializable {
  @java.io.Serial private static final long serialVersionUID = 1L;
  final String id;
  final int seq;
  final List<String> articles = new ArrayList<>();
  /** Publish day per article (NO_DAY when undated), to recompute the date range after a split. */
  transient Map<String, Long> days = new HashMap<>();
  /** Saved entry by entry with {@link #days} (writeObject): most of a saved index's objects are their entries. */
  transient Map<String, Double> centroid = new HashMap<>();
  double norm;
  /** Centroid norms per channel: plain terms, names, quotes, numbers and dates. */
  final double[] channelNorm = new double[CHANNELS];
  long first = ArticleFeatures.NO_DAY;
  long last = ArticleFeatures.NO_DAY;
  List<String> indexed = List.of();
  boolean retired;
  String mergedInto;

  StoryState(String id, int seq) {
    this.id = id;
    this.seq = seq;
    this.timeMarks = new TimeMarks(marks, markKinds);
  }

  /**
   * The maps (days, centroid, core, time marks, kept members) are written entry by entry into one block of bytes:
   * as objects, each key and boxed value took a handle of the stream's table, and at 100k stories saving and loading
   * the state was most of an ingest's CPU (a third of the samples of 409 articles ingested into a store of 111k).
   */
  @java.io.Serial
  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    out.defaultWriteObject();
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(256 + 24 * centroid.size());
    java.io.DataOutputStream d = new java.io.DataOutputStream(buf);
    d.writeInt(days.size());
    for (var e : days.entrySet()) { // in the maps' own order, so the maps read back iterate alike
      StateIO.writeString(d, e.getKey());
      d.writeLong(e.getValue());
    }
    writeWeights(d, centroid);
    d.writeBoolean(core != null);
    if (core != null) writeWeights(d, core);
    d.writeInt(marks.size());
    for (var e : marks.entrySet()) {
      StateIO.writeString(d, e.getKey());
      d.writeInt(e.getValue());
    }
    d.writeInt(members.size());
    for (Member m : members) {
      StateIO.writeString(d, m.id());
      d.writeDouble(m.norm());
      d.writeInt(m.channelNorm().length);
      for (double x : m.channelNorm()) d.writeDouble(x);
      writeWeights(d, m.vector());
    }
    d.flush();
    out.writeInt(buf.size());
    buf.writeTo(out);
  }

  private static void writeWeights(java.io.DataOutput d, Map<String, Double> m) throws java.io.IOException {
    d.writeInt(m.size());
    for (var e : m.entrySet()) {
      StateIO.writeString(d, e.getKey());
      d.writeDouble(e.getValue());
    }
  }

  private static HashMap<String, Double> readWeights(java.io.DataInput d) throws java.io.IOException {
    int n = StateIO.count(d);
    HashMap<String, Double> m = new HashMap<>();
    for (int i = 0; i < n; i++) m.put(StateIO.readString(d), d.readDouble());
    return m;
  }

  @java.io.Serial
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    int len = in.readInt();
    if (len < 0) throw new java.io.InvalidObjectException("bad story state length " + len);
    byte[] b = new byte[len];
    in.readFully(b);
    java.io.DataInputStream d = new java.io.DataInputStream(new java.io.ByteArrayInputStream(b));
    int n = StateIO.count(d);
    days = new HashMap<>();
    for (int i = 0; i < n; i++) days.put(StateIO.readString(d), d.readLong());
    centroid = readWeights(d);
    core = d.readBoolean() ? readWeights(d) : null;
    n = StateIO.count(d);
    marks = new HashMap<>();
    for (int i = 0; i < n; i++) marks.put(StateIO.readString(d), d.readInt());
    n = StateIO.count(d);
    members = new java.util.ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      String id = StateIO.readString(d);
      double norm = d.readDouble();
      int c = StateIO.count(d);
      double[] cn = new double[c];
      for (int k = 0; k < c; k++) cn[k] = d.readDouble();
      members.addLast(new Member(id, Map.copyOf(readWeights(d)), norm, cn));
    }
    timeMarks = new TimeMarks(marks, markKinds);
  }

  /**
   * Days between {@code day} and this story's date range (0 inside it or when either is undated); with a core, the
   * date range of its core articles (a story is as old as its first reports, however long it is followed).
   */
  double gap(long day) {
    long lo = coreFirst != ArticleFeatures.NO_DAY ? coreFirst : first;
    long hi = coreFirst != ArticleFeatures.NO_DAY ? coreLast : last;
    if (day == ArticleFeatures.NO_DAY || lo == ArticleFeatures.NO_DAY) return 0;
    if (day < lo) return lo - day;
    if (day > hi) return day - hi;
    return 0;
  }

  /** The first day of the core's dated articles when it has some, else of the story's. */
  long identityFirst() {
    return coreFirst != ArticleFeatures.NO_DAY ? coreFirst : first;
  }

  /** The last day of the core's dated articles when it has some, else of the story's. */
  long identityLast() {
    return coreFirst != ArticleFeatures.NO_DAY ? coreLast : last;
  }

  /** The date range of the core's dated articles (NO_DAY while none). */
  long coreFirst = ArticleFeatures.NO_DAY;
  long coreLast = ArticleFeatures.NO_DAY;

  /**
   * The evidence for a learnt {@link ScoreModel}: cosine times decay, per-channel cosines (terms and names times
   * decay; quotes as is), where "decay" is 1 unless the article reports a new event day ({@link #newEvent}): the
   * model judges the content as it was fitted (on undated ECB+) and the time decay scales its probability once; only
   * a report of another day's event has its content evidence decayed too, so a second meeting of the same actors a
   * week later stays apart while a follow-up of the story's own event does not pay for the gap twice. Then the
   * decay, 1 when either side is undated, the argument cosine times decay, and 1 when either side has no arguments,
   * and 1 for each kind of time mark (year, month, weekday) in conflict. (Salient
   * argument overlap, the share of the article's 5 heaviest arguments found in the story, was tried and got small
   * weights with no gain on ECB+ dev.)
   */
  double[] evidence(Map<String, Double> v, double[] vNorm, ArticleFeatures f, ClusterConfig cfg) {
    return core != null ? evidence(v, vNorm, f, cfg, core, coreNorm, coreChannelNorm)
        : evidence(v, vNorm, f, cfg, centroid, norm, channelNorm);
  }

  /** The evidence against a given vector of this story (its centroid, or a kept member's vector). */
  private double[] evidence(Map<String, Double> v, double[] vNorm, ArticleFeatures f, ClusterConfig cfg,
      Map<String, Double> target, double norm, double[] channelNorm) {
    double[] dot = dots(v, target);
    double decay = newEvent(f) ? decay(f, cfg) : 1.0;
    double[] x = new double[11];
    x[0] = norm == 0 ? 0 : sum(dot) / norm * decay;
    for (int i = 0; i < 3; i++) {
      double c = vNorm[i] == 0 || channelNorm[i] == 0 ? 0 : dot[i] / (vNorm[i] * channelNorm[i]);
      x[1 + i] = i < 2 ? c * decay : c;
    }
    x[4] = decay;
    x[5] = !f.dated() || first == ArticleFeatures.NO_DAY ? 1 : 0;
    x[6] = argCos(dot, vNorm, channelNorm) * decay;
    x[7] = argNorm(vNorm) == 0 || argNorm(channelNorm) == 0 ? 1 : 0;
    int c = f.dated() && first != ArticleFeatures.NO_DAY ? 0 : timeMarks.conflicts(v.keySet());
    for (int k = 0; k < 3; k++) x[8 + k] = (c & 1 << k) != 0 ? 1 : 0;
    return x;
  }

  /**
   * Whether the article reports an event of a day outside this story's dates: its lead names a weekday that falls
   * more than a day before or after the story's date range (a new development, or another meeting of the same
   * actors, rather than more on this story's event).
   */
  boolean newEvent(ArticleFeatures f) {
    return f.eventDay() != ArticleFeatures.NO_DAY && first != ArticleFeatures.NO_DAY && gap(f.eventDay()) > 1;
  }

  double decay(ArticleFeatures f, ClusterConfig cfg) {
    double gap = f.dated() ? gap(f.day()) : 0;
    return gap <= cfg.graceDays() ? 1.0 : Math.exp(-(gap - cfg.graceDays()) / cfg.tauDays());
  }

  /** The learnt probability times the time decay when the config has a model, else {@link #score(Map, ArticleFeatures, ClusterConfig)}. */
  double score(Map<String, Double> v, double[] vNorm, ArticleFeatures f, ClusterConfig cfg) {
    // the model judges the content (it was fitted on undated ECB+); the time decay scales its probability
    if (cfg.model() != null) return cfg.model().probability(evidence(v, vNorm, f, cfg)) * decay(f, cfg);
    return agreement(dots(v, centroid), vNorm, 1.0, channelNorm, norm, cfg.arguments()) * decay(f, cfg)
        * marksFactor(v, f, cfg);
  }

  /** Cosine of a unit article vector with the centroid, times the time decay, times the argument agreement. */
  double score(Map<String, Double> v, ArticleFeatures f, ClusterConfig cfg) {
    return score(v, channelNorms(v), f, cfg.withModel(null));
  }

  /**
   * The second look: the best agreement of a unit article vector with one of the story's kept member articles, times
   * the time decay (0 when none are kept). Bounded by {@link ArgumentRules#members}.
   */
  double memberScore(Map<String, Double> v, double[] vNorm, ArticleFeatures f, ClusterConfig cfg) {
    double best = 0;
    for (Member m : members) {
      best = Math.max(best, cfg.model() != null
          ? cfg.model().probability(evidence(v, vNorm, f, cfg, m.vector, m.norm, m.channelNorm))
          : agreement(dots(v, m.vector), vNorm, 1.0, m.channelNorm, m.norm, cfg.arguments()));
    }
    return best * decay(f, cfg) * (cfg.model() != null ? 1.0 : marksFactor(v, f, cfg));
  }

  /** Time marks (years, months, weekdays) of the member articles: how many members name each. */
  transient Map<String, Integer> marks = new HashMap<>();
  /** Distinct marks per kind in {@link #marks}. */
  final int[] markKinds = new int[3];
  /** The time marks' logic, over the two fields above (rebuilt on loading). */
  transient TimeMarks timeMarks;

  /**
   * The time-mark conflicts of an article with this story, readable: "year 2005 vs 2008" (the article's marks of
   * that kind vs the story's most named ones). Empty when both are dated (conflicts are not used then).
   */
  java.util.List<String> describeConflicts(Map<String, Double> v, ArticleFeatures f) {
    if (f.dated() && first != ArticleFeatures.NO_DAY) return java.util.List.of();
    return timeMarks.describe(v);
  }


  /**
   * Whether two stories' time marks conflict (some kind named by both, none shared), when either is undated: two
   * events of one kind, so an article that looks like both does not merge them.
   */
  boolean marksConflict(StoryState other) {
    if (first != ArticleFeatures.NO_DAY && other.first != ArticleFeatures.NO_DAY) return false;
    return timeMarks.conflictsWith(other.timeMarks);
  }

  /**
   * The time-mark conflict factor, applied only when the article or the story is undated: with both publish dates
   * known, the time decay already says how far apart they are, and the years, months and weekdays a text names are
   * often background.
   */
  double marksFactor(Map<String, Double> v, ArticleFeatures f, ClusterConfig cfg) {
    if (f.dated() && first != ArticleFeatures.NO_DAY) return 1.0;
    return timeMarks.factor(v.keySet(), cfg.arguments());
  }

  /** A kept member article: its heaviest features (a bounded copy of its unit vector). */
  record Member(String id, Map<String, Double> vector, double norm, double[] channelNorm)
      implements java.io.Serializable {}

  transient java.util.ArrayDeque<Member> members = new java.util.ArrayDeque<>();

  /** Counts an article's time marks and keeps its vector for the second look (the most recent {@link ArgumentRules#members} are kept). */
  void remember(String id, Map<String, Double> v, ArgumentRules r) {
    timeMarks.count(v.keySet(), 1);
    if (r.members() <= 0) return;
    Map<String, Double> kept = new HashMap<>();
    for (String t : TopTerms.top(v, r.memberTerms())) kept.put(t, v.get(t));
    double[] cn = channelNorms(kept);
    double n = 0;
    for (double x : cn) n += x * x;
    members.addLast(new Member(id, Map.copyOf(kept), Math.sqrt(n), cn));
    while (members.size() > r.members()) members.removeFirst();
  }

  static double cosine(Map<String, Double> a, double na, Map<String, Double> b, double nb) {
    if (na == 0 || nb == 0) return 0;
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> big = small == a ? b : a;
    double dot = 0;
    for (var e : small.entrySet()) {
      Double w = big.get(e.getKey());
      if (w != null) dot += e.getValue() * w;
    }
    return dot / (na * nb);
  }

  void add(Map<String, Double> v, int keep) {
    for (var e : v.entrySet()) centroid.merge(e.getKey(), e.getValue(), Double::sum);
    prune(keep);
  }

  /** Takes an article's vector out of the centroid (weights that fall to about zero are dropped). */
  void subtract(Map<String, Double> v) {
    timeMarks.count(v.keySet(), -1);
    for (var e : v.entrySet()) {
      Double w = centroid.get(e.getKey());
      if (w == null) continue;
      double x = w - e.getValue();
      if (x <= 1e-9) centroid.remove(e.getKey());
      else centroid.put(e.getKey(), x);
    }
    prune(Integer.MAX_VALUE);
  }

  /** Recomputes the date range from the remaining articles. */
  void redate() {
    first = ArticleFeatures.NO_DAY;
    last = ArticleFeatures.NO_DAY;
    for (String a : articles) {
      long d = days.getOrDefault(a, ArticleFeatures.NO_DAY);
      if (d == ArticleFeatures.NO_DAY) continue;
      first = first == ArticleFeatures.NO_DAY ? d : Math.min(first, d);
      last = last == ArticleFeatures.NO_DAY ? d : Math.max(last, d);
    }
  }

  void addCentroid(StoryState other, int keep) {
    add(other.centroid, keep);
  }

  /** Takes the time marks and kept members of a story merged into this one (the most recent are kept). */
  void absorbMembers(StoryState other, ArgumentRules r) {
    timeMarks.absorb(other.timeMarks);
    members.addAll(other.members);
    other.members.clear();
    while (members.size() > Math.max(0, r.members())) members.removeFirst();
  }

  private void prune(int keep) {
    if (centroid.size() > keep) {
      Map<String, Double> kept = new HashMap<>();
      for (String t : TopTerms.top(centroid, keep)) kept.put(t, centroid.get(t));
      centroid = kept;
    }
    double sq = 0;
    for (double w : centroid.values()) sq += w * w;
    norm = Math.sqrt(sq);
    double[] cn = channelNorms(centroid);
    System.arraycopy(cn, 0, channelNorm, 0, CHANNELS);
  }

  /** A retired story keeps a small centroid only (for storylines and display). */
  void compact() {
    members.clear();
    prune(Math.min(centroid.size(), 40));
    if (core != null) pruneCore(Math.min(core.size(), 40));
  }

  /** Sum of the unit sentence embeddings of its articles (null until an article with one joins). */
  float[] embSum;
  double embNorm;

  /** Adds an article's unit embedding (or another story's sum) to the embedding centroid. */
  void addEmbedding(float[] e) {
    if (e == null) return;
    if (embSum == null) embSum = new float[e.length];
    if (embSum.length != e.length) return;
    double sq = 0;
    for (int i = 0; i < e.length; i++) {
      embSum[i] += e[i];
      sq += (double) embSum[i] * embSum[i];
    }
    embNorm = Math.sqrt(sq);
  }

  /**
   * Cosine of a unit embedding with the story's core embedding (the mean of its core articles' embeddings) when it
   * has a core, else with the embedding centroid of all its articles; 0 when either is missing.
   */
  double embeddingCosine(float[] e) {
    float[] sum = coreEmbSum != null ? coreEmbSum : embSum;
    double n = coreEmbSum != null ? coreEmbNorm : embNorm;
    if (e == null || sum == null || n == 0 || e.length != sum.length) return 0;
    double dot = 0;
    for (int i = 0; i < e.length; i++) dot += (double) e[i] * sum[i];
    return dot / n;
  }

  /**
   * The story's core: the summed vectors (pruned like the centroid) and embeddings of its first {@link
   * ClusterConfig#coreSize} articles, which an article is scored against instead of the whole story, so the story's
   * identity is that of its first reports and cannot drift article by article. Null while the config has no core.
   */
  transient HashMap<String, Double> core;
  double coreNorm;
  final double[] coreChannelNorm = new double[CHANNELS];
  int coreCount;
  float[] coreEmbSum;
  double coreEmbNorm;

  /** Adds an article (its vector and unit embedding, or null) to the core while it holds fewer than {@code size}. */
  void addCore(Map<String, Double> v, float[] e, long day, int size, int keep) {
    // only dated reports make a core: without dates the order of arrival says nothing about which came first
    if (size <= 0 || coreCount >= size || day == ArticleFeatures.NO_DAY) return;
    coreDay(day);
    if (core == null) core = new HashMap<>();
    for (var x : v.entrySet()) core.merge(x.getKey(), x.getValue(), Double::sum);
    coreCount++;
    pruneCore(keep);
    if (e != null) {
      if (coreEmbSum == null) coreEmbSum = new float[e.length];
      if (coreEmbSum.length == e.length) {
        double sq = 0;
        for (int i = 0; i < e.length; i++) {
          coreEmbSum[i] += e[i];
          sq += (double) coreEmbSum[i] * coreEmbSum[i];
        }
        coreEmbNorm = Math.sqrt(sq);
      }
    }
  }

  /** Takes in the core of a story merged into this one while this core holds fewer than {@code size} articles. */
  void absorbCore(StoryState other, int size, int keep) {
    if (size <= 0 || coreCount >= size || other.core == null) return;
    coreDay(other.coreFirst);
    coreDay(other.coreLast);
    for (var x : other.core.entrySet()) core.merge(x.getKey(), x.getValue(), Double::sum);
    coreCount += other.coreCount;
    pruneCore(keep);
    if (other.coreEmbSum != null) {
      if (coreEmbSum == null) coreEmbSum = new float[other.coreEmbSum.length];
      if (coreEmbSum.length == other.coreEmbSum.length) {
        double sq = 0;
        for (int i = 0; i < coreEmbSum.length; i++) {
          coreEmbSum[i] += other.coreEmbSum[i];
          sq += (double) coreEmbSum[i] * coreEmbSum[i];
        }
        coreEmbNorm = Math.sqrt(sq);
      }
    }
  }

  private void coreDay(long day) {
    if (day == ArticleFeatures.NO_DAY) return;
    coreFirst = coreFirst == ArticleFeatures.NO_DAY ? day : Math.min(coreFirst, day);
    coreLast = coreLast == ArticleFeatures.NO_DAY ? day : Math.max(coreLast, day);
  }

  private void pruneCore(int keep) {
    if (core.size() > keep) {
      HashMap<String, Double> kept = new HashMap<>();
      for (String t : TopTerms.top(core, keep)) kept.put(t, core.get(t));
      core = kept;
    }
    double sq = 0;
    for (double w : core.values()) sq += w * w;
    coreNorm = Math.sqrt(sq);
    System.arraycopy(channelNorms(core), 0, coreChannelNorm, 0, CHANNELS);
  }

  /** The core's vector when there is one, else the centroid (what merges compare). */
  Map<String, Double> identity() {
    return core != null ? core : centroid;
  }

  double identityNorm() {
    return core != null ? coreNorm : norm;
  }
}
