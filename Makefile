# beamlet - a BEAM-like virtual machine.
#
# make            build build/beamlet (release)
# make test       unit, end-to-end, bad-input and differential tests
# make asan       the whole test suite under AddressSanitizer + UBSan
# make tsan       the whole test suite under ThreadSanitizer
# make switch     the test suite with the switch-dispatch interpreter
# make fuzz       build and briefly run the libFuzzer targets (clang)
# make bench      benchmarks side by side with erl and Lua
# make deps       install the Debian packages needed (as root)
# make install    install to $(PREFIX)

# ---- settings
CC       ?= cc
PREFIX   ?= /usr/local
BUILD    ?= build
OPT      ?= -O2
EXTRA    ?=
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-unused-parameter
CFLAGS   ?=
ALL_CFLAGS := -std=gnu11 $(OPT) -g $(WARN) $(CFLAGS) $(EXTRA) -pthread -MMD -MP
LDLIBS   := -lgmp -lffi -lm -pthread
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lm)

DEB_PACKAGES := build-essential pkg-config libgmp-dev libffi-dev check clang llvm libclang-rt-dev erlang-base lua5.4 luajit python3

# ---- sources
LIB_SRC  := $(filter-out vm/main.c,$(wildcard vm/*.c)) $(wildcard asm/*.c) $(wildcard compiler/*.c)
MAIN_SRC := vm/main.c
TEST_SRC := $(wildcard tests/unit/test_*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
MAIN_OBJ := $(MAIN_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIBA     := $(BUILD)/libbeamlet.a
BEAMLET  := $(BUILD)/beamlet
# The standard library, compiled by beamlet itself into lib/ beside it.
STDLIB   := $(patsubst lib/%.erl,$(BUILD)/lib/%.bc,$(wildcard lib/*.erl))

.PHONY: all test unit e2e asan tsan switch fuzz bench deps install clean check-deps docs

all: check-deps $(BEAMLET) $(STDLIB)

# Names any missing package instead of failing with a compiler error.
check-deps:
	@missing=""; \
	[ -f /usr/include/gmp.h ] || [ -f /usr/include/x86_64-linux-gnu/gmp.h ] || [ -f /usr/include/aarch64-linux-gnu/gmp.h ] || missing="$$missing libgmp-dev"; \
	pkg-config --exists libffi 2>/dev/null || [ -f /usr/include/ffi.h ] || [ -f /usr/include/x86_64-linux-gnu/ffi.h ] || missing="$$missing libffi-dev"; \
	pkg-config --exists check 2>/dev/null || missing="$$missing check"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	if [ -n "$$missing" ]; then \
	  echo "beamlet: missing packages:$$missing"; \
	  echo "install them with: sudo make deps   (apt-get install$$missing)"; exit 1; fi

deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEB_PACKAGES)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Ivm -Iasm -Icompiler -c $< -o $@

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BEAMLET): $(MAIN_OBJ) $(LIBA)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/lib/%.bc: lib/%.erl $(BEAMLET)
	@mkdir -p $(dir $@)
	$(BEAMLET) compile $< -o $@

$(BUILD)/tests/%: tests/unit/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Ivm -Iasm -Icompiler -Itests/unit -o $@ $< $(LIBA) $(CHECK_LIBS) $(LDLIBS)

$(BUILD)/gen_opcodes: docs/gen_opcodes.c vm/opcodes.def
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -Wall -Wextra -Werror -Ivm -o $@ $<

# Rewrites the instruction table of docs/asm.md from vm/opcodes.def.
docs: $(BUILD)/gen_opcodes
	docs/update_opcodes.sh $(BUILD)/gen_opcodes

# ---- tests
# FILE=tests/unit/test_x.c or FILE=tests/e2e/prog.s runs just that one.
test: all $(TEST_BIN) $(BUILD)/gen_opcodes
	@BUILD=$(BUILD) tests/run.sh $(FILE)

unit: all $(TEST_BIN)
	@BUILD=$(BUILD) tests/run.sh unit

asan:
	$(MAKE) BUILD=build/asan OPT=-O1 EXTRA="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

# Under ThreadSanitizer, garbage collection at every safe point (the GC
# stress runs) spends minutes in mmap/munmap of heaps, hence the longer limit
# per program and per differential run (a hang still fails).
tsan:
	PROGRAM_TIMEOUT=900 TIMEOUT=300 $(MAKE) BUILD=build/tsan OPT=-O1 EXTRA="-fsanitize=thread" test

switch:
	$(MAKE) BUILD=build/switch EXTRA="-DBL_SWITCH_DISPATCH" test

fuzz:
	$(MAKE) -f tests/fuzz/fuzz.mk

bench: all
	bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/beamlet/lib
	install -m 755 $(BEAMLET) $(DESTDIR)$(PREFIX)/bin/beamlet
	if ls $(BUILD)/lib/*.bc >/dev/null 2>&1; then install -m 644 $(BUILD)/lib/*.bc $(DESTDIR)$(PREFIX)/lib/beamlet/lib/; fi

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
