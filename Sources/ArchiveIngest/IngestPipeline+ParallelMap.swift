import Foundation

/// Work spread over every core, for the reading and extraction stages.
extension IngestPipeline {
    /// `transform` applied to every element on every core, results in the input's order.
    static func parallelMap<T, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        parallelMap(items) { item, _ in transform(item) }
    }

    /// The same, telling `transform` which worker (0 up to the number of cores) runs it.
    static func parallelMap<T, U: Sendable>(_ items: [T], _ transform: @Sendable (T, Int) -> U) -> [U] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard items.count > 1, cores > 1 else { return items.map { transform($0, 0) } }
        let results = ResultSlots<U>(count: items.count)
        nonisolated(unsafe) let input = items
        DispatchQueue.concurrentPerform(iterations: cores) { worker in
            var index = worker
            while index < input.count {
                results.set(index, transform(input[index], worker))
                index += cores
            }
        }
        return results.values()
    }
}
