import ArchiveValues

/// Finds date expressions and resolves them to calendar dates.
///
/// Absolute dates ("Dec. 19, 2025", "20 December 2025", "June 2024", "1996-08-30") are taken as
/// written. Dates without a year take it from the publication date or, when that is unknown, from
/// the article itself: the latest year it states, or the first year from it on in which the
/// weekdays written with its dates fall right ("Saturday, December 20" beside "June 2024" → 2025);
/// an article that states no year gives them none. Relative dates
/// ("on Friday", "yesterday", "last month") are resolved against the publication date. A date is
/// never more precise than its text: "June 2024" stays a month.
struct DateResolver: Sendable {
    struct Found: Sendable, Equatable {
        var text: String
        var start: Int
        var end: Int
        var date: ResolvedDate
        /// Index of the paragraph it is in.
        var paragraph: Int
    }

    private static let monthNames = CalendarWords.englishMonths
    private static let weekdayNames = CalendarWords.weekdays

    private static let relativeStarts: Set<String> = [
        "yesterday", "today", "tonight", "tomorrow", "last", "in", "since", "until", "by", "of", "from", "during",
    ]

    /// What one expression says before any year is chosen.
    private struct Expression {
        var tokens: Range<Int>
        var year: Int?
        var month: Int?
        var day: Int?
        var weekday: Int?
        /// Days from the anchor, for "yesterday", "today", "tomorrow".
        var dayOffset: Int?
        /// "last month", "last year": months or years back from the anchor.
        var monthsBack: Int?
        var yearsBack: Int?
        var future: Bool = false
    }

    /// Resolves every date in the text. `published` is the metadata date, if any; `today` bounds
    /// the years considered when nothing else fixes them.
    func resolve(_ text: AnalyzedText, published: CivilDate?, today: CivilDate) -> (published: ResolvedDate?, dates: [Found]) {
        let expressions = findExpressions(text)
        var anchor = published
        var anchorSource: ResolvedDate.Source = .metadata
        if anchor == nil, let dateline = datelineDate(expressions, text) {
            anchor = dateline
            anchorSource = .text
        }
        let statedYears = expressions.compactMap(\.year)
        let inferredYear = anchor == nil ? inferYear(expressions, statedYears: statedYears, today: today) : nil

        var found: [Found] = []
        for expression in expressions {
            guard let date = resolve(expression, anchor: anchor, inferredYear: inferredYear, today: today) else { continue }
            let first = text.tokens[expression.tokens.lowerBound]
            let last = text.tokens[expression.tokens.upperBound - 1]
            found.append(Found(text: text.buffer.text(first.start..<last.end), start: first.start, end: last.end, date: date,
                               paragraph: text.sentences[text.sentenceOfToken[expression.tokens.lowerBound]].paragraph))
        }
        let publishedDate = anchor.map { ResolvedDate(year: $0.year, month: $0.month, day: $0.day, source: anchorSource) }
        return (publishedDate, found)
    }

    private func resolve(_ expression: Expression, anchor: CivilDate?, inferredYear: Int?, today: CivilDate) -> ResolvedDate? {
        if let month = expression.month {
            if let year = expression.year {
                if let day = expression.day {
                    guard CivilDate(year: year, month: month, day: day) != nil else { return nil }
                    return ResolvedDate(year: year, month: month, day: day, source: .text)
                }
                return ResolvedDate(year: year, month: month, source: .text)
            }
            let year: Int
            if let anchor {
                // The year that puts the date nearest the anchor: a December date in a January article is last year's.
                let candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
                year = candidates.min(by: {
                    abs(monthIndex($0, month) - monthIndex(anchor.year, anchor.month)) < abs(monthIndex($1, month) - monthIndex(anchor.year, anchor.month))
                }) ?? anchor.year
            } else if let inferredYear {
                year = inferredYear
            } else {
                return nil
            }
            if let day = expression.day {
                guard CivilDate(year: year, month: month, day: day) != nil else { return nil }
                return ResolvedDate(year: year, month: month, day: day, source: .inferred)
            }
            return ResolvedDate(year: year, month: month, source: .inferred)
        }
        if let year = expression.year { return ResolvedDate(year: year, source: .text) }
        guard let anchor else { return nil }
        if let offset = expression.dayOffset {
            let date = anchor.adding(days: offset)
            return ResolvedDate(year: date.year, month: date.month, day: date.day, source: .inferred)
        }
        if let weekday = expression.weekday {
            var delta = (anchor.weekday - weekday + 7) % 7
            if expression.future {
                delta = -((weekday - anchor.weekday + 7) % 7)
            }
            let date = anchor.adding(days: -delta)
            return ResolvedDate(year: date.year, month: date.month, day: date.day, source: .inferred)
        }
        if let months = expression.monthsBack {
            let index = monthIndex(anchor.year, anchor.month) - months
            return ResolvedDate(year: index / 12, month: index % 12 + 1, source: .inferred)
        }
        if let years = expression.yearsBack { return ResolvedDate(year: anchor.year - years, source: .inferred) }
        return nil
    }

