package org.accord.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import org.accord.InvalidInputException;

/**
 * Reads one SBOM into the neutral {@link Bom}: CycloneDX 1.2–1.7 JSON, CycloneDX 1.0–1.7 XML, SPDX
 * 2.1–2.3 JSON and SPDX 2.1–2.3 tag-value. The format is sniffed from the content, never from a file
 * name.
 *
 * <p>The document is streamed (Jackson's streaming parser, StAX, a line reader): memory grows with the
 * number of components and edges the neutral model keeps, not with the size of the document, so a
 * 300,000-component CycloneDX JSON reads in well under 1 GiB of heap. See ADR 0050 for why the
 * readers are hand-written and ADR 0051 for how each format maps onto the neutral model.
 *
 * <p>What is refused, always as an {@link InvalidInputException} naming the problem and, where there
 * is one, the place (JSON path with line and column, XML line and column, tag-value line):
 *
 * <ul>
 *   <li>input over {@link ReadLimits#maxBytes()}, JSON nested deeper than {@link
 *       ReadLimits#maxJsonDepth()}, XML nested deeper than {@link ReadLimits#maxXmlDepth()};
 *   <li>malformed JSON or XML, and XML with any DOCTYPE (so no XXE and no entity expansion);
 *   <li>JSON and tag-value text that is not UTF-8 (XML declares its own encoding);
 *   <li>documents that are not SBOMs, with what they look like: "not an SBOM: looks like OpenVEX",
 *       CycloneDX VEX without components, CSAF, in-toto, DSSE, JSON Schema, XSD, scorecards…;
 *   <li>unsupported versions (CycloneDX 9.9, SPDX 3 JSON-LD) and serialisations (SPDX YAML, XML,
 *       RDF), with the list of what is supported;
 *   <li>what the neutral model cannot be built from: a component without a name and a PURL, without
 *       a type, with an empty or unknown type or an empty {@code bom-ref}, a dependency or relationship
 *       without its refs, a package without an SPDXID.
 * </ul>
 *
 * <p>What is tolerated, with one aggregated warning per kind on {@link Bom#warnings()}: components
 * without a PURL or with an invalid one (they get a generic identity), duplicate refs, edges to
 * undefined refs, cycles, components no edge reaches (attached under the root on inferred edges), a
 * missing root (a generic one is synthesized from the document name), pedigree descendants and
 * variants (not read).
 *
 * <p>Stateless and thread-safe; each call reads one document on the calling thread, except that the
 * PURLs of a document with more than 4,096 components are parsed on the common {@link
 * java.util.concurrent.ForkJoinPool}. The stream is read but not closed.
 */
public final class BomReader {
  /**
   * The formats and spec versions the readers accept, as a sentence for help texts and refusals:
   * "Accord reads CycloneDX 1.2–1.7 JSON, …". A compile-time constant, so annotations may use it.
   */
  public static final String SUPPORTED_VERSIONS = SpecVersions.SUPPORTED;

  private BomReader() {}

  /**
   * Reads one SBOM, sniffing its format.
   *
   * @param in the document; read up to its end (or the size limit), not closed
   * @param limits size and depth limits
   * @return the document in neutral form
   * @throws InvalidInputException if the input is refused (see the class comment)
   * @throws UncheckedIOException if reading the stream itself fails
   */
  public static Bom read(InputStream in, ReadLimits limits) {
    return read(in, null, limits);
  }

  /**
   * Reads one SBOM, sniffing its format, with a name to give a synthesized root when the document
   * names neither a root nor itself.
   *
   * @param documentName a name for the document such as its file name, or null
   * @see #read(InputStream, ReadLimits)
   */
  public static Bom read(InputStream in, String documentName, ReadLimits limits) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(limits, "limits");
    BufferedInputStream buffered =
        new BufferedInputStream(new LimitedInputStream(in, limits.maxBytes()), Sniffer.WINDOW + 1);
    try {
      Sniffer.Kind kind = Sniffer.sniff(buffered);
      return switch (kind) {
        case JSON -> new JsonBomReader(limits, documentName).read(buffered);
        case XML -> new CycloneDxXmlReader(limits, documentName).read(buffered);
        case TAG_VALUE -> new SpdxTagValueReader(documentName).read(buffered);
      };
    } catch (StreamConstraintsException e) {
      throw Json.limitExceeded(e, null, limits.maxJsonDepth());
    } catch (JsonProcessingException e) {
      LimitedInputStream.SizeLimitExceeded exceeded = LimitedInputStream.find(e);
      if (exceeded != null) {
        throw tooLarge(exceeded);
      }
      throw Json.malformed("malformed JSON", e);
    } catch (XMLStreamException e) {
      LimitedInputStream.SizeLimitExceeded exceeded = sizeLimitIn(e);
      if (exceeded != null) {
        throw tooLarge(exceeded);
      }
      throw new InvalidInputException(
          "malformed XML: " + xmlMessage(e), CycloneDxXmlReader.describe(e.getLocation()), e);
    } catch (LimitedInputStream.SizeLimitExceeded e) {
      throw tooLarge(e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw notUtf8(e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the SBOM: " + e.getMessage(), e);
    }
  }

  /** The refusal of a text document that is not UTF-8 (a decoder or Jackson's text reader found out). */
  static InvalidInputException notUtf8(IOException e) {
    String detail = e instanceof java.nio.charset.CharacterCodingException || e.getMessage() == null
        ? ""
        : ": " + e.getMessage().replaceFirst(":?\\s*check content encoding.*$", "");
    return new InvalidInputException("not UTF-8 text" + detail + "; save the document as UTF-8", "", e);
  }

  static InvalidInputException tooLarge(LimitedInputStream.SizeLimitExceeded e) {
    return new InvalidInputException(
        "input too large: it exceeds the size limit of "
            + ReadLimits.describeSize(e.limit)
            + " (ReadLimits.maxBytes)");
  }

  private static LimitedInputStream.SizeLimitExceeded sizeLimitIn(XMLStreamException e) {
    LimitedInputStream.SizeLimitExceeded found = LimitedInputStream.find(e);
    if (found == null && e.getNestedException() != null) {
      found = LimitedInputStream.find(e.getNestedException());
    }
    return found;
  }

  /** The JDK's StAX message without its "ParseError at [row,col]:[…]\nMessage: " preamble. */
  private static String xmlMessage(XMLStreamException e) {
    String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
    int marker = message.indexOf("Message: ");
    return marker >= 0 ? message.substring(marker + "Message: ".length()).strip() : message.strip();
  }

  static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
