/* ast.h - the abstract syntax tree of an Erlang-subset module.
 *
 * This is the interface between the front end (lexer.c, preproc.c,
 * parser.c: text to tree) and the later passes (semantic checks,
 * pattern-match compilation, code generation). front_parse() (parser.h)
 * returns a CompUnit: the module's forms in source order, after the
 * preprocessor (macros expanded, -ifdef regions dropped, -include'd forms
 * spliced in), with records still as record nodes so that a later pass
 * can expand them.
 *
 * The tree follows OTP 25's erl_parse closely: where erl_parse accepts a
 * general expression and leaves the check to erl_lint (case patterns,
 * patterns inside lists and tuples, guards, record field names...), so
 * does this parser, and the semantic pass must report "illegal pattern",
 * "illegal guard expression" and so on. What the parser itself rejects
 * (syntax errors, maps, bad -export lists...) never reaches the tree.
 *
 * Conventions
 *  - Every node has a source position: line and col count from 1, col in
 *    characters (a tab is one), as in diag.h. Which token gives the
 *    position is as in erl_parse: the first token of the construct, except
 *      AST_BINOP, AST_UNOP   the operator
 *      AST_REMOTE            the ':'
 *      AST_RECORD with a base, AST_RECORD_FIELD   the '#'
 *    A form's position is its '-' or its function name; a clause's is its
 *    first token (the function name, the '(' of a fun clause, the first
 *    token of a case/receive/try pattern, of an if clause's guard).
 *    Tokens produced by a macro take the position of the macro's name at
 *    the call site (as epp does), arguments keep their own.
 *  - Positions refer to the file of the form (AstForm.file): forms that
 *    came from an -include'd file carry that file's positions. Use
 *    front_report() (parser.h) to report on them.
 *  - Names (atoms, variables, record and field names) are NUL-terminated
 *    UTF-8 strings; an atom may also contain NUL through an escape, so
 *    atoms carry their byte length as well. Strings are arrays of Unicode
 *    code points (as Erlang strings are lists of them).
 *  - Sequences are arrays with a count (AstExprList and friends); a count
 *    of 0 means empty and the pointer may then be NULL.
 *  - The tree's depth is bounded by the parser (FRONT_MAX_DEPTH levels of
 *    nested expressions, an operator of a chain counting one; clauses
 *    add a level, so a path has at most about 2 * FRONT_MAX_DEPTH nodes),
 *    so a pass may recurse over it with a few hundred bytes of C stack
 *    per node.
 *  - Everything lives in the unit's arena and is freed by front_free().
 *    Nodes are never shared: each pointer has one parent.
 *
 * Patterns and guards
 *   Patterns are AstExpr trees. At the top of a function or fun head and
 *   of a try-catch pattern the grammar only admits pattern syntax (vars,
 *   literals, lists, tuples, binaries, records #r{...}, #r.f, '=' and the
 *   operators); case, receive and generator patterns, and the elements of
 *   any list, tuple or binary in a pattern, are parsed as expressions, as
 *   erl_parse does. So the semantic pass must accept in patterns: INT,
 *   FLOAT, ATOM, STRING, NIL, VAR, TUPLE, LIST, BIN, MATCH (an alias),
 *   RECORD without base, RECORD_INDEX, BINOP/UNOP that evaluate to a
 *   number at compile time (f(1 + 2), f(-X) is illegal), and BINOP '++'
 *   whose left side is a STRING or a proper list of literals ("ab" ++ T);
 *   and report "illegal pattern" for anything else (calls, funs...).
 *   Guards are AstGuard: any expressions here; the pass checks that they
 *   are guard expressions. */
#ifndef BL_AST_H
#define BL_AST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- arena */

/* A bump allocator: many small allocations, freed all at once. */
typedef struct AstArena AstArena;

AstArena *ast_arena_new(void);
void ast_arena_free(AstArena *a);
/* Zeroed, 8-byte aligned memory; NULL only when malloc fails. */
void *ast_alloc(AstArena *a, size_t size);
/* A NUL-terminated copy of s[0..len). */
char *ast_strndup(AstArena *a, const char *s, size_t len);
/* Bytes handed out so far (for tests and statistics). */
size_t ast_arena_used(const AstArena *a);

/* ---- expressions, patterns and guards (one node type for all three) */

