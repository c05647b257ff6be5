import ArchiveStore

/// Shows a query as it would run: the SQL, then each bound parameter in order.
public enum SQLPrinter {
    public static func describe(_ query: BuiltQuery) -> String {
        var text = query.sql + ";\n"
        for (index, value) in query.parameters.enumerated() {
            let shown: String
            switch value {
            case .null: shown = "NULL"
            case .integer(let int): shown = String(int)
            case .real(let double): shown = String(double)
            case .text(let string): shown = JSONWriter.string(string)
            case .blob(let bytes): shown = "<\(bytes.count) bytes>"
            }
            text += "-- ?\(index + 1) = \(shown)\n"
        }
        return text
    }
}