    private func monthIndex(_ year: Int, _ month: Int) -> Int { year * 12 + month - 1 }

    /// A full date in the first paragraph, before any other words of substance: "LONDON 1996-08-30".
    /// The date a text's opening gives itself ("Posted on November 15, 2011"), as `resolve` takes it.
    func dateline(_ text: AnalyzedText) -> CivilDate? {
        datelineDate(findExpressions(text), text)
    }

    private func datelineDate(_ expressions: [Expression], _ text: AnalyzedText) -> CivilDate? {
        for expression in expressions where expression.tokens.lowerBound < 12 {
            guard text.sentences[text.sentenceOfToken[expression.tokens.lowerBound]].paragraph == 0,
                  let year = expression.year, let month = expression.month, let day = expression.day else { continue }
            return CivilDate(year: year, month: month, day: day)
        }
        return nil
    }

    /// The year for dates written without one, when no publication date is known, taken only
    /// from evidence in the article: when it writes weekdays with its dates ("Saturday, December
    /// 20"), the first year from the latest it states (that is not yet to come) in which they all
    /// fall right, within the six years in which every weekday comes round. Without a weekday the
    /// years an article states are no evidence for its undated "March 15": news writes those about
    /// its own present and states years about the past or the future ("by 2047"). Measured
    /// against the years the articles came out, the latest stated year was wrong for 165 of 244
    /// such dates in `bbc/all` (2004–05) and 118 of 171 in `polnear/train` (2015–16), and a year
    /// to come stood in for today's. So those dates get no year; nor do any, when the article
    /// states no year or its weekdays fit none: a year from the clock would be a fact invented.
    private func inferYear(_ expressions: [Expression], statedYears: [Int], today: CivilDate) -> Int? {
        let yearless = expressions.filter { $0.year == nil && $0.month != nil && $0.day != nil }
        guard !yearless.isEmpty, let latest = statedYears.filter({ $0 <= today.year }).max() else { return nil }
        let withWeekdays = yearless.filter { $0.weekday != nil }
        guard !withWeekdays.isEmpty else { return nil }
        return (latest...max(latest, min(today.year, latest + 6))).first { year in
            withWeekdays.allSatisfy { expression in
                guard let month = expression.month, let day = expression.day,
                      let date = CivilDate(year: year, month: month, day: day) else { return false }
                return date.weekday == expression.weekday
            }
        }
    }

    // MARK: - Finding expressions

