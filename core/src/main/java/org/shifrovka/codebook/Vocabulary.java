package org.shifrovka.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.shifrovka.MalformedInputException;
import org.shifrovka.text.Language;

/**
 * The words and phrases a codebook is generated from, in canonical telegraphese.
 *
 * <p>The built-in vocabularies ({@link #builtIn}) cover the 1948-49 Sino-Soviet correspondence
 * (cover names, parties, places, the vocabulary of Mao's message of 12 January 1949) and several
 * thousand common words; their sources and licences are listed in {@code VOCABULARY-SOURCES.md}
 * beside them. A vocabulary file has one entry per line; {@code #} starts a comment line.
 *
 * <p>Instances are immutable.
 */
public final class Vocabulary {
  private static final Pattern TOKEN =
      Pattern.compile("[A-ZА-Я0-9]+(?:[-'][A-ZА-Я0-9]+)*");

  private final Language language;
  private final List<String> entries;

  private Vocabulary(Language language, List<String> entries) {
    this.language = language;
    this.entries = entries;
  }

  /**
   * Returns a vocabulary of the given entries (duplicates are dropped, order kept).
   *
   * @throws IllegalArgumentException if an entry is not in canonical form
   */
  public static Vocabulary of(Language language, List<String> entries) {
    Objects.requireNonNull(language, "language");
    Set<String> seen = new LinkedHashSet<>();
    for (String e : entries) {
      String problem = problem(e);
      if (problem != null) {
        throw new IllegalArgumentException("vocabulary entry \"" + e + "\": " + problem);
      }
      seen.add(e);
    }
    return new Vocabulary(language, Collections.unmodifiableList(new ArrayList<>(seen)));
  }

  /** Returns the built-in vocabulary of a language. */
  public static Vocabulary builtIn(Language language) {
    String name = "vocabulary-" + language.code() + ".txt";
    try (InputStream in = Vocabulary.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("built-in vocabulary " + name + " is missing");
      }
      return parse(language, new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MalformedInputException e) {
      throw new IllegalStateException("built-in vocabulary is malformed: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a vocabulary file: one entry per line, {@code #} comments and blank lines ignored.
   *
   * @throws MalformedInputException naming the line of an entry that is not in canonical form
   */
  public static Vocabulary parse(Language language, String text, String source)
      throws MalformedInputException {
    List<String> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String problem = problem(line);
      if (problem != null) {
        throw new MalformedInputException(source, i + 1, 1, problem);
      }
      entries.add(line);
    }
    return of(language, entries);
  }

  private static String problem(String entry) {
    if (entry.isEmpty()) {
      return "empty entry";
    }
    String[] tokens = entry.split(" ", -1);
    for (String t : tokens) {
      if (!TOKEN.matcher(t).matches()) {
        return "\"" + t + "\" is not an upper-case word (letters, digits, inner - or ')";
      }
    }
    return null;
  }

  /** Returns the language of the entries. */
  public Language language() {
    return language;
  }

  /** Returns the entries, in file order, without duplicates. */
  public List<String> entries() {
    return entries;
  }

  /** Returns the number of entries. */
  public int size() {
    return entries.size();
  }

  @Override
  public String toString() {
    return "Vocabulary[" + language.code() + ", " + entries.size() + " entries]";
  }
}
