package hv.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A row's text values as the ops tables keep them ({@code row_json} of the quarantine and the
 * orphan ledger): a JSON object of column to value in contract order, empty values left out.
 * It is the text Spark's {@code to_json} wrote for the same row (the same Jackson generator with
 * its defaults), so a ledger row read back is the row that was held.
 */
public final class RowJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private RowJson() {}

  public static String of(List<String> columns, List<String> values) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      for (int i = 0; i < columns.size(); i++) {
        if (values.get(i) != null) {
          g.writeStringField(columns.get(i), values.get(i));
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The values of the given columns in a row's JSON, null where absent. */
  public static String[] values(List<String> columns, String json) {
    try {
      JsonNode row = MAPPER.readTree(json);
      String[] values = new String[columns.size()];
      for (int i = 0; i < values.length; i++) {
        JsonNode v = row.get(columns.get(i));
        values[i] = v == null || v.isNull() ? null : v.asText();
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
