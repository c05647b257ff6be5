import Foundation

/// Recognises the lines sites and aggregators wrap articles in ("50 Articles", "Bias Distribution").
struct BoilerplateRules: Sendable {
    /// Boilerplate lines are short; longer lines are article text and are not examined.
    static let longestLine = 120

    private var whole: Set<String> = []
    private var prefixes: [String] = []

    init(_ rules: [String]) {
        for rule in rules {
            if rule.hasPrefix("^") {
                prefixes.append(Self.shape(String(rule.dropFirst())))
            } else {
                whole.insert(Self.shape(rule))
            }
        }
    }

    func matches(_ line: String) -> Bool {
        let shaped = Self.shape(line)
        if shaped.isEmpty { return false }
        return whole.contains(shaped) || prefixes.contains { shaped.hasPrefix($0) }
    }

    /// Lower case, spaces collapsed, every number (with its % or separators) written as '{n}'.
    static func shape(_ line: String) -> String {
        var result = ""
        var inNumber = false
        var pendingSpace = false
        for character in line.lowercased().replacingOccurrences(of: "{n}", with: "0") {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                inNumber = false
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            if character.isNumber || (inNumber && (character == "%" || character == "," || character == ".")) {
                if !inNumber { result.append("{n}") }
                inNumber = true
                continue
            }
            inNumber = false
            result.append(character)
        }
        return result
    }
}
