import Foundation

/// Lets go of large values on a thread of their own. A build's site model is hundreds of thousands
/// of strings and arrays: freeing them took a tenth of a second on one core at the end of every
/// build, while nothing else ran (and `sitegen build` exits right after, when the system takes the
/// memory back at once).
public enum Teardown {
    /// Drops `value` on another thread: the caller's references are gone when this returns, so the
    /// last one, which frees, is the thread's.
    public static func inBackground<Value: Sendable>(_ value: consuming Value) {
        let value = value
        Thread.detachNewThread { withExtendedLifetime(value) {} }
    }
}
