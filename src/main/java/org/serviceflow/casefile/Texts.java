package org.serviceflow.casefile;

/** Fits free text into its column. */
final class Texts {

  private Texts() {
  }

  static String limit(String text, int maxLength) {
    if (text == null || text.length() <= maxLength) {
      return text;
    }
    return text.substring(0, maxLength - 1) + "…";
  }
}
