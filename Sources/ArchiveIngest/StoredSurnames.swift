/// The stored people by folded surname, asked for once for an article's names and kept up to
/// date as its names add and rename people: the surname rule's candidates without a question per
/// name.
struct StoredSurnames {
    /// By surname key, in key order (of the keys' bytes, as SQLite orders text, whatever a
    /// server's collation would say).
    private var people: [String: [(id: Int64, key: String)]]

    init(_ people: [String: [(id: Int64, key: String)]]) {
        self.people = people.mapValues { $0.sorted(by: Self.inKeyOrder) }
    }

    /// Those with this surname, in key order.
    func people(_ surname: String) -> [(id: Int64, key: String)] {
        people[surname] ?? []
    }

    mutating func added(_ id: Int64, key: String, surname: String) {
        people[surname, default: []].append((id, key))
        people[surname]?.sort(by: Self.inKeyOrder)
    }

    mutating func renamed(_ id: Int64, to key: String) {
        for surname in people.keys {
            guard let at = people[surname]?.firstIndex(where: { $0.id == id }) else { continue }
            people[surname]?[at].key = key
            people[surname]?.sort(by: Self.inKeyOrder)
        }
    }

    private static func inKeyOrder(_ a: (id: Int64, key: String), _ b: (id: Int64, key: String)) -> Bool {
        a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
    }
}
