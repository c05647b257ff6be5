import Foundation

/// A `postgresql://` or `postgres://` URL naming an archive on a PostgreSQL server, and the same
/// URL as it may be shown: without its password.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The URL as given, handed to libpq as is (it parses hosts, ports, sockets and options itself).
    let url: String
    /// The password the URL carries, if any, so that it can be struck from any message that quotes it.
    let password: String?

    /// Nil when `text` is not a PostgreSQL URL (a file path, then).
    public init?(_ text: String) {
        let lower = text.lowercased()
        guard lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") else { return nil }
        url = text
        password = Self.password(in: text)
    }

    /// The URL with any password replaced by `***`.
    public var description: String { redacting(url) }

    /// `text` with the password, and any `password=` option, struck out.
    public func redacting(_ text: String) -> String {
        var result = text
        for form in [password, password?.removingPercentEncoding] {
            if let form, !form.isEmpty { result = result.replacingOccurrences(of: form, with: "***") }
        }
        return result
    }

    /// The password of `user:password@` in the authority, or of a `password=` query option.
    private static func password(in url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                return String(userInfo[userInfo.index(after: colon)...])
            }
        }
        if let query = rest.firstIndex(of: "?") {
            for option in rest[rest.index(after: query)...].split(separator: "&") where option.lowercased().hasPrefix("password=") {
                return String(option.dropFirst("password=".count))
            }
        }
        return nil
    }
}
