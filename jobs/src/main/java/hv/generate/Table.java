package hv.generate;

import hv.contract.Contract;
import hv.contract.FileSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One extract file's column layout, from the contract: rows are value arrays in schema column order. */
final class Table {

  static final Table PROGRAMS = of("programs");
  static final Table STAFF = of("staff");
  static final Table CAREGIVERS = of("caregivers");
  static final Table ENROLLMENTS = of("enrollments");
  static final Table CHILDREN = of("children");
  static final Table INTAKE_REFERRALS = of("intake_referrals");
  static final Table HOME_VISITS = of("home_visits");
  static final Table SCREENINGS = of("screenings");
  static final Table SERVICE_REFERRALS = of("service_referrals");
  static final Table HEALTH_EVENTS = of("health_events");
  static final Table ASSESSMENTS = of("assessments");

  /** Parents first, as the contract lists them. */
  static final List<Table> ALL = List.of(PROGRAMS, CAREGIVERS, STAFF, ENROLLMENTS, CHILDREN, INTAKE_REFERRALS,
      HOME_VISITS, SCREENINGS, SERVICE_REFERRALS, HEALTH_EVENTS, ASSESSMENTS);

  final FileSchema schema;
  final int ordinal;
  /** Whether rows carry the source system's own entry time (home visits do). */
  final boolean hasCreatedAt;
  private final Map<String, Integer> index = new HashMap<>();

  private Table(FileSchema schema, int ordinal) {
    this.schema = schema;
    this.ordinal = ordinal;
    this.hasCreatedAt = schema.column("created_at").isPresent();
    List<String> names = schema.columnNames();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
  }

  private static Table of(String name) {
    List<FileSchema> files = Contract.get().files();
    FileSchema schema = Contract.get().file(name);
    return new Table(schema, files.indexOf(schema));
  }

  String fileName() {
    return schema.fileName();
  }

  int width() {
    return index.size();
  }

  int column(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException(schema.table() + " has no column " + name);
    }
    return i;
  }

  int keyColumn() {
    return column(schema.key());
  }

  /** A new row with every field empty. */
  Row row() {
    return new Row(this, new String[width()]);
  }
}
