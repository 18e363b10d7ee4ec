package org.shifrovka.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shifrovka.MalformedInputException;
import org.shifrovka.internal.AtomicFile;
import org.shifrovka.internal.AtomicFile.Access;
import org.shifrovka.internal.StrictUtf8;

/**
 * File input and output of the tool: UTF-8 only, {@code -} for standard input, and files written
 * whole or not at all (temporary file, fsync, atomic rename) with owner-only permissions.
 */
public final class CliIo {
  /** The name error messages use for standard input. */
  public static final String STDIN_NAME = "<stdin>";


  private CliIo() {}

  /**
   * A text read from a file or standard input.
   *
   * @param name the file name as the user gave it, or {@code <stdin>}; used in error messages
   * @param text the contents
   */
  public record Input(String name, String text) {}

  /** Returns true if {@code path} is {@code -}, which means standard input (or output). */
  public static boolean isDash(Path path) {
    return path.toString().equals("-");
  }

  /**
   * Reads a UTF-8 text file, or standard input if {@code path} is {@code -}.
   *
   * @throws MalformedInputException if the bytes are not UTF-8, naming the line
   * @throws IOException if the file cannot be read
   */
  public static Input read(Path path, InputStream stdin) throws IOException,
      MalformedInputException {
    if (isDash(path)) {
      return new Input(STDIN_NAME, decode(stdin.readAllBytes(), STDIN_NAME));
    }
    String name = path.toString();
    if (Files.isDirectory(path)) {
      throw new FileSystemException(name, null, "is a directory, not a file");
    }
    return new Input(name, decode(Files.readAllBytes(path), name));
  }

  /** Decodes strict UTF-8, dropping a leading byte order mark. */
  static String decode(byte[] bytes, String name) throws MalformedInputException {
    return StrictUtf8.decode(bytes, name);
  }

  /**
   * Writes {@code text} as UTF-8 to {@code target}, whole or not at all: into a temporary file of
   * the same directory created with owner-only permissions, forced to disk, then renamed over the
   * target atomically.
   *
   * @param overwrite whether an existing target may be replaced
   * @throws CliException with {@link ExitCodes#USAGE} if the target exists and may not be replaced
   * @throws IOException if writing fails; then the target is unchanged
   */
  public static void writeSecretAtomically(Path target, String text, boolean overwrite)
      throws IOException, CliException {
    refuseExisting(target, overwrite);
    AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8), Access.OWNER_ONLY);
  }

  /** Fills the temporary file of {@link #writeAtomically}. */
  @FunctionalInterface
  public interface FileContent {
    /** Writes the whole content to {@code tmp}, an existing empty file, replacing it. */
    void writeTo(Path tmp) throws IOException;
  }

  /**
   * Writes a file whole or not at all, as {@link #writeSecretAtomically} does, with any content:
   * {@code content} fills a temporary file of the same directory, created owner-only, which is
   * then forced to disk and renamed over the target atomically.
   *
   * @param overwrite whether an existing target may be replaced
   * @throws CliException with {@link ExitCodes#USAGE} if the target exists and may not be replaced
   * @throws IOException if writing fails; then the target is unchanged
   */
  public static void writeAtomically(Path target, boolean overwrite, FileContent content)
      throws IOException, CliException {
    writeAtomically(target, overwrite, content, false);
  }

  /**
   * Writes a file that holds no secret (a WAV recording) whole or not at all, as
   * {@link #writeAtomically} does, then readable by everyone ({@code rw-r--r--}) like any
   * ordinary file.
   *
   * @param overwrite whether an existing target may be replaced
   * @throws CliException with {@link ExitCodes#USAGE} if the target exists and may not be replaced
   * @throws IOException if writing fails; then the target is unchanged
   */
  public static void writeOrdinaryAtomically(Path target, boolean overwrite, FileContent content)
      throws IOException, CliException {
    writeAtomically(target, overwrite, content, true);
  }

  private static void writeAtomically(Path target, boolean overwrite, FileContent content,
      boolean ordinary) throws IOException, CliException {
    refuseExisting(target, overwrite);
    AtomicFile.write(target, ordinary ? Access.READABLE_BY_ALL : Access.OWNER_ONLY,
        content::writeTo);
  }

  private static void refuseExisting(Path target, boolean overwrite) throws CliException {
    if (!overwrite && Files.exists(target)) {
      throw new CliException(ExitCodes.USAGE, target + " exists; choose another file or give"
          + " --force to replace it");
    }
  }

  /** Deletes a directory and everything in it; best effort (what cannot be deleted stays). */
  public static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }
}
