#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/Repository>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/Definition>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/AbstractHighlighter>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/Format>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/State>
#include <KF5/KSyntaxHighlighting/KSyntaxHighlighting/Theme>
#include <QString>
#include <QFile>
#include <QTextStream>
#include <chrono>
#include <cstdio>
using namespace KSyntaxHighlighting;
static const char* cls(Theme::TextStyle s) { switch (s) {
 case Theme::Keyword: return "k"; case Theme::ControlFlow: return "k"; case Theme::DataType: return "kt"; case Theme::String: return "s"; case Theme::Comment: return "c"; case Theme::DecVal: case Theme::Float: case Theme::BaseN: return "m"; case Theme::Function: return "nf"; case Theme::Operator: return "o"; case Theme::Preprocessor: return "cp"; case Theme::Import: return "kn"; case Theme::Variable: return "nv"; default: return nullptr; } }
class H: public AbstractHighlighter { public:
  QString line; std::string out; 
  void run(const QStringList &lines) { State st; for (auto &l: lines) { line = l; st = highlightLine(l, st); out += "\n"; } }
  void applyFormat(int offset, int length, const Format &format) override {
    const char *c = format.isDefaultTextStyle(theme()) ? nullptr : cls(format.textStyle());
    QByteArray t = line.mid(offset, length).toHtmlEscaped().toUtf8();
    if (c) { out += "<span class=\""; out += c; out += "\">"; }
    out.append(t.constData(), t.size());
    if (c) out += "</span>";
  }
};
int main(int argc, char **argv) {
  auto t0 = std::chrono::steady_clock::now();
  Repository repo;
  H h; h.setDefinition(repo.definitionForName(argv[1])); h.setTheme(repo.defaultTheme());
  auto t1 = std::chrono::steady_clock::now();
  QFile f(argv[2]); f.open(QIODevice::ReadOnly); QStringList lines = QString::fromUtf8(f.readAll()).split('\n');
  int reps = argc > 3 ? atoi(argv[3]) : 1;
  auto t2 = std::chrono::steady_clock::now();
  for (int r=0;r<reps;r++){ h.out.clear(); h.run(lines); }
  auto t3 = std::chrono::steady_clock::now();
  fprintf(stderr, "defs %d, load %.4fs, %d lines x%d in %.3fs = %.0f lines/s\n", (int)repo.definitions().size(), std::chrono::duration<double>(t1-t0).count(), (int)lines.size(), reps, std::chrono::duration<double>(t3-t2).count(), lines.size()*reps/std::chrono::duration<double>(t3-t2).count());
  fwrite(h.out.data(), 1, std::min<size_t>(h.out.size(), 900), stdout);
}
