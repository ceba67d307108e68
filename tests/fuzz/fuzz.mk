# tests/fuzz/fuzz.mk - fuzzing beamlet's loader. Run from the repository
# root (the Makefile's `make fuzz` does `$(MAKE) -f tests/fuzz/fuzz.mk`).
#
#   make -f tests/fuzz/fuzz.mk           build the libFuzzer target with clang
#                                        and run it for FUZZ_TIME seconds
#                                        (default 60), seeded with the examples;
#                                        fails if it finds a crash, a sanitizer
#                                        report, a leak or a malformed message
#   make -f tests/fuzz/fuzz.mk mutate    the mutation acceptance test: MUTANTS
#                                        (default 10000) random mutations, then
#                                        every truncation, of each examples/*.s,
#                                        each loaded and run under ASan + UBSan
#   make -f tests/fuzz/fuzz.mk fuzz-build / mutate-build   only build
#
# Settings: FUZZ_TIME, FUZZ_ARGS (more libFuzzer flags, e.g. -jobs=4),
# MUTANTS, SEED, TIME_MS (per run), JOBS (parallel runs), CLANG, and the
# folders FUZZ_DIR (build/fuzz) and ASAN_DIR (build/asan).
# Everything goes to build/fuzz/ (the clang library in build/fuzz/lib/,
# the corpus in build/fuzz/corpus/, crashes as build/fuzz/crash-*, failing
# mutants in build/fuzz/failures/), and the ASan library to build/asan/.

CLANG      ?= clang
FUZZ_DIR   ?= build/fuzz
FUZZ_TIME  ?= 60
FUZZ_ARGS  ?=
MUTANTS    ?= 10000
SEED       ?= 1
TIME_MS    ?= 1000
JOBS       ?= 0

