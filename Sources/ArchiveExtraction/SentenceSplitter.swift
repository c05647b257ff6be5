/// Splits tokens into sentences: at a paragraph break, or after '.', '!' or '?' (and any closing
/// quote) when the next word could start a sentence — but not after abbreviations ("Mr.", "Dec.",
/// "Gen.") or initials ("P. Simmons").
enum SentenceSplitter {
    static func sentences(_ tokens: [Token], abbreviations: WordSet) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var paragraph = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.startsParagraph, index > start {
                sentences.append(Sentence(tokens: start..<index, paragraph: paragraph))
                start = index
                paragraph += 1
            }
            if token.kind == .punctuation, token.text == "." || token.text == "!" || token.text == "?" || token.text == "…",
               !isAbbreviation(before: index, tokens, abbreviations) {
                var end = index + 1
                while end < tokens.count, tokens[end].kind == .punctuation, isClosing(tokens[end].text) { end += 1 }
                if end >= tokens.count || tokens[end].startsParagraph || canStartSentence(tokens[end]) {
                    if end < tokens.count, !tokens[end].startsParagraph {
                        sentences.append(Sentence(tokens: start..<end, paragraph: paragraph))
                        start = end
                    }
                    index = end
                    continue
                }
            }
            index += 1
        }
        if start < tokens.count {
            sentences.append(Sentence(tokens: start..<tokens.count, paragraph: paragraph))
        }
        return sentences
    }

    private static func isClosing(_ text: String) -> Bool {
        text == "\"" || text == "\u{201D}" || text == "'" || text == "\u{2019}" || text == ")" || text == "\u{00BB}"
    }

    private static func canStartSentence(_ token: Token) -> Bool {
        if token.kind == .word { return token.isCapitalized || token.text.first?.isNumber == true }
        if token.kind == .number { return true }
        return ["\"", "\u{201C}", "'", "\u{2018}", "(", "-", "\u{2014}", "\u{00AB}"].contains(token.text)
    }

    /// The period of "Mr.", "Dec." or an initial, written against its word.
    static func isAbbreviation(before index: Int, _ tokens: [Token], _ abbreviations: WordSet) -> Bool {
        guard index > 0, tokens[index].text == "." else { return false }
        let previous = tokens[index - 1]
        guard previous.end == tokens[index].start, previous.kind == .word else { return false }
        if previous.text.count == 1, previous.isCapitalized { return true }  // an initial
        return abbreviations.contains(previous.text.lowercased())
    }
}
