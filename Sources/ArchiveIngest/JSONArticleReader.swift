import ArchiveExtraction
import Foundation

/// Reads articles from JSON as news APIs and scrapers write it: one article object, an array of
/// them, or a wrapper such as `{"articles": […]}`; and from JSON Lines, one object per line.
/// Field names vary from source to source, so each field is looked for under its common synonyms.
enum JSONArticleReader {
    static let titleKeys = ["title", "headline", "name"]
    static let bodyKeys = ["body", "text", "content", "articleBody", "article_body", "full_text", "fullText", "maintext"]
    static let summaryKeys = ["description", "summary", "abstract", "snippet", "lead"]
    static let urlKeys = ["url", "link", "canonical_url", "canonicalUrl", "uri", "webUrl"]
    static let dateKeys = ["published", "publishedAt", "published_at", "datePublished", "date_publish", "date", "pubDate",
                           "seendate", "created_at", "createdAt", "time", "updated"]
    static let outletKeys = ["source", "outlet", "publisher", "site", "site_name", "domain", "sourcecountry"]
    static let authorKeys = ["author", "authors", "byline", "creator"]
    static let wrapperKeys = ["articles", "results", "data", "items", "value", "news", "documents", "docs", "entries", "hits"]

    /// Every article in a JSON document; a single bad object is an error for that object alone.
    static func read(json text: String, path: String) throws -> [Result<RawArticle, ReadError>] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw ReadError(.malformed, path: path, "not valid JSON (\(Self.reason(error)))")
        }
        let objects = articleObjects(value)
        guard !objects.isEmpty else {
            throw ReadError(.noText, path: path, "no article objects (expected an object, an array, or a wrapper such as {\"articles\": [...]})")
        }
        return objects.enumerated().map { index, object in
            .reading { () throws(ReadError) in try article(object, path: path, place: objects.count > 1 ? "item \(index + 1)" : nil) }
        }
    }

    /// Every line of a JSON Lines file; blank lines are skipped, a bad line is an error for that line alone.
    static func read(jsonLines text: String, path: String) -> [Result<RawArticle, ReadError>] {
        var results: [Result<RawArticle, ReadError>] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let place = "line \(number + 1)"
            guard let value = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)), let object = value as? [String: Any] else {
                results.append(.failure(ReadError(.malformed, path: path, "\(place): not a JSON object")))
                continue
            }
            results.append(.reading { () throws(ReadError) in try article(object, path: path, place: place) })
        }
        return results
    }

    private static func articleObjects(_ value: Any) -> [[String: Any]] {
        if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] } }
        guard let object = value as? [String: Any] else { return [] }
        for key in wrapperKeys {
            if let inner = object[key] as? [Any] { return inner.compactMap { $0 as? [String: Any] } }
        }
        return [object]
    }

    private static func article(_ object: [String: Any], path: String, place: String?) throws(ReadError) -> RawArticle {
        let prefix = place.map { $0 + ": " } ?? ""
        let title = string(object, titleKeys).map(HTMLText.plain)
        var body = string(object, bodyKeys).map(HTMLText.plain)
        if body?.contains(where: \.isLetter) != true { body = string(object, summaryKeys).map(HTMLText.plain) }
        guard let body, body.contains(where: \.isLetter) else {
            throw ReadError(.noText, path: path, prefix + "no article text: none of the fields \((bodyKeys + summaryKeys).joined(separator: ", ")) holds any")
        }
        return RawArticle(title: title ?? String(body.prefix { $0 != "\n" }.prefix(200)), body: body,
                          outlet: named(object, outletKeys), author: authors(object), url: string(object, urlKeys),
                          published: string(object, dateKeys).flatMap(PublicationDate.iso))
    }

    private static func string(_ object: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            if let text = object[key] as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty { return text }
            if let number = object[key] as? NSNumber, keys == dateKeys { return number.stringValue }
        }
        return nil
    }

    /// A source given as "Reuters" or as {"name": "Reuters", "id": "reuters"}.
    private static func named(_ object: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            if let text = object[key] as? String, !text.isEmpty { return text }
            if let inner = object[key] as? [String: Any], let name = inner["name"] as? String ?? inner["title"] as? String { return name }
        }
        return nil
    }

    /// Authors given as a string, a list of strings, or a list of {"name": …} objects.
    private static func authors(_ object: [String: Any]) -> String? {
        for key in authorKeys {
            if let text = object[key] as? String, !text.isEmpty { return text }
            if let list = object[key] as? [Any] {
                let names = list.compactMap { $0 as? String ?? ($0 as? [String: Any])?["name"] as? String }
                if !names.isEmpty { return names.joined(separator: ", ") }
            }
            if let inner = object[key] as? [String: Any], let name = inner["name"] as? String { return name }
        }
        return nil
    }

    private static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        return text.replacingOccurrences(of: "\n", with: " ")
    }
}
