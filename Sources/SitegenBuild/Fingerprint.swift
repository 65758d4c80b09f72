import SitegenTemplates

/// A digest of the values a template gets. Within one process, equal fingerprints of the same
/// template mean equal pages, so `serve` renders only pages whose fingerprint moved.
enum Fingerprint {
    static func of(template digest: Int, values: [String: Any]) -> Int {
        var hasher = Hasher()
        hasher.combine(digest)
        combine(values, into: &hasher)
        return hasher.finalize()
    }

    static func combine(_ value: Any, into hasher: inout Hasher) {
        switch value {
        case let map as [String: Any]:
            hasher.combine(map.count)
            for key in map.keys.sorted() {
                hasher.combine(key)
                combine(map[key] as Any, into: &hasher)
            }
        case let map as [String: String]:
            hasher.combine(map.count)
            for key in map.keys.sorted() {
                hasher.combine(key)
                hasher.combine(map[key])
            }
        case let list as [Any]:
            hasher.combine(list.count)
            for item in list { combine(item, into: &hasher) }
        case let fragment as HTMLFragment:
            hasher.combine(fragment.digest)
        case let text as String:
            hasher.combine(text)
        case let number as Int:
            hasher.combine(number)
        case let flag as Bool:
            hasher.combine(flag)
        case let number as Double:
            hasher.combine(number)
        case let date as TemplateDate:
            hasher.combine(date.iso)
            hasher.combine(date.language)
        case let count as TemplateCount:
            hasher.combine(count.value)
            hasher.combine(count.language)
        case let link as TemplateLink:
            hasher.combine(link.href)
            hasher.combine(link.origin)
        default:
            hasher.combine(String(describing: value))
        }
    }
}
