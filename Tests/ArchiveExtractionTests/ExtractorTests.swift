@testable import ArchiveExtraction
import ArchiveTestSupport
import Foundation
import Testing

/// Helpers shared by the extraction tests: our own small articles, never evaluation text.
func extract(_ body: String, title: String = "Ministers meet in Geneva", published: String? = nil) -> ArticleFacts {
    Extractor(today: (2026, 11, 24)).extract(RawArticle(title: title, body: body, published: published))
}

func names(_ entities: [Entity]) -> Set<String> { Set(entities.map(\.name)) }

@Suite struct ExtractorTests {
    @Test func surnameAndPossessiveJoinTheFullName() {
        let facts = extract("""
            Special envoy Anna Kowalczyk arrived in Geneva on Monday.
            Kowalczyk's team said the talks would last two days. Later Kowalczyk met reporters.
            """)
        let anna = facts.people.first { $0.name == "Anna Kowalczyk" }
        #expect(anna?.mentions == ["Anna Kowalczyk", "Kowalczyk"])
        #expect(anna?.mentionCount == 3)
        #expect(anna?.role?.lowercased() == "special envoy")
        #expect(facts.people.count == 1)
    }

    @Test func titlesAreRolesNotPartOfTheName() {
        let facts = extract("Prime Minister Jonas Berg and Secretary of State Maria Lindqvist signed the accord in Oslo.")
        #expect(names(facts.people) == ["Jonas Berg", "Maria Lindqvist"])
        #expect(facts.people.first { $0.name == "Maria Lindqvist" }?.role == "Secretary of State")
        #expect(names(facts.places) == ["Oslo"])
    }

    @Test func twoPeopleJoinedByAPossessiveStayTwo() {
        let facts = extract("The deal was drafted by Harmon's son-in-law David Okafor, officials said. David Harmon approved it.")
        #expect(names(facts.people) == ["David Okafor", "David Harmon"])
        let harmon = facts.people.first { $0.name == "David Harmon" }
        #expect(harmon?.mentions.contains("Harmon") == true)
    }

    @Test func organizationsBySuffixListAndAcronymDefinition() {
        let facts = extract("""
            The Nordic Development Fund (NDF) lent money to the city. NDF officials met NATO delegates and \
            staff of the Ministry of Finance.
            """)
        let fund = facts.organizations.first { $0.name == "Nordic Development Fund" }
        #expect(fund?.mentions == ["Nordic Development Fund", "NDF"])
        #expect(names(facts.organizations).isSuperset(of: ["NATO", "Ministry of Finance"]))
        #expect(facts.people.isEmpty)
    }

    @Test func placesFromTheGazetteerAndFromContext() {
        let facts = extract("Delegates flew from Kiev to Berlin, then drove to a villa in Lower Brookfield.")
        #expect(names(facts.places) == ["Kiev", "Berlin", "Lower Brookfield"])
        #expect(facts.places.first { $0.name == "Kiev" }?.knownAs == "Kyiv")
    }

    @Test func sentenceOpeningWordsAndDemonymsAreNotNames() {
        let facts = extract("However, Russian officials said little. Earlier this week the talks stalled in Vienna.")
        #expect(facts.people.isEmpty)
        #expect(names(facts.places) == ["Vienna"])
        #expect(facts.organizations.isEmpty)
    }

    @Test func headlineInCapitalsOnlyMatchesKnownNames() {
        let facts = Extractor(today: (2026, 11, 24)).extract(RawArticle(
            title: "SOCCER - ROVERS STUN LEADERS IN MADRID", body: "Tomas Ribeiro scored twice in Madrid on Sunday."))
        #expect(names(facts.people) == ["Tomas Ribeiro"])
        #expect(facts.places.first?.mentions.contains("MADRID") == true)
    }

    @Test func bylineIsTheAuthorAndBoilerplateIsDropped() {
        let facts = extract("""
            Talks resumed in Geneva on Monday.
            By Lena Hoffmann
            12 Articles
            Bias Distribution
            To view factuality data please Upgrade to Premium
            """)
        #expect(facts.article.author == "Lena Hoffmann")
        #expect(facts.people.isEmpty)
        #expect(facts.article.body == "Talks resumed in Geneva on Monday.")
        #expect(facts.article.droppedLines.count == 4)
    }

    @Test func eventTitleDropsTheHeadlinesFraming() {
        #expect(EventBuilder.eventTitle("What we know so far about today’s talks in Geneva") == "Today’s talks in Geneva")
        #expect(EventBuilder.eventTitle("LIVE: Storm Helga floods Lisbon harbour") == "Storm Helga floods Lisbon harbour")
        #expect(EventBuilder.eventTitle("UPDATE 2-Senate rejects fishing quota bill") == "Senate rejects fishing quota bill")
        #expect(EventBuilder.eventTitle("Live: ") == "Live: ")
    }

