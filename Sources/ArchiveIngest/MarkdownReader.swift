import ArchiveExtraction

/// Reads a Markdown article with optional YAML front matter (title, url, outlet, author,
/// published). The title is the front matter's, else the first heading, else the first line.
/// Markup is reduced to plain text: headings, emphasis, links and images.
enum MarkdownReader {
    static func read(_ text: String, path: String) throws(ReadError) -> RawArticle {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)[...]
        var meta: [String: String] = [:]
        if lines.first?.trimmingCharacters() == "---" {
            guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters() == "---" || $0.trimmingCharacters() == "..." }) else {
                throw ReadError(.malformed, path: path, "front matter opened with --- is never closed")
            }
            for line in lines[(lines.startIndex + 1)..<close] {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = String(line[..<colon]).trimmingCharacters().lowercased()
                var value = String(line[line.index(after: colon)...]).trimmingCharacters()
                if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                    value = String(value.dropFirst().dropLast())
                }
                if !key.isEmpty, !value.isEmpty { meta[key] = value }
            }
            lines = lines[(close + 1)...]
        }
        var title = meta["title"] ?? meta["headline"]
        var body: [String] = []
        for line in lines {
            var stripped = line.trimmingCharacters()
            if stripped.hasPrefix("#") {
                stripped = String(stripped.drop(while: { $0 == "#" })).trimmingCharacters()
                if title == nil { title = plain(stripped); continue }
            }
            if title == nil, !stripped.isEmpty { title = plain(stripped); continue }
            body.append(plain(stripped))
        }
        guard let title, !title.isEmpty else { throw ReadError(.empty, path: path, "the file is empty") }
        let text = body.joined(separator: "\n")
        guard text.contains(where: { $0.isLetter }) else {
            throw ReadError(.noText, path: path, "no article text after the title")
        }
        return RawArticle(title: title, body: text, outlet: meta["outlet"] ?? meta["source"] ?? meta["publisher"],
                          author: meta["author"] ?? meta["byline"], url: meta["url"] ?? meta["link"],
                          published: meta["published"] ?? meta["date"])
    }

    /// "**Bold** [link](http://x)" → "Bold link"; images vanish.
    static func plain(_ line: String) -> String {
        var result = ""
        let scalars = Array(line)
        var index = 0
        if scalars.starts(with: ["-", " "]) || scalars.starts(with: ["*", " "]) || scalars.starts(with: ["+", " "]) {
            result = "- "
            index = 2
        } else if scalars.first == ">" {
            index = scalars.count > 1 && scalars[1] == " " ? 2 : 1
        }
        while index < scalars.count {
            let c = scalars[index]
            if c == "!", index + 1 < scalars.count, scalars[index + 1] == "[", let close = closing(scalars, from: index + 1) {
                index = close  // an image: its alt text is not article text
                continue
            }
            if c == "[", let end = scalars[index...].firstIndex(of: "]"), end + 1 < scalars.count, scalars[end + 1] == "(",
               let paren = scalars[(end + 1)...].firstIndex(of: ")") {
                result += String(scalars[(index + 1)..<end])
                index = paren + 1
                continue
            }
            if c == "*" || c == "_" && (index == 0 || !scalars[index - 1].isLetter || index + 1 >= scalars.count || !scalars[index + 1].isLetter) || c == "`" {
                index += 1
                continue
            }
            result.append(c)
            index += 1
        }
        return result
    }

    private static func closing(_ chars: [Character], from open: Int) -> Int? {
        guard let end = chars[open...].firstIndex(of: "]"), end + 1 < chars.count, chars[end + 1] == "(",
              let paren = chars[(end + 1)...].firstIndex(of: ")") else { return nil }
        return paren + 1
    }
}
