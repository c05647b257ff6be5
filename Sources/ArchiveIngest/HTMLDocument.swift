import CLibXML2
import Foundation

/// A web page parsed by libxml2's forgiving HTML parser (or a feed by its XML parser), with the
/// few ways of walking it the readers need. Owns the parsed tree and frees it when released.
final class HTMLDocument {
    private let document: htmlDocPtr

    /// Parses bytes as saved from a browser. The encoding comes from a byte-order mark or the
    /// page's own meta charset, as libxml2 reads them; nil when the bytes hold no document at all.
    convenience init?(bytes: [UInt8], url: String? = nil) {
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue
        self.init(bytes) { htmlReadMemory($0, $1, url, nil, Int32(options)) }
    }

    /// Parses bytes as XML (a feed), recovering from what errors it can.
    convenience init?(xml bytes: [UInt8]) {
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        self.init(bytes) { xmlReadMemory($0, $1, nil, nil, Int32(options)) }
    }

    private init?(_ bytes: [UInt8], parse: (UnsafePointer<CChar>, Int32) -> xmlDocPtr?) {
        archive_libxml2_quiet()
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { parse($0, Int32(buffer.count)) }
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }
}

/// One node of a parsed page. Valid only while its `HTMLDocument` lives.
struct HTMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The tag name in lower case ("p", "div").
    var name: String { pointer.pointee.name.map { String(cString: $0).lowercased() } ?? "" }

    var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(HTMLNode(pointer: node))
            child = node.pointee.next
        }
        return result
    }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { archive_libxml2_free(value) }
        return String(cString: value)
    }

    /// The node's own text, for a text node.
    var content: String { pointer.pointee.content.map { String(cString: $0) } ?? "" }

    /// All text below this node, as libxml2 joins it.
    var text: String {
        guard let value = xmlNodeGetContent(pointer) else { return "" }
        defer { archive_libxml2_free(value) }
        return String(cString: value)
    }

    /// The first child element with this (local) name.
    func child(_ name: String) -> HTMLNode? { children.first { $0.isElement && $0.name == name } }

    /// The trimmed text of the first child element with this name, if it has any.
    func childText(_ name: String) -> String? {
        guard let text = child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// Every element below this node (itself included), depth first, in document order.
    func elements(where matches: (HTMLNode) -> Bool) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var stack = [self]
        while let node = stack.popLast() {
            guard node.isElement else { continue }
            if matches(node) { result.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }
}
