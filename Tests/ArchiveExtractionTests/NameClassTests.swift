import Testing
@testable import ArchiveExtraction

/// Which kind of thing a name is, where capitals alone do not say: companies joined by "&",
/// listed names that run past a possessive, regions, groups of people, competitors and clubs.
@Suite struct NameClassTests {
    @Test func companyNamesRunAcrossAmpersandsAndPossessives() {
        let facts = extract("""
            Harlow & Penmarsh Co said on Monday it would buy a rival. Brokers at Tillman Greaves & Co and \
            Ostrander & Sons Inc called the price fair, and Moody's Investors Service kept its rating.
            """)
        let organizations = names(facts.organizations)
        for name in ["Harlow & Penmarsh Co", "Tillman Greaves & Co", "Ostrander & Sons Inc", "Moody's Investors Service"] {
            #expect(organizations.contains(name), "\(name) is not an organization: \(organizations)")
        }
        #expect(facts.people.isEmpty, "\(names(facts.people))")
    }

    @Test func regionsAndCountiesArePlacesAndGroupsOfPeopleAreNoOne() {
        let facts = extract("""
            Floods cut roads across Bavaria and Queensland, and farmers in Somerset counted losses. \
            Bosnian Serbs and Iraqi Kurds held rallies, Mirela Vance said.
            """)
        #expect(names(facts.places).isSuperset(of: ["Bavaria", "Queensland", "Somerset"]))
        #expect(names(facts.people) == ["Mirela Vance"])
    }

    @Test func competitorsWithCountriesAndClubsNamedAfterCities() {
        let facts = extract("""
            Second round results of the squash tournament on Friday (prefix number denotes seeding):

            1 - Tomasz Wierzbicki (Poland) beat Kelvin Ashdown (England) 15-10 15-6 15-7

            Results of the cup match on Saturday:

            Real Madrid 2 Willem II Tilburg 1

            Players reached the Hong Kong Open semi-finals.
            """, title: "Squash and soccer results")
        #expect(names(facts.people).isSuperset(of: ["Tomasz Wierzbicki", "Kelvin Ashdown"]))
        #expect(names(facts.organizations).isSuperset(of: ["Real Madrid", "Willem II Tilburg"]))
        #expect(!names(facts.people).contains("Hong Kong Open"))
        #expect(!names(facts.people).contains("Willem II Tilburg"))
    }

    @Test func ranksWithHyphensAreRolesAndAgesMarkPeople() {
        let facts = extract("""
            Major-General Anatoly Vostrikov met the envoy on Tuesday, and 20-year-old Birch Hollander \
            watched from the stands.
            """)
        let general = facts.people.first { $0.name == "Anatoly Vostrikov" }
        #expect(general?.role == "Major-General")
        #expect(names(facts.people).contains("Birch Hollander"))
    }

    @Test func competitionsVenuesAndParticleNames() {
        let facts = extract("""
            Darius Okafor won the Keswick Open at Trent Bridge on Sunday, a week after the World Series \
            ended, and Nadeem-ul-Karim took three wickets.
            """)
        #expect(names(facts.people) == ["Darius Okafor", "Nadeem-ul-Karim"])
        #expect(names(facts.places).contains("Trent Bridge"))
        #expect(!names(facts.organizations).contains("World Series"))
    }

    @Test func aClubWhoseFirstWordOpensTheLineIsOneTeam() {
        let facts = extract("""
            Results of German league soccer matches on Friday:

            St Pauli 4 Schalke 4

            Hansa Rostock 0 Hamburg 1
            """, title: "Soccer - German league results")
        #expect(names(facts.organizations).isSuperset(of: ["St Pauli", "Hansa Rostock", "Schalke", "Hamburg"]))
        #expect(!names(facts.organizations).contains("Rostock"))
        #expect(facts.people.isEmpty, "\(names(facts.people))")
    }

    @Test func aCourtesyTitleJoinsTheFullName() {
        let facts = extract("""
            First Minister Hamish Dunbarton set out the plan on Monday. Mr Dunbarton said the ban would \
            start in March. Critics said Dunbarton had moved too fast, and Dr. Ilse Varga agreed.
            """)
        #expect(names(facts.people) == ["Hamish Dunbarton", "Ilse Varga"])
        #expect(facts.people.first { $0.name == "Hamish Dunbarton" }?.mentions == ["Hamish Dunbarton", "Dunbarton"])
    }

    @Test func brandsAndAbbreviationsAfterInAreNoPlaces() {
        let facts = extract("""
            Investors lost faith in QuarryNet after growth in GDP slowed, a lecturer at Fenwick Law School said.
            """)
        #expect(facts.places.isEmpty, "\(names(facts.places))")
        #expect(names(facts.organizations).isSuperset(of: ["QuarryNet", "Fenwick Law School"]))
        #expect(!names(facts.organizations).contains("GDP"))
        #expect(facts.people.isEmpty, "\(names(facts.people))")
    }

    @Test func aGivenNameAloneJoinsTheOnePersonWhoHasIt() {
        let facts = extract("""
            The painter Joshua Treadwell left his studio to the city. Sir Joshua, as he was known, \
            had also met Anna Pell and Anna Kostic. The Royal Academy said Anna would speak.
            """)
        let painter = facts.people.first { $0.name == "Joshua Treadwell" }
        #expect(painter?.mentions == ["Joshua Treadwell", "Joshua"])
        // Two people named Anna: the lone given name joins neither.
        #expect(!(facts.people.first { $0.name == "Anna Pell" }?.mentions.contains("Anna") ?? true))
        #expect(!names(facts.places).contains("The UK") && !names(facts.organizations).contains("The Royal Academy"))
    }
}
