package org.storyline.nlp.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.storyline.resources.Resources;

/**
 * Named-entity tagger (PER, ORG, LOC, MISC) over tokenized documents: a BILOU averaged-perceptron model (beam search)
 * trained by this project on CoNLL-2003 English (see docs/models/ner.md). Thread-safe; load once.
 *
 * <p>Input is one document as sentences of tokens (CoNLL / Penn Treebank tokenization, as {@link
 * org.storyline.nlp.Tokenizer} produces); output is, per sentence, the entity chunks as token ranges.
 */
public final class NerTagger {
  /** The model resource shipped in storyline-core. */
  public static final String MODEL_RESOURCE = "/org/storyline/nlp/ner/ner-conll2003.bin.gz";
  private static final Gazetteer GAZ = Gazetteer.load();
  private static final WordClusters CLUSTERS = WordClusters.load();
  /** Model file flag: a {@link NameMemory} follows the weight tables. */
  private static final int MEMORY = 0x100;
  private final NerModel model;
  private final NerModel stage2; // null: one stage
  private final NameMemory memory; // null: no name memory features
  /** Both loaded stages' weights in one table (null unless two loaded stages): see {@link JointWeights}. */
  private final JointWeights joint;

  private NerTagger(NerModel model, NerModel stage2, NameMemory memory) {
    this.model = model;
    this.stage2 = stage2;
    this.memory = memory;
    this.joint = stage2 != null && model.loaded() && stage2.loaded() ? JointWeights.of(model, stage2) : null;
  }

  /** An entity chunk: tokens {@code [start, end)} of its sentence, type PER/ORG/LOC/MISC. */
  public record Chunk(int start, int end, String type) {}

  private static final class Holder {
    static final NerTagger DEFAULT = loadDefault();
  }

  /** The shipped model (loaded once, shared). */
  public static NerTagger defaults() {
    return Holder.DEFAULT;
  }

