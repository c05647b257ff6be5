import ArchiveStore
import CLibPQ

/// Values to and from PostgreSQL's text format.
enum PostgresValue {
    /// The text a parameter is sent as; nil for NULL.
    static func encode(_ value: DatabaseValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let int): String(int)
        case .real(let double):
            if double.isNaN { "NaN" } else if double.isInfinite { double < 0 ? "-Infinity" : "Infinity" } else { "\(double)" }
        case .text(let text): text
        case .blob(let bytes): "\\x" + bytes.map { hexDigits[Int($0 >> 4)] + hexDigits[Int($0 & 0xF)] }.joined()
        }
    }

    private static let hexDigits = (0..<16).map { String($0, radix: 16) }

    /// A column's text as the value the store reads: integers and booleans as integers (true is
    /// 1, as SQLite stores it), floating point and numeric as reals, bytea as bytes, the rest as text.
    static func decode(_ text: String, type: Oid) -> DatabaseValue {
        switch type {
        case 16: return .integer(text == "t" ? 1 : 0)
        case 20, 21, 23, 26: return Int64(text).map(DatabaseValue.integer) ?? .text(text)
        case 700, 701: return Double(text).map(DatabaseValue.real) ?? .text(text)
        case 1700: return Int64(text).map(DatabaseValue.integer) ?? Double(text).map(DatabaseValue.real) ?? .text(text)
        case 17: return .blob(bytes(fromHex: text))
        default: return .text(text)
        }
    }

    private static func bytes(fromHex text: String) -> [UInt8] {
        let digits = Array(text.utf8.dropFirst(2))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index + 1 < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { break }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