typedef enum {
    /* literals */
    AST_INT,    /* integer or character literal: int_ */
    AST_FLOAT,  /* float literal: float_ */
    AST_ATOM,   /* atom: atom */
    AST_STRING, /* string literal, adjacent ones joined: str; "" is a
                 * STRING of length 0 (the empty list) */
    AST_NIL,    /* [] */
    AST_VAR,    /* variable: var; `_` is a VAR named "_" */
    /* compound terms */
    AST_TUPLE,  /* {E1, ..., En}: tuple */
    AST_LIST,   /* [E1, ..., En | Tail]: list; n >= 1 and tail is never
                 * NULL (a NIL node, positioned at the ']', when no '|');
                 * a tail that is itself a list is merged, so [a | [b | T]]
                 * is [a, b | T] (as erl_parse's conses would be) */
    AST_BIN,    /* <<Seg, ...>>: bin */
    /* operators */
    AST_MATCH,  /* Pattern = Expr (also an alias pattern P1 = P2): match */
    AST_BINOP,  /* L op R: binop (send '!', andalso, orelse included) */
    AST_UNOP,   /* op E: unop ('-' and '+' on a number literal are folded
                 * into the literal instead) */
    /* calls */
    AST_CALL,   /* F(Args) / M:F(Args): call */
    AST_REMOTE, /* a bare M:F not followed by arguments: remote (valid
                 * syntax that the semantic pass must reject) */
    AST_FUN_REF, /* fun F/A, fun M:F/A: fun_ref */
    AST_FUN,    /* fun (...) -> ... end, fun Name(...) -> ... end: fun */
    /* control */
    AST_CASE,   /* case E of Clauses end: case_ */
    AST_IF,     /* if Clauses end: if_ (clauses have no patterns) */
    AST_RECEIVE, /* receive Clauses after T -> Body end: receive */
    AST_TRY,    /* try ... of ... catch ... after ... end: try_ */
    AST_CATCH,  /* catch E: catch_ */
    AST_BLOCK,  /* begin E1, ..., En end: block */
    /* comprehensions */
    AST_LC,     /* [T || Qualifiers]: comp */
    AST_BC,     /* << T || Qualifiers >>: comp */
    /* records */
    AST_RECORD,       /* #r{f = E, ...} or Base#r{f = E, ...}: record */
    AST_RECORD_FIELD, /* Base#r.f: rfield */
    AST_RECORD_INDEX, /* #r.f: rindex */
    AST_KIND_COUNT
} AstKind;

typedef enum {
    /* binary operators, grouped by precedence (lowest first) */
    AST_OP_SEND,    /* !       right, 100 (with '=') */
    AST_OP_ORELSE,  /* orelse  right, 150 */
    AST_OP_ANDALSO, /* andalso right, 160 */
    AST_OP_EQ,      /* ==      non-associative, 200 */
    AST_OP_NE,      /* /= */
    AST_OP_LE,      /* =< */
    AST_OP_LT,      /* < */
    AST_OP_GE,      /* >= */
    AST_OP_GT,      /* > */
    AST_OP_EXACT_EQ, /* =:= */
    AST_OP_EXACT_NE, /* =/= */
    AST_OP_APPEND,  /* ++      right, 300 */
    AST_OP_SUBTRACT, /* -- */
    AST_OP_ADD,     /* +       left, 400 */
    AST_OP_SUB,     /* - */
    AST_OP_BOR,     /* bor */
    AST_OP_BXOR,    /* bxor */
    AST_OP_BSL,     /* bsl */
    AST_OP_BSR,     /* bsr */
    AST_OP_OR,      /* or */
    AST_OP_XOR,     /* xor */
    AST_OP_MUL,     /* *       left, 500 */
    AST_OP_FDIV,    /* / */
    AST_OP_DIV,     /* div */
    AST_OP_REM,     /* rem */
    AST_OP_BAND,    /* band */
    AST_OP_AND,     /* and */
    /* unary operators (600) */
    AST_OP_NEG,     /* - */
    AST_OP_PLUS,    /* + */
    AST_OP_BNOT,    /* bnot */
    AST_OP_NOT,     /* not */
    AST_OP_COUNT
} AstOp;

typedef struct AstExpr AstExpr;
typedef struct AstClause AstClause;

typedef struct {
    AstExpr **items;
    int n;
} AstExprList;

/* A guard sequence: G1; G2; ...; Gn, each Gi a conjunction T1, ..., Tm.
 * n == 0 means no guard. */
typedef struct {
    AstExprList *alts;
    int n;
} AstGuard;

/* One clause of a function, fun, case, receive, if or try.
 *  - function and fun clauses: pats are the arguments;
 *  - case, receive and try-of clauses: one pattern;
 *  - if clauses: no pattern, a non-empty guard;
 *  - try-catch clauses: exactly three patterns Class, Reason, Stacktrace,
 *    as erl_parse builds them: `catch R ->` gives class ATOM throw and
 *    stacktrace VAR "_" (both positioned at R), `C:R ->` a VAR "_"
 *    stacktrace. The class is an ATOM or VAR node, the stacktrace a VAR
 *    (only those are accepted by the grammar).
 * body has at least one expression. */
