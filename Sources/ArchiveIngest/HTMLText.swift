import Foundation

/// Text from a fragment of HTML (article bodies in JSON and feeds often carry markup): tags
/// removed, block ends as line breaks, the common entities decoded.
enum HTMLText {
    private static let blockTags: Set<String> = ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"]
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}", "lsquo": "\u{2018}",
        "rdquo": "\u{201D}", "ldquo": "\u{201C}", "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}",
    ]

    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var result = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if blockTags.contains(String(name)) { result += "\n" }
                if name == "script" || name == "style", !tag.hasPrefix("/"),
                   let end = html.range(of: "</\(name)", options: .caseInsensitive, range: close..<html.endIndex) {
                    index = html[end.upperBound...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
                    continue
                }
                index = html.index(after: close)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";") {
                let name = String(html[html.index(after: index)..<semicolon])
                if let decoded = entities[name] ?? numericEntity(name) {
                    result += decoded
                    index = html.index(after: semicolon)
                    continue
                }
            }
            result.append(character)
            index = html.index(after: index)
        }
        return result
    }

    private static func numericEntity(_ name: String) -> String? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
