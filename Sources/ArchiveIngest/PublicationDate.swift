import ArchiveExtraction
import ArchiveValues
import Foundation

/// Publication dates as sources write them, turned into ISO 8601: "2025-12-20T14:03:00Z" and
/// "2025-12-20" as they are, GDELT's "20251220T140300Z", RSS's "Sat, 20 Dec 2025 14:03:00 GMT"
/// (moved to UTC), "December 20, 2025", "20 Dec 2025", and Unix seconds or milliseconds.
///
/// A small parser of its own rather than Foundation's `DateFormatter`, which aborts the process on
/// some non-ASCII text ("Incorrect range CFRange"); it reads any string in time linear in its
/// length and answers nil for anything it does not recognize whole. A date is never more precise
/// than its text: a day without a time stays a day.
enum PublicationDate {
    static func iso(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Nothing a date is written with is this long; a long text is no date.
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        let bytes = Array(trimmed.utf8)
        return isoDateTime(bytes) ?? compact(bytes) ?? unixTime(trimmed) ?? written(trimmed)
    }

    /// "2025-12-20", with an optional time: "T14:03", "T14:03:00.123", "Z", "+01:00" (or a space
    /// for the T). Kept as written when it is whole; a valid day followed by anything else is the day.
    private static func isoDateTime(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 10, let year = number(bytes, 0..<4), bytes[4] == .dash, let month = number(bytes, 5..<7),
              bytes[7] == .dash, let day = number(bytes, 8..<10), let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        if bytes.count == 10 { return date.iso }
        return isTime(bytes[10...]) ? String(decoding: bytes, as: UTF8.self) : date.iso
    }

    /// Whether `rest` is "T14:03[:00[.123]][Z|+01:00|+0100]" (or with a space for the T).
    private static func isTime(_ rest: ArraySlice<UInt8>) -> Bool {
        var scanner = ByteScanner(rest)
        guard scanner.take(.letterT) || scanner.take(.space),
              let hour = scanner.digits(2), hour < 24, scanner.take(.colon), let minute = scanner.digits(2), minute < 60
        else { return false }
        if scanner.take(.colon) {
            guard let second = scanner.digits(2), second <= 60 else { return false }
            if scanner.take(.period) || scanner.take(.comma) { guard scanner.skipDigits() > 0 else { return false } }
        }
        if scanner.take(.letterZ) { return scanner.atEnd }
        if scanner.take(.plus) || scanner.take(.dash) {
            guard let hours = scanner.digits(2), hours < 24 else { return false }
            _ = scanner.take(.colon)
            guard let minutes = scanner.digits(2), minutes < 60 else { return false }
        }
        return scanner.atEnd
    }

    /// GDELT's "20251220" and "20251220T140300Z" (a trailing Z or none).
    private static func compact(_ bytes: [UInt8]) -> String? {
        guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16, let year = number(bytes, 0..<4),
              let month = number(bytes, 4..<6), let day = number(bytes, 6..<8),
              let date = CivilDate(year: year, month: month, day: day) else { return nil }
        if bytes.count == 8 { return date.iso }
        guard bytes[8] == .letterT, let hour = number(bytes, 9..<11), hour < 24, let minute = number(bytes, 11..<13), minute < 60,
              let second = number(bytes, 13..<15), second <= 60, bytes.count == 15 || bytes[15] == .letterZ else { return nil }
        return timestamp(date, hour: hour, minute: minute, second: second)
    }

    /// Unix seconds (past 1973, so that a small number is not taken for a date) or milliseconds.
    private static func unixTime(_ text: String) -> String? {
        guard text.utf8.allSatisfy({ $0.isDigit }), let value = Int64(text), value > 100_000_000 else { return nil }
        let seconds = value > 10_000_000_000 ? value / 1000 : value
        // Past the year 9999 is no publication date.
        guard seconds < 253_402_300_800 else { return nil }
        let days = Int(seconds / 86_400), inDay = Int(seconds % 86_400)
        return timestamp(CivilDate(daysSinceEpoch: days), hour: inDay / 3600, minute: inDay / 60 % 60, second: inDay % 60)
    }

