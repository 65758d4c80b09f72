import SitegenCore

/// The words the default theme shows, in the site's language (Korean unless `language` says otherwise).
enum Labels {
    static func forLanguage(_ language: String) -> [String: String] {
        SiteLanguage.isKorean(language) ? korean : english
    }

    static let korean: [String: String] = [
        "skip_to_content": "본문으로 건너뛰기", "retrospectives": "회고", "timeline": "회고 타임라인",
        "cadence_weekly": "주간 회고", "cadence_monthly": "월간 회고", "cadence_quarterly": "분기 회고", "cadence_yearly": "연간 회고",
        "previous": "이전 회고", "next": "다음 회고", "year_ago": "1년 전 이맘때", "goals": "목표",
        "previous_goals": "지난 회고의 목표", "undated": "날짜 없음", "archive": "아카이브", "search": "검색",
        "search_placeholder": "검색어를 입력하세요", "no_results": "검색 결과가 없습니다.", "feed": "피드",
        "weeks": "주", "months": "월", "site_menu": "사이트 메뉴", "home": "홈", "tags": "태그", "all_tags": "모든 태그",
        "toc": "목차", "newer": "← 최근 글", "older": "이전 글 →", "page": "페이지", "read_more": "더 읽기",
        "tagged": "태그", "posts": "글 목록", "all_posts": "모든 글", "retrospective": "회고", "post": "글", "no_entries": "아직 글이 없습니다.",
        "published": "작성일", "not_found": "페이지를 찾을 수 없습니다", "not_found_text": "주소가 바뀌었거나 없는 페이지입니다.", "comments": "댓글",
    ]

    static let english: [String: String] = [
        "skip_to_content": "Skip to content", "retrospectives": "Retrospectives", "timeline": "Retrospectives",
        "cadence_weekly": "Weekly", "cadence_monthly": "Monthly", "cadence_quarterly": "Quarterly", "cadence_yearly": "Yearly",
        "previous": "Previous", "next": "Next", "year_ago": "A year ago", "goals": "Goals",
        "previous_goals": "Goals from last time", "undated": "Undated", "archive": "Archive", "search": "Search",
        "search_placeholder": "Search", "no_results": "Nothing found.", "feed": "Feed",
        "weeks": "Weeks", "months": "Months", "site_menu": "Site menu", "home": "Home", "tags": "Tags", "all_tags": "All tags",
        "toc": "Contents", "newer": "← Newer", "older": "Older →", "page": "Page", "read_more": "Read more",
        "tagged": "Tagged", "posts": "Posts", "all_posts": "All posts", "retrospective": "Retrospective", "post": "Post",
        "no_entries": "Nothing here yet.", "published": "Published", "not_found": "Page not found", "not_found_text": "The address may have changed, or the page never existed.", "comments": "Comments",
    ]
}
