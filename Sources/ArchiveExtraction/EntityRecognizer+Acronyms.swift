/// Acronyms defined in brackets name what they follow: "Russian Direct Investment Fund (RDIF)".
extension EntityRecognizer {
    /// "Russian Direct Investment Fund (RDIF)": the acronym in brackets names the span before it.
    func acronymDefinitions(in text: AnalyzedText, mentions: [Mention]) -> [String: Int] {
        var result: [String: Int] = [:]
        let tokens = text.tokens
        for (index, mention) in mentions.enumerated() where mention.tokens.count >= 2 {
            let next = mention.tokens.upperBound
            guard next + 2 < tokens.count, tokens[next].text == "(", tokens[next + 2].text == ")",
                  tokens[next + 1].isAllCaps else { continue }
            let acronym = tokens[next + 1].text
            let initials = String(mention.tokens.compactMap { tokens[$0].text.first }.filter { $0.isUppercase })
            if initials.hasPrefix(String(acronym.prefix(2))) || acronym.hasPrefix(String(initials.prefix(2))) {
                result[acronym] = index
            }
        }
        return result
    }

    func applyAcronyms(_ acronyms: [String: Int], to mentions: inout [Mention]) {
        guard !acronyms.isEmpty else { return }
        for index in mentions.indices {
            guard let definition = acronyms[mentions[index].surface] else { continue }
            if mentions[definition].kind == nil || mentions[definition].kind == .person {
                mentions[definition].kind = .organization
            }
            mentions[index].kind = mentions[definition].kind
            mentions[index].tentative = false
            mentions[index].expands = mentions[definition].surface
        }
    }
}
