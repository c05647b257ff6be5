/// A readable account of what was extracted from one article, for `archive extract` without --json.
public enum FactsSummary {
    public static func render(path: String, facts: ArticleFacts) -> String {
        var lines = ["== \(path)", "title:     \(facts.article.title)"]
        if let author = facts.article.author { lines.append("author:    \(author)") }
        if let published = facts.published { lines.append("published: \(published.iso) (\(published.source.rawValue))") }
        func names(_ label: String, _ entities: [Entity]) {
            guard !entities.isEmpty else { return }
            lines.append("\(label):")
            for entity in entities {
                var line = "  \(entity.name)"
                if let role = entity.role { line += " — \(role)" }
                let others = entity.mentions.filter { $0 != entity.name }
                if !others.isEmpty { line += " (also: \(others.joined(separator: ", ")))" }
                lines.append(line + " ×\(entity.mentionCount)")
            }
        }
        names("people", facts.people)
        names("organizations", facts.organizations)
        names("places", facts.places)
        if !facts.quotes.isEmpty {
            lines.append("quotes:")
            for quote in facts.quotes {
                let excerpt = quote.text.count > 90 ? String(quote.text.prefix(89)) + "…" : quote.text
                lines.append("  \(quote.speaker ?? "(speaker unknown)"): “\(excerpt)”")
            }
        }
        if let event = facts.event {
            var line = "event:     \(event.title)"
            if let date = event.date { line += " — \(date.iso)" }
            if let place = event.place { line += " — \(place)" }
            lines.append(line)
            if !event.participants.isEmpty { lines.append("  taking part: \(event.participants.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
