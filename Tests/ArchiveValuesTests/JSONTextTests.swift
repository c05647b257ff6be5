import ArchiveValues
import Foundation
import Testing

/// The JSON strings the store writes its rows in read back as the text that went in.
@Suite struct JSONTextTests {
    static let texts = [
        "", "plain", "a \"quoted\" word", "back\\slash", "line\nbreak\r\n\ttab", "\u{0}\u{1}\u{1f}\u{7f}",
        "Zelenskyy’s “peace” plan — São Paulo, Kraków, 東京, 🇺🇦👍🏽", "e\u{301} combining", "\u{2028}\u{2029}",
        String(repeating: "long run without escapes ", count: 400) + "\"",
    ]

    @Test(arguments: texts)
    func readsBackAsTheSameText(text: String) throws {
        let json = JSONText.string(text)
        let read = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String
        #expect(read == text)
    }

    @Test func controlCharactersAreEscapedAsJSONWritesThem() {
        #expect(JSONText.string("a\"b\\c\nd\re\tf\u{1}g") == #""a\"b\\c\nd\re\tf\u0001g""#)
        #expect(JSONText.array(["x", "y\u{1f}"]) == #"["x","y\u001f"]"#)
    }
}
