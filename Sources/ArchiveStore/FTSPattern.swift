import Foundation

/// Turns what a user types into an FTS5 match expression that cannot be a syntax error: each word
/// and each "quoted phrase" becomes a quoted FTS5 string, and all must match. Raw expressions
/// (`--raw`) are passed through for those who want FTS5's own syntax.
public enum FTSPattern {
    public static func escaped(_ input: String) -> String? {
        var terms: [String] = []
        var current = ""
        var inPhrase = false
        for character in input {
            if character == "\"" || character == "\u{201C}" || character == "\u{201D}" {
                if inPhrase {
                    if !current.isEmpty { terms.append(current) }
                    current = ""
                }
                inPhrase.toggle()
                continue
            }
            if !inPhrase, character.isWhitespace {
                if !current.isEmpty { terms.append(current) }
                current = ""
                continue
            }
            current.append(character)
        }
        if !current.isEmpty { terms.append(current) }
        // A term of punctuation alone matches nothing and FTS5 would reject it.
        let quoted = terms.filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"").replacingOccurrences(of: "\0", with: "") + "\"" }
        return quoted.isEmpty ? nil : quoted.joined(separator: " ")
    }
}
