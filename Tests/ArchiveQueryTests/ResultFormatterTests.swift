@testable import ArchiveQuery
import Testing

@Suite struct ResultFormatterTests {
    /// Columns line up by display width: CJK and emoji take two columns, accents none.
    @Test func tableColumnsAlignForEveryScript() {
        let table = ResultTable(columns: ["name", "place"], rows: [
            [.text("习近平"), .text("Beijing")],
            [.text("Zelenskyy 🇺🇦"), .text("Kyiv")],
            [.text("Jose\u{301} Mari\u{301}a"), .text("Madrid")],
            [.text("Kim"), .text("서울")],
        ])
        let lines = ResultFormatter(format: .table).render(table).split(separator: "\n").map(String.init)
        // The display column where the last field starts, on the header and every row.
        let lastFields = ["place", "Beijing", "Kyiv", "Madrid", "서울"]
        let rows = lines.filter { !$0.hasPrefix("-") }
        #expect(rows.count == lastFields.count)
        let starts = zip(rows, lastFields).map { line, field -> Int in
            #expect(line.hasSuffix(field))
            return DisplayWidth.of(line) - DisplayWidth.of(field)
        }
        #expect(Set(starts).count == 1, "\(lines)")
    }

    @Test func cutsByDisplayWidth() {
        #expect(DisplayWidth.fitted("北京市政府", to: 5) == "北京…")
        #expect(DisplayWidth.of("北京…") == 5)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func realNumbersAreJSONNumbers() {
        let table = ResultTable(columns: ["score"], rows: [[.real(-0.0)], [.real(-1.25)], [.real(.nan)]])
        #expect(ResultFormatter(format: .ndjson).render(table) == "{\"score\": 0}\n{\"score\": -1.25}\n{\"score\": null}\n")
    }
}