    @Test func resultLinesNameTeamsEvenWhenTheyStartWithAGivenName() {
        let facts = extract("""
            Results of English league soccer matches on Saturday.

            Crystal Palace 3 Oldham 1

            Newcastle 1 Sheffield Wednesday 2

            Playing Sunday:

            Leeds v Wimbledon
            """, title: "Soccer - English league results")
        let teams = names(facts.organizations)
        for team in ["Crystal Palace", "Oldham", "Newcastle", "Sheffield Wednesday"] {
            #expect(teams.contains(team), "\(team) is not a team")
        }
        #expect(!teams.contains("Playing") && !teams.contains("Sheffield"))
        #expect(names(facts.people).isEmpty)
    }

    @Test func standingsRowsNameTeamsAndScorecardLinesNamePlayers() {
        let standings = extract("""
            Standings after the weekend's soccer matches (tabulate under played, won, drawn, lost, goals for, against, points):

            Fortuna Sittard 3 2 1 0 6 3 7

            Roda Kerkrade 3 1 1 1 4 4 4
            """, title: "Soccer - Dutch league standings")
        #expect(names(standings.organizations).contains("Fortuna Sittard"))
        #expect(names(standings.people).isEmpty)
        let scorecard = extract("""
            Bowling figures from the cricket match at the Oval on Saturday:

            Graham Thorpe 10 2 35 1

            Peter Martin 8 1 27 2
            """, title: "Cricket - Scorecard")
        #expect(names(scorecard.people).contains("Graham Thorpe"))
    }

    @Test func teamNicknamesAreTeamsInSportsReportsOnly() {
        let game = extract("""
            Baseball: the Orioles beat the Red Sox 6-3 on Tuesday, and the Yankees lost to the Twins in extra innings.
            The league's standings barely moved after the game in Baltimore.
            """, title: "Baseball - Orioles beat Red Sox")
        let teams = names(game.organizations)
        for team in ["Orioles", "Red Sox", "Yankees", "Twins"] { #expect(teams.contains(team), "\(team) is not a team") }
        let business = extract("The Twins of the steel trade, two brothers from Lyon, met the Giants of banking in Geneva.")
        #expect(!names(business.organizations).contains("Twins") && !names(business.organizations).contains("Giants"))
        let anywhere = extract("Fans of the New York Yankees gathered outside the stadium on Monday.")
        #expect(names(anywhere.organizations).contains("New York Yankees"))
    }

    @Test func aGivenNameAloneInsideASentenceIsAPerson() {
        let facts = extract("The bakery in Lyon reopened on Monday, and Julie thanked her customers. Mark the date: sales rose in January-June.")
        #expect(names(facts.people).contains("Julie"))
        #expect(!names(facts.people).contains("Mark") && !names(facts.people).contains("January-June"))
    }

    @Test func timeZonesAndSingleCapitalsAreNotOrganizations() {
        let facts = extract("Trading in Lyon runs from 07.00 GMT to 15.00 GMT, the exchange said. Shares of group B fell, and the IMF stayed calm.")
        let organizations = names(facts.organizations)
        #expect(!organizations.contains("GMT") && !organizations.contains("B"))
        #expect(organizations.contains("International Monetary Fund") || organizations.contains("IMF"))
    }

    @Test func anyInputGivesAnAnswer() {
        let inputs = ["", "\u{0}\u{1}\u{2}", String(repeating: "“", count: 5000), String(repeating: "A. ", count: 3000),
                      "\"unclosed quote", "Dec. 99, 2025 and February 30", String(repeating: "Mr. Smith said ", count: 1000)]
        for input in inputs {
            let facts = extract(input, title: input)
            // What comes back belongs to the text: offsets inside the body, quotes that are its
            // words, names that occur in it.
            let body = Array(facts.article.body.unicodeScalars)
            for quote in facts.quotes {
                #expect(quote.start >= 0 && quote.start <= quote.end && quote.end <= body.count)
                if quote.end <= body.count, quote.start >= 0, quote.start <= quote.end {
                    var slice = String.UnicodeScalarView()
                    slice.append(contentsOf: body[quote.start..<quote.end])
                    #expect(String(slice) == quote.text)
                }
            }
            for entity in facts.people + facts.organizations + facts.places {
                #expect(entity.mentionCount > 0)
                if let offset = entity.firstOffset { #expect(offset >= 0 && offset < body.count) }
                for mention in entity.mentions {
                    #expect(input.contains(mention) || facts.article.title.contains(mention), "\(mention) is not in the text")
                }
            }
        }
    }
}