struct AstClause {
    int line, col;
    AstExprList pats;
    AstGuard guard;
    AstExprList body;
};

/* A type specifier of a binary segment: /integer, /unit:8, ... Any atom
 * is accepted here (as erl_parse does); the semantic pass checks them. */
typedef struct {
    const char *name;
    int line, col;
    bool has_value; /* name:Value, Value an integer literal */
    int64_t value;  /* INT64_MAX when the literal does not fit */
} AstBinType;

/* Value:Size/Type-Type..., Size and the type list being optional. */
typedef struct {
    int line, col;
    AstExpr *value;
    AstExpr *size;     /* NULL: default size */
    AstBinType *types; /* ntypes == 0: default type */
    int ntypes;
} AstBinSeg;

typedef enum {
    AST_QUAL_GEN,    /* Pattern <- ListExpr */
    AST_QUAL_BINGEN, /* <<Segs>> <= BinaryExpr (pattern is an AST_BIN) */
    AST_QUAL_FILTER, /* Expr (pattern is NULL) */
} AstQualKind;

typedef struct {
    AstQualKind kind;
    int line, col; /* of the '<-' / '<=' operator, or of the filter */
    AstExpr *pat;
    AstExpr *expr;
} AstQual;

/* f = Expr inside #r{...}. is_var is set for `_ = Expr` (the only
 * variable erl_lint allows; the parser accepts any, as erl_parse does). */
typedef struct {
    const char *name;
    int line, col;
    bool is_var;
    AstExpr *value;
} AstFieldInit;

struct AstExpr {
    AstKind kind;
    int line, col;
    union {
        struct {
            int64_t value;   /* valid when big == NULL */
            const char *big; /* decimal text, with '-' when negative, of
                              * a value outside int64_t; else NULL */
            bool is_char;    /* written $c (for printing only) */
        } int_;
        struct {
            double value;
        } float_;
        struct {
            const char *name;
            size_t len;
        } atom;
        struct {
            const uint32_t *chars;
            size_t len;
        } str;
        struct {
            const char *name;
        } var;
        struct {
            AstExprList elems;
        } tuple;
        struct {
            AstExprList elems;
            AstExpr *tail;
        } list;
        struct {
            AstBinSeg *segs;
            int nsegs;
        } bin;
        struct {
            AstExpr *pat;
            AstExpr *expr;
        } match;
        struct {
            AstOp op;
            AstExpr *lhs, *rhs;
        } binop;
        struct {
            AstOp op;
            AstExpr *arg;
        } unop;
        struct {
            AstExpr *mod; /* NULL: a local call or a call of a fun value */
            AstExpr *fun; /* ATOM for a local call f(...), else any
                           * expression (VAR F(...), (Expr)(...), ...) */
            AstExprList args;
        } call;
        struct {
            AstExpr *mod, *fun;
        } remote;
        struct {
            AstExpr *mod;   /* NULL for fun f/A */
            AstExpr *fun;   /* ATOM, or ATOM/VAR when mod != NULL */
            AstExpr *arity; /* INT, or INT/VAR when mod != NULL */
        } fun_ref;
        struct {
            const char *name; /* fun Name(...) -> ... end: Name; else NULL */
            AstClause *clauses;
            int nclauses; /* >= 1, all of the same arity */
        } fun;
        struct {
            AstExpr *expr;
            AstClause *clauses;
            int nclauses;
        } case_;
        struct {
            AstClause *clauses;
            int nclauses;
        } if_;
        struct {
            AstClause *clauses; /* nclauses may be 0 when there is an after */
            int nclauses;
            AstExpr *after;     /* timeout; NULL: no after section */
            AstExprList after_body;
        } receive;
        struct {
            AstExprList body;
            AstClause *of;      /* nof == 0: no `of` section */
            int nof;
            AstClause *catches; /* ncatches == 0: no catch section */
            int ncatches;
            AstExprList after;  /* after.n == 0: no after section */
        } try_;
        struct {
            AstExpr *expr;
        } catch_;
        struct {
            AstExprList body;
        } block;
        struct {
            AstExpr *templ; /* for AST_BC, an expression that should give a
                             * binary (erl_parse's expr_max) */
            AstQual *quals;
            int nquals;
        } comp;
        struct {
            AstExpr *base; /* NULL: creation #r{...}; else an update */
            const char *name;
            AstFieldInit *fields;
            int nfields;
        } record;
        struct {
            AstExpr *base;
            const char *name;
            const char *field;
            int field_line, field_col;
        } rfield;
        struct {
            const char *name;
            const char *field;
            int field_line, field_col;
        } rindex;
    } u;
};

/* ---- forms */

