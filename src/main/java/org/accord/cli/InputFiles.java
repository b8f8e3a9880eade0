package org.accord.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import org.accord.InvalidInputException;

/**
 * Reading a file named on the command line, so that every way it can fail is one line that names the
 * file: missing, a directory, not readable, failing while it is read ({@link UserException}), or
 * refused by the reader ({@link InvalidInputException}, which the caller locates in the file).
 *
 * <p>Why a wrapper: a reader turns an {@link IOException} of its stream into an {@code
 * UncheckedIOException} (or, in a StAX or Jackson parser, into a parse error), and from outside the
 * reader that looks like a bug or like bad content. The stream given to the reader remembers the
 * failure it passed on, so the failure is reported for what it is: the file could not be read.
 *
 * <p>Stateless; each call opens and closes its own stream.
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * Opens {@code file}, hands it to {@code reader}, closes it.
   *
   * @throws UserException if the file does not exist, is a directory, cannot be opened, or fails while
   *     it is read (whatever the reader made of that failure); the message starts with the file name
   * @throws InvalidInputException as the reader throws it, when it refuses the content
   */
  static <T> T read(Path file, Function<InputStream, T> reader) {
    Tracked in = open(file);
    try (in) {
      return reader.apply(new BufferedInputStream(in, 1 << 16));
    } catch (RuntimeException e) {
      if (in.failure != null) {
        throw readFailure(file, in.failure);
      }
      throw e;
    } catch (IOException e) {
      // Only close() gets here: the content was read in full, so a failure to close changes nothing.
      throw readFailure(file, e);
    }
  }

  /** As {@link #read}, for a reader that may throw {@link IOException} itself. */
  static <T> T readChecked(Path file, CheckedReader<T> reader) {
    return read(file, in -> {
      try {
        return reader.read(in);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** A reader that may fail with an {@link IOException}. */
  @FunctionalInterface
  interface CheckedReader<T> {
    T read(InputStream in) throws IOException;
  }

  /** The refusal {@code e} with {@code name} in front of its location. */
  static InvalidInputException located(String name, InvalidInputException e) {
    return new InvalidInputException(e.getMessage(), name + (e.location().isEmpty() ? "" : ", " + e.location()), e);
  }

  private static Tracked open(Path file) {
    if (Files.isDirectory(file)) {
      throw new UserException(file + ": is a directory, not a file");
    }
    try {
      return new Tracked(Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UserException(file + ": permission denied");
    } catch (IOException e) {
      throw readFailure(file, e);
    }
  }

  private static UserException readFailure(Path file, IOException e) {
    return new UserException(file + ": cannot read it: " + reason(e), e);
  }

  /**
   * Why a file operation failed, for a message that already names the file: "permission denied", "no
   * such file or directory", "Input/output error"; the path the JDK puts in front is kept when it is
   * another file than the one named.
   */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      return "no such file or directory" + (missing.getFile() == null ? "" : " (" + missing.getFile() + ")");
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied" + (denied.getFile() == null ? "" : " (" + denied.getFile() + ")");
    }
    if (e instanceof java.nio.file.FileSystemException failed && failed.getReason() != null) {
      return failed.getReason() + (failed.getFile() == null ? "" : " (" + failed.getFile() + ")");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A file's stream that remembers the first failure it passed on. */
  private static final class Tracked extends FilterInputStream {
    private IOException failure;

    Tracked(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public int available() throws IOException {
      try {
        return super.available();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
