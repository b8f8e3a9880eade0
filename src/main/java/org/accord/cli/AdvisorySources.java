package org.accord.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.accord.InvalidInputException;
import org.accord.advisory.AdvisoryReader;

/**
 * The documents named on an {@code ingest advisory} command line: plain files, directories (walked, the
 * {@code .json} files in name order) and ZIP archives (their {@code .json} entries in name order, each
 * read with the document size limit, at most {@link #MAX_ENTRIES} entries and {@link
 * #MAX_TOTAL_BYTES} uncompressed in all, so an archive cannot exhaust memory or time). Not thread-safe.
 */
final class AdvisorySources {
  /** The most entries read from one archive. */
  static final int MAX_ENTRIES = 500_000;
  /** The most bytes read from one archive's entries in all. */
  static final long MAX_TOTAL_BYTES = 16L << 30;

  private AdvisorySources() {}

  /** One document: a name for messages, and how to read it. */
  interface Source {
    String name();

    /**
     * Hands the document to {@code reader}.
     *
     * @throws UserException if it cannot be read; the message names it
     * @throws InvalidInputException as the reader throws it
     */
    <T> T read(Function<InputStream, T> reader);
  }

  /** Handles each document in turn; a failure of one is reported, not thrown. */
  interface Visitor {
    void visit(Source source);
  }

  /**
   * Visits every document {@code paths} name, in order.
   *
   * @throws UserException if a path does not exist, or a directory or archive cannot be read
   * @throws InvalidInputException if an archive is not a ZIP or breaks the limits
   */
  static void forEach(List<Path> paths, Visitor visitor) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new UserException(path + ": no such file or directory");
      }
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(Files::isRegularFile).filter(p -> isJson(p.getFileName().toString())).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
          throw new UserException(path + ": cannot list the directory: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
          visitor.visit(unreadable(path.toString(), path + ": is a directory without any *.json file"));
        }
        for (Path file : files) {
          visitor.visit(file(file));
        }
      } else if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
        zip(path, visitor);
      } else {
        visitor.visit(file(path));
      }
    }
  }

  private static boolean isJson(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static Source file(Path file) {
    return new Source() {
      @Override
      public String name() {
        return file.toString();
      }

      @Override
      public <T> T read(Function<InputStream, T> reader) {
        return InputFiles.read(file, reader);
      }
    };
  }

  /** A source that fails with {@code message} when read. */
  private static Source unreadable(String name, String message) {
    return new Source() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public <T> T read(Function<InputStream, T> reader) {
        throw new UserException(message);
      }
    };
  }

  private static void zip(Path archive, Visitor visitor) {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      List<ZipEntry> entries = new ArrayList<>();
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (!entry.isDirectory() && isJson(entry.getName())) {
          if (entries.size() == MAX_ENTRIES) {
            throw new InvalidInputException("the archive has more than " + MAX_ENTRIES + " JSON entries", archive.toString());
          }
          entries.add(entry);
        }
      }
      entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
      long total = 0;
      for (ZipEntry entry : entries) {
        String name = archive + "!" + entry.getName();
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readNBytes((int) AdvisoryReader.MAX_DOCUMENT_BYTES + 1);
        } catch (ZipException e) {
          throw new InvalidInputException("corrupt ZIP entry: " + e.getMessage(), name, e);
        }
        total += bytes.length;
        if (total > MAX_TOTAL_BYTES) {
          throw new InvalidInputException("the archive holds more than " + (MAX_TOTAL_BYTES >> 30) + " GiB of JSON", archive.toString());
        }
        visitor.visit(new Source() {
          @Override
          public String name() {
            return name;
          }

          @Override
          public <T> T read(Function<InputStream, T> reader) {
            return reader.apply(new ByteArrayInputStream(bytes));
          }
        });
      }
    } catch (ZipException e) {
      throw new InvalidInputException("not a readable ZIP archive: " + e.getMessage(), archive.toString(), e);
    } catch (IOException e) {
      throw new UserException(archive + ": cannot read it: " + e.getMessage(), e);
    }
  }
}
