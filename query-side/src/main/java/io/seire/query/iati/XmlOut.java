package io.seire.query.iati;

import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document written element by element in UTF-8, indented, straight to a stream: the StAX writer escapes
 * every text and attribute, and text Seire may hold but XML 1.0 may not (control characters other than tab and line
 * ends, U+FFFE, U+FFFF) is written as U+FFFD, so that whatever was recorded gives a well-formed document.
 */
final class XmlOut {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    /** Per open element: whether it has child elements yet (its end tag then goes on a line of its own). */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    XmlOut(OutputStream out) throws XMLStreamException {
        this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
    }

    /** Opens an element on a new line. */
    XmlOut start(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        open.push(new boolean[1]);
        return this;
    }

    /** An attribute of the element just opened; left out when the value is null. */
    XmlOut attr(String name, Object value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, clean(value.toString()));
        }
        return this;
    }

    /** {@code xml:lang} of the element just opened; left out when null. */
    XmlOut lang(String language) throws XMLStreamException {
        if (language != null) {
            xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", clean(language));
        }
        return this;
    }

    XmlOut text(String text) throws XMLStreamException {
        xml.writeCharacters(clean(text));
        return this;
    }

    XmlOut end() throws XMLStreamException {
        boolean[] hasChildren = open.pop();
        if (hasChildren[0]) {
            xml.writeCharacters("\n" + "  ".repeat(open.size()));
        }
        xml.writeEndElement();
        return this;
    }

    /** An element with only attributes, given as name, value, name, value…; null values are left out. */
    XmlOut empty(String name, Object... attributes) throws XMLStreamException {
        indent();
        xml.writeEmptyElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            attr((String) attributes[i], attributes[i + 1]);
        }
        return this;
    }

    /** {@code <name><narrative>text</narrative></name>}. */
    XmlOut narrated(String name, String text) throws XMLStreamException {
        return start(name).narrative(text).end();
    }

    XmlOut narrative(String text) throws XMLStreamException {
        return start("narrative").text(text).end();
    }

    /** Ends the document and hands everything written to the stream (which stays open). */
    void finish() throws XMLStreamException {
        while (!open.isEmpty()) {
            end();
        }
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private void indent() throws XMLStreamException {
        if (!open.isEmpty()) {
            open.peek()[0] = true;
        }
        xml.writeCharacters("\n" + "  ".repeat(open.size()));
    }

    /** The text with every character XML 1.0 cannot carry replaced by U+FFFD. */
    static String clean(String text) {
        StringBuilder cleaned = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (!allowed(c)) {
                if (cleaned == null) {
                    cleaned = new StringBuilder(text.length()).append(text, 0, i);
                }
                cleaned.append('\uFFFD');
            } else if (cleaned != null) {
                cleaned.appendCodePoint(c);
            }
            i += width;
        }
        return cleaned == null ? text : cleaned.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
