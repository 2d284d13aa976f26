package org.storyline.analyze;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import org.storyline.model.Report;

/** Writes and reads the JSON report (docs/report.md). Nulls are written as null, so every field is always present. */
public final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private ReportJson() {}

  public static void write(Report report, OutputStream out) throws IOException {
    JSON.writeValue(out, report);
  }

  public static String toJson(Report report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Report read(java.io.InputStream in) throws IOException {
    return JSON.readValue(in, Report.class);
  }
}
