/* codegen_bif.c - what the code generator knows of BIFs (codegen.h): the
 * auto-imported functions, guard BIFs and type tests of OTP 25, and which
 * calls become bif / gc_bif instructions rather than calls. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_int.h"

#include "export.h"

/* ---- BIF knowledge */

typedef struct {
    const char *mod, *name;
    int arity;
    int flags;
} BifInfo;

static const BifInfo vm_bifs[] = {
#define BIF(mod, name, arity, fn, flags) { #mod, name, arity, flags },
#include "bifs.def"
#undef BIF
};

static const BifInfo *vm_bif(const char *mod, const char *name, int arity)
{
    for (size_t i = 0; i < sizeof vm_bifs / sizeof vm_bifs[0]; i++)
        if (vm_bifs[i].arity == arity && strcmp(vm_bifs[i].name, name) == 0 && strcmp(vm_bifs[i].mod, mod) == 0)
            return &vm_bifs[i];
    return NULL;
}

typedef struct {
    const char *name;
    int arity;
} FA;

static bool fa_in(const FA *t, size_t n, const char *name, int arity)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].arity == arity && strcmp(t[i].name, name) == 0)
            return true;
    return false;
}

/* erl_internal:bif/2 of OTP 25. */
static const FA auto_imports[] = {
    {"abs",1},{"alias",0},{"alias",1},{"apply",2},{"apply",3},{"atom_to_binary",1},{"atom_to_binary",2},
    {"atom_to_list",1},{"binary_part",2},{"binary_part",3},{"binary_to_atom",1},{"binary_to_atom",2},
    {"binary_to_existing_atom",1},{"binary_to_existing_atom",2},{"binary_to_float",1},{"binary_to_integer",1},
    {"binary_to_integer",2},{"binary_to_list",1},{"binary_to_list",3},{"binary_to_term",1},{"binary_to_term",2},
    {"bit_size",1},{"bitstring_to_list",1},{"byte_size",1},{"ceil",1},{"check_old_code",1},
    {"check_process_code",2},{"check_process_code",3},{"date",0},{"delete_module",1},{"demonitor",1},
    {"demonitor",2},{"disconnect_node",1},{"element",2},{"erase",0},{"erase",1},{"error",1},{"error",2},
    {"error",3},{"exit",1},{"exit",2},{"float",1},{"float_to_binary",1},{"float_to_binary",2},
    {"float_to_list",1},{"float_to_list",2},{"floor",1},{"garbage_collect",0},{"garbage_collect",1},
    {"garbage_collect",2},{"get",0},{"get",1},{"get_keys",0},{"get_keys",1},{"group_leader",0},
    {"group_leader",2},{"halt",0},{"halt",1},{"halt",2},{"hd",1},{"integer_to_binary",1},
    {"integer_to_binary",2},{"integer_to_list",1},{"integer_to_list",2},{"iolist_size",1},
    {"iolist_to_binary",1},{"is_alive",0},{"is_atom",1},{"is_binary",1},{"is_bitstring",1},{"is_boolean",1},
    {"is_float",1},{"is_function",1},{"is_function",2},{"is_integer",1},{"is_list",1},{"is_map",1},
    {"is_map_key",2},{"is_number",1},{"is_pid",1},{"is_port",1},{"is_process_alive",1},{"is_record",2},
    {"is_record",3},{"is_reference",1},{"is_tuple",1},{"length",1},{"link",1},{"list_to_atom",1},
    {"list_to_binary",1},{"list_to_bitstring",1},{"list_to_existing_atom",1},{"list_to_float",1},
    {"list_to_integer",1},{"list_to_integer",2},{"list_to_pid",1},{"list_to_port",1},{"list_to_ref",1},
    {"list_to_tuple",1},{"load_module",2},{"make_ref",0},{"map_get",2},{"map_size",1},{"max",2},{"min",2},
    {"module_loaded",1},{"monitor",2},{"monitor",3},{"monitor_node",2},{"node",0},{"node",1},{"nodes",0},
    {"nodes",1},{"nodes",2},{"now",0},{"open_port",2},{"pid_to_list",1},{"port_close",1},{"port_command",2},
    {"port_command",3},{"port_connect",2},{"port_control",3},{"port_to_list",1},{"pre_loaded",0},
    {"process_flag",2},{"process_flag",3},{"process_info",1},{"process_info",2},{"processes",0},
    {"purge_module",1},{"put",2},{"ref_to_list",1},{"register",2},{"registered",0},{"round",1},{"self",0},
    {"setelement",3},{"size",1},{"spawn",1},{"spawn",2},{"spawn",3},{"spawn",4},{"spawn_link",1},
    {"spawn_link",2},{"spawn_link",3},{"spawn_link",4},{"spawn_monitor",1},{"spawn_monitor",2},
    {"spawn_monitor",3},{"spawn_monitor",4},{"spawn_opt",2},{"spawn_opt",3},{"spawn_opt",4},{"spawn_opt",5},
    {"spawn_request",1},{"spawn_request",2},{"spawn_request",3},{"spawn_request",4},{"spawn_request",5},
    {"spawn_request_abandon",1},{"split_binary",2},{"statistics",1},{"term_to_binary",1},
    {"term_to_binary",2},{"term_to_iovec",1},{"term_to_iovec",2},{"throw",1},{"time",0},{"tl",1},
    {"trunc",1},{"tuple_size",1},{"tuple_to_list",1},{"unalias",1},{"unlink",1},{"unregister",1},
    {"whereis",1},
};

