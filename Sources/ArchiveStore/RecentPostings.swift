/// The newest articles filed under each key (a word an article is indexed by, or a person it
/// names), kept in memory while one writer writes, so that finding an article's grouping
/// candidates is a few dictionary look-ups instead of a join over hundreds of index entries.
///
/// A key's list is read from the database the first time it is asked for and kept up to date as
/// articles are added, so it always holds what the database would answer: the newest `perKey`
/// article ids under that key. Memory is bounded: past `capacity` ids in all, everything is
/// dropped and read again as needed.
final class RecentPostings<Key: Hashable> {
    private var lists: [Key: [Int64]] = [:]
    private var stored = 0
    /// One more than a caller asks for, so that leaving out the article being grouped still leaves enough.
    let perKey: Int
    let capacity: Int

    init(perKey: Int, capacity: Int = 1_000_000) {
        self.perKey = perKey + 1
        self.capacity = capacity
    }

    /// The newest ids under `key`, oldest first; `load` reads them (newest first, at most `perKey`)
    /// from the database when they are not in memory.
    func articles(for key: Key, load: (Key, Int) throws -> [Int64]) rethrows -> [Int64] {
        if let list = lists[key] { return list }
        if stored >= capacity { forget() }
        let list = Array(try load(key, perKey).reversed())
        lists[key] = list
        stored += list.count
        return list
    }

    /// Files a newly written article under `key`. Ids only grow while one writer writes, so the
    /// newest goes last. A key not in memory is left to be read when first asked for.
    func add(_ article: Int64, to key: Key) {
        guard var list = lists.removeValue(forKey: key) else { return }
        if list.last != article {
            list.append(article)
            stored += 1
            if list.count > perKey {
                list.removeFirst()
                stored -= 1
            }
        }
        lists[key] = list
    }

    /// Drops every list: after a rollback (whose ids will be given again) or another connection's write.
    func forget() {
        lists.removeAll(keepingCapacity: true)
        stored = 0
    }
}
