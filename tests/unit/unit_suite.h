/* unit_suite.h - the Check boilerplate of the unit tests that include it:
 * a test case with its fixture and time limit, and main's run of a suite.
 * Static functions, included once by each test. */
#include <check.h>

/* A new test case of s, with a checked fixture where setup or teardown is
 * given and a time limit where timeout > 0 (else CK_DEFAULT_TIMEOUT, which
 * tests/run.sh sets, or Check's default). */
static __attribute__((unused)) TCase *unit_case(Suite *s, const char *name, SFun setup, SFun teardown,
                                                double timeout)
{
    TCase *tc = tcase_create(name);
    if (setup || teardown)
        tcase_add_checked_fixture(tc, setup, teardown);
    if (timeout > 0)
        tcase_set_timeout(tc, timeout);
    suite_add_tcase(s, tc);
    return tc;
}

/* Runs every test of s: main's exit status, 0 if all passed. */
static __attribute__((unused)) int unit_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
