#include <srchilite/sourcehighlighter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatter.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/formatterparams.h>
#include <fstream>
#include <iostream>
#include <chrono>
#include <set>
using namespace srchilite;
struct Out { std::string s; std::set<std::string> elems; };
class SpanFormatter: public Formatter {
  Out *out; std::string elem;
public:
  SpanFormatter(Out *o, std::string e): out(o), elem(e) {}
  void format(const std::string &s, const FormatterParams *) override {
    out->elems.insert(elem);
    bool plain = elem == "normal";
    if (!plain) { out->s += "<span class=\""; out->s += elem; out->s += "\">"; }
    for (char c: s) { switch(c){case '<': out->s += "&lt;"; break; case '>': out->s+="&gt;"; break; case '&': out->s+="&amp;"; break; default: out->s += c;} }
    if (!plain) out->s += "</span>";
  }
};
class Mgr: public FormatterManager { public: Out *o; Mgr(Out *o, FormatterPtr d): FormatterManager(d), o(o) {} };
int main(int argc, char **argv) {
  RegexRuleFactory f; LangDefManager m(&f);
  auto t0 = std::chrono::steady_clock::now();
  HighlightStatePtr st = m.getHighlightState("/usr/share/source-highlight", argv[1]);
  auto t1 = std::chrono::steady_clock::now();
  Out out;
  FormatterManager fm(FormatterPtr(new SpanFormatter(&out, "normal")));
  const char* elems[] = {"keyword","type","string","comment","number","preproc","function","symbol","cbracket","variable","specialchar","classname","usertype","label","todo","regexp",0};
  for (int i=0; elems[i]; i++) fm.addFormatter(elems[i], FormatterPtr(new SpanFormatter(&out, elems[i])));
  std::ifstream in(argv[2]); std::string line; std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  int reps = argc > 3 ? atoi(argv[3]) : 1;
  auto t2 = std::chrono::steady_clock::now();
  for (int r=0;r<reps;r++){
  SourceHighlighter h(st); h.setFormatterManager(&fm); h.setOptimize(true);
  FormatterParams params("x"); h.setFormatterParams(&params);
  out.s.clear();
  for (auto &l: lines) { params.start = 0; h.highlightParagraph(l); out.s += "\n"; }
  }
  auto t3 = std::chrono::steady_clock::now();
  double load = std::chrono::duration<double>(t1-t0).count(), run = std::chrono::duration<double>(t3-t2).count();
  fprintf(stderr, "load %.4fs, %zu lines x%d in %.3fs = %.0f lines/s\n", load, lines.size(), reps, run, lines.size()*reps/run);
  for (auto &e: out.elems) fprintf(stderr, "%s ", e.c_str()); fprintf(stderr,"\n");
  std::cout << out.s.substr(0, 1200);
}
