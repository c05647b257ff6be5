/// The names of months and weekdays, in one place for every reader of dates: the date resolver,
/// the name finder (which must not take "May" or "Friday" for a person) and the web-page and feed
/// readers.
public enum CalendarWords {
    /// English month names, lower-cased, to their numbers (1 = January).
    public static let englishMonthNames: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    /// English month names and their abbreviations ("Dec", "Sept").
    public static let englishMonths: [String: Int] = englishMonthNames.merging([
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]) { name, _ in name }

    /// German and French month names that web pages print in their bylines ("7. November 2023",
    /// "3 juillet 2021"), for reading a page's date, not for extraction from English text.
    public static let otherMonths: [String: Int] = [
        "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
        "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8, "septembre": 9,
        "octobre": 10, "novembre": 11, "décembre": 12,
    ]

    /// English weekday names, lower-cased, to 0 = Sunday … 6 = Saturday.
    public static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]

    /// Weekday abbreviations as RFC 822 dates write them ("Sat, 20 Dec 2025").
    public static let weekdayAbbreviations: Set<String> = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
}
