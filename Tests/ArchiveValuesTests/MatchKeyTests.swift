import ArchiveValues
import Testing

/// Plain-ASCII names and quotes take a fast path; it must give the keys the general path gives.
@Suite struct MatchKeyTests {
    @Test func asciiAndAccentedSpellingsShareAKey() {
        #expect(MatchKey.make("  Volodymyr   ZELENSKYY ") == "volodymyr zelenskyy")
        #expect(MatchKey.make("Volodymyr Zelenskýy") == MatchKey.make("Volodymyr Zelenskyy"))
        #expect(MatchKey.make("O`Brien") == MatchKey.make("O\u{2019}Brien"))
        #expect(MatchKey.make("Ren\u{E9}e\tMartin") == "renee martin")
    }

    @Test func quotesMatchWhateverTheirPunctuationCaseAndAccents() {
        #expect(MatchKey.quote("We can't force Russia,") == MatchKey.quote("we cant  force RUSSIA"))
        #expect(MatchKey.quote("Le café est fermé.") == MatchKey.quote("le cafe est ferme"))
        #expect(MatchKey.quote("We had good talks") != MatchKey.quote("We had bad talks"))
        #expect(MatchKey.quote("We had good talks").count == 16)
        #expect(MatchKey.quote("…!") == "")
    }

    @Test func transliterationsFoldAlikeOnBothPaths() {
        // The accented spellings take the general path, the plain ones the ASCII path.
        for group in [["Dmitriev", "Dmitryev", "Dmítriev"], ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskýy"],
                      ["Witkoff", "Vitkoff", "Wítkoff"], ["Umerov", "Umyerov", "Úmerov"]] {
            #expect(Set(group.map { MatchKey.surname($0) }).count == 1, "\(group)")
        }
        #expect(MatchKey.surname("Kirill Dmitriev") == "dmitrev")
        #expect(MatchKey.surname("Peskov") != MatchKey.surname("Dmitriev"))
    }
}
