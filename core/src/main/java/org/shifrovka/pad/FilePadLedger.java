package org.shifrovka.pad;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.shifrovka.internal.AtomicFile;
import org.shifrovka.internal.AtomicFile.Access;
import org.shifrovka.internal.StrictUtf8;

/**
 * A ledger kept in a text file ({@link LedgerText}); see {@link PadLedger#open}.
 *
 * <p>The file is known by its real path: a symbolic link, or another spelling of the same path, is
 * resolved to the one file it names, and the data and the lock are both that file's, so that two
 * names can never become two ledgers. A file with several hard links is refused, because replacing
 * it would split its names into two ledgers.
 *
 * <p>Reading (opening an existing ledger, {@link #usedSheets}) takes no lock and writes nothing:
 * the file is only ever replaced whole by an atomic rename, so a reader sees the old or the new
 * ledger. Every change runs under a lock: a JVM-wide lock per file (so that two instances in one process
 * exclude each other) and an exclusive {@link FileLock} on the {@code .lock} file beside the real
 * file (so that processes do). Under the lock the file is read afresh, the change is checked against
 * it, and the new contents are written whole or not at all ({@link AtomicFile}): a crash leaves
 * either the old or the new ledger, never half of one, and a failure leaves no temporary file.
 */
final class FilePadLedger implements PadLedger {
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final Path file;
  private final Path lockFile;
  private final Clock clock;
  private final ReentrantLock jvmLock;
  /** The pad of a ledger not yet created ({@link Mode#NEW_ON_FIRST_USE}); null once it exists. */
  private volatile PadBook pendingBook;

  private FilePadLedger(Path file, Clock clock) {
    this.file = file; // the real path
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
    EITHER,
    /**
     * The file must not exist now; it is created by the first reservation, so that a command that
     * fails before it leaves no file behind.
     */
    NEW_ON_FIRST_USE
  }

  static FilePadLedger open(Path file, Clock clock, Mode mode, PadBook book)
      throws IOException, MalformedInputException, WrongPadException {
    Objects.requireNonNull(clock, "clock");
    Path real = realPath(file);
    FilePadLedger ledger = new FilePadLedger(real, clock);
    boolean exists = Files.exists(real);
    if (mode == Mode.EXISTING && !exists) {
      throw new NoSuchFileException(file.toString(), null, "no pad ledger here");
    }
    if ((mode == Mode.NEW || mode == Mode.NEW_ON_FIRST_USE) && exists) {
      throw new FileAlreadyExistsException(file.toString(), null,
          "a pad ledger exists here already");
    }
    if (exists) {
      ledger.read(); // validates it; reading takes no lock and changes nothing
      return ledger;
    }
    if (mode == Mode.NEW_ON_FIRST_USE) {
      ledger.pendingBook = book;
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
    return LedgerText.parse(StrictUtf8.decode(Files.readAllBytes(file), file.toString()),
        file.toString());
  }

  /**
   * Resolves {@code file} to the one real file it names (following symbolic links), or, if it does
   * not exist, to its name in the real directory.
   *
   * @throws java.nio.file.FileSystemException if it is a dangling link, not a regular file, or a
   *     file with more than one hard link
   */
  static Path realPath(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    if (Files.isSymbolicLink(abs) && !Files.exists(abs)) {
      throw new FileSystemException(file.toString(), null, "a symbolic link to "
          + Files.readSymbolicLink(abs) + ", which does not exist: a pad ledger must be found"
          + " where the link points, not made up anew");
    }
    if (!Files.exists(abs)) {
      Path parent = abs.getParent();
      return parent.toRealPath().resolve(abs.getFileName().toString());
    }
    Path real = abs.toRealPath();
    if (!Files.isRegularFile(real)) {
      throw new FileSystemException(file.toString(), null, "not a regular file");
    }
    if (real.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      Object links = Files.getAttribute(real, "unix:nlink");
      if (links instanceof Integer && (Integer) links > 1) {
        throw new FileSystemException(file.toString(), null, "the pad ledger has " + links
            + " names (hard links); refused, because rewriting it would split them into two"
            + " ledgers that each hand out the same sheets: keep one name and use symbolic"
            + " links for others");
      }
    }
    return real;
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
    if (pendingBook != null && !Files.exists(file)) {
      return java.util.Collections.emptySortedSet();
    }
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
    synchronized (this) {
      PadBook pending = pendingBook;
      if (pending != null) { // the first reservation creates the file
        T result = locked(state -> {
          state.bindTo(pending);
          return step.apply(state);
        }, true, Mode.NEW);
        pendingBook = null;
        return result;
      }
    }
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
        AtomicFile.write(file, LedgerText.render(state).getBytes(StandardCharsets.UTF_8),
            Access.OWNER_ONLY);
      }
      return result;
    } finally {
      jvmLock.unlock();
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