SAN        := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_LIB   := $(FUZZ_DIR)/lib/libbeamlet.a
FUZZ_ASM   := $(FUZZ_DIR)/lib/beamlet
TARGET     := $(FUZZ_DIR)/fuzz_loader
SEEDS      := $(FUZZ_DIR)/seeds
CORPUS     := $(FUZZ_DIR)/corpus
ASAN_DIR   ?= build/asan
ASAN_LIB   := $(ASAN_DIR)/libbeamlet.a
MUTATE     := $(FUZZ_DIR)/mutate
WARN       := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
LIBS       := -lgmp -lffi -lm -pthread
EXAMPLES   := $(wildcard examples/*.s)

.PHONY: fuzz fuzz-build seeds mutate mutate-build FORCE

fuzz: fuzz-build seeds
	@mkdir -p $(CORPUS)
	$(TARGET) -max_total_time=$(FUZZ_TIME) -timeout=20 -rss_limit_mb=4096 \
	    -dict=tests/fuzz/bc.dict -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_ARGS) $(CORPUS) $(SEEDS)

fuzz-build: $(TARGET)

# The library and a beamlet (for assembling the seeds), instrumented for
# libFuzzer's coverage and built with clang by the main Makefile.
$(FUZZ_ASM): $(FUZZ_LIB) ;
$(FUZZ_LIB): FORCE
	$(MAKE) BUILD=$(FUZZ_DIR)/lib CC=$(CLANG) OPT=-O1 EXTRA="-fsanitize=fuzzer-no-link $(SAN)" $(FUZZ_LIB) $(FUZZ_ASM)

$(TARGET): tests/fuzz/fuzz_loader.c $(FUZZ_LIB)
	$(CLANG) -std=gnu11 -O1 -g -fsanitize=fuzzer $(SAN) $(WARN) -Ivm -Iasm -o $@ $< $(FUZZ_LIB) $(LIBS)

# The seed corpus: the examples, assembled (those that assemble).
seeds: $(FUZZ_ASM)
	@mkdir -p $(SEEDS)
	@for s in $(EXAMPLES); do \
	    $(FUZZ_ASM) asm $$s -o $(SEEDS)/$$(basename $$s .s).bc 2>/dev/null || echo "seeds: $$s does not assemble, left out"; \
	done

mutate: mutate-build
	MUTATE=$(MUTATE) MUTANTS=$(MUTANTS) SEED=$(SEED) TIME_MS=$(TIME_MS) JOBS=$(JOBS) \
	    OUT=$(FUZZ_DIR)/failures tests/fuzz/mutate.sh $(EXAMPLES)

mutate-build: $(MUTATE)

$(ASAN_LIB): FORCE
	$(MAKE) BUILD=$(ASAN_DIR) OPT=-O1 EXTRA="$(SAN)" $(ASAN_LIB)

$(MUTATE): tests/fuzz/mutate.c $(ASAN_LIB)
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O1 -g $(SAN) $(WARN) -pthread -Ivm -Iasm -o $@ $< $(ASAN_LIB) $(LIBS)

FORCE:

# ---- the compiler: any bytes as an Erlang source (tests/fuzz/fuzz_compile.c)
#
#   make -f tests/fuzz/fuzz.mk fuzz-compile        build and run it for
#                                                  FUZZ_TIME seconds
#   make -f tests/fuzz/fuzz.mk fuzz-compile-build  only build
#
# Seeds: the Erlang programs of the repository (tests/compile, tests/diff,
# lib, tests/bad/erl); corpus in build/fuzz/corpus_compile/, crashes as
# build/fuzz/compile-crash-*, with a dictionary of Erlang's keywords and
# operators written into build/fuzz/erl.dict.
COMPILE_TARGET := $(FUZZ_DIR)/fuzz_compile
COMPILE_SEEDS  := $(FUZZ_DIR)/seeds_compile
COMPILE_CORPUS := $(FUZZ_DIR)/corpus_compile
COMPILE_DICT   := $(FUZZ_DIR)/erl.dict
ERL_SEEDS      := $(wildcard tests/compile/*.erl tests/diff/*.erl lib/*.erl tests/bad/erl/*.erl)
define ERL_DICT
"after"
"and"
"andalso"
"band"
"begin"
"bnot"
"bor"
"bsl"
"bsr"
"bxor"
"case"
"catch"
"div"
"end"
"fun"
"if"
"not"
"of"
"or"
"orelse"
"receive"
"rem"
"try"
"when"
"xor"
"-module("
"-export(["
"-import("
"-record("
"-define("
"-undef("
"-ifdef("
"-ifndef("
"-else."
"-endif."
"-include(\""
"-include_lib(\""
"-if("
"-elif("
"-error("
"-warning("
"-file("
"-compile("
"-spec"
"-type"
"?MODULE"
"?LINE"
"?FILE"
"??"
"?FUNCTION_NAME"
"->"
"<-"
"<="
"=>"
":="
"::"
"||"
"++"
"--"
"=="
"/="
"=<"
">="
"=:="
"=/="
"<<"
">>"
"erlang:error"
"throw"
"exit"
"is_integer"
"is_atom"
"element"
"length"
"self"
"spawn"
"16#ff"
"1.0e10"
"_"
"%%%%"
"#r{"
"#r."
"$$\\n"
"\\x{ff}"
"\x0a"
"\x22"
"\x27"
endef

.PHONY: fuzz-compile fuzz-compile-build compile-seeds

fuzz-compile: fuzz-compile-build compile-seeds
	@mkdir -p $(COMPILE_CORPUS)
	$(COMPILE_TARGET) -max_total_time=$(FUZZ_TIME) -timeout=5 -rss_limit_mb=4096 -max_len=16384 \
	    -dict=$(COMPILE_DICT) -artifact_prefix=$(FUZZ_DIR)/compile- $(FUZZ_ARGS) $(COMPILE_CORPUS) $(COMPILE_SEEDS)

fuzz-compile-build: $(COMPILE_TARGET)

$(COMPILE_TARGET): tests/fuzz/fuzz_compile.c $(FUZZ_LIB)
	$(CLANG) -std=gnu11 -O1 -g -fsanitize=fuzzer $(SAN) $(WARN) -Ivm -Iasm -Icompiler -o $@ $< $(FUZZ_LIB) $(LIBS)

# (the folder first: $(file) runs when make expands the recipe)
compile-seeds: | $(COMPILE_SEEDS)
	@mkdir -p $(COMPILE_SEEDS)
	@for s in $(ERL_SEEDS); do cp $$s $(COMPILE_SEEDS)/$$(echo $$s | tr / _); done
	$(file >$(COMPILE_DICT),$(ERL_DICT))

$(COMPILE_SEEDS):
	mkdir -p $@
