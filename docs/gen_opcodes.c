/* gen_opcodes.c - prints the instruction reference table of docs/asm.md
 * from vm/opcodes.def, so the documentation cannot drift from the table
 * everything else is built from. `make docs` rewrites the table; `make test`
 * checks it is current. */
#include <stdio.h>

typedef struct {
    const char *name, *operands, *doc;
    int number;
} Op;

static const Op ops[] = {
#define OP(name, num, operands, doc) { #name, operands, doc, num },
#include "opcodes.def"
#undef OP
};

static const char *kind_name(char k)
{
    switch (k) {
    case 's': return "Src";
    case 'd': return "Dst";
    case 'x': return "X";
    case 'y': return "Y";
    case 'u': return "N";
    case 'f': return "Fail";
    case 'j': return "Label";
    case 'a': return "Atom";
    case 'e': return "ExtFunc";
    case 'b': return "Bif";
    case 'F': return "Lambda";
    case 'S': return "SelectList";
    case 'A': return "ArityList";
    case 'V': return "SrcList";
    case 'Y': return "YList";
    case 't': return "Tag";
    default: return "?";
    }
}

int main(void)
{
    printf("| # | instruction | operands | meaning |\n|---|---|---|---|\n");
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        printf("| %d | `%s` | ", ops[i].number, ops[i].name);
        for (const char *k = ops[i].operands; *k; k++)
            printf("%s%s", k == ops[i].operands ? "" : " ", kind_name(*k));
        printf(" | ");
        for (const char *d = ops[i].doc; *d; d++) {
            if (*d == '|')
                fputs("\\|", stdout);
            else
                putchar(*d);
        }
        printf(" |\n");
    }
    return 0;
}
