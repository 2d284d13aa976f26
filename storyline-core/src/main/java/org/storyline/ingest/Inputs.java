package org.storyline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.storyline.dates.FeedDates;
import org.storyline.model.InputProblem;

/**
 * Walks the paths a user gave (files or folders, recursively, in a stable name order) and dispatches each file to
 * the first reader that accepts it. Files no reader accepts are reported, not read.
 */
public final class Inputs {
  private final List<SourceReader> readers;

  public Inputs(List<SourceReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** The default readers for every supported source kind. */
  public static Inputs defaults() {
    return new Inputs(Readers.all());
  }

  public void read(List<Path> paths, SourceReader.Sink sink) {
    // every file first (a folder walked in name order), so that an id can be made unique across them all
    List<Path> all = new ArrayList<>();
    List<Boolean> walkedAll = new ArrayList<>();
    List<Object> order = new ArrayList<>(); // each file (its index in all) or problem, in the order met
    java.util.Set<Path> seen = new java.util.HashSet<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        order.add(new InputProblem(p.toString(), 0, "no such file or folder", true));
        continue;
      }
      boolean walked = Files.isDirectory(p);
      for (Path f : files(p, sink)) {
        // A folder's README, LICENSE or ATTRIBUTION file describes the articles; it is not one. A file the user
        // names on its own is always read.
        if (walked && isFolderDocumentation(f)) continue;
        if (!seen.add(f.toAbsolutePath().normalize())) continue; // one file named twice (or inside a named folder)
        order.add(all.size());
        all.add(f);
        walkedAll.add(walked);
      }
    }
    Map<Path, String> bases = idBases(all);
    Checked checked = new Checked(sink);
    for (Object o : order) {
      if (o instanceof InputProblem p) {
        sink.problem(p);
        continue;
      }
      int i = (Integer) o;
      Path f = all.get(i);
      checked.file(Ids.fromFile(f), bases.get(f));
      readOne(f, walkedAll.get(i) ? quietAboutSideFiles(checked) : checked);
    }
  }

  /** Longest id, in characters, taken as given; a record whose id is longer is skipped (it cannot be a real id). */
  public static final int MAX_ID_CHARS = 1024;
  /** Longest URL taken as given; a record whose URL is longer is skipped. */
  public static final int MAX_URL_CHARS = 8192;
  /** Longest outlet or byline kept; a longer one is cut, with a message. */
  public static final int MAX_NAME_CHARS = 1024;
  /** Longest title kept; a longer one is cut, with a message. */
  public static final int MAX_TITLE_CHARS = 4096;

  /**
   * The id base of each file whose name without extension (its usual id) is shared by another input file: the
   * shortest end of its path that tells it from the others, with the file name whole ({@code d1/index.txt} and
   * {@code d2/index.txt}; {@code a.txt} and {@code a.html}). Files whose name is their own keep it (absent here).
   */
  static Map<Path, String> idBases(List<Path> files) {
    Map<String, List<Path>> byStem = new java.util.HashMap<>();
    for (Path f : files) byStem.computeIfAbsent(Ids.fromFile(f), k -> new ArrayList<>()).add(f);
    Map<Path, String> out = new java.util.HashMap<>();
    for (List<Path> group : byStem.values()) {
      if (group.size() < 2) continue;
      List<List<String>> parts = new ArrayList<>();
      for (Path f : group) {
        List<String> ps = new ArrayList<>();
        for (Path part : f.toAbsolutePath().normalize()) ps.add(part.toString());
        parts.add(ps);
      }
      for (int i = 0; i < group.size(); i++) {
        List<String> mine = parts.get(i);
        int k = 1;
        while (k < mine.size() && clashes(parts, i, k)) k++;
        out.put(group.get(i), String.join("/", mine.subList(mine.size() - k, mine.size())));
      }
    }
    return out;
  }

  private static boolean clashes(List<List<String>> parts, int i, int k) {
    List<String> mine = parts.get(i);
    List<String> end = mine.subList(mine.size() - k, mine.size());
    for (int j = 0; j < parts.size(); j++) {
      List<String> other = parts.get(j);
      if (j != i && other.size() >= k && other.subList(other.size() - k, other.size()).equals(end)) return true;
    }
    return false;
  }

  /**
   * What every document passes on its way out: its file-name id made unique ({@link #idBases}); an id that an
   * earlier document of this run already had (not as the same URL) reported and kept apart as {@code id~2}; a
   * record with an id or URL too long to be real skipped, and an immense outlet, byline or title cut, each with a
   * message, so one hostile record never stops the rest.
   */
  private static final class Checked implements SourceReader.Sink {
    private final SourceReader.Sink sink;
    /** Ids given so far in this run, with the URL they came with ("" when none) and where. */
    private final Map<String, String[]> ids = new java.util.HashMap<>();
    private String stem;
    private String base;

    Checked(SourceReader.Sink sink) {
      this.sink = sink;
    }

    void file(String stem, String base) {
      this.stem = stem;
      this.base = base;
    }

    @Override
    public void problem(InputProblem p) {
      sink.problem(p);
    }

    @Override
    public void document(RawDocument d) {
      String id = d.id();
      if (base != null && (id.equals(stem) || id.startsWith(stem + "-") && id.substring(stem.length() + 1)
          .chars().allMatch(Character::isDigit))) {
        id = base + id.substring(stem.length());
      }
      RawDocument.Hints h = d.hints();
      if (id.length() > MAX_ID_CHARS) {
        sink.problem(new InputProblem(d.source(), 0, "an id of " + id.length() + " characters (" + start(id)
            + "): skipped, ids are at most " + MAX_ID_CHARS, true));
        return;
      }
      if (h.url() != null && h.url().length() > MAX_URL_CHARS) {
        sink.problem(new InputProblem(d.source(), 0, "a URL of " + h.url().length() + " characters ("
            + start(h.url()) + "): skipped, URLs are at most " + MAX_URL_CHARS, true));
        return;
      }
      int[] lone = new int[1];
      String content = whole(d.content(), lone);
      String outlet = whole(cut(d, "outlet", h.outlet(), MAX_NAME_CHARS), lone);
      String byline = whole(cut(d, "byline", h.byline(), MAX_NAME_CHARS), lone);
      String title = whole(cut(d, "title", h.title(), MAX_TITLE_CHARS), lone);
      String published = whole(h.published(), lone);
      String dateProblem = PublishedValues.rejected(published);
      if (dateProblem == null) dateProblem = PublishedValues.farFuture(FeedDates.normalize(published));
      if (dateProblem != null) sink.problem(new InputProblem(d.source(), 0, dateProblem, false));
      if (lone[0] > 0) {
        sink.problem(new InputProblem(d.source(), 0, lone[0] + " lone surrogate" + (lone[0] == 1 ? "" : "s")
            + " (half of a \\uD83D\\uDE00 pair, as a broken JSON escape gives) replaced with U+FFFD", false));
      }
      String url = h.url() == null ? "" : h.url().strip();
      String[] before = ids.get(id);
      if (before != null && !(before[0].equals(url) && !url.isEmpty())) {
        String given = id;
        int n = 2;
        while (ids.containsKey(given + "~" + n)) n++;
        id = given + "~" + n;
        sink.problem(new InputProblem(d.source(), 0, "id " + given + " was already given to " + before[1]
            + ": read as " + id, false));
      }
      ids.putIfAbsent(id, new String[] {url, d.source()});
      if (!id.equals(d.id()) || outlet != h.outlet() || byline != h.byline() || title != h.title()
          || content != d.content() || published != h.published()) {
        d = new RawDocument(id, d.source(), d.format(), content,
            new RawDocument.Hints(h.url(), title, outlet, byline, published));
      }
      sink.document(d);
    }

    private String cut(RawDocument d, String field, String v, int max) {
      if (v == null || v.length() <= max) return v;
      sink.problem(new InputProblem(d.source(), 0, "the " + field + " has " + v.length() + " characters ("
          + start(v) + "): cut to " + max, false));
      return v.substring(0, max);
    }

    /** {@code v} with each lone surrogate replaced by U+FFFD (counted in {@code n[0]}); {@code v} itself if none. */
    static String whole(String v, int[] n) {
      if (v == null) return null;
      StringBuilder sb = null;
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        boolean paired = Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1));
        if (paired) {
          if (sb != null) sb.append(c).append(v.charAt(i + 1));
          i++;
          continue;
        }
        if (Character.isSurrogate(c)) {
          if (sb == null) sb = new StringBuilder(v.length()).append(v, 0, i);
          sb.append('\ufffd');
          n[0]++;
        } else if (sb != null) {
          sb.append(c);
        }
      }
      return sb == null ? v : sb.toString();
    }

    private static String start(String v) {
      return v.substring(0, Math.min(40, v.length())) + "…";
    }
  }

  private static List<Path> files(Path p, SourceReader.Sink sink) {
    if (!Files.isDirectory(p)) return List.of(p);
    try (Stream<Path> s = Files.walk(p)) {
      List<Path> all = s.toList();
      for (Path f : all) {
        if (Files.isSymbolicLink(f) && Files.isDirectory(f)) {
          sink.problem(new InputProblem(f.toString(), 0, "a link to a folder: not followed (name the folder itself "
              + "to read it)", true));
        }
      }
      return all.stream().filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      sink.problem(new InputProblem(p.toString(), 0, "cannot list folder: " + e.getMessage(), true));
      return List.of();
    }
  }

  /** A failure of what receives the documents (the store, say), carried past the reader's own error handling. */
  private static final class SinkFailure extends RuntimeException {
    SinkFailure(RuntimeException cause) {
      super(cause);
    }
  }

  private void readOne(Path f, SourceReader.Sink downstream) {
    // a failure downstream (the store's lock removed during an ingest) is not this file's fault: it goes on up
    SourceReader.Sink sink = new SourceReader.Sink() {
      @Override public void document(RawDocument doc) {
        try {
          downstream.document(doc);
        } catch (RuntimeException e) {
          throw new SinkFailure(e);
        }
      }

      @Override public void problem(InputProblem p) {
        try {
          downstream.problem(p);
        } catch (RuntimeException e) {
          throw new SinkFailure(e);
        }
      }
    };
    for (SourceReader r : readers) {
      if (r.accepts(f)) {
        try {
          r.read(f, sink);
        } catch (SinkFailure e) {
          throw (RuntimeException) e.getCause();
        } catch (IOException | RuntimeException e) {
          sink.problem(new InputProblem(f.toString(), 0, "cannot read: " + e, true));
        }
        return;
      }
    }
    if (!isSideFile(f)) {
      sink.problem(new InputProblem(f.toString(), 0, "unsupported file type", true));
    }
  }

  /** Files that sit beside articles but are not articles (tables, a bare README). */
  private static boolean isSideFile(Path f) {
    String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.equals("readme") || n.endsWith(".tsv") || n.endsWith(".csv");
  }

  /**
   * A JSON file found in a folder that holds no article (a gold file, a config beside the articles) is passed over
   * quietly; one the user names on its own is reported.
   */
  private static SourceReader.Sink quietAboutSideFiles(SourceReader.Sink sink) {
    return new SourceReader.Sink() {
      @Override public void document(RawDocument doc) { sink.document(doc); }

      @Override public void problem(InputProblem p) {
        if (!JsonFileReader.NOT_AN_ARTICLE.equals(p.reason()) && !JsonFileReader.OWN_REPORT.equals(p.reason())) {
          sink.problem(p);
        }
      }
    };
  }

  private static final java.util.Set<String> FOLDER_DOCS =
      java.util.Set.of("readme", "license", "licence", "attribution", "notice", "changelog", "copying");

  /** README.md, LICENSE.txt, ATTRIBUTION.md and the like: documentation sitting in a folder of articles. */
  static boolean isFolderDocumentation(Path f) {
    String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    int dot = n.indexOf('.');
    return FOLDER_DOCS.contains(dot < 0 ? n : n.substring(0, dot));
  }

  /** Convenience: collect everything. */
  public Collected readAll(List<Path> paths) {
    List<RawDocument> docs = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    read(paths, new SourceReader.Sink() {
      @Override public void document(RawDocument doc) { docs.add(doc); }
      @Override public void problem(InputProblem problem) { problems.add(problem); }
    });
    return new Collected(List.copyOf(docs), List.copyOf(problems));
  }

  public record Collected(List<RawDocument> documents, List<InputProblem> problems) {}
}
