package org.storyline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
    for (Path p : paths) {
      if (!Files.exists(p)) {
        sink.problem(new InputProblem(p.toString(), 0, "no such file or folder", true));
        continue;
      }
      boolean walked = Files.isDirectory(p);
      for (Path f : files(p, sink)) {
        // A folder's README, LICENSE or ATTRIBUTION file describes the articles; it is not one. A file the user
        // names on its own is always read.
        if (walked && isFolderDocumentation(f)) continue;
        readOne(f, walked ? quietAboutSideFiles(sink) : sink);
      }
    }
  }

  private static List<Path> files(Path p, SourceReader.Sink sink) {
    if (!Files.isDirectory(p)) return List.of(p);
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      sink.problem(new InputProblem(p.toString(), 0, "cannot list folder: " + e.getMessage(), true));
      return List.of();
    }
  }

  private void readOne(Path f, SourceReader.Sink sink) {
    for (SourceReader r : readers) {
      if (r.accepts(f)) {
        try {
          r.read(f, sink);
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
        if (!JsonFileReader.NOT_AN_ARTICLE.equals(p.reason())) sink.problem(p);
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
