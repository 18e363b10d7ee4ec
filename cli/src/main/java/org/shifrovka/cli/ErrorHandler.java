package org.shifrovka.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shifrovka.MalformedInputException;
import org.shifrovka.internal.SafeText;
import org.shifrovka.pad.PadSecurityException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one line on standard error ({@code error: ...}) and an exit code from
 * {@link ExitCodes}. The stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper,
    IParameterExceptionHandler {

  @Override
  public int getExitCode(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof CliException) {
      return ((CliException) e).exitCode();
    } else if (e instanceof ParameterException) {
      return ExitCodes.USAGE;
    } else if (e instanceof MalformedInputException) {
      return ExitCodes.BAD_DATA;
    } else if (e instanceof PadSecurityException) {
      return ExitCodes.SECURITY;
    } else if (e instanceof NoSuchFileException || e instanceof AccessDeniedException
        || e instanceof FileAlreadyExistsException) {
      return ExitCodes.USAGE;
    } else if (e instanceof IOException) {
      return ExitCodes.FAILURE;
    }
    return ExitCodes.INTERNAL;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine,
      ParseResult fullParseResult) {
    PrintWriter err = commandLine.getErr();
    int code = getExitCode(ex);
    boolean verbose = verbose(fullParseResult);
    Throwable cause = unwrap(ex);
    String message = message(cause);
    String line = "error: " + (cause instanceof MalformedInputException ? message // safe already
        : SafeText.of(message, 1000));
    if (code == ExitCodes.INTERNAL && !verbose) {
      line += " (run with --verbose for the stack trace)";
    }
    err.println(line);
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    StringBuilder line = new StringBuilder("error: ").append(parameterMessage(ex));
    if (ex instanceof UnmatchedArgumentException) {
      List<String> s = ((UnmatchedArgumentException) ex).getSuggestions();
      if (!s.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", s)).append('?');
      }
    }
    line.append(" (see '").append(cl.getCommandSpec().qualifiedName()).append(" --help')");
    err.println(SafeText.of(line.toString().replace('\n', ' '), 1000));
    err.flush();
    return ExitCodes.USAGE;
  }

  private static final Pattern ENUM_VALUES =
      Pattern.compile("expected one of \\[(.*?)] \\(case-insensitive\\) but was '(.*)'");

  /**
   * Returns what was wrong with an option or argument in the user's terms: a converter's own
   * message without picocli's "cannot convert ... (java.lang...)" wrapping, and enum values as the
   * user types them ({@code out-of-turn}, not {@code OUT_OF_TURN}).
   */
  static String parameterMessage(ParameterException ex) {
    String m = ex.getMessage().strip();
    Throwable cause = ex.getCause();
    if (cause instanceof IllegalArgumentException && !(cause instanceof TypeConversionException)
        && cause.getMessage() != null && ex.getArgSpec() != null) {
      String name = ex.getArgSpec() instanceof OptionSpec o ? "option '" + o.longestName() + "'"
          : "positional parameter " + ex.getArgSpec().paramLabel();
      m = "Invalid value for " + name + ": " + cause.getMessage();
    }
    Matcher values = ENUM_VALUES.matcher(m);
    if (values.find()) {
      String expected = values.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
      m = m.substring(0, values.start()) + "unknown value \"" + values.group(2)
          + "\" (expected " + expected + ")" + m.substring(values.end());
    }
    return m;
  }

  private static Throwable unwrap(Throwable t) {
    if (t instanceof UncheckedIOException && t.getCause() != null) {
      return t.getCause();
    }
    return t;
  }

  /** Returns the one-line message for an exception. */
  static String message(Throwable e) {
    if (e instanceof CliException || e instanceof MalformedInputException
        || e instanceof PadSecurityException) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return ((FileSystemException) e).getFile() + ": no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return ((FileSystemException) e).getFile() + ": permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return ((FileSystemException) e).getFile() + ": exists";
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + ": " + (f.getReason() == null ? "I/O error" : f.getReason());
    }
    if (e instanceof IOException) {
      return "I/O error: " + e.getMessage();
    }
    return "internal error: " + e;
  }

  private static boolean verbose(ParseResult pr) {
    for (ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
