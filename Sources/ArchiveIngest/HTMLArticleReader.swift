import ArchiveExtraction
import Foundation

/// Reads a saved web page: its metadata (`HTMLMetadata`) and its main text alone
/// (`MainTextFinder`), paragraphs kept one a line.
enum HTMLArticleReader {
    static func read(_ bytes: [UInt8], path: String) throws(ReadError) -> RawArticle {
        guard let document = HTMLDocument(bytes: bytes), let root = document.root else {
            throw ReadError(.malformed, path: path, "not an HTML page libxml2 can read")
        }
        let metadata = HTMLMetadata(root)
        var paragraphs = MainTextFinder().paragraphs(in: root, titles: [metadata.title, metadata.pageTitle].compactMap { $0 })
        // A page whose text a script puts in place shows little of it; its JSON-LD may hold it all.
        if let articleBody = metadata.articleBody {
            let stated = articleBody.split(whereSeparator: \.isNewline).map { MainTextFinder.collapsed(String($0)) }.filter { !$0.isEmpty }
            if Self.wordCount(stated) > 2 * Self.wordCount(paragraphs) { paragraphs = stated }
        }
        let title = metadata.title ?? root.elements { $0.name == "h1" }.first.map { MainTextFinder.collapsed($0.text) } ?? ""
        // The headline often opens the article container too.
        if let first = paragraphs.first, first == title { paragraphs.removeFirst() }
        // A lead shown above the article's container (and given as the page's summary) belongs to it.
        paragraphs = Self.withoutTeaserRuns(paragraphs)
        if let summary = metadata.summary.map(MainTextFinder.collapsed), summary.count >= 60,
           !paragraphs.joined(separator: " ").contains(summary.prefix(50)),
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

    private static func wordCount(_ paragraphs: [String]) -> Int {
        paragraphs.reduce(0) { $0 + $1.split(separator: " ").count }
    }

    /// The paragraphs without runs of three or more that each end in an ellipsis: a list of
    /// other articles' openings ("Imran Khan-led govt's days are numbered … KARACHI: Firebrand …"),
    /// not the article. One such paragraph alone is kept: articles end that way too.
    static func withoutTeaserRuns(_ paragraphs: [String]) -> [String] {
        func isTeaser(_ paragraph: String) -> Bool {
            let end = paragraph.trimmingCharacters(in: .whitespaces)
            return end.hasSuffix("...") || end.hasSuffix("\u{2026}")
        }
        var kept: [String] = []
        var run: [String] = []
        for paragraph in paragraphs + [""] {
            if isTeaser(paragraph) {
                run.append(paragraph)
                continue
            }
            if run.count < 3 { kept += run }
            run = []
            kept.append(paragraph)
        }
        kept.removeLast()
        return kept
    }
}
