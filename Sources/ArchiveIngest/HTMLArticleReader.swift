import ArchiveExtraction

/// Reads a saved web page: its metadata (`HTMLMetadata`) and its main text alone
/// (`MainTextFinder`), paragraphs kept one a line.
enum HTMLArticleReader {
    static func read(_ bytes: [UInt8], path: String) throws(ReadError) -> RawArticle {
        guard let document = HTMLDocument(bytes: bytes), let root = document.root else {
            throw ReadError(.malformed, path: path, "not an HTML page libxml2 can read")
        }
        let metadata = HTMLMetadata(root)
        var paragraphs = MainTextFinder().paragraphs(in: root)
        let title = metadata.title ?? root.elements { $0.name == "h1" }.first.map { MainTextFinder.collapsed($0.text) } ?? ""
        // The headline often opens the article container too.
        if let first = paragraphs.first, first == title { paragraphs.removeFirst() }
        // A lead shown above the article's container (and given as the page's summary) belongs to it.
        if let summary = metadata.summary.map(MainTextFinder.collapsed), summary.count >= 60,
           !paragraphs.contains(where: { $0.contains(summary.prefix(50)) }),
           MainTextFinder.collapsed(root.elements { $0.name == "body" }.first?.text ?? "").contains(summary.prefix(50)) {
            paragraphs.insert(summary, at: 0)
        }
        let body = paragraphs.joined(separator: "\n")
        guard body.contains(where: \.isLetter) else {
            throw ReadError(.noText, path: path, "no article text found in the page")
        }
        return RawArticle(title: title.isEmpty ? String(paragraphs.first?.prefix(120) ?? "") : title, body: body,
                          outlet: metadata.outlet, author: metadata.author, url: metadata.url, published: metadata.published)
    }
}
