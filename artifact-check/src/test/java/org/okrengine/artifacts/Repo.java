package org.okrengine.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The repository as the build left it: its root, the version built, POMs and jar entries. Test helper. */
final class Repo {
  /** The repository's root folder (the surefire configuration passes it). */
  static final Path ROOT = Path.of(System.getProperty("okr.repo.root", "..")).toAbsolutePath().normalize();
  /** The version this build made ({@code ${project.version}}). */
  static final String VERSION = System.getProperty("okr.version", "");

  private Repo() {
  }

  /** Parses a POM (no DTDs, no external entities). */
  static Document pom(Path file) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The direct child of {@code parent} named {@code name}, or null. */
  static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** The trimmed text of the element at the path of direct children below {@code from}, or "" when absent. */
  static String text(Element from, String... path) {
    Element e = from;
    for (String name : path) {
      e = e == null ? null : child(e, name);
    }
    return e == null ? "" : e.getTextContent().trim();
  }

  /** The elements named {@code name} directly below {@code parent}. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The bytes of a jar's entry, or null when the jar has no such entry. */
  static byte[] entry(Path jar, String name) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry e = file.getEntry(name);
      if (e == null) {
        return null;
      }
      try (InputStream in = file.getInputStream(e)) {
        return in.readAllBytes();
      }
    }
  }

  /** The names of a jar's entries. */
  static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(ZipEntry::getName).toList();
    }
  }

  /** The bytes of a file at the repository's root. */
  static byte[] rootFile(String name) throws IOException {
    return Files.readAllBytes(ROOT.resolve(name));
  }
}
