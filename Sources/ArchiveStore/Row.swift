/// One result row, copied out of the statement so it outlives the next step.
public struct Row: Sendable, Equatable {
    public let columns: [String]
    public let values: [DatabaseValue]

    public init(columns: [String], values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(index: Int) -> DatabaseValue { values[index] }

    public subscript(name: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    public func int(_ index: Int) -> Int64? {
        switch values[index] {
        case .integer(let value): return value
        case .real(let value): return Int64(value)
        case .text(let value): return Int64(value)
        default: return nil
        }
    }

    public func string(_ index: Int) -> String? {
        switch values[index] {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .null: return nil
        }
    }

    public func double(_ index: Int) -> Double? {
        switch values[index] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        case .text(let value): return Double(value)
        default: return nil
        }
    }

    public func int(_ name: String) -> Int64? { columns.firstIndex(of: name).flatMap { int($0) } }
    public func string(_ name: String) -> String? { columns.firstIndex(of: name).flatMap { string($0) } }
    public func double(_ name: String) -> Double? { columns.firstIndex(of: name).flatMap { double($0) } }
}
