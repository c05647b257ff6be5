import ArchivePostgres
import ArchiveStore
import Foundation
import Testing

/// The PostgreSQL server the tests may use: `ARCHIVE_TEST_POSTGRES_URL` (set by `.ci/run`, which
/// starts one; see `scripts/test-postgres`). Each test gets a database of its own, dropped after.
public enum TestPostgres {
    public static let url: String? = {
        guard let url = ProcessInfo.processInfo.environment["ARCHIVE_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }()

    public static var isAvailable: Bool { url != nil }

    /// Why a PostgreSQL test did not run, for `.enabled(if:)`.
    public static let skipped: Comment = """
        skipped: ARCHIVE_TEST_POSTGRES_URL is not set (`.ci/run` starts a server and sets it; \
        or `source scripts/test-postgres && start_test_postgres`)
        """

    /// A new, empty database on the test server, dropped when the returned value is released.
    public final class Scratch: @unchecked Sendable {
        public let name: String
        public let url: String

        init(server: String) throws {
            name = "archive_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            url = TestPostgres.url(server, database: name)
            try TestPostgres.administer(server, "CREATE DATABASE \(name)")
        }

        deinit {
            guard let server = TestPostgres.url else { return }
            try? TestPostgres.administer(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// A fresh database; throws when no server is configured.
    public static func scratch() throws -> Scratch {
        guard let url else { throw DatabaseError(code: DatabaseError.noArchiveCode, message: "ARCHIVE_TEST_POSTGRES_URL is not set") }
        return try Scratch(server: url)
    }

    /// The server URL with another database name in its path.
    public static func url(_ server: String, database: String) -> String {
        guard let scheme = server.range(of: "://") else { return server }
        let afterScheme = server[scheme.upperBound...]
        let pathStart = afterScheme.firstIndex(of: "/") ?? afterScheme.firstIndex(of: "?") ?? afterScheme.endIndex
        let queryStart = afterScheme[pathStart...].firstIndex(of: "?") ?? afterScheme.endIndex
        return String(server[..<pathStart]) + "/" + database + String(server[queryStart...])
    }

    static func administer(_ server: String, _ sql: String) throws {
        guard let location = PostgresLocation(server) else { return }
        try PostgresConnection(location).execute(sql)
    }
}
