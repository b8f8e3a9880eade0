package org.accord.sbom;

import static org.accord.sbom.ComponentIdentity.isBlank;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.accord.InvalidInputException;
import org.accord.sbom.BomEdge.Relation;

/**
 * Reads a CycloneDX XML document (1.0–1.7) in one streaming pass with the JDK's StAX parser. Refuses
 * any DOCTYPE, so neither external entities (XXE) nor entity expansion (billion laughs) can happen.
 * Not thread-safe; one per document.
 */
final class CycloneDxXmlReader {
  /*
   * How it works, and why.
   *
   * StAX pulls one event at a time, so memory is bounded by what the neutral model keeps, as for
   * JSON. The JDK's own factory (XMLInputFactory.newDefaultFactory) is used, not whatever provider the
   * class path offers, so that the security settings below mean the same thing in every deployment.
   * DTD support is switched off and a DOCTYPE is refused the moment the parser reports it: with no DTD
   * there are no entity declarations, hence no external entity to fetch and nothing to expand [1].
   *
   * The reader keeps its own element depth so that it can refuse documents nested deeper than
   * ReadLimits.maxXmlDepth before the parser's own stack grows. Only elements in the document's
   * CycloneDX namespace are interpreted; extension elements from other namespaces are skipped whole.
   *
   * [1] OWASP XML External Entity Prevention Cheat Sheet, section "StAX".
   */

  private static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";
  private static final String NO_NAME = "unnamed-sbom";

  private final ReadLimits limits;
  private final String fallbackName;
  private final Warnings warnings = new Warnings();
  private final BomAssembler assembler = new BomAssembler(warnings);
  private XMLStreamReader xml;
  private String namespace;
  private int depth;
  private int componentCount;
  private int vulnerabilityCount;

  CycloneDxXmlReader(ReadLimits limits, String fallbackName) {
    this.limits = limits;
    this.fallbackName = fallbackName;
  }

  /** A StAX factory with DTDs and external entities off. */
  static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  Bom read(InputStream in) throws XMLStreamException {
    xml = secureFactory().createXMLStreamReader(in);
    try {
      toRootElement();
      String rootName = xml.getLocalName();
      String rootNamespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
      refuseOtherXml(rootName, rootNamespace);
      namespace = rootNamespace;
      String version = rootNamespace.substring(NAMESPACE_PREFIX.length());
      if (!SpecVersions.CYCLONEDX_XML.contains(version)) {
        throw new InvalidInputException(
            "unsupported CycloneDX XML namespace " + Warnings.quote(rootNamespace) + "; " + SpecVersions.SUPPORTED,
            location());
      }
      String serialNumber = xml.getAttributeValue(null, "serialNumber");
      bom();
      return finish(version, serialNumber);
    } finally {
      xml.close();
    }
  }

