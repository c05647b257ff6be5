import Foundation

/// Publication dates as sources write them, turned into ISO 8601: "2025-12-20T14:03:00Z" and
/// "2025-12-20" as they are, GDELT's "20251220T140300Z", RSS's "Sat, 20 Dec 2025 14:03:00 GMT",
/// and Unix seconds.
enum PublicationDate {
    static func iso(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(trimmed.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= 48 && $0 <= 57 } }
        if bytes.count >= 10, digits(0..<4), bytes[4] == UInt8(ascii: "-"), digits(5..<7), bytes[7] == UInt8(ascii: "-"), digits(8..<10) {
            return trimmed
        }
        if bytes.count >= 8, digits(0..<8) {
            let compact = String(decoding: bytes, as: UTF8.self)
            let date = "\(compact.prefix(4))-\(compact.dropFirst(4).prefix(2))-\(compact.dropFirst(6).prefix(2))"
            if bytes.count >= 15, bytes[8] == UInt8(ascii: "T"), digits(9..<15) {
                let time = compact.dropFirst(9)
                return "\(date)T\(time.prefix(2)):\(time.dropFirst(2).prefix(2)):\(time.dropFirst(4).prefix(2))Z"
            }
            if bytes.count == 8 { return date }
            if bytes.count == 10, let seconds = Double(compact) { return fromUnix(seconds) }
        }
        if let seconds = Double(trimmed), seconds > 100_000_000 { return fromUnix(seconds > 10_000_000_000 ? seconds / 1000 : seconds) }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, d MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss Z",
                       "dd MMM yyyy HH:mm:ss zzz", "MMMM d, yyyy", "MMM d, yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return isoString(date) }
        }
        return nil
    }

    private static func fromUnix(_ seconds: Double) -> String { isoString(Date(timeIntervalSince1970: seconds)) }

    private static func isoString(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
