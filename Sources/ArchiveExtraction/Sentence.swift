/// A sentence as a range of token indices.
struct Sentence: Sendable, Equatable {
    let tokens: Range<Int>
    /// Index of the paragraph the sentence belongs to, counting from 0.
    let paragraph: Int
}
