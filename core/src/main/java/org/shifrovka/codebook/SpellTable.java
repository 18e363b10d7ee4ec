package org.shifrovka.codebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The spell table: 2-digit codes for single letters, used between SPELL and END SPELL for names
 * and words that are not in the book.
 *
 * <p>It has a Cyrillic section (А to Я, without Ё), a Latin section (A to Z), the digits and the
 * inner-word signs hyphen and apostrophe, and the END SPELL code: 71 of the 100 possible codes.
 * Blum describes a Latin spell table with two-digit letters and a two-digit end-spell code; the
 * Cyrillic section and its sharing one code space with the Latin one are inferred.
 *
 * <p>Instances are immutable.
 */
public final class SpellTable {
  /** Every symbol the table spells, in table order. */
  static final String SYMBOLS =
      "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "0123456789" + "-'";

  private static final int INDEX_SIZE = 'Я' + 1;

  private final byte[] codeBySymbol; // indexed by char; -1 if none
  private final char[] symbolByCode; // 100 entries; 0 if unused
  private final int endSpell;

  private SpellTable(char[] symbolByCode, int endSpell) {
    this.symbolByCode = symbolByCode;
    this.endSpell = endSpell;
    this.codeBySymbol = new byte[INDEX_SIZE];
    Arrays.fill(codeBySymbol, (byte) -1);
    for (int code = 0; code < 100; code++) {
      char c = symbolByCode[code];
      if (c != 0) {
        codeBySymbol[c] = (byte) code;
      }
    }
  }

  /**
   * Builds a table: in {@link CodebookStyle#ONE_PART} style the symbols take codes 00, 01, ... in
   * table order and END SPELL is 99; in {@link CodebookStyle#TWO_PART} style all codes are drawn at
   * random from {@code random}.
   */
  static SpellTable generate(CodebookStyle style, Random random) {
    char[] byCode = new char[100];
    int end;
    if (style == CodebookStyle.ONE_PART) {
      for (int i = 0; i < SYMBOLS.length(); i++) {
        byCode[i] = SYMBOLS.charAt(i);
      }
      end = 99;
    } else {
      List<Integer> codes = new ArrayList<>(100);
      for (int i = 0; i < 100; i++) {
        codes.add(i);
      }
      Collections.shuffle(codes, random);
      for (int i = 0; i < SYMBOLS.length(); i++) {
        byCode[codes.get(i)] = SYMBOLS.charAt(i);
      }
      end = codes.get(SYMBOLS.length());
    }
    return new SpellTable(byCode, end);
  }

  /** Builds a table from explicit codes, as read from a file; the caller has validated them. */
  static SpellTable of(char[] symbolByCode, int endSpell) {
    return new SpellTable(symbolByCode.clone(), endSpell);
  }

  /** Returns true if the table can spell {@code c}. */
  public boolean canSpell(char c) {
    return c < INDEX_SIZE && codeBySymbol[c] >= 0;
  }

  /**
   * Returns the 2-digit code of a symbol.
   *
   * @throws IllegalArgumentException if the table has no code for it
   */
  public int code(char c) {
    if (!canSpell(c)) {
      throw new IllegalArgumentException("the spell table has no code for '" + c + "'");
    }
    return codeBySymbol[c];
  }

  /** Returns the symbol of a 2-digit code, or 0 if the code is unused or END SPELL. */
  public char symbol(int code) {
    return code >= 0 && code < 100 ? symbolByCode[code] : 0;
  }

  /** Returns the END SPELL code. */
  public int endSpell() {
    return endSpell;
  }

  int codeOrMinusOne(char c) {
    return c < INDEX_SIZE ? codeBySymbol[c] : -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpellTable
        && endSpell == ((SpellTable) o).endSpell
        && Arrays.equals(symbolByCode, ((SpellTable) o).symbolByCode);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(symbolByCode) + endSpell;
  }

  @Override
  public String toString() {
    return "SpellTable[" + SYMBOLS.length() + " symbols, END SPELL " + endSpell + "]";
  }
}
