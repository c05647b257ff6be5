/// Splits text into tokens in one pass, never looking back: linear in the input whatever it holds.
///
/// Words keep inner hyphens and apostrophes ("Jean-Claude", "O'Gorman", "don't") and dotted
/// abbreviations ("U.S."); a possessive "'s" is split off so "Witkoff's" yields "Witkoff".
enum Tokenizer {
    static func tokens(_ text: TextBuffer) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 5)
        var index = 0
        var newlines = 0
        let count = text.count
        while index < count {
            let scalar = text[index]
            if scalar.isSpace {
                if scalar == "\n" { newlines += 1 }
                index += 1
                continue
            }
            let paragraph = newlines > 0 || tokens.isEmpty
            newlines = 0
            let start = index
            if scalar.isLetter || scalar.isDigit {
                index = wordEnd(text, from: start)
                let word = text.text(start..<index)
                let kind: Token.Kind = word.unicodeScalars.allSatisfy({ $0.isDigit || $0 == "," || $0 == "." }) ? .number : .word
                tokens.append(Token(kind: kind, start: start, end: index, text: word, startsParagraph: paragraph))
                // A possessive becomes its own token, so the name before it stands alone.
                if index + 1 < count, text[index].isApostrophe, text[index + 1] == "s" || text[index + 1] == "S",
                   !text.at(index + 2).isLetter {
                    tokens.append(Token(kind: .punctuation, start: index, end: index + 2, text: "'s", startsParagraph: false))
                    index += 2
                }
            } else {
                index += 1
                tokens.append(Token(kind: .punctuation, start: start, end: index, text: String(scalar), startsParagraph: paragraph))
            }
        }
        return tokens
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
