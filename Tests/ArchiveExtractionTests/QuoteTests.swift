@testable import ArchiveExtraction
import Testing

@Suite struct QuoteTests {
    @Test func speakerAfterBeforeAndByPronoun() {
        let facts = extract("""
            Finance minister Petra Novak spoke first.
            “We will not raise taxes this year,” Novak told reporters.
            Her deputy Karl Fischer said: “The budget is balanced and the reserves are full.”
            Fischer later spoke again. “Nobody should expect surprises in the spring,” he said.
            """)
        let speakers = facts.quotes.map(\.speaker)
        #expect(speakers == ["Petra Novak", "Karl Fischer", "Karl Fischer"])
        #expect(facts.quotes[0].cue == "told")
        #expect(facts.quotes[2].speakerAsWritten == "he")
    }

    @Test func aPronounContinuesTheSubjectBeforeItNotTheLastNameMentioned() {
        let facts = extract("""
            “We have had problems with intrusions before,” President Tomas Varga said after meeting Prime Minister Ilse Brandt. \
            He did not suggest retaliation. “Our goal is to agree on rules that everybody keeps,” he said.
            """)
        #expect(facts.quotes.map(\.speaker) == ["Tomas Varga", "Tomas Varga"])
    }

    @Test func aNameSetOffByCommasBeforeTheVerbIsTheSpeakerItsDescriptionIntroduces() {
        let facts = extract("“That is inevitable,” Rep. Duncan Hale’s chief of staff, Joe Kasper, told reporters on Tuesday.")
        #expect(facts.quotes.first?.speaker == "Joe Kasper")
    }

    @Test func aNamesCampaignOrAidesSpeakForItAndAnInstitutionsPersonForThemselves() {
        let facts = extract("""
            Senator Kelly Marsh faces a close race this year.
            Kelly Marsh’s campaign dismissed the ruling as “a betrayal of every voter in the state.”
            Northfield University’s Dianne Holt saw it as “a reasonable reading of the law.”
            """)
        #expect(facts.quotes.map(\.speaker) == ["Kelly Marsh’s campaign", "Dianne Holt"])
    }

    @Test func anOpeningPhraseIsPassedOverToFindTheSubject() {
        let facts = extract("""
            Speaking to a crowd of supporters at a rally in Columbia on Saturday, \
            Ted Arno thanked voters, adding that his rival “relentlessly attacks us and ignores the other candidates.”
            """)
        #expect(facts.quotes.first?.speaker == "Ted Arno")
    }

    @Test func aParticipleAfterTheQuoteLeavesItToTheSubjectBefore() {
        let facts = extract("""
            Mayor Olga Petrenko has hailed the vote to reopen the port as “a fantastic day for every family here,” \
            telling reporters during a visit to Scotland that trade would double.
            """)
        #expect(facts.quotes.first?.speaker == "Olga Petrenko")
    }

    @Test func aSentenceThatOpensWithADescriptionHasItForItsSpeaker() {
        let facts = extract("""
            Senator Ana Ruiz ended her campaign on Tuesday.
            The Florida senator sought to calm her supporters, saying that nobody would “get hurt at any of my rallies, ever.”
            The two lawmakers, however, argue that “there is precedent for prosecution in cases like this one.”
            """)
        #expect(facts.quotes.map(\.speaker) == ["The Florida senator", "The two lawmakers"])
    }

    @Test(arguments: ["interjected", "proclaimed", "barked", "mused", "fumed"])
    func lessCommonVerbsOfSayingNameTheSpeaker(verb: String) {
        let facts = extract("Senator Carla Brandt spoke last. “That is just not true, and everybody here knows it,” Brandt \(verb).")
        #expect(facts.quotes.first?.speaker == "Carla Brandt")
    }

    @Test func aParticipleAfterAVerbOfSayingHasThatVerbsSpeaker() {
        let facts = extract("""
            Investigator Mark Ruden cannot say that from his perspective, Corey Lanning added, saying it should be “up to the prosecutor to move forward or not.”
            """)
        #expect(facts.quotes.first?.speaker == "Corey Lanning")
    }

    @Test func aClauseBeforeTheSubjectIsPassedOver() {
        let facts = extract("""
            When Mayor Ivo Kranj died in 1998, President Lena Hoff released the following statement: \
            “We offer our condolences to his family and to his many friends.”
            """)
        #expect(facts.quotes.first?.speaker == "Lena Hoff")
    }

    @Test func anAgencyInTheDatelineIsNoSubject() {
        let facts = extract("""
            WASHINGTON, June 10 (Reuters) — Senator Lena Hoff told a large gathering of supporters in the capital on Friday night \
            that she will protect their rights while her opponent, Carl Brandt, wants to “take the country backward.”
            """)
        #expect(facts.quotes.first?.speaker == "Lena Hoff")
    }

