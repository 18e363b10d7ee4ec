package org.shifrovka.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file written whole or not at all: the contents go to a temporary file of the same directory
 * (created owner-only), which is forced to disk and renamed over the target atomically, and the
 * directory is forced so that the rename survives a crash. A failure leaves the target as it was
 * and no temporary file behind, and its exception names the target.
 *
 * <p>The one writer of the project's files of record: pad ledgers, pads and codebooks, keys and
 * certificates, recordings.
 */
public final class AtomicFile {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> READABLE_BY_ALL = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

  /** Who may read the file written. */
  public enum Access {
    /** {@code rw-------}: secrets (pads, keys, ledgers) and anything that might be one. */
    OWNER_ONLY,
    /** {@code rw-r--r--}: a file that holds no secret (a certificate, a recording). */
    READABLE_BY_ALL
  }

  /** Fills the temporary file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole content to {@code tmp}, an existing empty file, or replaces it. */
    void writeTo(Path tmp) throws IOException;
  }

  private AtomicFile() {}

  /** Writes {@code contents} to {@code target} whole or not at all. */
  public static void write(Path target, byte[] contents, Access access) throws IOException {
    write(target, access, tmp -> {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(contents);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    });
  }

  /**
   * Writes what {@code content} puts into a temporary file to {@code target}, whole or not at all.
   *
   * @throws IOException if any step fails; then {@code target} is unchanged, no temporary file is
   *     left, and the message names {@code target}
   */
  public static void write(Path target, Access access, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp", attrs);
      content.writeTo(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      if (posix && access == Access.READABLE_BY_ALL) {
        Files.setPosixFilePermissions(tmp, READABLE_BY_ALL);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw naming(abs, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // nothing more can be done; the write has failed already
        }
      }
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // makes the rename durable; not possible on every platform
    } catch (IOException | UnsupportedOperationException e) {
      // best effort
    }
  }

  /** Returns {@code e} if its message names a file already, or an exception that names target. */
  private static IOException naming(Path target, IOException e) {
    if (e instanceof FileSystemException && ((FileSystemException) e).getFile() != null) {
      return e;
    }
    return new IOException("cannot write " + target + ": " + e.getMessage(), e);
  }
}
