/// The archive's SQL marks parameters SQLite's way: `?` (the next one) or `?7` (the seventh).
/// PostgreSQL numbers them: `$1`, `$7`. Quoted strings, quoted names and comments are left alone.
enum PostgresPlaceholders {
    /// The SQL with numbered parameters, and how many values it takes.
    static func numbered(_ sql: String) -> (sql: String, count: Int) {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var next = 1
        var highest = 0
        var characters = Array(sql)[...]
        while let character = characters.popFirst() {
            switch character {
            case "'", "\"":
                output.append(character)
                while let inner = characters.popFirst() {
                    output.append(inner)
                    if inner == character { break }
                }
            case "-" where characters.first == "-":
                output.append(character)
                while let inner = characters.popFirst() {
                    output.append(inner)
                    if inner == "\n" { break }
                }
            case "?":
                var digits = ""
                while let digit = characters.first, digit.isASCII, digit.isNumber {
                    digits.append(digit)
                    characters.removeFirst()
                }
                let number = Int(digits) ?? next
                if digits.isEmpty { next += 1 }
                highest = max(highest, number)
                output += "$\(number)"
            default:
                output.append(character)
            }
        }
        return (output, highest)
    }
}
