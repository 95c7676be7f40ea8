import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses markup as XML and counts elements, ignoring namespaces, so standalone SVG (with
/// xmlns) and inline SVG (without) are checked the same way.
struct XMLInspector {
    let root: XMLElement

    init(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let document = try XMLDocument(xmlString: text, options: [])
        root = try XCTUnwrap(document.rootElement(), "no root element", file: file, line: line)
    }

    /// Every element in document order.
    var elements: [XMLElement] {
        var result: [XMLElement] = []
        func walk(_ element: XMLElement) {
            result.append(element)
            for child in element.children ?? [] {
                if let child = child as? XMLElement { walk(child) }
            }
        }
        walk(root)
        return result
    }

    /// Elements named `name` (local name), optionally with `class` equal to `cssClass`.
    func count(_ name: String, cssClass: String? = nil) -> Int {
        elements.filter { element in
            (element.localName ?? element.name) == name
                && (cssClass == nil || Self.attribute(element, "class") == cssClass)
        }.count
    }

    /// Elements whose `class` is `cssClass`.
    func elements(cssClass: String) -> [XMLElement] {
        elements.filter { Self.attribute($0, "class") == cssClass }
    }

    /// The value of attribute `name`. Searched by hand because swift-corelibs-foundation's
    /// `attribute(forName:)` finds nothing on elements inside a default namespace.
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { ($0.localName ?? $0.name) == name }?.stringValue
    }

    /// The text of every `<text>` element.
    var texts: [String] {
        elements.filter { ($0.localName ?? $0.name) == "text" }.map { $0.stringValue ?? "" }
    }
}
