/// A piece of text with its tokens and sentences, computed once and shared by every analysis step.
struct AnalyzedText: Sendable {
    let buffer: TextBuffer
    let tokens: [Token]
    let sentences: [Sentence]
    /// For each token, the index of its sentence.
    let sentenceOfToken: [Int]

    init(_ text: String, lexicon: Lexicon) {
        buffer = TextBuffer(text)
        tokens = Tokenizer.tokens(buffer)
        sentences = SentenceSplitter.sentences(tokens, abbreviations: lexicon.abbreviations)
        var owner = [Int](repeating: 0, count: tokens.count)
        for (index, sentence) in sentences.enumerated() {
            for token in sentence.tokens { owner[token] = index }
        }
        sentenceOfToken = owner
    }

    func text(_ tokenRange: Range<Int>) -> String {
        guard let first = tokenRange.first, let last = tokenRange.last else { return "" }
        return buffer.text(tokens[first].start..<tokens[last].end)
    }

    /// The first word of a sentence, past any opening quote, bullet or dash.
    func firstWord(of sentence: Sentence) -> Int? {
        sentence.tokens.first { tokens[$0].kind != .punctuation }
    }

    /// True for a line written in capitals, like a wire headline or a dateline: its capitals say
    /// nothing about names.
    func isShouting(_ sentence: Sentence) -> Bool {
        var caps = 0
        var words = 0
        for index in sentence.tokens where tokens[index].kind == .word {
            let token = tokens[index]
            guard token.text.unicodeScalars.contains(where: { $0.isLetter }) else { continue }
            words += 1
            if token.isAllCaps || (token.text.count == 1 && token.isCapitalized) { caps += 1 }
        }
        return caps >= 2 && caps * 10 >= words * 6
    }
}
