@testable import ArchiveIngest
import Testing

@Suite struct PublicationDateTests {
    @Test(arguments: [
        ("2025-12-20", "2025-12-20"),
        ("2025-12-20T14:03:00Z", "2025-12-20T14:03:00Z"),
        ("2025-12-20T14:03:00.123+01:00", "2025-12-20T14:03:00.123+01:00"),
        ("2025-12-20 14:03", "2025-12-20 14:03"),
        ("  2025-12-20T14:03:00+0100 ", "2025-12-20T14:03:00+0100"),
        ("20251220", "2025-12-20"),
        ("20251220T140300Z", "2025-12-20T14:03:00Z"),
        ("1766239380", "2025-12-20T14:03:00Z"),
        ("1766239380000", "2025-12-20T14:03:00Z"),
        ("Sat, 20 Dec 2025 14:03:00 GMT", "2025-12-20T14:03:00Z"),
        ("Sat, 20 Dec 2025 14:03:00 +0100", "2025-12-20T13:03:00Z"),
        ("Sat, 20 Dec 2025 23:30:00 -0500", "2025-12-21T04:30:00Z"),
        ("Mon, 1 Dec 2025 00:30 +0100", "2025-11-30T23:30:00Z"),
        ("20 Dec 2025 14:03:00 EST", "2025-12-20T19:03:00Z"),
        ("December 20, 2025", "2025-12-20"),
        ("Dec. 20, 2025", "2025-12-20"),
        ("20 December 2025", "2025-12-20"),
    ])
    func datesAsSourcesWriteThem(text: String, iso: String) {
        #expect(PublicationDate.iso(text) == iso)
    }

    /// Words beside dates on real pages (a German page's "möglichen" once aborted the whole run
    /// inside Foundation's date formatter), impossible days and plain numbers are no dates.
    @Test(arguments: [
        "möglichen", "12. Dezember 2025 möglichen", "Dez 20, 2025", "February 30, 2025", "2025-02-30", "2025-13-01",
        "2025-12-20Tjunk", "Sat, 20 Dec 2025 25:00:00 GMT", "Sat, 20 Dec 2025 14:03:00 Mars", "12345", "", "   ",
        "20 Dec 2025 14:03:00 GMT and more", String(repeating: "9", count: 400), "😀 20 Dec 2025", "99999999999999999999999",
    ])
    func textThatIsNoDate(text: String) {
        let iso = PublicationDate.iso(text)
        #expect(iso == nil || text.hasPrefix("2025-12-20"))
    }

    @Test func aValidDayFollowedByJunkIsTheDay() {
        #expect(PublicationDate.iso("2025-12-20Tjunk") == "2025-12-20")
        #expect(PublicationDate.iso("2025-12-20, möglichen") == "2025-12-20")
    }
}
