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
