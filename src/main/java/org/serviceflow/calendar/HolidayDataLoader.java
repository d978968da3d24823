package org.serviceflow.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads one file per year: the files shipped in {@code classpath:calendar/*.yaml}, then the
 * {@code *.yaml} files of {@code serviceflow.calendar.data-dir} (if set), where an administrator
 * drops next year's file without a rebuild. For the same year the data-dir file wins.
 * Each file must be named after its year ({@code 2027.yaml}).
 */
final class HolidayDataLoader {

  static final String CLASSPATH_PATTERN = "classpath*:calendar/*.yaml";
  private static final Logger log = LoggerFactory.getLogger(HolidayDataLoader.class);

  private HolidayDataLoader() {}

  static Map<Integer, HolidayYear> load(Path dataDir) {
    return load(new PathMatchingResourcePatternResolver(), dataDir);
  }

  static Map<Integer, HolidayYear> load(ResourcePatternResolver resolver, Path dataDir) {
    Map<Integer, HolidayYear> years = new TreeMap<>(byYear(fromClasspath(resolver)));
    if (dataDir != null) {
      byYear(fromDirectory(dataDir)).forEach((year, data) -> {
        HolidayYear replaced = years.put(year, data);
        if (replaced != null) {
          log.info("Holiday data for {} from {} replaces {}", year, data.origin(), replaced.origin());
        }
      });
    }
    log.info("Holiday data loaded for {}", years.values().stream()
        .map(y -> y.year() + " (" + y.origin() + ")")
        .collect(Collectors.joining(", ")));
    return years;
  }

  private static List<HolidayYear> fromClasspath(ResourcePatternResolver resolver) {
    try {
      List<HolidayYear> years = new ArrayList<>();
      for (Resource resource : resolver.getResources(CLASSPATH_PATTERN)) {
        String origin = "classpath:calendar/" + resource.getFilename();
        years.add(checkedRead(resource.getContentAsString(StandardCharsets.UTF_8), resource.getFilename(), origin));
      }
      return years;
    } catch (IOException e) {
      throw new HolidayDataException("Cannot read holiday data from " + CLASSPATH_PATTERN + ": " + e.getMessage(), e);
    }
  }

  private static List<HolidayYear> fromDirectory(Path dataDir) {
    if (!Files.isDirectory(dataDir)) {
      throw new HolidayDataException("serviceflow.calendar.data-dir " + dataDir.toAbsolutePath()
          + " is not a directory; create it or remove the setting");
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      List<HolidayYear> years = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
        String origin = file.toAbsolutePath().toString();
        years.add(checkedRead(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString(), origin));
      }
      return years;
    } catch (IOException e) {
      throw new HolidayDataException("Cannot read holiday data from " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private static HolidayYear checkedRead(String text, String fileName, String origin) {
    HolidayYear year = HolidayDataReader.read(text, origin);
    if (!fileName.equals(year.year() + ".yaml")) {
      throw new HolidayDataException("Holiday data " + origin + ": holds year " + year.year()
          + " but is named " + fileName + "; name it " + year.year() + ".yaml");
    }
    return year;
  }

  private static Map<Integer, HolidayYear> byYear(List<HolidayYear> years) {
    Map<Integer, HolidayYear> byYear = new HashMap<>();
    for (HolidayYear year : years) {
      HolidayYear other = byYear.putIfAbsent(year.year(), year);
      if (other != null) {
        throw new HolidayDataException("Holiday data for " + year.year() + " is given twice: "
            + other.origin() + " and " + year.origin());
      }
    }
    return byYear;
  }
}
