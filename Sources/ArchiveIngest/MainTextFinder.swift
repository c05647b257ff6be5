/// Finds a page's main text and leaves out the rest: navigation, scripts, styles, asides, footers,
/// share bars, related-article lists, cookie notices, reader comments.
///
/// A container the page marks as the article body is taken when it holds enough text; otherwise
/// every paragraph (a `<div>` of inline text counts as one) scores its parent and grandparent by
/// its length, commas and lack of links, and the best-scoring element is the article, with the
/// sections of text beside it when the page lays the article out in sections. Its paragraphs are
/// kept in order.
struct MainTextFinder {
    private static let skippedTags: Set<String> = [
        "script", "style", "noscript", "nav", "aside", "footer", "form", "iframe", "svg", "button", "select", "option",
        "template", "canvas", "object", "embed", "menu", "dialog", "input", "textarea", "label",
        // A picture's caption and credit describe the picture, not the story.
        "figcaption",
    ]
    /// Words in a class or id that mark page furniture rather than the article.
    private static let furniture = [
        "comment", "share", "sharing", "social", "related", "recommend", "newsletter", "subscribe", "cookie", "consent",
        "promo", "advert", "sponsor", "sidebar", "menu", "breadcrumb", "footer", "navbar", "navigation", "popup",
        "modal", "banner", "toolbar", "signup", "paywall", "outbrain", "taboola", "popular", "trending",
        "byline", "caption", "disqus", "reply", "replies", "author-bio", "latest",
    ]
    /// What repeating the headline adds to the score of the heading's parent: as much as a long
    /// paragraph with a few commas.
    private static let headlineBonus = 8.0
    private static let blockTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
                                                 "td", "th"]
    private static let bodyMarkers = ["articlebody", "article-body", "article__body", "story-body", "storybody", "post-content",
                                      "entry-content", "article-content", "article__content", "post-body", "story-content",
                                      "c-entry-content", "main-content", "article-text", "body-text"]

    /// Elements that hold the page's headline or article: never furniture, whatever their
    /// classes say ("container right-sidebar" around a page laid out with a sidebar).
    private var frames: Set<xmlNodeKey> = []

    init() {}

    /// The page's headline as its metadata gives it: the container right after the heading that
    /// repeats it is likely the article, however short.
    private var titles: [String] = []

    /// The paragraphs of the page's main text; `titles` are the headline as the page states it
    /// (metadata, `<title>`), if known.
    func paragraphs(in root: HTMLNode, titles: [String] = []) -> [String] {
        var finder = self
        finder.titles = titles.map { Self.collapsed($0).lowercased() }.filter { $0.count >= 15 }
        finder.frames = finder.frames(root)
        return finder.findParagraphs(in: root)
    }

    /// Whether a heading repeats the page's headline.
    private func isHeadline(_ node: HTMLNode) -> Bool {
        guard node.name == "h1" || node.name == "h2", !titles.isEmpty else { return false }
        let heading = Self.collapsed(node.text).lowercased()
        return heading.count >= 15 && titles.contains { $0.contains(heading) || heading.contains($0) }
    }

    private func frames(_ root: HTMLNode) -> Set<xmlNodeKey> {
        var result: Set<xmlNodeKey> = []
        for anchor in root.elements(where: { $0.name == "h1" || $0.name == "article" || isHeadline($0) }) {
            var node = anchor.pointer.pointee.parent
            while let current = node, result.insert(xmlNodeKey(HTMLNode(pointer: current))).inserted {
                node = current.pointee.parent
            }
        }
        return result
    }

    private func findParagraphs(in root: HTMLNode) -> [String] {
        Self.withoutTrailers(findBlocks(in: root))
    }

    private func findBlocks(in root: HTMLNode) -> [Block] {
        var result: [Block] = []
        if let marked = markedBody(root) {
            collect(marked, into: &result)
            return result
        }
        guard let (best, scores) = bestScoring(root) else {
            collect(root, into: &result)
            return result
        }
        // The article may be split across siblings (a lead block, then the text): siblings that
        // score well, or are substantial paragraphs themselves, come along (as in Readability).
        // An article cut into sections (a lead, then blocks of text between pictures and tables)
        // scores in pieces: an ancestor that holds much more prose, and little of it links, is
        // the article instead.
        var ancestor = best.pointer.pointee.parent.map(HTMLNode.init)
        var chosen = best
        var chosenProse = prose(in: best)
        for _ in 0..<Self.ancestorLevels {
            guard let candidate = ancestor, candidate.isElement, !["body", "html"].contains(candidate.name) else { break }
            let candidateProse = prose(in: candidate)
            if candidateProse.score >= chosenProse.score * 1.3, candidateProse.linked * 10 < candidateProse.length * 3,
               candidateProse.headlineLinks < chosenProse.headlineLinks + 8 {
                chosen = candidate
                chosenProse = candidateProse
            }
            ancestor = candidate.pointer.pointee.parent.map(HTMLNode.init)
        }
        if xmlNodeKey(chosen) != xmlNodeKey(best) {
            collect(chosen, into: &result)
            return withNeighbouringSections(of: chosen, result)
        }
        let top = scores[xmlNodeKey(best)] ?? 0
        let parent = best.pointer.pointee.parent.map(HTMLNode.init)
        guard let parent, parent.isElement else {
            collect(best, into: &result)
            return result
        }
        for sibling in parent.children where sibling.isElement && !isFurniture(sibling) {
            let score = scores[xmlNodeKey(sibling)] ?? 0
            if xmlNodeKey(sibling) == xmlNodeKey(best) || score >= top * 0.2 {
                collect(sibling, into: &result)
            } else if Self.blockTags.contains(sibling.name), textLength(sibling) >= 80 {
                result.append(Block(text: Self.collapsed(visibleText(sibling)), isHeading: false))
            }
        }
        return withNeighbouringSections(of: parent, result)
    }

    /// The text of a page laid out in sections (a lead, then blocks of text between pictures and
    /// quotes, each in wrappers of its own): the sections beside the one holding the chosen text
    /// come along when they hold prose, little of it linked, and are no list of other items.
    private func withNeighbouringSections(of chosen: HTMLNode, _ blocks: [Block]) -> [Block] {
        let own = prose(in: chosen)
        guard own.score > 0 else { return blocks }
        // The section is the outermost wrapper that holds no more prose than the chosen text.
        // (Bounded: each step reads the subtree again.)
        var section = chosen
        for _ in 0..<Self.sectionLevels {
            guard let parent = section.pointer.pointee.parent.map(HTMLNode.init), parent.isElement,
                  !["body", "html"].contains(parent.name), prose(in: parent).score <= own.score + 0.001 else { break }
            section = parent
        }
        guard xmlNodeKey(section) != xmlNodeKey(chosen),
              let parent = section.pointer.pointee.parent.map(HTMLNode.init), parent.isElement else { return blocks }
        var result: [Block] = []
        for sibling in parent.children where sibling.isElement && !isFurniture(sibling) {
            if xmlNodeKey(sibling) == xmlNodeKey(section) {
                result += blocks
                continue
            }
            let other = prose(in: sibling)
            // A section holding `<article>`s of its own lists other items (teasers, issues, posts).
            if other.score >= own.score * 0.1, other.linked * 10 < other.length * 3, other.headlineLinks == 0,
               sibling.name != "article", sibling.elements(where: { $0.name == "article" }).isEmpty {
                collect(sibling, into: &result)
            }
        }
        return result
    }

    private func isFurniture(_ node: HTMLNode) -> Bool {
        if Self.skippedTags.contains(node.name) { return true }
        if node.attribute("aria-hidden") == "true" || node.attribute("hidden") != nil { return true }
        if let role = node.attribute("role")?.lowercased(), ["navigation", "complementary", "banner", "contentinfo", "dialog"].contains(role) {
            return true
        }
        // The page's frame is never furniture, whatever its classes say ("has-sidebar" on <body>).
        if ["html", "body", "main", "article"].contains(node.name) || frames.contains(xmlNodeKey(node)) { return false }
        let labels = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        guard !labels.trimmingCharacters().isEmpty else { return false }
        if Self.bodyMarkers.contains(where: { labels.contains($0) }) { return false }
        // A wrapper that says it holds the content is not furniture either.
        if ["content", "entry", "story", "post-", "article", "text"].contains(where: { labels.contains($0) }),
           !["comment", "related", "teaser"].contains(where: { labels.contains($0) }) {
            return false
        }
        let words = labels.split(whereSeparator: { !$0.isLetter && $0 != "-" }).flatMap { $0.split(separator: "-") }
        return words.contains { word in Self.furniture.contains { word.hasPrefix($0) } }
    }

    /// A container the page itself marks as the article body, if it holds a real article.
    private func markedBody(_ root: HTMLNode) -> HTMLNode? {
        let marked = root.elements { node in
            if node.attribute("itemprop")?.lowercased() == "articlebody" { return true }
            let labels = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
            return Self.bodyMarkers.contains { labels.contains($0) }
        }
        return marked.first { textLength($0) >= 250 }
    }

    private func bestScoring(_ root: HTMLNode) -> (HTMLNode, [xmlNodeKey: Double])? {
        var scores: [xmlNodeKey: (node: HTMLNode, score: Double)] = [:]
        func add(_ node: HTMLNode?, _ score: Double) {
            guard let node else { return }
            let key = xmlNodeKey(node)
            scores[key, default: (node, 0)].score += score
        }
        var stack: [(node: HTMLNode, parents: [HTMLNode])] = [(root, [])]
        while let (node, parents) = stack.popLast() {
            guard node.isElement, !isFurniture(node) else { continue }
            let inlineDiv = isInlineDiv(node)
            // Text written straight into a <div> beside other blocks counts as a paragraph of that div.
            if node.name == "div", !inlineDiv {
                let direct = node.children.filter(\.isText).reduce(0) { $0 + $1.content.trimmingCharacters().count }
                if direct >= 100 {
                    add(node, 1 + min(Double(direct) / 100, 3))
                    add(parents.last, (1 + min(Double(direct) / 100, 3)) / 2)
                }
            }
            if isHeadline(node) {
                add(parents.last, Self.headlineBonus)
                continue
            }
            if node.name == "p" || node.name == "pre" || node.name == "blockquote" || node.name == "li" || node.name == "td"
                || inlineDiv {
                let length = textLength(node)
                if length >= 25 {
                    let commas = Double(node.text.filter { $0 == "," || $0 == "，" }.count)
                    let score = 1 + commas + min(Double(length) / 100, 3)
                    add(parents.last, score)
                    add(parents.dropLast().last, score / 2)
                }
                continue
            }
            for child in node.children.reversed() { stack.append((child, parents + [node])) }
        }
        // A list of other articles (headline links, each with a line of text) can outscore an
        // article cut into sections: the leading candidates lose weight for every headline link
        // outside their paragraphs.
        let leading = scores.values.sorted { $0.score > $1.score }.prefix(8)
        guard let best = leading.map({ ($0.node, weighed($0)) }).max(by: { $0.1 < $1.1 })?.0 else { return nil }
        return (best, scores.mapValues(\.score))
    }

    private static let ancestorLevels = 5
    /// How many wrappers a section may have around its text (page builders use about ten).
    private static let sectionLevels = 16

    private func weighed(_ candidate: (node: HTMLNode, score: Double)) -> Double {
        candidate.score / (1 + Double(prose(in: candidate.node).headlineLinks) / 2)
    }

    /// The paragraphs below a node, scored as `bestScoring` scores them; the characters of their
    /// text in all and in links; and the links outside paragraphs that read like headlines (four
    /// words or more): other articles listed beside this one.
    private func prose(in node: HTMLNode) -> (score: Double, length: Int, linked: Int, headlineLinks: Int) {
        var (score, length, linked, headlineLinks) = (0.0, 0, 0, 0)
        var stack = [node]
        while let current = stack.popLast() {
            guard current.isElement, !isFurniture(current) else { continue }
            if current.name == "a" {
                if Self.collapsed(current.text).split(separator: " ").count >= 4 { headlineLinks += 1 }
                continue
            }
            if ["p", "pre", "blockquote"].contains(current.name) {
                let text = textLength(current)
                let links = Self.collapsed(linkText(current)).count
                length += text + links
                linked += links
                if text >= 25 {
                    score += 1 + Double(current.text.filter { $0 == "," || $0 == "，" }.count) + min(Double(text) / 100, 3)
                }
                continue
            }
            stack.append(contentsOf: current.children)
        }
        return (score, length, linked, headlineLinks)
    }

    /// Tags that make a `<div>` a container rather than a paragraph written without `<p>`.
    private static let containerTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "table", "ul", "ol", "dl", "blockquote", "pre", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "img", "select", "nav", "aside", "footer",
    ]

    /// A `<div>` holding only text and inline elements: a paragraph whose page left out the `<p>`
    /// (text pasted from elsewhere, page builders), read as one, as Readability does.
    private func isInlineDiv(_ node: HTMLNode) -> Bool {
        guard node.name == "div" else { return false }
        // Level by level: a wrapper shows a block among its own children, found without reading below.
        var level = node.children
        while !level.isEmpty {
            var next: [HTMLNode] = []
            for child in level where child.isElement {
                if Self.containerTags.contains(child.name) { return false }
                next += child.children
            }
            level = next
        }
        return true
    }

    /// Characters of text outside links: links are navigation, not prose.
    private func textLength(_ node: HTMLNode) -> Int {
        var total = 0
        var stack = [node]
        while let current = stack.popLast() {
            if current.isText { total += current.content.trimmingCharacters().count; continue }
            guard current.isElement, current.name != "a", !isFurniture(current) else { continue }
            stack.append(contentsOf: current.children)
        }
        return total
    }

    /// A paragraph of the main text, and whether the page made it a heading.
    struct Block {
        let text: String
        let isHeading: Bool
    }

    private static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The text without what it ends with that is no part of it: headings, which introduce what
    /// was left out (a list of links, "Temas relacionados", "Auch interessant"; a comment form),
    /// and short closing lines that are no sentence (`isTrailer`).
    static func withoutTrailers(_ blocks: [Block]) -> [String] {
        var end = blocks.count
        while end > 0, blocks[end - 1].isHeading || isTrailer(blocks[end - 1].text) { end -= 1 }
        return blocks[..<end].map(\.text)
    }

    /// A short line that is no sentence, closing the text: "Bisher keine Kommentare", "Titelbild:
    /// …/picture-alliance", "Permalink https://…".
    static func isTrailer(_ text: String) -> Bool {
        text.count < 60 && !(text.last.map { ".!?…\"”»)".contains($0) } ?? false)
    }

    private func collect(_ node: HTMLNode, into result: inout [Block]) {
        var inline = ""
        func flushInline() {
            let text = Self.collapsed(inline)
            if text.count >= 40 { result.append(Block(text: text, isHeading: false)) }
            inline = ""
        }
        for child in node.children {
            if child.isText {
                inline += child.content
                continue
            }
            guard child.isElement, !isFurniture(child) else { continue }
            if Self.blockTags.contains(child.name) {
                flushInline()
                let text = Self.collapsed(visibleText(child))
                let linked = Self.collapsed(linkText(child)).count
                if !text.isEmpty, !(linked * 10 > text.count * 6 && text.count < 200) {
                    result.append(Block(text: text, isHeading: Self.headingTags.contains(child.name)))
                }
            } else if ["a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "abbr", "cite", "q", "time", "mark", "code"].contains(child.name) {
                inline += visibleText(child)
            } else if child.name == "br" {
                inline += " "
            } else {
                flushInline()
                collect(child, into: &result)
            }
        }
        flushInline()
    }

    private func visibleText(_ node: HTMLNode) -> String {
        var text = ""
        for child in node.children {
            if child.isText { text += child.content } else if child.isElement, !isFurniture(child) {
                text += child.name == "br" ? " " : visibleText(child)
                if Self.blockTags.contains(child.name) { text += " " }
            }
        }
        return text
    }

    private func linkText(_ node: HTMLNode) -> String {
        node.elements { $0.name == "a" }.map(\.text).joined(separator: " ")
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A node's identity, for using nodes as dictionary keys.
struct xmlNodeKey: Hashable {
    let address: UInt

    init(_ node: HTMLNode) { address = UInt(bitPattern: node.pointer) }
}