/* erl_internal:guard_bif/2 of OTP 25. */
static const FA guard_bifs[] = {
    {"abs",1},{"binary_part",2},{"binary_part",3},{"bit_size",1},{"byte_size",1},{"ceil",1},{"element",2},
    {"float",1},{"floor",1},{"hd",1},{"is_atom",1},{"is_binary",1},{"is_bitstring",1},{"is_boolean",1},
    {"is_float",1},{"is_function",1},{"is_function",2},{"is_integer",1},{"is_list",1},{"is_map",1},
    {"is_map_key",2},{"is_number",1},{"is_pid",1},{"is_port",1},{"is_record",2},{"is_record",3},
    {"is_reference",1},{"is_tuple",1},{"length",1},{"map_get",2},{"map_size",1},{"node",0},{"node",1},
    {"round",1},{"self",0},{"size",1},{"tl",1},{"trunc",1},{"tuple_size",1},
};

static const FA type_tests[] = {
    {"is_atom",1},{"is_binary",1},{"is_bitstring",1},{"is_boolean",1},{"is_float",1},{"is_function",1},
    {"is_function",2},{"is_integer",1},{"is_list",1},{"is_map",1},{"is_number",1},{"is_pid",1},
    {"is_port",1},{"is_record",2},{"is_record",3},{"is_reference",1},{"is_tuple",1},
};

/* BIFs erlc calls with gc_bif (they may build a bignum, a float...). */
static const FA gc_bifs[] = {
    {"length",1},{"size",1},{"bit_size",1},{"byte_size",1},{"map_size",1},{"abs",1},{"float",1},
    {"round",1},{"trunc",1},{"ceil",1},{"floor",1},{"binary_part",2},{"binary_part",3},
    {"+",2},{"-",2},{"*",2},{"/",2},{"div",2},{"rem",2},{"band",2},{"bor",2},{"bxor",2},{"bsl",2},
    {"bsr",2},{"bnot",1},{"-",1},{"+",1},
};

static bool is_operator(const char *name, int arity)
{
    static const char *const ops2[] = { "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr",
                                        "and", "or", "xor", "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=" };
    if (arity == 2) {
        for (size_t i = 0; i < sizeof ops2 / sizeof ops2[0]; i++)
            if (strcmp(ops2[i], name) == 0)
                return true;
        return false;
    }
    return arity == 1 && (strcmp(name, "not") == 0 || strcmp(name, "bnot") == 0 || strcmp(name, "-") == 0 ||
                          strcmp(name, "+") == 0);
}

bool cg_is_auto_imported(const char *name, int arity)
{
    return fa_in(auto_imports, sizeof auto_imports / sizeof auto_imports[0], name, arity);
}

bool cg_is_guard_bif(const char *name, int arity)
{
    return fa_in(guard_bifs, sizeof guard_bifs / sizeof guard_bifs[0], name, arity) || is_operator(name, arity);
}

bool cg_is_type_test(const char *name, int arity)
{
    return fa_in(type_tests, sizeof type_tests / sizeof type_tests[0], name, arity);
}

/* Does erlang:name/arity run as a bif/gc_bif instruction rather than a
 * call? Guard BIFs and operators do; gc tells which instruction. BIFs the
 * VM lacks are still emitted as erlc would: the loader then says so. */
bool cg_bif_is_gc(const char *name, int arity)
{
    const BifInfo *b = vm_bif("erlang", name, arity);
    return fa_in(gc_bifs, sizeof gc_bifs / sizeof gc_bifs[0], name, arity) || (b && (b->flags & BIF_GC));
}

/* In a body, does erlang:name/arity run as a bif/gc_bif instruction
 * rather than a call? Guard BIFs and operators do, as with erlc, when the
 * VM has them; others are called (a missing one raises undef only when
 * the call runs, instead of failing the whole module at load). */
bool cg_body_bif(const char *name, int arity, bool *gc)
{
    if (!cg_is_guard_bif(name, arity) || !vm_bif("erlang", name, arity))
        return false;
    *gc = cg_bif_is_gc(name, arity);
    return true;
}
