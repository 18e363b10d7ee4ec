package org.shifrovka.codebook;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.shifrovka.MalformedInputException;
import org.shifrovka.internal.HeaderLine;
import org.shifrovka.text.Language;

/** Strict reader of the codebook file format (see {@link Codebook#render()}). */
final class CodebookFile {
  private CodebookFile() {}

  static Codebook parse(String text, String source) throws MalformedInputException {
    String[] lines = text.split("\r?\n", -1);
    int i = 0;
    // magic
    i = skipBlank(lines, i);
    if (i >= lines.length || !lines[i].equals(Codebook.MAGIC)) {
      throw new MalformedInputException(source, Math.min(i + 1, lines.length), 1,
          "not a shifrovka codebook: the first line must be \"" + Codebook.MAGIC + "\"");
    }
    i++;
    Language language = null;
    CodebookStyle style = null;
    long seed = 0;
    String section = null;
    String[] byCode = new String[Codebook.CAPACITY];
    int[] codeLine = new int[Codebook.CAPACITY];
    Map<String, Integer> phraseLine = new HashMap<>();
    EnumMap<SpecialGroup, Integer> specials = new EnumMap<>(SpecialGroup.class);
    char[] spellByCode = new char[100];
    int[] spellLine = new int[100];
    Map<Character, Integer> symbolLine = new HashMap<>();
    int endSpell = -1;
    for (; i < lines.length; i++) {
      String line = lines[i];
      int ln = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.equals("[groups]") || line.equals("[spell]")) {
        if (language == null || style == null) {
          throw new MalformedInputException(source, ln, 1,
              "the header must give \"language\" and \"style\" before " + line);
        }
        section = line;
        continue;
      }
      if (section == null) {
        HeaderLine h = HeaderLine.parse(line, source, ln);
        String key = h.key();
        String value = h.value();
        try {
          switch (key) {
            case "language":
              language = Language.of(value);
              break;
            case "style":
              style = CodebookStyle.ofLabel(value);
              break;
            case "seed":
              seed = Long.parseLong(value);
              break;
            default:
              throw new MalformedInputException(source, ln, 1, "unknown header key \"" + key
                  + "\" (expected language, style or seed)");
          }
        } catch (IllegalArgumentException e) {
          throw new MalformedInputException(source, ln, h.valueColumn(), e.getMessage());
        }
        continue;
      }
      if (section.equals("[groups]")) {
        if (line.length() < 6 || line.charAt(4) != ' ' || !digits(line, 0, 4)) {
          throw new MalformedInputException(source, ln, 1,
              "expected \"<4-digit code> <phrase>\", found \"" + line + "\"");
        }
        int code = Integer.parseInt(line.substring(0, 4));
        String phrase = line.substring(5);
        if (byCode[code] != null) {
          throw new MalformedInputException(source, ln, 1, "duplicate code " + line.substring(0, 4)
              + " (already given on line " + codeLine[code] + ")");
        }
        SpecialGroup g = SpecialGroup.ofLabel(phrase);
        if (g != null) {
          if (specials.containsKey(g)) {
            throw new MalformedInputException(source, ln, 6, "duplicate special group "
                + g.label() + " (already given on line " + codeLine[specials.get(g)] + ")");
          }
          specials.put(g, code);
        } else {
          try {
            Vocabulary.of(language, java.util.List.of(phrase));
          } catch (IllegalArgumentException e) {
            throw new MalformedInputException(source, ln, 6, e.getMessage());
          }
          Integer prev = phraseLine.putIfAbsent(phrase, ln);
          if (prev != null) {
            throw new MalformedInputException(source, ln, 6, "duplicate phrase \"" + phrase
                + "\" (already given on line " + prev + ")");
          }
        }
        byCode[code] = phrase;
        codeLine[code] = ln;
      } else {
        if (line.length() < 4 || line.charAt(2) != ' ' || !digits(line, 0, 2)) {
          throw new MalformedInputException(source, ln, 1,
              "expected \"<2-digit code> <letter>\", found \"" + line + "\"");
        }
        int code = Integer.parseInt(line.substring(0, 2));
        String sym = line.substring(3);
        if (spellByCode[code] != 0 || code == endSpell) {
          throw new MalformedInputException(source, ln, 1, "duplicate spell code "
              + line.substring(0, 2) + " (already given on line " + spellLine[code] + ")");
        }
        if (sym.equals("<END SPELL>")) {
          if (endSpell >= 0) {
            throw new MalformedInputException(source, ln, 4, "duplicate <END SPELL> (already on line "
                + spellLine[endSpell] + ")");
          }
          endSpell = code;
        } else {
          if (sym.length() != 1 || SpellTable.SYMBOLS.indexOf(sym.charAt(0)) < 0) {
            throw new MalformedInputException(source, ln, 4, "\"" + sym
                + "\" is not a spell-table symbol (А-Я, A-Z, 0-9, - or ')");
          }
          Integer prev = symbolLine.putIfAbsent(sym.charAt(0), ln);
          if (prev != null) {
            throw new MalformedInputException(source, ln, 4, "duplicate spell symbol '" + sym
                + "' (already given on line " + prev + ")");
          }
          spellByCode[code] = sym.charAt(0);
        }
        spellLine[code] = ln;
      }
    }
    if (language == null || style == null) {
      throw new MalformedInputException(source, 0, 0, "the header must give language and style");
    }
    for (SpecialGroup g : SpecialGroup.values()) {
      if (!specials.containsKey(g)) {
        throw new MalformedInputException(source, 0, 0, "the codebook has no " + g.label()
            + " group");
      }
    }
    for (char c : SpellTable.SYMBOLS.toCharArray()) {
      if (!symbolLine.containsKey(c)) {
        throw new MalformedInputException(source, 0, 0, "the spell table has no code for '" + c
            + "'");
      }
    }
    if (endSpell < 0) {
      throw new MalformedInputException(source, 0, 0, "the spell table has no <END SPELL> code");
    }
    return Codebook.assemble(language, style, seed, byCode, specials,
        SpellTable.of(spellByCode, endSpell));
  }

  private static int skipBlank(String[] lines, int i) {
    while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#"))) {
      i++;
    }
    return i;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
