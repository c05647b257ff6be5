import Foundation

/// The form names are matched on, in the store and in queries alike: accents removed, lower case,
/// typographic apostrophes straightened, spaces collapsed. "Zelenskyy", "ZELENSKYY" and "Zelenskýy"
/// share one key.
public enum MatchKey {
    public static func make(_ text: some StringProtocol) -> String {
        let folded = String(text).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}": result.append("'")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The key of the last word of a name, with the spellings that transliteration varies folded
    /// together: 'Dmitriev' and 'Dmitryev', 'Zelensky', 'Zelenskyy' and 'Zelenskiy', 'Witkoff' and
    /// 'Vitkoff', 'Umerov' and 'Umyerov' each share one.
    public static func surname(_ name: some StringProtocol) -> String {
        let key = make(name)
        return transliterationFolded(key.split(separator: " ").last.map(String.init) ?? key)
    }

    /// Folds the letters Latin spellings of Cyrillic (and other) names disagree on: w/v, y/i, ye/ie/e,
    /// and doubled letters.
    public static func transliterationFolded(_ word: String) -> String {
        var text = word.replacingOccurrences(of: "w", with: "v")
        for (from, to) in [("yy", "i"), ("iy", "i"), ("ij", "i"), ("ye", "e"), ("ie", "e"), ("y", "i")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        var result = ""
        for character in text where character != result.last { result.append(character) }
        return result
    }

    /// The form quotations are compared on: lower case, letters and digits only, single spaces.
    /// "We can't force Russia," and "we cant force Russia" are one quote.
    public static func quote(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in make(text) {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else if character.isWhitespace {
                pendingSpace = true
            }
        }
        return result
    }
}
