/// Splits text into tokens in one pass, never looking back: linear in the input whatever it holds.
///
/// Words keep inner hyphens and apostrophes ("Jean-Claude", "O'Gorman", "don't") and dotted
/// abbreviations ("U.S."); a possessive "'s" is split off so "Witkoff's" yields "Witkoff".
enum Tokenizer {
    static func tokens(_ text: TextBuffer) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 5)
        scan(text) { range, isWord, paragraph in
            if isWord {
                let kind: Token.Kind = isNumber(range, in: text) ? .number : .word
                tokens.append(Token(kind: kind, start: range.lowerBound, end: range.upperBound, text: text.text(range),
                                    startsParagraph: paragraph))
            } else {
                let mark = range.count == 1 ? String(text[range.lowerBound]) : "'s"
                tokens.append(Token(kind: .punctuation, start: range.lowerBound, end: range.upperBound, text: mark, startsParagraph: paragraph))
            }
        }
        return tokens
    }

    /// Digits with their separators only ('1,500', '3.5'): a figure, not a word.
    static func isNumber(_ range: Range<Int>, in text: TextBuffer) -> Bool {
        range.allSatisfy { text[$0].isDigit || text[$0] == "," || text[$0] == "." }
    }

    /// Where each token lies, in order: `isWord` for words and numbers, false for punctuation and
    /// a split-off possessive; `paragraph` when a line break or the start of the text comes first.
    /// Callers that need no `Token` values (fingerprints) skip building their strings.
    static func scan(_ text: TextBuffer, _ visit: (_ range: Range<Int>, _ isWord: Bool, _ paragraph: Bool) -> Void) {
        var index = 0
        var newlines = 0
        var first = true
        let count = text.count
        while index < count {
            let scalar = text[index]
            if scalar.isSpace {
                if scalar == "\n" { newlines += 1 }
                index += 1
                continue
            }
            let paragraph = newlines > 0 || first
            newlines = 0
            first = false
            let start = index
            if scalar.isLetter || scalar.isDigit {
                index = wordEnd(text, from: start)
                visit(start..<index, true, paragraph)
                // A possessive becomes its own token, so the name before it stands alone.
                if index + 1 < count, text[index].isApostrophe, text[index + 1] == "s" || text[index + 1] == "S",
                   !text.at(index + 2).isLetter {
                    visit(index..<(index + 2), false, false)
                    index += 2
                }
            } else {
                index += 1
                visit(start..<index, false, paragraph)
            }
        }
    }

    private static func wordEnd(_ text: TextBuffer, from start: Int) -> Int {
        var index = start
        let count = text.count
        while index < count {
            let scalar = text[index]
            if scalar.isLetter || scalar.isDigit || scalar.isMark {
                index += 1
                continue
            }
            let next = text.at(index + 1)
            if scalar.isApostrophe, next.isLetter {
                // "Russia's" ends before the apostrophe; "O'Gorman" and "don't" go on.
                if (next == "s" || next == "S"), !text.at(index + 2).isLetter { return index }
                index += 1
                continue
            }
            if scalar.isHyphen, next.isLetter || next.isDigit {
                index += 1
                continue
            }
            if scalar == ".", index - start == 1, text[start].isUppercaseLetter, next.isUppercaseLetter, text.at(index + 2) == "." {
                // "U.S." and "U.K.": swallow the dots and the single letters between them.
                index += 1
                while index + 1 < count, text[index].isUppercaseLetter, text[index + 1] == "." {
                    index += 2
                }
                return index
            }
            if (scalar == "," || scalar == "."), text.at(index - 1).isDigit, next.isDigit {
                index += 1  // 1,000 and 3.5
                continue
            }
            return index
        }
        return index
    }
}
