/// A file name as messages print it: control characters (a newline in a name could fake a line
/// of its own), and the marks that reverse the direction of text, written as escapes, so that
/// every message stays one honest line.
public enum PrintablePath {
    public static func escaped(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: needsEscape) else { return path }
        var text = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where needsEscape(scalar): text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: true  // C0 and C1 controls, DEL
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // direction marks and overrides
        case 0x2028, 0x2029: true  // line and paragraph separators
        default: false
        }
    }
}
