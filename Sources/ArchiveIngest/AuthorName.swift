import ArchiveExtraction

/// An author as a page states it, reduced to the name: pages put the byline's label before it
/// ("Von", "Interview:", "erstellt von"), the date or the outlet after it ("Emily Burack 8 January
/// 2020", "Rob Picheta, CNN"), or more of the page behind a dash ("— veröffentlicht 28.01.2022").
enum AuthorName {
    /// Labels a byline opens with, lower-cased, longest first where one begins another.
    private static let labels = [
        "zum profil von ", "erstellt von ", "geschrieben von ", "written by ", "posted by ", "rezept von ", "author: ", "autor: ",
        "autorin: ", "text: ", "interview: ", "auteur : ", "auteur: ", "by ", "von ", "par ", "por ",
    ]
    /// What goes on after the name: the rest of a byline line.
    private static let separators = [" — ", " – ", " | ", " · "]
    /// Words a name never ends with: what is left is a label ("Publiziert am").
    private static let unfinished: Set<String> = ["am", "um", "on", "at", "by", "von", "the", "de", "le"]

    /// The name in `raw`, or nil when nothing of a name is left.
    static func cleaned(_ raw: String) -> String? {
        var text = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for separator in separators {
            if let range = text.range(of: separator) { text = String(text[..<range.lowerBound]) }
        }
        text = withoutLabels(text)
        var words = text.split(separator: " ").map(String.init)
        // A date after the name: from the first word with a digit, or a month before one.
        if let start = words.indices.dropFirst().first(where: { index in
            words[index].contains(where: \.isNumber)
                || isMonth(words[index]) && index + 1 < words.count && words[index + 1].contains(where: \.isNumber)
        }) {
            words.removeSubrange(start...)
        }
        text = words.joined(separator: " ").trimmingCharacters(in: [",", " ", ";", ":"])
        // "Rob Picheta, CNN": an agency or broadcaster's letters after the name.
        if let comma = text.lastIndex(of: ","), text.firstIndex(of: ",") == comma {
            let after = text[text.index(after: comma)...].trimmingCharacters(in: [" "])
            if (2...6).contains(after.count), after.allSatisfy({ $0.isUppercase }) { text = String(text[..<comma]) }
        }
        // "jesusfreak jesusfreak": a profile link's text beside the same name.
        let halves = text.split(separator: " ")
        if halves.count == 2, halves[0] == halves[1] { text = String(halves[0]) }
        // A comment form's field ("Name *", "Name (erforderlich)") is no author.
        let lowered = text.lowercased()
        if text.contains("*") || lowered.contains("(required") || lowered.contains("(erforderlich") { return nil }
        guard text.count >= 2, text.first?.isLetter == true,
              let last = text.split(separator: " ").last, !unfinished.contains(last.lowercased()) else { return nil }
        return text
    }

    /// The text without the byline labels it opens with ("By ", "Erstellt von ").
    static func withoutLabels(_ text: String) -> String {
        var text = text
        var stripped = true
        while stripped {
            stripped = false
            for label in labels where text.lowercased().hasPrefix(label) && text.count > label.count {
                text = String(text.dropFirst(label.count))
                stripped = true
            }
        }
        return text
    }

    private static func isMonth(_ word: String) -> Bool {
        let key = word.lowercased().trimmingCharacters(in: [".", ","])
        return CalendarWords.englishMonths[key] != nil || CalendarWords.otherMonths[key] != nil
    }
}
