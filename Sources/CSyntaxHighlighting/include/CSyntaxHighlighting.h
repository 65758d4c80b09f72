#ifndef CSYNTAXHIGHLIGHTING_H
#define CSYNTAXHIGHLIGHTING_H
// A C face for KDE's KSyntaxHighlighting (a C++/Qt library), so Swift can call it without C++ interop.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One highlighter: its own definition repository (KSyntaxHighlighting's repository is not for
/// sharing across threads). Create one per thread that highlights.
typedef struct csh_highlighter csh_highlighter;

csh_highlighter *csh_new(void);
void csh_free(csh_highlighter *highlighter);

/// The definition's name for a language as a writer names it (`Python`, `python`, `py`, `Dockerfile`),
/// tried as a definition name, then as a file extension, then as a file name; NULL when unknown.
/// The result is malloc'ed: free() it.
char *csh_definition_name(csh_highlighter *highlighter, const char *language);

/// Highlights `code` (UTF-8, `length` bytes) as the definition named `definition` (a name
/// csh_definition_name returned). The result is malloc'ed UTF-8 HTML, escaped, one output line per
/// input line separated by '\n', tokens as `<span class="CLASS">` where CLASS is one of the short
/// classes documented in themes/README.md. NULL when the definition is unknown.
char *csh_highlight(csh_highlighter *highlighter, const char *definition, const char *code, size_t length, size_t *out_length);

#ifdef __cplusplus
}
#endif
#endif
