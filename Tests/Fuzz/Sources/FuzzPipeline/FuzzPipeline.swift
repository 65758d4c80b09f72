import SitegenFuzzing

/// libFuzzer's entry point: every input goes through decoding, front matter, Markdown and assembly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
