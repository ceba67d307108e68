/* lexer.h - the Erlang tokenizer (OTP 25's erl_scan, as erlc uses it).
 *
 * The source is read as UTF-8 and scanned one form at a time: lex_form()
 * returns the tokens up to and including the next form-ending dot (a '.'
 * followed by white space, a '%' comment or the end of the text). A
 * scanning error discards the tokens of the form read so far and is
 * reported by the caller; scanning then resumes right after the bad
 * characters, exactly where erl_scan resumes, so that the same later
 * errors appear as with erlc. Positions are line:col, col counting
 * characters from 1. */
#ifndef BL_LEXER_H
#define BL_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

/* The largest integer literal magnitude, in bits (as the assembler's). */
#define LEX_MAX_INT_BITS 32768

/* name, text: the token's spelling (empty for tokens with a value). */
#define LEX_TOKENS(X)                                                                        \
    X(END, "")           /* end of the tokens of a form that has no dot */                 \
    X(DOT, ".")          /* the form terminator */                                         \
    X(ATOM, "")          X(VAR, "")          X(INT, "")           X(CHAR, "")              \
    X(FLOAT, "")         X(STRING, "")       X(OTHER, "")         /* a stray character */  \
    X(AFTER, "after")    X(AND, "and")       X(ANDALSO, "andalso") X(BAND, "band")         \
    X(BEGIN, "begin")    X(BNOT, "bnot")     X(BOR, "bor")        X(BSL, "bsl")            \
    X(BSR, "bsr")        X(BXOR, "bxor")     X(CASE, "case")      X(CATCH, "catch")        \
    X(COND, "cond")      X(DIV, "div")       X(KEND, "end")       X(FUN, "fun")            \
    X(IF, "if")          X(LET, "let")       X(NOT, "not")        X(OF, "of")              \
    X(OR, "or")          X(ORELSE, "orelse") X(RECEIVE, "receive") X(REM, "rem")           \
    X(TRY, "try")        X(WHEN, "when")     X(XOR, "xor")                                 \
    X(LPAREN, "(")       X(RPAREN, ")")      X(LBRACE, "{")       X(RBRACE, "}")           \
    X(LBRACK, "[")       X(RBRACK, "]")      X(COMMA, ",")        X(SEMI, ";")             \
    X(PERIOD, ".")       X(DOTDOT, "..")     X(DOTDOTDOT, "...")  X(COLON, ":")            \
    X(COLONCOLON, "::")  X(COLONEQ, ":=")    X(BAR, "|")          X(BARBAR, "||")          \
    X(ARROW, "->")       X(MINUS, "-")       X(MINUSMINUS, "--")  X(PLUS, "+")             \
    X(PLUSPLUS, "++")    X(STAR, "*")        X(SLASH, "/")        X(NE, "/=")              \
    X(EQ, "=")           X(EQEQ, "==")       X(EXEQ, "=:=")       X(EXNE, "=/=")           \
    X(LE, "=<")          X(DARROW, "=>")     X(LT, "<")           X(LTLT, "<<")            \
    X(LARROW, "<-")      X(LDARROW, "<=")    X(GT, ">")           X(GTGT, ">>")            \
    X(GE, ">=")          X(BANG, "!")        X(QMARK, "?")        X(QMARKEQ, "?=")         \
    X(HASH, "#")                                                                           \
    X(FNAME_MARK, "")    X(FARITY_MARK, "")  /* preprocessor-internal placeholders */

typedef enum {
#define LEX_ENUM(name, text) TOK_##name,
    LEX_TOKENS(LEX_ENUM)
#undef LEX_ENUM
    TOK_KIND_COUNT
} TokKind;

typedef struct {
    uint8_t kind; /* TokKind */
    int line, col;
    union {
        struct {
            const char *s; /* UTF-8, NUL-terminated (arena) */
            uint32_t len;  /* bytes */
        } name;            /* ATOM, VAR */
        struct {
            const uint32_t *chars; /* code points (arena) */
            uint32_t len;
        } str;             /* STRING */
        struct {
            int64_t v;       /* INT when big == NULL; CHAR: the code point */
            const char *big; /* INT out of int64 range: decimal text */
            bool too_big;    /* INT of more than LEX_MAX_INT_BITS bits, which
                              * the parser refuses (erl_scan has no limit;
                              * beamlet's bytecode has) */
        } i;
        double f;    /* FLOAT */
        uint32_t ch; /* OTHER: the character */
    } u;
} Token;

/* A growable array of tokens (malloc'd). */
typedef struct {
    Token *v;
    int n, cap;
} TokVec;

bool tokvec_push(TokVec *tv, const Token *t);
/* Makes room for n tokens in all. */
bool tokvec_reserve(TokVec *tv, int n);
void tokvec_free(TokVec *tv);

typedef enum {
    LEX_FORM,    /* tokens ending with a DOT */
    LEX_PARTIAL, /* the text ended before a dot: tokens without one */
    LEX_EOF,     /* nothing left */
    LEX_ERROR,   /* a scanning error (err_*): no tokens; call again */
    LEX_FATAL,   /* bytes that are not UTF-8: give up on this text */
} LexStatus;

typedef struct {
    AstArena *arena;
    const char *src;
    size_t len, pos;
    int line, col;
    /* the last LEX_ERROR / LEX_FATAL: message (static or arena) and place */
    const char *err_msg;
    int err_line, err_col;
    /* scratch for string contents */
    uint32_t *tmp;
    size_t tmp_n, tmp_cap;
    bool oom;
} Lexer;

void lex_init(Lexer *lx, AstArena *arena, const char *src, size_t len);
void lex_free(Lexer *lx);
LexStatus lex_form(Lexer *lx, TokVec *out);

/* How erl_parse names a token in "syntax error before: ..." ('case',
 * '(', foo, 'Foo', X, 42, "str", $a; an END token is empty). */
void lex_token_text(AstBuf *b, const Token *t);
/* How epp writes a token when stringifying a macro argument (??Arg). */
void lex_token_src(AstBuf *b, const Token *t);
/* How epp writes a token's symbol in "illegal macro call '?...'". */
void lex_token_symbol(AstBuf *b, const Token *t);
/* The spelling of a keyword or punctuation kind ("" for others). */
const char *lex_kind_text(TokKind k);

#endif
