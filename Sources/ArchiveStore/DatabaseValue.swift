import Foundation
import ArchiveValues

/// One SQLite value, as bound to a parameter or read from a column.
public enum DatabaseValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A Swift value that can be bound to a statement parameter.
public protocol DatabaseValueConvertible {
    var databaseValue: DatabaseValue { get }
}

extension DatabaseValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self }
}

extension Int: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}

extension Int64: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(self) }
}

extension Int32: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}

extension Double: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .real(self) }
}

extension Bool: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
}

extension String: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .text(self) }
}

extension Substring: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .text(String(self)) }
}

extension Data: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .blob([UInt8](self)) }
}

extension Array: DatabaseValueConvertible where Element == UInt8 {
    public var databaseValue: DatabaseValue { .blob(self) }
}

extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}

extension DatabaseValue {
    /// The value as JSON: a number, a string (a blob as PostgreSQL's hex form, `\x…`), or null. A
    /// real that JSON cannot hold (infinite, not a number) goes as the string PostgreSQL reads it from.
    func appendJSON(to bytes: inout [UInt8]) {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .integer(let value): bytes.append(contentsOf: String(value).utf8)
        case .real(let value):
            guard value.isFinite else { return JSONText.append(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity", to: &bytes) }
            bytes.append(contentsOf: String(value).utf8)
        case .text(let value): JSONText.append(value, to: &bytes)
        case .blob(let data):
            let digits = Array("0123456789abcdef".utf8)
            var hex = [UInt8]()
            hex.reserveCapacity(data.count * 2)
            for byte in data { hex.append(digits[Int(byte >> 4)]); hex.append(digits[Int(byte & 15)]) }
            JSONText.append("\\x" + String(decoding: hex, as: UTF8.self), to: &bytes)
        }
    }
}
