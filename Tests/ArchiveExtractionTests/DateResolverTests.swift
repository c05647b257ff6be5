@testable import ArchiveExtraction
import ArchiveValues
import Testing

@Suite struct DateResolverTests {
    @Test func weekdayFixesTheMissingYear() {
        let facts = extract("""
            Negotiators will meet on Saturday, December 20, in Geneva.
            The dispute began in March 2023 and has dragged on since.
            """)
        #expect(facts.event?.date?.iso == "2025-12-20")
        #expect(facts.event?.date?.source == .inferred)
    }

    /// An undated article's year-less dates get a year only from the article: never one made up
    /// from today's date, nor the year it states about something else.
    @Test func yearlessDatesTakeTheirYearFromTheArticleOnly() {
        let undated = extract("The new rules take effect on 1 January, the ministry said.")
        #expect(undated.dates.isEmpty)
        #expect(undated.event?.date == nil)
        // Without a weekday to pin it, a stated year says nothing of "1 January".
        let withYear = extract("Sales rose 4% in 2004. The new rules take effect on 1 January, the ministry said.")
        #expect(withYear.dates.map(\.date.iso) == ["2004"])
        // A year to come is a target, not the article's present: it does not stand for this year.
        let target = extract("Emissions must reach zero by 2047. Talks resume on Saturday, December 5, in Bonn.")
        #expect(target.dates.map(\.date.iso) == ["2047"])
        // Weekdays that fit no year near the one stated: no year rather than a wrong one.
        let contradictory = extract("Talks began in 2004. They resume on Saturday, January 1, and on Saturday, January 2.")
        #expect(contradictory.dates.map(\.date.iso) == ["2004"])
    }

    @Test func absoluteDatesKeepTheirPrecision() {
        let facts = extract("The law passed on Dec. 19, 2025. It was drafted in June 2024 and debated in 2023.")
        #expect(facts.dates.map(\.date.iso) == ["2025-12-19", "2024-06", "2023"])
        #expect(facts.dates.map(\.date.precision) == [.day, .month, .year])
    }

    @Test func relativeDatesResolveAgainstThePublicationDate() {
        let facts = extract("The minister resigned yesterday. On Friday she had denied it. Protests began last month.",
                            published: "2025-12-17")  // a Wednesday
        #expect(facts.dates.map(\.date.iso) == ["2025-12-16", "2025-12-12", "2025-11"])
        #expect(facts.published?.source == .metadata)
    }

    @Test func futureWeekdayLooksForward() {
        let facts = extract("The committee will vote on Monday.", published: "2025-12-17")
        #expect(facts.dates.first?.date.iso == "2025-12-22")
    }

    @Test func yearlessDateNearTheAnchor() {
        let facts = extract("The strike ended on December 30.", published: "2026-01-03")
        #expect(facts.dates.first?.date.iso == "2025-12-30")
    }

    @Test func civilDateArithmetic() {
        let date = CivilDate(year: 2025, month: 12, day: 20)!
        #expect(date.weekday == 6)
        #expect(date.adding(days: 12).year == 2026)
        #expect(CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    }
}