  private void toRootElement() throws XMLStreamException {
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new InvalidInputException(
            "XML with a DOCTYPE is refused: DTDs and entities can read local files or expand without bound "
                + "(XXE, billion laughs); remove the DOCTYPE declaration",
            location());
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth = 1;
        return;
      }
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new InvalidInputException("malformed XML: the document has no root element", location());
      }
    }
  }

  private void refuseOtherXml(String rootName, String rootNamespace) {
    if (rootName.equals("bom") && rootNamespace.startsWith(NAMESPACE_PREFIX)) {
      return;
    }
    String where = location();
    if (rootName.equals("bom") && rootNamespace.isEmpty()) {
      throw new InvalidInputException(
          "CycloneDX XML without a namespace: <bom> must declare xmlns=\"http://cyclonedx.org/schema/bom/1.x\"", where);
    }
    if (rootName.equals("bom")) {
      throw new InvalidInputException(
          "unsupported CycloneDX XML namespace " + Warnings.quote(rootNamespace) + "; " + SpecVersions.SUPPORTED, where);
    }
    if (rootName.equals("RDF") && rootNamespace.equals("http://www.w3.org/1999/02/22-rdf-syntax-ns#")) {
      throw new InvalidInputException(
          "SPDX RDF/XML is not supported; " + SpecVersions.SUPPORTED + " (convert it with the SPDX tools)", where);
    }
    if (rootName.equals("Document") || rootName.equals("SpdxDocument")) {
      throw new InvalidInputException(
          "SPDX XML is not supported; " + SpecVersions.SUPPORTED + " (convert it with the SPDX tools)", where);
    }
    if (rootName.equals("schema") && rootNamespace.equals(XMLConstants.W3C_XML_SCHEMA_NS_URI)) {
      throw JsonFingerprint.notAnSbom("looks like an XML Schema (XSD)");
    }
    throw JsonFingerprint.notAnSbom(
        "XML root element <" + rootName + ">"
            + (rootNamespace.isEmpty() ? "" : " in namespace " + Warnings.quote(rootNamespace))
            + " is not a CycloneDX <bom>");
  }

  /** Children of {@code <bom>}. */
  private void bom() throws XMLStreamException {
    while (nextChild()) {
      if (!isOurs()) {
        skip();
        continue;
      }
      switch (xml.getLocalName()) {
        case "metadata" -> metadata();
        case "components" -> components("/bom/components");
        case "services" -> services();
        case "dependencies" -> dependencies();
        case "vulnerabilities" -> {
          while (nextChild()) {
            vulnerabilityCount++;
            skip();
          }
        }
        default -> skip();
      }
    }
  }

  private void metadata() throws XMLStreamException {
    String supplier = null;
    String manufacturer = null;
    while (nextChild()) {
      if (!isOurs()) {
        skip();
        continue;
      }
      switch (xml.getLocalName()) {
        case "component" -> assembler.setRoot(component("/bom/metadata/component", true));
        case "supplier" -> supplier = organizationName();
        case "manufacturer", "manufacture" -> {
          String name = organizationName();
          manufacturer = isBlank(manufacturer) ? name : manufacturer;
        }
        default -> skip();
      }
    }
    assembler.documentSupplier(isBlank(supplier) ? manufacturer : supplier);
  }

  /** The {@code <component>} children of a components-like element; returns their refs. */
  private List<String> components(String path) throws XMLStreamException {
    List<String> refs = new ArrayList<>();
    int index = 0;
    while (nextChild()) {
      if (isOurs() && xml.getLocalName().equals("component")) {
        refs.add(component(path + "/component[" + ++index + "]", false));
      } else {
        skip();
      }
    }
    return refs;
  }

  private String component(String path, boolean isRoot) throws XMLStreamException {
    String where = location();
    int slot = assembler.reserve();
    if (!isRoot) {
      componentCount++;
    }
    String ref = xml.getAttributeValue(null, "bom-ref");
    String type = xml.getAttributeValue(null, "type");
    String name = null;
    String group = null;
    String version = null;
    String purl = null;
    String supplier = null;
    String manufacturer = null;
    String publisher = null;
    List<String> children = List.of();
    List<String> ancestors = List.of();
    while (nextChild()) {
      if (!isOurs()) {
        skip();
        continue;
      }
      switch (xml.getLocalName()) {
        case "name" -> name = text();
        case "group" -> group = text();
        case "version" -> version = text();
        case "purl" -> purl = text();
        case "publisher" -> publisher = text();
        case "supplier" -> supplier = organizationName();
        case "manufacturer" -> manufacturer = organizationName();
        case "components" -> children = components(path + "/components");
        case "pedigree" -> ancestors = pedigree(path + "/pedigree");
        default -> skip();
      }
    }
    String label = ComponentIdentity.label(name, version, ref == null ? path : ref);
    if (ref != null && ref.isEmpty()) {
      throw new InvalidInputException("component " + label + " has an empty bom-ref", where);
    }
    if (type == null) {
      throw new InvalidInputException("component " + label + " has no type", where);
    }
    if (!CycloneDxJson.COMPONENT_TYPES.contains(type)) {
      throw new InvalidInputException(CycloneDxJson.unknownType(label, type), where);
    }
    if (isBlank(name) && isBlank(purl)) {
      throw new InvalidInputException("component has neither a name nor a purl", where);
    }
    String finalRef = ref == null ? path : ref;
    String supplierName = ComponentIdentity.firstNonBlank(supplier, manufacturer, publisher);
    String defined = assembler.declare(slot, finalRef, purl, group, name, version, supplierName);
    for (String child : children) {
      assembler.addEdge(defined, child, Relation.DEPENDS_ON);
    }
    for (String ancestor : ancestors) {
      assembler.addEdge(defined, ancestor, Relation.FORK_OF);
    }
    return defined;
  }

  private List<String> pedigree(String path) throws XMLStreamException {
    List<String> ancestors = List.of();
    while (nextChild()) {
      if (!isOurs()) {
        skip();
        continue;
      }
      switch (xml.getLocalName()) {
        case "ancestors" -> ancestors = components(path + "/ancestors");
        case "descendants", "variants" -> {
          String kind = xml.getLocalName();
          int index = 0;
          while (nextChild()) {
            warnings.note(Warnings.Kind.PEDIGREE_IGNORED, path + "/" + kind + "/component[" + ++index + "]");
            skip();
          }
        }
        default -> skip();
      }
    }
    return ancestors;
  }

  private String organizationName() throws XMLStreamException {
    String name = null;
    while (nextChild()) {
      if (isOurs() && xml.getLocalName().equals("name")) {
        name = text();
      } else {
        skip();
      }
    }
    return name;
  }

  /** {@code <dependency ref="a"><dependency ref="b"/></dependency>}: a -> b, at any nesting. */
  private void dependencies() throws XMLStreamException {
    while (nextChild()) {
      if (isOurs() && xml.getLocalName().equals("dependency")) {
        dependency();
      } else {
        skip();
      }
    }
  }

  private String dependency() throws XMLStreamException {
    String where = location();
    String ref = xml.getAttributeValue(null, "ref");
    if (isBlank(ref)) {
      throw new InvalidInputException(
          ref == null ? "dependency has no ref attribute" : "dependency has an empty ref", where);
    }
    while (nextChild()) {
      if (isOurs() && xml.getLocalName().equals("dependency")) {
        assembler.addEdge(ref, dependency(), Relation.DEPENDS_ON);
      } else {
        skip();
      }
    }
    return ref;
  }

  private void services() throws XMLStreamException {
    while (nextChild()) {
      if (isOurs() && xml.getLocalName().equals("service")) {
        String ref = xml.getAttributeValue(null, "bom-ref");
        if (ref != null) {
          assembler.ignore(ref);
        }
        while (nextChild()) {
          if (isOurs() && xml.getLocalName().equals("services")) {
            services();
          } else {
            skip();
          }
        }
      } else {
        skip();
      }
    }
  }

  private Bom finish(String version, String serialNumber) {
    if (vulnerabilityCount > 0 && componentCount == 0) {
      throw JsonFingerprint.notAnSbom(
          "looks like CycloneDX VEX (" + vulnerabilityCount + " vulnerabilities and no components); ingest it as an advisory");
    }
    if (vulnerabilityCount > 0) {
      warnings.add(
          "the document also lists " + vulnerabilityCount
              + " vulnerabilities; they are not read with the SBOM (ingest VEX as an advisory)");
    }
    if (serialNumber != null && !CycloneDxJson.SERIAL_NUMBER.matcher(serialNumber).matches()) {
      warnings.add(
          "serialNumber " + Warnings.quote(serialNumber) + " is not an RFC 4122 urn:uuid; it is kept only as the document name");
    }
    String name = isBlank(serialNumber) ? "" : serialNumber.strip();
    String rootName = !isBlank(fallbackName) ? fallbackName.strip() : name.isEmpty() ? NO_NAME : name;
    String rootRef = name.isEmpty() ? "urn:accord:root" : name;
    return assembler.build(BomFormat.CYCLONEDX_XML, version, name, rootRef, rootName);
  }

  // ---- StAX navigation with a depth limit ----

  /**
   * Advances to the next child element of the current element; returns false (positioned on the
   * current element's end tag) when there is none.
   */
  private boolean nextChild() throws XMLStreamException {
    while (true) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (depth > limits.maxXmlDepth()) {
            throw new InvalidInputException(
                "XML nested too deep: more than " + limits.maxXmlDepth() + " levels of elements", location());
          }
          return true;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          return false;
        }
        case XMLStreamConstants.END_DOCUMENT -> throw new InvalidInputException(
            "malformed XML: the document ends inside an element", location());
        case XMLStreamConstants.DTD -> throw new InvalidInputException("XML with a DOCTYPE is refused", location());
        default -> {
          // text, comments, processing instructions between elements
        }
      }
    }
  }

  /** Skips the current element and everything in it. */
  private void skip() throws XMLStreamException {
    while (nextChild()) {
      skip();
    }
  }

  /** The text of the current element (child elements, which CycloneDX never puts there, are skipped). */
  private String text() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
            XMLStreamConstants.ENTITY_REFERENCE -> text.append(xml.getText());
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (depth > limits.maxXmlDepth()) {
            throw new InvalidInputException(
                "XML nested too deep: more than " + limits.maxXmlDepth() + " levels of elements", location());
          }
          skip();
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          return text.toString().strip();
        }
        case XMLStreamConstants.END_DOCUMENT -> throw new InvalidInputException(
            "malformed XML: the document ends inside an element", location());
        default -> {
          // comments and processing instructions
        }
      }
    }
  }

  private boolean isOurs() {
    return namespace.equals(xml.getNamespaceURI());
  }

  private String location() {
    return describe(xml.getLocation());
  }

  static String describe(Location at) {
    if (at == null || at.getLineNumber() < 0) {
      return "";
    }
    return "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
  }
}