    @Test func aDescribedSpeakerKeepsTheTitleItsOfIntroduces() {
        let facts = extract("""
            Nobody named the rivals. The former secretary of State began her speech by slamming candidates who think they can “outsource” leadership.
            """)
        #expect(facts.quotes.first?.speaker == "The former secretary of State")
    }

    @Test func aPlaceOrOrganizationBeforeATitleQualifiesThePersonAfterIt() {
        let facts = extract("""
            Senator Lena Hoff leads the race.
            “That is what he did in 2008 and again in 2012,” said former Ohio Gov. Mark Dolan.
            “You may lose a handful of them, but you win the rest,” said one Hoff confidant.
            """)
        #expect(facts.quotes.map(\.speaker) == ["Mark Dolan", "one Hoff confidant"])
    }

    @Test func anOrganizationsTitledPersonIsTheSubjectButNotAPersonPastTheVerb() {
        let facts = extract("""
            NATO Secretary General Jens Holm saw the test as “a step that nobody in the region can accept.”
            The State Department has long held that the emails of Senator Lena Hoff were “confidential at the time they were sent, and remain so.”
            """)
        #expect(facts.quotes.map(\.speaker) == ["Jens Holm", "State Department"])
    }

    @Test func aSentenceOfSayingBeforeAQuoteInTheSameParagraphIntroducesIt() {
        let facts = extract("""
            Attorney General Rosa Lind announced the lawsuit on Monday. “We are seeking a court order that ends this law for good.”
            """)
        #expect(facts.quotes.first?.speaker == "Rosa Lind")
    }

    @Test func aDescribedSpeakerDoesNotEndOnAPreposition() {
        let facts = extract("“If we want new voters, we have to show our sincerity,” wrote the authors of “A Report for the Party.”")
        #expect(facts.quotes.first?.speaker == "the authors")
    }

    @Test func saidBeforeTheName() {
        let facts = extract("“The bridge will reopen next month,” said Mayor Olga Petrenko.")
        #expect(facts.quotes.first?.speaker == "Olga Petrenko")
    }

    @Test func abbreviationPeriodsDoNotEndTheSentenceBeforeTheVerb() {
        let facts = extract("""
            Senator Wilma Achterberg spoke on Monday.

            “We have the votes,” Ms. Achterberg said.

            “It is a shame,” Rep. Joaquin Pell (D-Wis.), the caucus whip, said.

            “They have nothing to worry about,” Sen. Carla Brandt (D-N.Y.) said Tuesday.
            """)
        #expect(facts.quotes.map(\.speaker) == ["Wilma Achterberg", "Joaquin Pell", "Carla Brandt"])
    }

    @Test func aClauseAfterTheVerbIsNoSpeaker() {
        let facts = extract("The storm closed the port on Sunday.\n\n“We need more hours to clear the harbour,” adding that it would take weeks.")
        #expect(facts.quotes.count == 1)
        #expect(facts.quotes.first?.speaker == nil)
        #expect(facts.quotes.first?.speakerAsWritten == nil)
    }

    @Test func aQuoteParagraphWithNoVerbContinuesTheSpeaker() {
        let facts = extract("""
            “We are ready to talk at any time and in any place,” said Samuel Adeyemi.
            “Our door has always been open to a fair agreement.”
            """)
        #expect(facts.quotes.map(\.speaker) == ["Samuel Adeyemi", "Samuel Adeyemi"])
        #expect(facts.quotes[1].cue == nil)
    }

    @Test func scareQuotesAreNotQuotes() {
        let facts = extract("The so-called “peace dividend” never came, and the “reforms” stalled in the “new” parliament.")
        #expect(facts.quotes.isEmpty)
    }

    @Test func aShortQuoteBesideItsSpeechVerbIsAQuote() {
        let facts = extract("Senator Ruth Ellison called the plan “a disgrace” on Tuesday.")
        #expect(facts.quotes.map(\.text) == ["a disgrace"])
        #expect(facts.quotes.first?.speaker == "Ruth Ellison")
    }

    @Test func aPartialQuoteBelongsToItsSentencesSubject() {
        let facts = extract("""
            Budget row deepens

            Governor Aldo Brenner spoke in Springfield on Friday.

            Mayor Ines Kowalczyk accused the governor of “playing games with the budget of every school,” and Brenner answered that the city had “wasted every cent we ever sent.”
            """)
        #expect(facts.quotes.map(\.speaker) == ["Ines Kowalczyk", "Aldo Brenner"])
    }

