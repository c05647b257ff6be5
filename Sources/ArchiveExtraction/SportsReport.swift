/// Tells a sports report from other news. In one, a city or county named alone is usually a club
/// ("Leicestershire beat Somerset", "Seattle 3 Baltimore 2"), not the place.
enum SportsReport {
    static func isSports(body: AnalyzedText, title: AnalyzedText, lexicon: Lexicon) -> Bool {
        var cues = 0
        var words = 0
        for text in [title, body] {
            for (index, token) in text.tokens.enumerated() {
                if token.kind == .word { words += 1 }
                if lexicon.sportsWords.contains(token.lowercased) { cues += 1; continue }
                // A score: "3-1", "6-4", or "4 for 38" in cricket.
                if token.kind == .word, isScore(token.text) { cues += 1; continue }
                if token.lowercased == "for", index > 0, index + 1 < text.tokens.count,
                   text.tokens[index - 1].kind == .number, text.tokens[index + 1].kind == .number {
                    cues += 1
                }
            }
        }
        return cues >= 3 && cues * 40 >= words
    }

    private static func isScore(_ text: String) -> Bool {
        guard text.utf8.count <= 7, text.utf8.contains(UInt8(ascii: "-")) else { return false }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }
    }
}
