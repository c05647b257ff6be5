import Foundation

/// The form names are matched on, in the store and in queries alike: accents removed, lower case,
/// typographic apostrophes straightened, spaces collapsed. "Zelenskyy", "ZELENSKYY" and "Zelenskýy"
/// share one key.
public enum MatchKey {
    public static func make(_ text: some StringProtocol) -> String {
        if let key = ascii(text) { return key }
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

    /// The key of plain ASCII text (most names), built on bytes without Foundation's folding, which
    /// costs more than the rest of storing a name; nil for any other text.
    private static func ascii(_ text: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case UInt8(ascii: "`"): bytes.append(UInt8(ascii: "'"))
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTransliterationFolded(Array(word.utf8)) }
        var text = word.replacingOccurrences(of: "w", with: "v")
        for (from, to) in [("yy", "i"), ("iy", "i"), ("ij", "i"), ("ye", "e"), ("ie", "e"), ("y", "i")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        var result = ""
        for character in text where character != result.last { result.append(character) }
        return result
    }

    /// `transliterationFolded` on ASCII bytes, pass for pass the same replacements: Foundation's
    /// string replacement was a tenth of the writer's time.
    private static func asciiTransliterationFolded(_ word: [UInt8]) -> String {
        func replacing(_ bytes: [UInt8], _ from: String, _ to: String) -> [UInt8] {
            let from = Array(from.utf8), to = Array(to.utf8)
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if index + from.count <= bytes.count, bytes[index..<(index + from.count)].elementsEqual(from) {
                    result.append(contentsOf: to)
                    index += from.count
                } else {
                    result.append(bytes[index])
                    index += 1
                }
            }
            return result
        }
        var bytes = replacing(word, "w", "v")
        for (from, to) in [("yy", "i"), ("iy", "i"), ("ij", "i"), ("ye", "e"), ("ie", "e"), ("y", "i")] {
            bytes = replacing(bytes, from, to)
        }
        var result: [UInt8] = []
        for byte in bytes where byte != result.last { result.append(byte) }
        return String(decoding: result, as: UTF8.self)
    }

    /// The key quotations are matched on: a 64-bit FNV-1a hash, in hexadecimal, of `quoteForm`.
    /// A hash rather than the text itself, so that the key and its index do not store every quote
    /// twice more; empty when the quote has no letters or digits.
    public static func quote(_ text: String) -> String {
        let form = quoteForm(text)
        guard !form.isEmpty else { return "" }
        let digits = String(FNV1a.hash(form), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The form quotations are compared on: lower case, letters and digits only, single spaces.
    /// "We can't force Russia," and "we cant force Russia" are one quote.
    public static func quoteForm(_ text: String) -> String {
        if let form = asciiQuoteForm(text) { return form }
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

    /// `quoteForm` of plain ASCII text, on bytes; nil for any other text.
    private static func asciiQuoteForm(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            case 0x20, 0x09...0x0D:
                pendingSpace = true
            default:
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
