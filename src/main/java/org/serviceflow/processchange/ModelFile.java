package org.serviceflow.processchange;

import java.util.Arrays;

/** One attached model file of a process change: its file name (e.g. complaint.bpmn) and bytes. */
public record ModelFile(String name, byte[] content) {

  public ModelFile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a model file has a name");
    }
    content = content == null ? new byte[0] : content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The file type: bpmn, dmn, form, or the text after the last dot. */
  public String extension() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  /** The name without its extension: for a .bpmn the key of the process it must define. */
  public String baseName() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelFile file && name.equals(file.name) && Arrays.equals(content, file.content);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "ModelFile[" + name + ", " + content.length + " bytes]";
  }
}
