import ArchiveExtraction

/// Reads RSS 2.0 and Atom feeds: one article per item or entry (title, link, date, author, and
/// the fullest text the feed carries — content:encoded, content, description or summary — with
/// its HTML stripped).
enum FeedReader {
    static func read(_ bytes: [UInt8], path: String) throws(ReadError) -> [Result<RawArticle, ReadError>] {
        guard let document = HTMLDocument(xml: bytes), let root = document.root else {
            throw ReadError(.malformed, path: path, "not an XML feed libxml2 can read")
        }
        let entries: [HTMLNode]
        let outlet: String?
        switch root.name {
        case "rss", "rdf":
            let channel = root.child("channel")
            outlet = channel?.childText("title")
            entries = root.elements { $0.name == "item" }
        case "feed":
            outlet = root.childText("title")
            entries = root.children.filter { $0.isElement && $0.name == "entry" }
        default:
            throw ReadError(.malformed, path: path, "an XML file, but not an RSS or Atom feed (its root is <\(root.name)>)")
        }
        guard !entries.isEmpty else { throw ReadError(.noText, path: path, "a feed with no items") }
        return entries.enumerated().map { index, entry in
            .reading { () throws(ReadError) in try article(entry, outlet: outlet, path: path, number: index + 1) }
        }
    }

    private static func article(_ entry: HTMLNode, outlet: String?, path: String, number: Int) throws(ReadError) -> RawArticle {
        // content:encoded and Atom's content come first: they carry the whole text.
        let texts = ["encoded", "content", "description", "summary"].compactMap { entry.childText($0) }
        guard let html = texts.first else {
            throw ReadError(.noText, path: path, "item \(number): no text (none of content:encoded, content, description, summary)")
        }
        let body = HTMLText.plain(html).split(separator: "\n").map { MainTextFinder.collapsed(String($0)) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
        guard body.contains(where: \.isLetter) else { throw ReadError(.noText, path: path, "item \(number): no words in its text") }
        let link = entry.child("link").flatMap { $0.attribute("href") ?? $0.text.trimmingCharacters() }
        let author = entry.child("author").flatMap { $0.childText("name") ?? $0.text.trimmingCharacters() } ?? entry.childText("creator")
        let date = entry.childText("pubdate") ?? entry.childText("published") ?? entry.childText("updated") ?? entry.childText("date")
        return RawArticle(title: entry.childText("title").map(HTMLText.plain) ?? String(body.prefix(120)), body: body,
                          outlet: outlet, author: author.flatMap { $0.isEmpty ? nil : $0 }, url: link.flatMap { $0.isEmpty ? nil : $0 },
                          published: date.flatMap(PublicationDate.iso))
    }
}
