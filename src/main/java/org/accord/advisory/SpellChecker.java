package org.accord.advisory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.hunspell.SortingStrategy;

/**
 * Finds misspelled words in prose, for CSAF 2.0 §6.3.8 (Spell check): Hunspell, as implemented by
 * Apache Lucene, with the SCOWL American English dictionary shipped on the classpath ({@code
 * hunspell/en_US.*}, see ADR 0046).
 *
 * <p>Thread-safe: the dictionary loads once, on first use, and Lucene's {@link Hunspell} may be shared.
 */
final class SpellChecker {
  /*
   * How and why.
   *
   * A text is split into words with the JDK's word BreakIterator (Unicode text segmentation, UAX #29
   * [1]), the same segmentation the reference validator (BSI's csaf-validator-lib) gets from
   * Intl.Segmenter before it hands each word to the hunspell program [2]. URLs and e-mail addresses are
   * removed first, since segmentation would cut them into fragments.
   *
   * Each word goes to Hunspell, which applies the dictionary's affix rules (so "unauthenticated" is
   * "authenticated" with the prefix flag U) and its case rules (a capitalised or upper-case form of a
   * dictionary word is correct). Lucene's port [3] passes Hunspell's own test suite for the dictionary
   * features en_US uses.
   *
   * Some words are not looked up, as office spell checkers do not by default (LibreOffice: "check
   * uppercase words" and "check words with numbers" are off) and as the OASIS suite needs (its valid
   * 6-3-08-11 and -12 contain "XYZ", "CSAF", "17.4"): words with a digit ("Vu1nerability" is left to the
   * other words of its field), words without a lower-case letter (acronyms such as CVE or TC), and words
   * with an upper-case letter after the first (names such as OpenSSL, macOS or iPhone). Words joined by
   * characters other than letters, hyphens and apostrophes (file names such as product_a.so) are
   * identifiers, not prose, and are skipped too.
   *
   * [1] Unicode Standard Annex #29, Unicode Text Segmentation, §4 Word Boundaries.
   * [2] secvisogram/csaf-validator-lib, lib/informativeTests/informativeTest_6_3_8.js.
   * [3] Apache Lucene, org.apache.lucene.analysis.hunspell.Hunspell (lucene-analysis-common 9.12).
   */

  private static final Pattern URL_OR_EMAIL =
      Pattern.compile("(?i)\\b(?:(?:https?|ftp)://|www\\.)\\S*|\\S+@\\S+");
  private static final Pattern PROSE_WORD = Pattern.compile("[\\p{L}\\p{M}'’]+");

  private final String name;
  private final Hunspell hunspell;

  private SpellChecker(String name, Hunspell hunspell) {
    this.name = name;
    this.hunspell = hunspell;
  }

  /**
   * The checker for a BCP 47 language tag, or null when no shipped dictionary covers it. English
   * without a region or with the region US (in any case, with or without the script Latn, with any
   * variant, extension or private-use part) uses en_US; every other tag is unsupported.
   */
  static SpellChecker forLanguage(String tag) {
    String[] subtags = tag.toLowerCase(Locale.ROOT).split("-");
    if (!subtags[0].equals("en")) {
      return null;
    }
    int index = 1;
    if (index < subtags.length && subtags[index].length() == 4 && !Character.isDigit(subtags[index].charAt(0))) {
      if (!subtags[index].equals("latn")) {
        return null;
      }
      index++;
    }
    if (index < subtags.length
        && (subtags[index].length() == 2 || (subtags[index].length() == 3 && Character.isDigit(subtags[index].charAt(0))))
        && !subtags[index].equals("us")) {
      return null;
    }
    return EnglishUs.INSTANCE;
  }

  /** The dictionary's name, such as {@code en_US}. */
  String name() {
    return name;
  }

  /** The words of {@code text} the dictionary does not accept, each once, in order of appearance. */
  List<String> misspellings(String text) {
    Set<String> wrong = new LinkedHashSet<>();
    String prose = URL_OR_EMAIL.matcher(text).replaceAll(" ");
    BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
    words.setText(prose);
    for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      String word = strip(prose.substring(start, end));
      if (checkable(word) && !hunspell.spell(word)) {
        wrong.add(word);
      }
    }
    return new ArrayList<>(wrong);
  }

  /** Drops apostrophes around a word (quotes), keeping those inside ({@code don't}). */
  private static String strip(String word) {
    int from = 0;
    int to = word.length();
    while (from < to && isApostrophe(word.charAt(from))) {
      from++;
    }
    while (to > from && isApostrophe(word.charAt(to - 1))) {
      to--;
    }
    return word.substring(from, to);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  /** Whether a segment is a prose word that the checker looks up (see the class comment). */
  static boolean checkable(String word) {
    if (word.isEmpty() || !PROSE_WORD.matcher(word).matches()) {
      return false;
    }
    boolean lower = false;
    for (int index = 0; index < word.length(); index++) {
      char c = word.charAt(index);
      if (Character.isUpperCase(c) && index > 0) {
        return false;
      }
      lower |= Character.isLowerCase(c);
    }
    return lower;
  }

  private static final class EnglishUs {
    static final SpellChecker INSTANCE = load("en_US");
  }

  private static SpellChecker load(String name) {
    try (InputStream affix = resource(name + ".aff");
        InputStream words = resource(name + ".dic")) {
      Dictionary dictionary = new Dictionary(affix, List.of(words), false, SortingStrategy.inMemory());
      return new SpellChecker(name, new Hunspell(dictionary));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + name + " dictionary", e);
    } catch (ParseException e) {
      throw new IllegalStateException("the " + name + " dictionary is malformed: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String file) {
    InputStream in = SpellChecker.class.getResourceAsStream("hunspell/" + file);
    if (in == null) {
      throw new IllegalStateException("hunspell/" + file + " is missing from the classpath");
    }
    return in;
  }
}
