// Only here so SwiftPM reads Qt5Gui's pkg-config flags (include folders) for CSyntaxHighlighting,
// which includes KSyntaxHighlighting's headers, and those include Qt's. Swift code never imports it.