typedef enum {
    AST_FORM_MODULE,    /* -module(Name). */
    AST_FORM_EXPORT,    /* -export([F/A, ...]). */
    AST_FORM_IMPORT,    /* -import(Mod, [F/A, ...]). */
    AST_FORM_RECORD,    /* -record(Name, {Field [= Default] [:: Type], ...}). */
    AST_FORM_FUNCTION,  /* Name(...) -> ...; ... . */
    AST_FORM_ATTRIBUTE, /* any other attribute whose value is a term:
                         * -compile(...), -vsn(...), -author(...),
                         * -behaviour(...), -dialyzer(...), -on_load(...),
                         * -export_type(...), user attributes. */
} AstFormKind;
/* Not kept: -spec, -type, -opaque, -callback (skipped, their types are not
 * parsed), -file and -feature, and the preprocessor's directives. */

typedef struct {
    const char *name;
    int arity;
    int line, col; /* of the name */
} AstFunName;

/* A field of a record declaration; types after '::' are skipped. */
typedef struct {
    const char *name;
    int line, col;
    AstExpr *init; /* default value; NULL when none */
    bool typed;    /* had a `:: Type` */
} AstFieldDecl;

typedef struct {
    AstFormKind kind;
    int line, col;
    int file; /* index into CompUnit.files: 0 is the main source */
    union {
        struct {
            const char *name;
        } module;
        struct {
            AstFunName *funs;
            int n;
        } export_;
        struct {
            const char *module;
            AstFunName *funs;
            int n;
        } import;
        struct {
            const char *name;
            AstFieldDecl *fields;
            int nfields;
        } record;
        struct {
            const char *name;
            int arity;
            AstClause *clauses;
            int nclauses; /* >= 1, all with `arity` patterns */
        } function;
        struct {
            const char *name; /* attribute name, e.g. "compile" */
            AstExpr *value;   /* a literal term (Name/Arity written as
                               * {Name, Arity}, as erl_parse does) */
        } attribute;
    } u;
} AstForm;

/* A source file the unit was read from. */
typedef struct {
    const char *name; /* as given, or as found on the include path */
    const char *src;  /* its text (kept for error messages) */
    size_t len;
} AstFile;

typedef struct CompUnit {
    AstArena *arena;
    const char *module; /* from the first -module; NULL if none */
    AstForm *forms;
    int nforms;
    AstFile *files; /* files[0] is the main source */
    int nfiles;
} CompUnit;

/* ---- helpers */

/* A growable text buffer (malloc'd; the caller frees buf.s). */
typedef struct {
    char *s;
    size_t len, cap;
} AstBuf;

void ast_buf_putc(AstBuf *b, char c);
void ast_buf_puts(AstBuf *b, const char *s);
void ast_buf_put(AstBuf *b, const char *s, size_t n);
void ast_buf_printf(AstBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ast_buf_vprintf(AstBuf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Appends code point c in UTF-8. */
void ast_buf_utf8(AstBuf *b, uint32_t c);
/* Erlang's way of writing an atom (io_lib:write_atom): quoted when it
 * must be, with escapes. */
void ast_buf_atom(AstBuf *b, const char *name, size_t len);
/* A string "..." with Erlang's escapes (io_lib:write_string). */
void ast_buf_string(AstBuf *b, const uint32_t *chars, size_t n);
/* The same between quote characters q (' or "). */
void ast_buf_quoted(AstBuf *b, const uint32_t *chars, size_t n, char q);
/* A character literal $c (io_lib:write_char). */
void ast_buf_char(AstBuf *b, uint32_t c);
/* A float as Erlang prints it: the shortest digits that read back the
 * same, as 1.5, 100.0, 1.0e10 or 1.0e-5. */
void ast_buf_float(AstBuf *b, double f);

/* Is name (UTF-8, len bytes) an atom that needs no quotes? */
bool ast_atom_is_plain(const char *name, size_t len);
/* Is name one of Erlang's reserved words (case, end, div...)? */
bool ast_is_reserved_word(const char *name, size_t len);

/* The operator's text ("+", "div", "=:=", ...). */
const char *ast_op_name(AstOp op);
const char *ast_kind_name(AstKind k);

/* The smallest position over a subtree (erl_parse's first_location). */
void ast_first_pos(const AstExpr *e, int *line, int *col);

/* Writes a node as Erlang-like text on one line, for tests and
 * debugging: operators fully parenthesised, `(1 + (2 * 3))`. */
void ast_print_expr(AstBuf *b, const AstExpr *e);
void ast_print_clause(AstBuf *b, const AstClause *c, const char *name);
void ast_print_form(AstBuf *b, const AstForm *f);
/* Every form, one per line. Returns a malloc'd string. */
char *ast_unit_to_string(const CompUnit *u);

#endif
