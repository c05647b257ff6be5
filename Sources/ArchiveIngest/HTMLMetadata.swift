import ArchiveExtraction
import ArchiveValues
import Foundation

/// What a page says about itself: JSON-LD `NewsArticle`/`Article`, OpenGraph and `article:`
/// properties, ordinary meta tags, the canonical link, and `<title>`, in that order of trust.
struct HTMLMetadata {
    var title: String?
    var author: String?
    var published: String?
    var url: String?
    var outlet: String?
    /// The publisher's summary (og:description, description): often the lead, shown above the text.
    var summary: String?
    /// The `<title>` element's text as written, site name and all.
    var pageTitle: String?
    /// JSON-LD's `articleBody`: the whole text, on pages that fill it in with a script.
    var articleBody: String?

    init(_ root: HTMLNode) {
        var meta: [String: String] = [:]
        var ldObjects: [[String: Any]] = []
        for element in root.elements(where: { ["meta", "link", "script", "title", "time"].contains($0.name) }) {
            switch element.name {
            case "meta":
                let key = (element.attribute("property") ?? element.attribute("name") ?? element.attribute("itemprop") ?? "").lowercased()
                if let content = element.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty,
                   !content.isEmpty, meta[key] == nil {
                    meta[key] = content
                }
            case "link":
                if element.attribute("rel")?.lowercased() == "canonical", let href = element.attribute("href") { meta["canonical"] = href }
            case "script":
                if element.attribute("type")?.lowercased().contains("ld+json") == true {
                    ldObjects += Self.objects(inJSONLD: element.text)
                }
            case "title":
                if pageTitle == nil { pageTitle = Self.clean(element.text) }
            case "time":
                if meta["time"] == nil, let value = element.attribute("datetime") { meta["time"] = value }
            default:
                break
            }
        }
        let ld = ldObjects.first(where: Self.isArticle) ?? [:]
        let socialTitle: String? = meta["og:title"] ?? meta["twitter:title"]
        title = Self.string(ld["headline"]) ?? socialTitle ?? pageTitle.map(Self.withoutSiteName)
        let metaAuthor: String? = meta["author"] ?? meta["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 }
        let otherAuthor: String? = meta["byl"] ?? meta["dc.creator"]
            ?? meta["dc:creator"] ?? meta["sailthru.author"]
        author = [Self.names(ld["author"]), metaAuthor, otherAuthor, Self.byline(in: root)].lazy
            .compactMap { $0.flatMap(AuthorName.cleaned) }.first
        let dateKeys = ["article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
                        "publish-date", "date", "dc.date", "dc.date.issued", "sailthru.date"]
        let stated: String? = Self.string(ld["datePublished"]) ?? dateKeys.lazy.compactMap { meta[$0] }.first
        // A page that is not an article (a recipe, a web page) may still date itself.
        let otherLD: String? = ldObjects.lazy.compactMap { Self.string($0["datePublished"]) }.first
        let fallback: String? = Self.string(ld["dateCreated"]) ?? otherLD ?? meta["time"] ?? Self.markedDate(in: root)
        published = (stated ?? fallback).flatMap(PublicationDate.iso) ?? Self.labelledDate(in: root) ?? Self.firstDate(in: root)
        url = meta["canonical"] ?? meta["og:url"] ?? Self.string(ld["url"])
        outlet = Self.names(ld["publisher"]) ?? meta["og:site_name"] ?? meta["application-name"]
        summary = meta["og:description"] ?? meta["description"] ?? Self.string(ld["description"])
        // Some sites escape the body's markup inside the JSON string: strip it twice.
        articleBody = Self.string(ld["articleBody"]).map { HTMLText.plain(HTMLText.plain($0)) }
    }

    /// The author as the page shows it: a link marked rel="author", or a short element whose class
    /// says author or byline ("By Lena Hoffmann", "Von R. R.", "Erstellt von Andri Bryner").
    static func byline(in root: HTMLNode) -> String? {
        let marked = root.elements { $0.name == "a" && $0.attribute("rel")?.lowercased().contains("author") == true }
        let classed = root.elements { node in
            let labels = ((node.attribute("class") ?? "") + " " + (node.attribute("itemprop") ?? "")).lowercased()
            return labels.contains("author") || labels.contains("byline")
        }
        for node in marked + classed {
            var text = AuthorName.withoutLabels(clean(node.text))
            if let comma = text.firstIndex(of: ","), text[comma...].contains(where: \.isNumber) { text = String(text[..<comma]) }
            if (2...60).contains(text.count), text.first?.isLetter == true, !text.lowercased().hasPrefix("author") {
                return text
            }
        }
        return nil
    }

    private static let months = CalendarWords.englishMonthNames.merging(CalendarWords.otherMonths) { english, _ in english }

    /// A date an element carries in microdata or RDFa outside the head
    /// (`<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00">`).
    static func markedDate(in root: HTMLNode) -> String? {
        let names: Set<String> = ["datepublished", "datecreated", "schema:datepublished", "schema:datecreated", "dc:date",
                                  "dcterms:created", "dcterms:issued"]
        for element in root.elements(where: { $0.name != "meta" }) {
            guard let name = (element.attribute("itemprop") ?? element.attribute("property"))?.lowercased(), names.contains(name) else {
                continue
            }
            if let value = element.attribute("content") ?? element.attribute("datetime"), PublicationDate.iso(value) != nil {
                return value
            }
            if let date = date(inWords: words(clean(element.text))) { return date }
        }
        return nil
    }

    /// A date in a short element whose class or id says it holds the date ("recipe-date",
    /// "post-created", "news-time", "datum").
    static func labelledDate(in root: HTMLNode) -> String? {
        let labels = ["date", "datum", "time", "created", "published", "posted", "publish"]
        for element in root.elements(where: { node in
            let label = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
            return labels.contains { label.contains($0) } && !label.contains("update") && !label.contains("modified")
        }) {
            let text = clean(element.text)
            guard text.count <= 80, let date = date(inWords: words(text)) else { continue }
            return date
        }
        return nil
    }

    /// The date in the page's text, where a page states its date only in words or figures
    /// ("16.10.2019", "7. November 2023", "May 23, 2019"): the first one near the headline (the
    /// first `<h1>`), else the first in the page.
    static func firstDate(in root: HTMLNode) -> String? {
        let body = root.elements { $0.name == "body" }.first ?? root
        // Text nodes joined with spaces: libxml2's own text of an element runs paragraphs together.
        var text = ""
        var headline: Int?
        var stack = [body]
        while let node = stack.popLast(), text.utf8.count < 400_000 {
            if node.isText { text += node.content + " "; continue }
            guard node.isElement, node.name != "script", node.name != "style" else { continue }
            if headline == nil, node.name == "h1" { headline = text.utf8.count }
            stack.append(contentsOf: node.children.reversed())
        }
        let utf8 = Array(text.utf8)
        if let headline {
            let window = utf8[max(0, headline - 300)..<min(utf8.count, headline + 3000)]
            if let date = date(inWords: words(String(decoding: window, as: UTF8.self))) { return date }
        }
        return date(inWords: words(String(decoding: utf8.prefix(20_000), as: UTF8.self)))
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "|" }).map(String.init)
    }

    /// The first full date among words: "16.10.2019" (or "28.01.22"), "2019-10-16", "7. November 2023",
    /// "May 23, 2019".
    private static func date(inWords words: [String]) -> String? {
        func number(_ text: String) -> Int? { Int(text.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))) }
        func make(_ year: Int, _ month: Int, _ day: Int) -> String? {
            guard (1990...2100).contains(year) else { return nil }
            return CivilDate(year: year, month: month, day: day)?.iso
        }
        for (index, word) in words.enumerated() {
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count >= 3, parts[0].count <= 2, parts[1].count <= 2, let day = Int(parts[0]), let month = Int(parts[1]) {
                let yearText = parts[2].prefix { $0.isNumber }
                // Two-digit years ("28.01.22") stand for this century.
                let year = yearText.count == 4 ? Int(yearText) : yearText.count == 2 ? Int(yearText).map { 2000 + $0 } : nil
                if let year, let date = make(year, month, day) { return date }
            }
            if let iso = PublicationDate.iso(word), word.count >= 10, iso.prefix(4).allSatisfy(\.isNumber), word.first?.isNumber == true,
               word.contains("-"), let year = Int(iso.prefix(4)), (1990...2100).contains(year) {
                return String(iso.prefix(10))
            }
            guard index + 2 < words.count else { continue }
            // "7. November 2023", "7 November 2023"
            if let day = number(word), let month = months[words[index + 1].lowercased()], let year = Int(words[index + 2]),
               let date = make(year, month, day) {
                return date
            }
            // "May 23, 2019"
            if let month = months[word.lowercased()], let day = number(words[index + 1]), let year = Int(words[index + 2]),
               let date = make(year, month, day) {
                return date
            }
        }
        return nil
    }

    /// "Talks resume | Example Wire" → "Talks resume": the site's name is not the headline.
    static func withoutSiteName(_ title: String) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · "] {
            if let range = title.range(of: separator, options: .backwards) {
                let head = String(title[..<range.lowerBound])
                if head.count >= 15 { return head }
            }
        }
        return title
    }

    private static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : clean(text) }
        if let list = value as? [Any] { return list.lazy.compactMap { string($0) }.first }
        return nil
    }

    /// A person or organization given as "Name", {"name": …}, or a list of either.
    private static func names(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : clean(text) }
        if let object = value as? [String: Any] { return string(object["name"]) }
        if let list = value as? [Any] {
            let all = list.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: "; ")
        }
        return nil
    }

    /// Every object in a JSON-LD block: at its top, in a list, or in "@graph".
    static func objects(inJSONLD text: String) -> [[String: Any]] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return [] }
        var found: [[String: Any]] = []
        var stack: [Any] = [value]
        while let item = stack.popLast() {
            if let list = item as? [Any] { stack.append(contentsOf: list.reversed()); continue }
            guard let object = item as? [String: Any] else { continue }
            found.append(object)
            if let graph = object["@graph"] { stack.append(graph) }
        }
        return found
    }

    static func isArticle(_ object: [String: Any]) -> Bool {
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        return types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }
    }
}
