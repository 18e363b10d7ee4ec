package org.shifrovka.pad;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.shifrovka.MalformedInputException;

/**
 * A ledger kept in a text file; see {@link PadLedger#open}.
 *
 * <p>Reading (opening an existing ledger, {@link #usedSheets}) takes no lock and writes nothing:
 * the file is only ever replaced whole by an atomic rename, so a reader sees the old or the new
 * ledger. Every change runs under a lock: a JVM-wide lock per file (so that two instances in one process
 * exclude each other) and an exclusive {@link FileLock} on a sibling {@code .lock} file (so that
 * processes do). Under the lock the file is read afresh, the change is checked against it, and the
 * new contents are written to a temporary file, forced to disk, and renamed over the old one
 * atomically; a crash leaves either the old or the new ledger, never half of one.
 */
final class FilePadLedger implements PadLedger {
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final Path file;
  private final Path lockFile;
  private final Clock clock;
  private final ReentrantLock jvmLock;

  private FilePadLedger(Path file, Clock clock) {
    this.file = file;
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    this.clock = clock;
    this.jvmLock = JVM_LOCKS.computeIfAbsent(file, k -> new ReentrantLock());
  }

  /** How {@link #open} treats a missing or existing file. */
  enum Mode {
    /** The file must exist. */
    EXISTING,
    /** The file must not exist; it is created. */
    NEW,
    /** Either; a missing file is created. */
    EITHER
  }

  static FilePadLedger open(Path file, Clock clock, Mode mode, PadBook book)
      throws IOException, MalformedInputException, WrongPadException {
    Objects.requireNonNull(clock, "clock");
    Path abs = file.toAbsolutePath().normalize();
    FilePadLedger ledger = new FilePadLedger(abs, clock);
    boolean exists = Files.exists(abs);
    if (mode == Mode.EXISTING && !exists) {
      throw new NoSuchFileException(abs.toString(), null, "no pad ledger here");
    }
    if (mode == Mode.NEW && exists) {
      throw new FileAlreadyExistsException(abs.toString(), null,
          "a pad ledger exists here already");
    }
    if (exists && mode != Mode.NEW) {
      ledger.read(); // validates it; reading takes no lock and changes nothing
      return ledger;
    }
    try {
      ledger.locked(state -> {
        if (book != null) {
          state.bindTo(book);
        }
        return null;
      }, true, mode);
    } catch (IOException | MalformedInputException | WrongPadException e) {
      throw e;
    } catch (Exception e) {
      throw rethrow(e);
    }
    return ledger;
  }

  /** Reads the state as it is on disk now: the file is only ever replaced by an atomic rename. */
  private LedgerState read() throws IOException, MalformedInputException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "the pad ledger has disappeared");
    }
    return LedgerState.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  @Override
  public SheetRun reserve(PadBook book, int count) throws PadExhaustedException,
      WrongPadException, IOException {
    try {
      return locked(state -> {
        state.bindTo(book);
        SheetRun run = state.findRun(book, count);
        state.record(run, clock.instant());
        return run;
      });
    } catch (PadExhaustedException | WrongPadException | IOException e) {
      throw e;
    } catch (Exception e) {
      throw rethrow(e);
    }
  }

  @Override
  public void claim(PadBook book, int first, int count) throws SheetReuseException,
      WrongPadException, IOException {
    try {
      locked(state -> {
        state.bindTo(book);
        state.checkUnused(book, first, count);
        state.record(new SheetRun(book.id(), first, count), clock.instant());
        return null;
      });
    } catch (SheetReuseException | WrongPadException | IOException e) {
      throw e;
    } catch (Exception e) {
      throw rethrow(e);
    }
  }

  @Override
  public SortedSet<Integer> usedSheets(String bookId) throws IOException {
    try {
      return read().usedSheets(bookId);
    } catch (MalformedInputException e) {
      throw rethrow(e);
    }
  }

  private static RuntimeException rethrow(Exception e) {
    if (e instanceof RuntimeException) {
      return (RuntimeException) e;
    }
    if (e instanceof MalformedInputException) {
      return new IllegalStateException("the pad ledger was damaged while open: " + e.getMessage(),
          e);
    }
    return new IllegalStateException(e);
  }

  /** A step that reads and may change the state. */
  private interface Step<T> {
    T apply(LedgerState state) throws Exception;
  }

  private <T> T locked(Step<T> step) throws Exception {
    return locked(step, true, Mode.EXISTING);
  }

  /**
   * Runs a step under both locks on the state read afresh; writes the result if {@code write}.
   * The file must exist, except when opening in {@code NEW} or {@code EITHER} mode.
   */
  private <T> T locked(Step<T> step, boolean write, Mode mode) throws Exception {
    jvmLock.lock();
    try (FileChannel lc = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
            StandardOpenOption.WRITE), ownerOnly());
        FileLock ignored = lc.lock()) {
      LedgerState state;
      boolean exists = Files.exists(file);
      if (exists && mode == Mode.NEW) {
        throw new FileAlreadyExistsException(file.toString(), null,
            "a pad ledger exists here already");
      }
      if (exists) {
        state = read();
      } else if (mode == Mode.EXISTING) {
        throw new NoSuchFileException(file.toString(), null, "the pad ledger has disappeared");
      } else {
        state = new LedgerState();
        write = true;
      }
      T result = step.apply(state);
      if (write) {
        writeAtomically(state.render());
      }
      return result;
    } finally {
      jvmLock.unlock();
    }
  }

  private void writeAtomically(String contents) throws IOException {
    Path dir = file.getParent();
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), ownerOnly())) {
      ByteBuffer buf = ByteBuffer.wrap(contents.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot write " + tmp + ": it exists", e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // make the rename durable; not possible on every platform
    } catch (IOException | UnsupportedOperationException e) {
      // best effort
    }
  }

  private FileAttribute<?>[] ownerOnly() {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }
    return new FileAttribute<?>[0];
  }

  @Override
  public String toString() {
    return "PadLedger[" + file + "]";
  }
}