  private static NerTagger loadDefault() {
    try (InputStream in = Resources.open(NerTagger.class, MODEL_RESOURCE)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a gzipped model written by {@link #write}. */
  public static NerTagger read(InputStream in) throws IOException {
    java.io.DataInputStream din = new java.io.DataInputStream(new GZIPInputStream(in, 1 << 16));
    int flags = din.readInt();
    NerModel first = NerModel.read(din);
    NerModel second = (flags & 0xff) > 1 ? NerModel.read(din) : null;
    return new NerTagger(first, second, (flags & MEMORY) != 0 ? NameMemory.read(din) : null);
  }

  /** Writes the model gzipped, dropping features with all weights below {@code minAbs}. */
  public void write(OutputStream out, float minAbs) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
    java.io.DataOutputStream dout = new java.io.DataOutputStream(gz);
    dout.writeInt((stage2 == null ? 1 : 2) | (memory == null ? 0 : MEMORY));
    model.write(dout, minAbs);
    if (stage2 != null) stage2.write(dout, minAbs);
    if (memory != null) memory.write(dout);
    dout.flush();
    gz.finish();
  }

  public int features() {
    return model.features() + (stage2 == null ? 0 : stage2.features());
  }

  /**
   * Trains a tagger. {@code docs[d][s][t]} are tokens, {@code tags[d][s][t]} their IOB1 or IOB2 tags ("O",
   * "I-PER", "B-LOC", ...).
   */
  public static NerTagger train(List<List<List<String>>> docs, List<List<List<String>>> tags, int epochs, long seed,
      PrintWriter log) {
    return train(docs, tags, epochs, seed, 2, log);
  }

  /**
   * As {@link #train(List, List, int, long, PrintWriter)}; with {@code stages} 2 a second model is trained on
   * features of the first model's labels over the whole document (first-stage labels of the training documents
   * come from five-fold jackknifing, so they are as noisy as on unseen text).
   */
  public static NerTagger train(List<List<List<String>>> docs, List<List<List<String>>> tags, int epochs, long seed,
      int stages, PrintWriter log) {
    return train(docs, tags, epochs, seed, stages, 1, log);
  }

  /** As above, each model the average of {@code bags} perceptrons trained on different document orders. */
  public static NerTagger train(List<List<List<String>>> docs, List<List<List<String>>> tags, int epochs, long seed,
      int stages, int bags, PrintWriter log) {
    return train(docs, tags, epochs, seed, stages, bags, true, log);
  }

  /**
   * As above; with {@code memory} the model also reads what the training documents say about each name
   * ({@link NameMemory}, each training document's own names left out).
   */
  public static NerTagger train(List<List<List<String>>> docs, List<List<List<String>>> tags, int epochs, long seed,
      int stages, int bags, boolean memory, PrintWriter log) {
    List<NerDoc> nd = new ArrayList<>(docs.size());
    List<int[][]> gold = new ArrayList<>(docs.size());
    for (int d = 0; d < docs.size(); d++) {
      nd.add(prepare(docs.get(d)));
      List<List<String>> ts = tags.get(d);
      int[][] g = new int[ts.size()][];
      for (int s = 0; s < ts.size(); s++) g[s] = bilou(ts.get(s));
      gold.add(g);
    }
    NameMemory mem = memory ? NameMemory.build(nd, gold) : null;
    if (mem != null) for (int d = 0; d < nd.size(); d++) mem.annotateTraining(nd.get(d), d);
    if (stages < 2) return new NerTagger(NerTrainer.train(nd, gold, epochs, seed, bags, log), null, mem);
    int folds = 5;
    int[][][] first = new int[nd.size()][][];
    for (int f = 0; f < folds; f++) {
      List<NerDoc> trd = new ArrayList<>();
      List<int[][]> trg = new ArrayList<>();
      for (int d = 0; d < nd.size(); d++) {
        if (d % folds == f) continue;
        trd.add(nd.get(d));
        trg.add(gold.get(d));
      }
      if (log != null) log.println(" stage 1, fold " + (f + 1) + "/" + folds);
      NerModel m = NerTrainer.train(trd, trg, epochs, seed + f, bags, null);
      for (int d = f; d < nd.size(); d += folds) first[d] = m.tag(nd.get(d));
    }
    if (log != null) log.println(" stage 1, all");
    NerModel one = NerTrainer.train(nd, gold, epochs, seed, bags, log);
    for (int d = 0; d < nd.size(); d++) nd.get(d).setPrior(first[d]);
    if (log != null) log.println(" stage 2");
    NerModel two = NerTrainer.train(nd, gold, epochs, seed, bags, log);
    return new NerTagger(one, two, mem);
  }

  /** Tags one document: for each sentence its entity chunks, in order. */
  public List<List<Chunk>> tag(List<List<String>> sentences) {
    return tag(sentences, true);
  }

  /**
   * {@link #tag(List)}; {@code share} false extracts each stage's features on its own instead of the features the
   * two stages share once (the same labels, more work: for tests).
   */
  List<List<Chunk>> tag(List<List<String>> sentences, boolean share) {
    NerDoc d = prepare(sentences);
    if (memory != null) memory.annotate(d);
    int[][] lab;
    if (share && joint != null && NerModel.BEAM > 1) {
      // the features both stages extract alike: extracted and looked up once, their second-stage weights summed in
      // the first stage
      int tokens = 0;
      for (String[] w : d.words) tokens += w.length;
      float[] shared = new float[tokens * Labels.N];
      lab = model.tagBeam(d, NerModel.BEAM, joint, true, shared);
      d.setPrior(lab);
      lab = stage2.tagBeam(d, NerModel.BEAM, joint, false, shared);
    } else {
      lab = model.tag(d);
      if (stage2 != null) {
        d.setPrior(lab);
        lab = stage2.tag(d);
      }
    }
    List<List<Chunk>> out = new ArrayList<>(lab.length);
    for (int[] l : lab) out.add(chunks(l));
    return out;
  }

  private static NerDoc prepare(List<List<String>> sentences) {
    List<String[]> s = new ArrayList<>(sentences.size());
    for (List<String> sent : sentences) {
      String[] w = new String[sent.size()];
      for (int i = 0; i < w.length; i++) w[i] = NerDoc.normalise(sent.get(i));
      s.add(w);
    }
    recaseTitles(s);
    return new NerDoc(s, GAZ, CLUSTERS);
  }

  /**
   * Headlines in title case ("Putin Praises Talks as First Step") capitalise common words, which the model would
   * read as names. In such a sentence a capitalised word is lower-cased (for tagging only; offsets do not change)
   * when its lower-case form is a known word and the document never writes it capitalised inside a sentence.
   */
  static void recaseTitles(List<String[]> sents) {
    boolean[] title = new boolean[sents.size()];
    for (int k = 0; k < title.length; k++) title[k] = isTitleCase(sents.get(k));
    java.util.Set<String> capitalised = new java.util.HashSet<>();
    for (int k = 0; k < title.length; k++) {
      if (title[k]) continue;
      String[] w = sents.get(k);
      for (int i = 1; i < w.length; i++) {
        if (Character.isUpperCase(w[i].charAt(0)) && !isSentenceStart(w, i)) capitalised.add(w[i]);
      }
    }
    for (int k = 0; k < title.length; k++) {
      if (!title[k]) continue;
      String[] w = sents.get(k);
      for (int i = 0; i < w.length; i++) {
        String x = w[i];
        if (x.length() < 2 || !Character.isUpperCase(x.charAt(0)) || NerDoc.isAllUpper(x)) continue;
        if (capitalised.contains(x)) continue;
        String low = x.toLowerCase(java.util.Locale.ROOT);
        if (CLUSTERS.contains(low)) w[i] = low;
      }
    }
  }

  private static boolean isSentenceStart(String[] w, int i) {
    String p = w[i - 1];
    return p.equals("\"") || p.equals("'") || p.equals("(") || p.equals(":") || p.equals("--");
  }

  private static final java.util.Set<String> SMALL = java.util.Set.of("a", "an", "the", "and", "or", "but", "as",
      "at", "by", "for", "from", "in", "into", "of", "on", "over", "to", "toward", "with", "about", "after", "is",
      "are", "says", "say", "will", "has", "have", "its", "his", "her", "their", "amid", "against", "new", "more");

  /**
   * Title case: four or more words of letters, at least three quarters of them capitalised, not all in capitals,
   * with some small word (article, preposition, "Says") among them and at least three capitalised common words;
   * no final period and at most one number (name lists, tables and ordinary sentences fail these).
   */
  static boolean isTitleCase(String[] w) {
    if (w.length == 0 || w[w.length - 1].equals(".")) return false;
    int words = 0;
    int caps = 0;
    int upper = 0;
    int common = 0;
    int digits = 0;
    boolean small = false;
    for (int i = 0; i < w.length; i++) {
      String x = w[i];
      if (Character.isDigit(x.charAt(0))) digits++;
      if (!Character.isLetter(x.charAt(0))) continue;
      String low = x.toLowerCase(java.util.Locale.ROOT);
      if (i > 0 && SMALL.contains(low)) small = true;
      if (x.length() < 3) continue;
      words++;
      if (Character.isUpperCase(x.charAt(0))) {
        caps++;
        if (CLUSTERS.contains(low)) common++;
      }
      if (NerDoc.isAllUpper(x)) upper++;
    }
    return small && digits <= 1 && common >= 3 && words >= 4 && caps * 4 >= words * 3 && upper * 2 < words;
  }

  static List<Chunk> chunks(int[] lab) {
    List<Chunk> out = new ArrayList<>();
    int i = 0;
    while (i < lab.length) {
      int l = lab[i];
      if (l == 0) {
        i++;
        continue;
      }
      int t = Labels.type(l);
      int j = i + 1;
      if (Labels.pos(l) == Labels.B) {
        while (j < lab.length && Labels.type(lab[j]) == t && Labels.pos(lab[j]) == Labels.I) j++;
        if (j < lab.length && Labels.type(lab[j]) == t && Labels.pos(lab[j]) == Labels.L) j++;
      }
      out.add(new Chunk(i, j, Labels.TYPES.get(t)));
      i = j;
    }
    return out;
  }

  /** IOB1/IOB2 tags to BILOU labels. */
  static int[] bilou(List<String> tags) {
    int n = tags.size();
    int[] types = new int[n];
    boolean[] begins = new boolean[n];
    for (int i = 0; i < n; i++) {
      String t = tags.get(i);
      if (t.equals("O") || t.length() < 3) {
        types[i] = -1;
        continue;
      }
      types[i] = Labels.TYPES.indexOf(t.substring(2));
      begins[i] = t.charAt(0) == 'B' || i == 0 || types[i - 1] != types[i];
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      if (types[i] < 0) continue;
      boolean last = i + 1 >= n || types[i + 1] != types[i] || begins[i + 1];
      int pos = begins[i] ? (last ? Labels.U : Labels.B) : (last ? Labels.L : Labels.I);
      out[i] = Labels.of(types[i], pos);
    }
    return out;
  }
}