    @Test func aQuoteEndingItsSentenceIsNotTheNextSentencesQuote() {
        let facts = extract("""
            Port deal

            Mayor Ines Kowalczyk called the deal “a gift to the port operators and nobody else.” Councillor Tomas Reyes said the vote would be held on Monday.

            “The numbers do not add up for the taxpayers.” Reuters reported.
            """)
        #expect(facts.quotes.map(\.speaker) == ["Ines Kowalczyk", "Reuters"])
    }

    @Test func theOneSpokenToIsNotTheSpeaker() {
        let facts = extract("""
            Senator Ruth Ellison met Defence Minister Pavel Orlov in the capital.

            Ellison told Orlov that “the alliance will not wait for another winter of delays.”
            """)
        #expect(facts.quotes.first?.speaker == "Ruth Ellison")
    }

    @Test func aNameThatQualifiesTheSpeakerIsNotTheSpeaker() {
        let facts = extract("""
            Senator Ruth Ellison campaigned in the north.

            “We expect a close count in every district,” said Ellison spokesman Daniel Okafor.
            According to the Ellison campaign, “the turnout was the highest in twenty years.”
            “Nobody in the alliance expected a result this close,” said one former NATO staff member.
            """)
        #expect(facts.quotes.map(\.speaker) == ["Daniel Okafor", "the Ellison campaign", "one former NATO staff member"])
    }

    @Test func aColonEndingTheParagraphBeforeIntroducesTheQuote() {
        let facts = extract("""
            Senator Ruth Ellison issued a statement on Sunday. Ellison wrote:

            “The people of this state deserve a straight answer on the bridge.”
            """)
        #expect(facts.quotes.first?.speaker == "Ruth Ellison")
    }

    @Test func aStatementIntroducedAfterAnOpeningPhraseAQuotedAsAndASignatureBelow() {
        let facts = extract("""
            Harbour strike

            In response to the strike at the harbour on Monday, Mayor Ines Kowalczyk issued the following statement:

            “The city will not let the port close for a single day longer than it must.”

            “We have never been closer to an agreement with the crews,” union leader Tomas Reyes is quoted as saying.

            “Nobody wins when the ships stay out at sea for another week.”

            - Ines Kowalczyk.
            """)
        #expect(facts.quotes.map(\.speaker) == ["Ines Kowalczyk", "Tomas Reyes", "Ines Kowalczyk"])
    }

    @Test func aTitleInQuotesIsNoQuote() {
        let facts = extract("Director Lena Marsh praised the film “Northern Lights” at the festival.")
        #expect(facts.quotes.isEmpty)
    }

    @Test func noSpeakerIsNullNotAGuess() {
        let facts = extract("Graffiti on the wall read “we will never forget this day”.")
        #expect(facts.quotes.count == 1)
        #expect(facts.quotes.first?.speaker == nil)
    }

    @Test func offsetsPointAtTheQuoteText() {
        let facts = extract("Ilse Brandt said: \"The plan works for everyone involved.\" Then she left.")
        let quote = facts.quotes[0]
        let scalars = Array(facts.article.body.unicodeScalars)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[quote.start..<quote.end])
        #expect(String(text) == quote.text)
        #expect(quote.text == "The plan works for everyone involved.")
    }

    @Test func aQuoteGoesOnIntoAParagraphThatReopensIt() {
        let facts = extract("""
            “The first part of the statement runs to the end of this paragraph.
            “And the second part closes it here,” said Ruth Ellison.
            """)
        #expect(facts.quotes.count == 1)
        #expect(facts.quotes.first?.speaker == "Ruth Ellison")
    }

    /// A described speaker ends before a relative clause about them.
    @Test func aDescribedSpeakerEndsBeforeItsRelativeClause() {
        let facts = extract("“The count is not over yet,” said a county official who asked not to be named because of the dispute.")
        #expect(facts.quotes.first?.speaker == "a county official")
    }

    /// An abbreviated title before a name makes it a person's even when the given name is not a
    /// known one, and what qualifies the title ("Navy" in "Navy Capt.") is no one.
    @Test(arguments: [("said Sen. Zarek Holloway.", "Zarek Holloway", "Sen."),
                      ("said retired Army Lt. Gen. Zarek Holloway.", "Zarek Holloway", "Gen."),
                      ("said Del. Orla Fenwick of the district.", "Orla Fenwick", "Del."),
                      ("said Pentagon spokesman Navy Capt. Brann Tolliver.", "Brann Tolliver", "Capt.")])
    func anAbbreviatedTitleNamesThePersonAfterIt(signature: String, person: String, title: String) {
        let facts = extract("“The plan has not changed at all,” \(signature)")
        #expect(facts.quotes.first?.speaker == person)
        #expect(facts.people.map(\.name) == [person])
        #expect(facts.people.first?.role == title)
    }
}
