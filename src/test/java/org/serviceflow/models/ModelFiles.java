package org.serviceflow.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The model and form files process owners edit, as they lie in the repository. */
final class ModelFiles {

  static final Path BPMN_DIR = Path.of("bpmn");
  static final Path FORMS_DIR = Path.of("forms");

  private ModelFiles() {
  }

  static List<Path> bpmnFiles() {
    return list(BPMN_DIR, ".bpmn");
  }

  static List<Path> dmnFiles() {
    return list(BPMN_DIR, ".dmn");
  }

  static List<Path> formFiles() {
    return list(FORMS_DIR, ".form");
  }

  private static List<Path> list(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