    /// Dates written in words: RFC 822's "Sat, 20 Dec 2025 14:03:00 GMT" (or "+0100", or without
    /// the weekday or the seconds), "December 20, 2025", "Dec. 20, 2025" and "20 December 2025".
    private static func written(_ text: String) -> String? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map { $0.lowercased() }
        if let first = words.first, CalendarWords.weekdayAbbreviations.contains(first) || CalendarWords.weekdays[first] != nil {
            words.removeFirst()
        }
        guard words.count >= 3 else { return nil }
        let date: CivilDate
        if let month = month(words[0]), let day = Int(words[1]), let year = year(words[2]),
           let found = CivilDate(year: year, month: month, day: day) {
            date = found
        } else if let day = Int(words[0].trimmingSuffix(".")), let month = month(words[1]), let year = year(words[2]),
                  let found = CivilDate(year: year, month: month, day: day) {
            date = found
        } else {
            return nil
        }
        if words.count == 3 { return date.iso }
        // A time, then a zone.
        let time = words[3].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 2 || time.count == 3, let hour = Int(time[0]), (0..<24).contains(hour), time[1].count == 2,
              let minute = Int(time[1]), (0..<60).contains(minute) else { return nil }
        var second = 0
        if time.count == 3 {
            guard time[2].count == 2, let value = Int(time[2]), (0...60).contains(value) else { return nil }
            second = value
        }
        guard words.count <= 5, let offset = words.count == 5 ? zoneOffset(words[4]) : 0 else { return nil }
        let minutes = date.daysSinceEpoch * 1440 + hour * 60 + minute - offset
        let day = CivilDate(daysSinceEpoch: Int((Double(minutes) / 1440).rounded(.down)))
        let inDay = minutes - day.daysSinceEpoch * 1440
        return timestamp(day, hour: inDay / 60, minute: inDay % 60, second: second)
    }

    /// A zone's offset from UTC in minutes: "GMT", "UT", "Z", the North American zones RFC 822
    /// names, "+0100", "-05:00".
    private static func zoneOffset(_ zone: String) -> Int? {
        let named = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
                     "mst": -420, "mdt": -360, "pst": -480, "pdt": -420]
        if let offset = named[zone] { return offset }
        let bytes = Array(zone.utf8.filter { $0 != .colon })
        guard bytes.count == 5, bytes[0] == .plus || bytes[0] == .dash, let hours = number(bytes, 1..<3), hours < 24,
              let minutes = number(bytes, 3..<5), minutes < 60 else { return nil }
        return (bytes[0] == .dash ? -1 : 1) * (hours * 60 + minutes)
    }

    private static func month(_ word: String) -> Int? { CalendarWords.englishMonths[word.trimmingSuffix(".")] }

    private static func year(_ word: String) -> Int? {
        guard word.utf8.count == 4, let year = Int(word), year >= 1000 else { return nil }
        return year
    }

    private static func timestamp(_ date: CivilDate, hour: Int, minute: Int, second: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.iso)T\(two(hour)):\(two(minute)):\(two(second))Z"
    }

    /// The number the ASCII digits in `range` write, nil when one is not a digit or out of range.
    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.upperBound <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[range] {
            guard byte.isDigit else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// Reads a run of bytes from the front, one expectation at a time.
private struct ByteScanner {
    private var rest: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

    var atEnd: Bool { rest.isEmpty }

    mutating func take(_ byte: UInt8) -> Bool {
        guard rest.first == byte else { return false }
        rest = rest.dropFirst()
        return true
    }

    /// Exactly `count` digits, as a number.
    mutating func digits(_ count: Int) -> Int? {
        let head = rest.prefix(count)
        guard head.count == count, head.allSatisfy({ $0.isDigit }) else { return nil }
        rest = rest.dropFirst(count)
        return head.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// Skips digits; how many.
    mutating func skipDigits() -> Int {
        let count = rest.prefix(while: { $0.isDigit }).count
        rest = rest.dropFirst(count)
        return count
    }
}

private extension UInt8 {
    static let dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":"), plus = UInt8(ascii: "+"), space = UInt8(ascii: " ")
    static let period = UInt8(ascii: "."), comma = UInt8(ascii: ","), letterT = UInt8(ascii: "T"), letterZ = UInt8(ascii: "Z")

    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
