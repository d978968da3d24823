package org.serviceflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, read from the imports of src/main/java: the calendar imports no other
 * package of the application (it publishes events instead); shared packages never import a process package;
 * process packages never import each other.
 */
class PackageDependenciesTest {

  static final Set<String> PROCESS_PACKAGES = Set.of("complaint", "aftersales", "processchange", "hotline");
  static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.serviceflow\\.([a-z]+)\\.", Pattern.MULTILINE);

  record Dependency(String from, String to, Path file) {
    @Override
    public String toString() {
      return from + " → " + to + " (" + file.getFileName() + ")";
    }
  }

  @Test
  void shouldKeepTheCalendarFreeOfOtherPackages() throws IOException {
    assertThat(dependencies()).filteredOn(d -> d.from().equals("calendar")).isEmpty();
  }

  @Test
  void shouldKeepSharedPackagesBelowTheProcesses() throws IOException {
    assertThat(dependencies())
        .filteredOn(d -> !PROCESS_PACKAGES.contains(d.from()) && PROCESS_PACKAGES.contains(d.to()))
        .isEmpty();
  }

  @Test
  void shouldKeepProcessPackagesApart() throws IOException {
    assertThat(dependencies())
        .filteredOn(d -> PROCESS_PACKAGES.contains(d.from()) && PROCESS_PACKAGES.contains(d.to()))
        .isEmpty();
  }

  private static List<Dependency> dependencies() throws IOException {
    Path root = Path.of("src/main/java/org/serviceflow");
    List<Dependency> dependencies = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2) {
          continue;
        }
        String from = relative.getName(0).toString();
        Matcher imports = IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          if (!imports.group(1).equals(from)) {
            dependencies.add(new Dependency(from, imports.group(1), file));
          }
        }
      }
    }
    assertThat(dependencies).as("the scan found the project's imports").isNotEmpty();
    return dependencies;
  }
}
