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
# (skipped with a message without clang's libFuzzer; see docs/RELIABILITY.md).
FUZZ_SECONDS ?= 10
test: test-deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@KG_FUZZ_BUILD=$(BUILD)-fuzz KG_FUZZ_JOBS=$(JOBS) scripts/fuzz.sh $(FUZZ_SECONDS)

# Longer fuzzing: make fuzz FUZZ_SECONDS=600
fuzz:
	@KG_FUZZ_BUILD=$(BUILD)-fuzz KG_FUZZ_JOBS=$(JOBS) scripts/fuzz.sh $(FUZZ_SECONDS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: test-deps
	@cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_SANITIZE=ON -DKG_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@cd $(BUILD)-asan && ctest --output-on-failure -j $(JOBS)

bench: build
	@scripts/bench.sh $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.h' '*.cc')

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
