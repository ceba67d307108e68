/* data_file.h - reads the data files of tests/unit/data/ (the tables erl
 * computed for test_print.c, test_arith.c and test_math.c; the format is in
 * tests/unit/data/README.md). Static functions, included once by each test.
 *
 * The folder is $BEAMLET_TEST_DATA, else tests/unit/data below the current
 * directory, the repository root where `make test` runs the tests. A file
 * that is missing, a record without the fields its test expects, or a file
 * that does not close with its "end<TAB>N" line fails the test reading it,
 * naming the file and line: a table cannot pass by going unread. */
#include <errno.h>
#include <stdarg.h>

enum { DATA_MAX_FIELDS = 8 };

/* Not every test uses every reader. */
#define DATA_HELPER static __attribute__((unused))

typedef struct {
    char path[512];
    FILE *f;
    StrBuf rec;         /* the current record; field[] points into it */
    char *ahead;        /* the next line, read while looking for continuations */
    size_t ahead_cap;
    int ahead_line;     /* its line number; 0 at the end of the file */
    int lineno;         /* lines read so far */
    int line;           /* where the current record starts */
    char *field[DATA_MAX_FIELDS];
    int nfields;
    long records;
} DataFile;

/* Fails the running test with the file and line of the current record. */
#define data_fail(d, ...) ck_abort_msg("%s:%d: %s", (d)->path, (d)->line, data_msg(__VA_ARGS__))
#define data_check(d, cond, ...) \
    do { if (!(cond)) data_fail(d, __VA_ARGS__); } while (0)

static const char *data_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static const char *data_msg(const char *fmt, ...)
{
    static char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return msg;
}

/* Reads the next line that is not a comment or blank into d->ahead, without
 * its newline; ahead_line 0 at the end of the file. */
static void read_ahead(DataFile *d)
{
    for (;;) {
        ssize_t n = getline(&d->ahead, &d->ahead_cap, d->f);
        if (n < 0) {
            ck_assert_msg(!ferror(d->f), "%s:%d: cannot read: %s", d->path, d->lineno + 1, strerror(errno));
            d->ahead_line = 0;
            return;
        }
        d->lineno++;
        if (n > 0 && d->ahead[n - 1] == '\n')
            d->ahead[--n] = 0;
        if (n > 0 && d->ahead[0] != '#') {
            d->ahead_line = d->lineno;
            return;
        }
    }
}

static void data_open(DataFile *d, const char *name)
{
    memset(d, 0, sizeof *d);
    const char *dir = getenv("BEAMLET_TEST_DATA");
    snprintf(d->path, sizeof d->path, "%s/%s", dir && *dir ? dir : "tests/unit/data", name);
    d->f = fopen(d->path, "r");
    ck_assert_msg(d->f != NULL,
                  "cannot open %s: %s (the unit tests read their tables relative to the repository "
                  "root, where `make test` runs them; elsewhere set BEAMLET_TEST_DATA to the folder)",
                  d->path, strerror(errno));
    read_ahead(d);
}

static void data_close(DataFile *d)
{
    fclose(d->f);
    free(d->ahead);
    sb_free(&d->rec);
}

/* Checks the closing "end<TAB>N" record, the current one, and that nothing
 * follows it. */
static void check_end(DataFile *d)
{
    char *stop;
    data_check(d, d->nfields == 2, "the end line is \"end<TAB>records\"");
    long n = strtol(d->field[1], &stop, 10);
    data_check(d, *d->field[1] && !*stop && n == d->records, "the file has %ld records, its end line says %s",
               d->records, d->field[1]);
    data_check(d, d->ahead_line == 0, "line %d follows the end line", d->ahead_line);
}

/* The next record into d->field[0..nfields), continuation lines joined to
 * its last field with newlines; false at the end line, after checking it. */
static bool data_next(DataFile *d)
{
    d->line = d->ahead_line ? d->ahead_line : d->lineno;
    data_check(d, d->ahead_line != 0, "the file ends without its \"end<TAB>N\" line (cut short?)");
    data_check(d, d->ahead[0] != '\t', "a continuation line with no record above it");
    sb_truncate(&d->rec, 0);
    sb_adds(&d->rec, d->ahead);
    for (read_ahead(d); d->ahead_line && d->ahead[0] == '\t'; read_ahead(d)) {
        sb_addc(&d->rec, '\n');
        sb_adds(&d->rec, d->ahead + 1);
    }
    d->nfields = 0;
    for (char *s = d->rec.data;; s++) {
        data_check(d, d->nfields < DATA_MAX_FIELDS, "more than %d fields", DATA_MAX_FIELDS);
        d->field[d->nfields++] = s;
        s += strcspn(s, "\t");
        if (!*s)
            break;
        *s = 0;
    }
    if (strcmp(d->field[0], "end") == 0) {
        check_end(d);
        return false;
    }
    d->records++;
    return true;
}

/* The current record must have from min to max fields. */
DATA_HELPER void data_fields(DataFile *d, int min, int max)
{
    data_check(d, d->nfields >= min && d->nfields <= max, "%d fields, expected %d to %d", d->nfields, min, max);
}

/* A field that must be a whole decimal number. */
DATA_HELPER long data_long(DataFile *d, int i)
{
    char *stop;
    errno = 0;
    long v = strtol(d->field[i], &stop, 10);
    data_check(d, *d->field[i] && !*stop && errno == 0, "field %d is not a number: %s", i + 1, d->field[i]);
    return v;
}
