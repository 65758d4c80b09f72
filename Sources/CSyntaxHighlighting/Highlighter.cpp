// KSyntaxHighlighting behind a C interface. Token classes follow the short names Pygments and Rouge
// made usual (`k` keyword, `s` string, `c` comment …); themes/README.md lists them.
#include "CSyntaxHighlighting.h"

#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/abstracthighlighter.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/definition.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/format.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/repository.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/state.h>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/theme.h>
#include <QString>
#include <QStringList>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace KSyntaxHighlighting;

namespace {

const char *tokenClass(Theme::TextStyle style) {
    switch (style) {
    case Theme::Keyword: return "k";
    case Theme::ControlFlow: return "k";
    case Theme::DataType: return "kt";
    case Theme::Import: return "kn";
    case Theme::Function: return "nf";
    case Theme::Variable: return "nv";
    case Theme::Constant: return "no";
    case Theme::BuiltIn: return "nb";
    case Theme::Extension: return "nx";
    case Theme::Attribute: return "na";
    case Theme::Annotation: return "nd";
    case Theme::Preprocessor: return "cp";
    case Theme::Operator: return "o";
    case Theme::String: return "s";
    case Theme::VerbatimString: return "s";
    case Theme::Char: return "sc";
    case Theme::SpecialChar: return "se";
    case Theme::SpecialString: return "sx";
    case Theme::DecVal: return "m";
    case Theme::BaseN: return "m";
    case Theme::Float: return "m";
    case Theme::Comment: return "c";
    case Theme::Documentation: return "sd";
    case Theme::CommentVar: return "cs";
    case Theme::RegionMarker: return "c";
    case Theme::Information: return "cs";
    case Theme::Warning: return "cs";
    case Theme::Alert: return "cs";
    case Theme::Error: return "err";
    case Theme::Others: return "x";
    default: return nullptr;
    }
}

// UTF-16 code units straight to escaped UTF-8: no QString or QByteArray per token. Written through a
// pointer into room made once per token (a unit takes at most six bytes, `&quot;`), not a byte at a time.
void appendEscaped(std::string &out, const QChar *text, int length) {
    const size_t start = out.size();
    out.resize(start + static_cast<size_t>(length) * 6);
    char *write = &out[start];
    auto put = [&write](const char *piece, int count) {
        std::memcpy(write, piece, count);
        write += count;
    };
    for (int index = 0; index < length; ++index) {
        char32_t unit = text[index].unicode();
        switch (unit) {
        case '<': put("&lt;", 4); continue;
        case '>': put("&gt;", 4); continue;
        case '&': put("&amp;", 5); continue;
        case '"': put("&quot;", 6); continue;
        default: break;
        }
        if (unit < 0x80) {
            *write++ = static_cast<char>(unit);
            continue;
        }
        if (unit >= 0xD800 && unit < 0xDC00 && index + 1 < length) {
            const char32_t low = text[index + 1].unicode();
            if (low >= 0xDC00 && low < 0xE000) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                ++index;
            }
        }
        if (unit < 0x800) {
            *write++ = static_cast<char>(0xC0 | (unit >> 6));
        } else if (unit < 0x10000) {
            *write++ = static_cast<char>(0xE0 | (unit >> 12));
            *write++ = static_cast<char>(0x80 | ((unit >> 6) & 0x3F));
        } else {
            *write++ = static_cast<char>(0xF0 | (unit >> 18));
            *write++ = static_cast<char>(0x80 | ((unit >> 12) & 0x3F));
            *write++ = static_cast<char>(0x80 | ((unit >> 6) & 0x3F));
        }
        *write++ = static_cast<char>(0x80 | (unit & 0x3F));
    }
    out.resize(static_cast<size_t>(write - out.data()));
}

class SpanHighlighter final : public AbstractHighlighter {
public:
    QStringView line;
    std::string out;

    /// Line by line over views of the code: no string is made per line.
    void run(const QString &code) {
        State state;
        const QStringView all(code);
        qsizetype start = 0;
        while (true) {
            const qsizetype end = all.indexOf(QLatin1Char('\n'), start);
            line = all.mid(start, (end < 0 ? all.size() : end) - start);
            state = highlightLine(line, state);
            if (end < 0) break;
            out += '\n';
            start = end + 1;
        }
    }

protected:
    void applyFormat(int offset, int length, const Format &format) override {
        if (length <= 0) return;
        const char *name = format.isDefaultTextStyle(theme()) ? nullptr : tokenClass(format.textStyle());
        if (name) {
            out += "<span class=\"";
            out += name;
            out += "\">";
        }
        if (offset < 0 || offset + length > line.size()) return;
        appendEscaped(out, line.data() + offset, length);
        if (name) out += "</span>";
    }
};

char *copied(const std::string &text, size_t *length) {
    char *result = static_cast<char *>(std::malloc(text.size() + 1));
    if (!result) return nullptr;
    std::memcpy(result, text.data(), text.size());
    result[text.size()] = 0;
    if (length) *length = text.size();
    return result;
}

} // namespace

struct csh_highlighter {
    Repository repository;
    SpanHighlighter highlighter;
    /// The definition now set, by name: setting it again for the next block of the same language is skipped.
    QString current;
    csh_highlighter() { highlighter.setTheme(repository.defaultTheme()); }
};

extern "C" csh_highlighter *csh_new(void) { return new csh_highlighter(); }

extern "C" void csh_free(csh_highlighter *highlighter) { delete highlighter; }

extern "C" char *csh_definition_name(csh_highlighter *highlighter, const char *language) {
    const QString name = QString::fromUtf8(language);
    if (name.isEmpty()) return nullptr;
    Definition definition = highlighter->repository.definitionForName(name);
    if (!definition.isValid()) {
        for (const Definition &candidate : highlighter->repository.definitions()) {
            if (candidate.name().compare(name, Qt::CaseInsensitive) == 0) { definition = candidate; break; }
        }
    }
    if (!definition.isValid()) definition = highlighter->repository.definitionForFileName(QStringLiteral("code.") + name);
    if (!definition.isValid()) definition = highlighter->repository.definitionForFileName(name);
    if (!definition.isValid()) return nullptr;
    return copied(definition.name().toStdString(), nullptr);
}

extern "C" char *csh_highlight(csh_highlighter *highlighter, const char *definitionName, const char *code, size_t length,
                               size_t *out_length) {
    SpanHighlighter &spans = highlighter->highlighter;
    const QString name = QString::fromUtf8(definitionName);
    if (name != highlighter->current) {
        const Definition definition = highlighter->repository.definitionForName(name);
        if (!definition.isValid()) return nullptr;
        spans.setDefinition(definition);
        highlighter->current = name;
    }
    spans.out.clear();
    spans.out.reserve(length * 2);
    spans.run(QString::fromUtf8(code, static_cast<int>(length)));
    return copied(spans.out, out_length);
}
