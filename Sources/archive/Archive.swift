import ArgumentParser

@main
struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Turn news articles into a queryable SQLite event archive.",
        discussion: """
            Ingest articles, then ask who did what, where and when, and who said what:
              archive ingest seeds/
              archive query --person Witkoff
              archive query --person Rubio --show quotes
              archive search "security guarantees"
            """,
        version: "0.1.0",
        subcommands: [Ingest.self, Query.self, Search.self, Extract.self, Stats.self, Show.self, Merge.self, Unmerge.self, Regroup.self, Check.self, RebuildFTS.self, Copy.self]
    )
}
