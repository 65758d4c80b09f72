#if canImport(CMalloc)
import CMalloc
#endif

/// glibc's allocator, set for one build that runs and exits. By default it hands memory back to
/// the system as soon as 128 KB lie free at the top of the heap and maps every block of 128 KB or
/// more on its own: a build makes and drops such blocks by the thousand (pages, bodies, feeds), so
/// each came with its own `mmap`, `munmap` and page faults. Kept instead, they are reused; the
/// peak, what the system must have, stays the same. `serve` keeps the defaults and trims after
/// each rebuild (`LiveReload`).
public enum MemoryTuning {
    public static func forOneBuild() {
        #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_TOP_PAD, 64 << 20)
        #endif
    }
}
