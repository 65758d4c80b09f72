import Foundation
import SitegenCore

/// `sitegen init`: the folders and `site.yml` of a new site, and the GitHub Pages workflow.
public enum SiteScaffold {
    /// Publishes the site to GitHub Pages on every push to main: gets sitegen (a release's binary
    /// when `SITEGEN_RELEASE` names one; else built from `SITEGEN_REPOSITORY` once per sitegen
    /// commit and kept in the Actions cache), builds the site with --strict under the Pages URL
    /// (sub-path included), deploys.
    public static let githubWorkflow = """
        name: Publish with sitegen

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages
          cancel-in-progress: true

        env:
          # Where sitegen comes from. With SITEGEN_RELEASE (a tag such as v0.6.0) its release's binary is
          # downloaded; without, it is built from the repository once per sitegen commit and then cached.
          SITEGEN_REPOSITORY: ${{ vars.SITEGEN_REPOSITORY || 'https://github.com/sitegen/sitegen' }}
          SITEGEN_RELEASE: ${{ vars.SITEGEN_RELEASE }}

        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
              - name: Install libcmark-gfm and KSyntaxHighlighting
                run: sudo apt-get update && sudo apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev libkf5syntaxhighlighting-dev pkg-config
              - name: Download sitegen ${{ env.SITEGEN_RELEASE }}
                if: env.SITEGEN_RELEASE != ''
                run: |
                  mkdir -p "$HOME/.sitegen/bin"
                  curl -fsSL "${SITEGEN_REPOSITORY%.git}/releases/download/$SITEGEN_RELEASE/sitegen-linux-$(uname -m).tar.gz" | tar -xz -C "$HOME/.sitegen/bin"
              - name: Find sitegen's commit
                id: sitegen
                if: env.SITEGEN_RELEASE == ''
                run: echo "commit=$(git ls-remote "$SITEGEN_REPOSITORY" HEAD | cut -f1)" >> "$GITHUB_OUTPUT"
              - name: Reuse sitegen built for that commit
                id: cache
                if: env.SITEGEN_RELEASE == ''
                uses: actions/cache@v4
                with:
                  path: ~/.sitegen/bin
                  key: sitegen-${{ runner.os }}-${{ runner.arch }}-${{ steps.sitegen.outputs.commit }}
              - uses: swift-actions/setup-swift@v2
                if: env.SITEGEN_RELEASE == '' && steps.cache.outputs.cache-hit != 'true'
                with:
                  swift-version: "6.1"
              - name: Build sitegen
                if: env.SITEGEN_RELEASE == '' && steps.cache.outputs.cache-hit != 'true'
                run: |
                  git clone "$SITEGEN_REPOSITORY" "$RUNNER_TEMP/sitegen"
                  git -C "$RUNNER_TEMP/sitegen" checkout "${{ steps.sitegen.outputs.commit }}"
                  swift build -c release --product sitegen --static-swift-stdlib --package-path "$RUNNER_TEMP/sitegen"
                  mkdir -p "$HOME/.sitegen/bin"
                  cp "$RUNNER_TEMP/sitegen/.build/release/sitegen" "$HOME/.sitegen/bin/"
              - id: pages
                uses: actions/configure-pages@v5
              - name: Build the site
                run: '"$HOME/.sitegen/bin/sitegen" build --strict --base-url "${{ steps.pages.outputs.base_url }}/"'
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: output

          deploy:
            needs: build
            runs-on: ubuntu-24.04
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """

    static let siteYml = """
        title: 나의 회고
        description: 주간·분기·연간 회고
        author: ""
        base_url: ""
        language: ko
        timezone: Asia/Seoul
        posts_per_page: 10

        """

    /// Writes what is missing of a site at `root` (never overwriting) and, with `githubPages`, the
    /// workflow. In a Hugo site (`hugo`), `site.yml` keeps Hugo's shortcodes and slugs on. Returns the paths written.
    public static func create(root: URL, githubPages: Bool, hugo: Bool = false) throws(BuildFailure) -> [String] {
        let config = hugo ? siteYml + "# A Hugo site: its shortcodes are expanded and its slugs keep the file name's date.\nshortcodes: true\nhugo_slugs: true\n" : siteYml
        var files: [(String, String)] = [("site.yml", config), ("content/posts/.keep", ""), ("content/retrospectives/.keep", "")]
        if githubPages { files.append((".github/workflows/sitegen.yml", githubWorkflow)) }
        var written: [String] = []
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) {
                if path.hasSuffix(".yml"), path.hasPrefix(".github") {
                    throw BuildFailure([.error(at: .whole(path), "exists already; sitegen init never overwrites")])
                }
                continue
            }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } catch {
                throw BuildFailure([.error(at: .whole(path), "cannot write: \(error.localizedDescription)")])
            }
            if !path.hasSuffix(".keep") { written.append(path) }
        }
        return written
    }
}
