# Two commands: `make demo` and `make test`. Both install missing Debian packages first.
BUILD ?= build
JOBS ?= $(shell nproc)
KG := $(BUILD)/tools/kg
DB ?= kg.db

.PHONY: deps test-deps build demo test fuzz sanitize bench format clean

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(KG) $(DB)

# ctest, then every fuzz target for FUZZ_SECONDS plus its regression inputs
# (skipped with a message without clang's libFuzzer; see docs/RELIABILITY.md),
# then the whole suite again under ASan + UBSan in $(BUILD)-asan (about 25 min
# on 2 cores; `make test SANITIZE=0` leaves it out, saying so).
FUZZ_SECONDS ?= 10
SANITIZE ?= 1
test: test-deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@KG_FUZZ_BUILD=$(BUILD)-fuzz KG_FUZZ_JOBS=$(JOBS) scripts/fuzz.sh $(FUZZ_SECONDS)
	@if [ "$(SANITIZE)" = 1 ]; then \
	  KG_SANITIZE_BUILD=$(BUILD)-asan KG_SANITIZE_JOBS=$(JOBS) scripts/sanitize.sh; \
	else \
	  echo "sanitize: SANITIZE=$(SANITIZE); the ASan/UBSan suite (make sanitize) was not run"; \
	fi

# Longer fuzzing: make fuzz FUZZ_SECONDS=600
fuzz:
	@KG_FUZZ_BUILD=$(BUILD)-fuzz KG_FUZZ_JOBS=$(JOBS) scripts/fuzz.sh $(FUZZ_SECONDS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer; fails
# on a failing test or on any sanitizer report (see scripts/sanitize.sh).
sanitize: test-deps
	@KG_SANITIZE_BUILD=$(BUILD)-asan KG_SANITIZE_JOBS=$(JOBS) scripts/sanitize.sh

bench: build
	@scripts/bench.sh $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.h' '*.cc')

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
