/// The words the default theme shows, in the site's language (Korean unless `language` says otherwise).
enum Labels {
    static func forLanguage(_ language: String) -> [String: String] {
        language.lowercased().hasPrefix("ko") ? korean : english
    }

    static let korean: [String: String] = [
        "skip_to_content": "본문으로 건너뛰기", "site_menu": "사이트 메뉴", "home": "홈", "tags": "태그", "all_tags": "모든 태그",
        "toc": "목차", "newer": "← 최근 글", "older": "이전 글 →", "page": "페이지", "read_more": "더 읽기",
        "tagged": "태그", "posts": "글 목록", "all_posts": "모든 글", "retrospective": "회고", "post": "글", "no_entries": "아직 글이 없습니다.",
        "published": "작성일", "not_found": "페이지를 찾을 수 없습니다", "not_found_text": "주소가 바뀌었거나 없는 페이지입니다.", "comments": "댓글",
    ]

    static let english: [String: String] = [
        "skip_to_content": "Skip to content", "site_menu": "Site menu", "home": "Home", "tags": "Tags", "all_tags": "All tags",
        "toc": "Contents", "newer": "← Newer", "older": "Older →", "page": "Page", "read_more": "Read more",
        "tagged": "Tagged", "posts": "Posts", "all_posts": "All posts", "retrospective": "Retrospective", "post": "Post",
        "no_entries": "Nothing here yet.", "published": "Published", "not_found": "Page not found", "not_found_text": "The address may have changed, or the page never existed.", "comments": "Comments",
    ]
}
