package org.shifrovka.pad;

import java.util.Objects;
import java.util.Optional;

/**
 * What pad book to print: how many sheets, how many 5-digit groups on each, and optionally the
 * book's id; every value is checked when it is set.
 *
 * <pre>{@code
 * PadBook pads = PadGenerator.secure().generate(PadSpec.sheets(20).groupsPerSheet(60));
 * }</pre>
 */
public final class PadSpec {
  /** Groups per sheet unless set: a sheet of six rows of ten, as the sheets in the reference. */
  public static final int DEFAULT_GROUPS_PER_SHEET = 60;

  private final int sheets;
  private final int groupsPerSheet;
  private final String bookId;

  private PadSpec(int sheets, int groupsPerSheet, String bookId) {
    if (sheets < 1 || sheets > 100_000) {
      throw new IllegalArgumentException("sheets must be 1-100000, got " + sheets);
    }
    if (groupsPerSheet < 2 || groupsPerSheet > 10_000) {
      throw new IllegalArgumentException("groups per sheet must be 2-10000, got " + groupsPerSheet);
    }
    if (bookId != null && !PadBook.BOOK_ID.matcher(bookId).matches()) {
      throw new IllegalArgumentException("a pad book id is 1-20 characters of 0-9, A-Z and -,"
          + " got \"" + bookId + "\"");
    }
    this.sheets = sheets;
    this.groupsPerSheet = groupsPerSheet;
    this.bookId = bookId;
  }

  /** Returns a book of {@code sheets} sheets (1-100000) of 60 groups, its id chosen at random. */
  public static PadSpec sheets(int sheets) {
    return new PadSpec(sheets, DEFAULT_GROUPS_PER_SHEET, null);
  }

  /** Returns this book with {@code groups} groups on each sheet (2-10000). */
  public PadSpec groupsPerSheet(int groups) {
    return new PadSpec(sheets, groups, bookId);
  }

  /** Returns this book under the id {@code id} (1-20 characters of 0-9, A-Z and -). */
  public PadSpec bookId(String id) {
    return new PadSpec(sheets, groupsPerSheet, Objects.requireNonNull(id, "id"));
  }

  /** Returns the number of sheets. */
  public int sheets() {
    return sheets;
  }

  /** Returns the number of groups on each sheet. */
  public int groupsPerSheet() {
    return groupsPerSheet;
  }

  /** Returns the book's id, if one was set. */
  public Optional<String> bookId() {
    return Optional.ofNullable(bookId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PadSpec p && p.sheets == sheets && p.groupsPerSheet == groupsPerSheet
        && Objects.equals(p.bookId, bookId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sheets, groupsPerSheet, bookId);
  }

  @Override
  public String toString() {
    return "PadSpec[sheets=" + sheets + ", groupsPerSheet=" + groupsPerSheet
        + (bookId == null ? "" : ", bookId=" + bookId) + "]";
  }
}