    private func findExpressions(_ text: AnalyzedText) -> [Expression] {
        let tokens = text.tokens
        var result: [Expression] = []
        var index = 0
        func word(_ i: Int) -> String { i < tokens.count ? tokens[i].lowercased : "" }
        func number(_ i: Int, in range: ClosedRange<Int>) -> Int? {
            guard i < tokens.count, let first = tokens[i].text.utf8.first, first >= 0x30, first <= 0x39 else { return nil }
            var text = tokens[i].text
            for suffix in ["st", "nd", "rd", "th"] where text.hasSuffix(suffix) && text.count > 2 { text.removeLast(2) }
            guard let value = Int(text), range.contains(value) else { return nil }
            return value
        }
        /// Skips a period glued to an abbreviated month ("Dec.").
        func afterDot(_ i: Int) -> Int { i < tokens.count && tokens[i].text == "." && tokens[i].start == tokens[i - 1].end ? i + 1 : i }

        while index < tokens.count {
            let token = tokens[index]
            // Every date expression starts with a digit, a capital or one of a few lower-case words.
            guard token.kind != .punctuation,
                  token.isCapitalized || token.kind == .number || Self.relativeStarts.contains(token.lowercased)
                    || token.text.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true else {
                index += 1
                continue
            }
            let lower = word(index)
            var expression: Expression?
            if tokens[index].text.utf8.count == 10, tokens[index].text.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true,
               let date = CivilDate.parseISO(tokens[index].text) {
                expression = Expression(tokens: index..<(index + 1), year: date.year, month: date.month, day: date.day)
            } else if let month = Self.monthNames[lower], tokens[index].isCapitalized, lower != "may" || number(index + 1, in: 1...31) != nil {
                var end = afterDot(index + 1)
                var day: Int?
                var year: Int?
                if let value = number(end, in: 1...31) {
                    day = value
                    end += 1
                    var next = end
                    if word(next) == "," { next += 1 }
                    if let value = number(next, in: 1000...2999) { year = value; end = next + 1 }
                } else if let value = number(end, in: 1000...2999) {
                    year = value
                    end += 1
                } else if lower.count > 3 || tokens[index].text.hasSuffix(".") {
                    // A month alone says little and is too often a name ("April", "June"): skipped.
                }
                if day != nil || year != nil {
                    expression = Expression(tokens: index..<end, year: year, month: month, day: day)
                }
            } else if let day = number(index, in: 1...31), let month = Self.monthNames[word(index + 1)], tokens[index + 1].isCapitalized {
                var end = afterDot(index + 2)
                var year: Int?
                if let value = number(end, in: 1000...2999) { year = value; end += 1 }
                expression = Expression(tokens: index..<end, year: year, month: month, day: day)
            } else if let weekday = Self.weekdayNames[lower], tokens[index].isCapitalized {
                // "Saturday, December 20" is one date; "on Friday" is relative.
                var next = index + 1
                if word(next) == "," { next += 1 }
                if let month = Self.monthNames[word(next)], tokens.indices.contains(next), tokens[next].isCapitalized {
                    var end = afterDot(next + 1)
                    if let day = number(end, in: 1...31) {
                        end += 1
                        var year: Int?
                        var after = end
                        if word(after) == "," { after += 1 }
                        if let value = number(after, in: 1000...2999) { year = value; end = after + 1 }
                        expression = Expression(tokens: index..<end, year: year, month: month, day: day, weekday: weekday)
                    }
                }
                if expression == nil {
                    let future = isFuture(around: index, tokens)
                    expression = Expression(tokens: index..<(index + 1), weekday: weekday, future: future)
                }
            } else if lower == "yesterday" {
                expression = Expression(tokens: index..<(index + 1), dayOffset: -1)
            } else if lower == "today" || lower == "tonight" {
                expression = Expression(tokens: index..<(index + 1), dayOffset: 0)
            } else if lower == "tomorrow" {
                expression = Expression(tokens: index..<(index + 1), dayOffset: 1)
            } else if lower == "last", word(index + 1) == "month" {
                expression = Expression(tokens: index..<(index + 2), monthsBack: 1)
            } else if lower == "last", word(index + 1) == "year" {
                expression = Expression(tokens: index..<(index + 2), yearsBack: 1)
            } else if ["in", "since", "until", "by", "of", "from", "during"].contains(lower), let year = number(index + 1, in: 1900...2100),
                      tokens[index + 1].kind == .number {
                expression = Expression(tokens: (index + 1)..<(index + 2), year: year)
            }
            if let expression {
                result.append(expression)
                index = expression.tokens.upperBound
            } else {
                index += 1
            }
        }
        return result
    }

    /// "will meet on Friday", "scheduled for Monday", "next Tuesday": the coming weekday, not the last.
    private func isFuture(around index: Int, _ tokens: [Token]) -> Bool {
        let start = max(0, index - 8)
        for cursor in start..<index {
            let word = tokens[cursor].lowercased
            if ["will", "next", "scheduled", "expected", "plans", "planned", "upcoming", "'ll", "set"].contains(word) { return true }
            if tokens[cursor].text == "." { return false }
        }
        return false
    }
}
