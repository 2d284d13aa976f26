package org.storyline.extract.html;

/** Test access to {@link MetadataExtractor}'s package-private name rule from the extractor's tests. */
public final class MetadataExtractorAccess {
  private MetadataExtractorAccess() {}

  public static String name(String byline) {
    return MetadataExtractor.name(byline, null);
  }
}
