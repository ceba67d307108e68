/* compile.c - the compiler driver (see compile.h): parse, check, generate
 * assembly, assemble. */
#include "compile.h"

#include <string.h>

#include "asm.h"
#include "codegen.h"
#include "diag.h"
#include "parser.h"
#include "sema.h"

bool comp_compile_opts(const char *src, size_t len, const char *filename, const CompOptions *opts, FILE *errs,
                       BcBuf *bc_out, StrBuf *asm_out)
{
    Diag d;
    diag_init(&d, filename, src, len, errs);
    CompUnit *u = front_parse(src, len, filename, &d, opts ? opts->front : NULL);
    if (!u) {
        diag_error(&d, 0, 0, "out of memory");
        return false;
    }
    sema_check(u, &d, !(opts && opts->no_warnings));
    if (d.errors) {
        front_free(u);
        return false;
    }
    StrBuf text = { 0 };
    bool ok = cg_generate(u, &d, filename, &text);
    front_free(u);
    if (ok) {
        /* An error here is a bug of the code generator: say where. */
        ok = asm_assemble(text.data ? text.data : "", text.len, "<generated assembly>", bc_out, errs);
        if (ok && asm_out)
            sb_add(asm_out, text.data ? text.data : "", text.len);
    }
    sb_free(&text);
    return ok;
}

bool comp_compile(const char *src, size_t len, const char *filename, FILE *errs, BcBuf *bc_out, StrBuf *asm_out)
{
    return comp_compile_opts(src, len, filename, NULL, errs, bc_out, asm_out);
}
