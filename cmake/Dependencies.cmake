# Finds every third-party dependency; a missing one stops configuration with a message that
# names the Debian package to install (scripts/install-deps.sh installs them all).

function(kg_missing what pkg)
  message(FATAL_ERROR "kg: ${what} not found. Install the Debian package '${pkg}' "
                      "(or run: sudo scripts/install-deps.sh).")
endfunction()

find_package(Threads REQUIRED)

find_package(RocksDB CONFIG QUIET)
if(NOT RocksDB_FOUND)
  find_path(ROCKSDB_INCLUDE_DIR rocksdb/db.h)
  find_library(ROCKSDB_LIBRARY rocksdb)
  if(NOT ROCKSDB_INCLUDE_DIR OR NOT ROCKSDB_LIBRARY)
    kg_missing("RocksDB" "librocksdb-dev")
  endif()
  add_library(RocksDB::rocksdb UNKNOWN IMPORTED)
  set_target_properties(RocksDB::rocksdb PROPERTIES IMPORTED_LOCATION ${ROCKSDB_LIBRARY}
                        INTERFACE_INCLUDE_DIRECTORIES ${ROCKSDB_INCLUDE_DIR})
endif()
if(TARGET RocksDB::rocksdb-shared AND NOT TARGET RocksDB::rocksdb)
  add_library(RocksDB::rocksdb ALIAS RocksDB::rocksdb-shared)
endif()

find_package(Boost 1.74 QUIET)
if(NOT Boost_FOUND OR NOT EXISTS "${Boost_INCLUDE_DIRS}/boost/graph/compressed_sparse_row_graph.hpp")
  kg_missing("Boost.Graph" "libboost-graph-dev")
endif()

find_path(CEREAL_INCLUDE_DIR cereal/cereal.hpp)
if(NOT CEREAL_INCLUDE_DIR)
  kg_missing("cereal" "libcereal-dev")
endif()

find_package(PkgConfig QUIET)
find_path(SERD_INCLUDE_DIR serd/serd.h PATH_SUFFIXES serd-0)
find_library(SERD_LIBRARY serd-0)
if(NOT SERD_INCLUDE_DIR OR NOT SERD_LIBRARY)
  kg_missing("serd" "libserd-dev")
endif()
add_library(kg_serd INTERFACE)
target_include_directories(kg_serd INTERFACE ${SERD_INCLUDE_DIR})
target_link_libraries(kg_serd INTERFACE ${SERD_LIBRARY})

find_path(WORDNET_INCLUDE_DIR wn.h)
find_library(WORDNET_LIBRARY NAMES wordnet WN)
if(NOT WORDNET_INCLUDE_DIR OR NOT WORDNET_LIBRARY)
  kg_missing("WordNet library" "wordnet-dev")
endif()
if(NOT EXISTS /usr/share/wordnet/data.noun)
  kg_missing("WordNet database" "wordnet-base")
endif()
add_library(kg_wordnet INTERFACE)
target_include_directories(kg_wordnet INTERFACE ${WORDNET_INCLUDE_DIR})
target_link_libraries(kg_wordnet INTERFACE ${WORDNET_LIBRARY})
set(KG_WORDNET_DICT "/usr/share/wordnet" CACHE PATH "WordNet database directory")

# zlib: its crc32 checks model files (the same CRC-32 the format has always used).
find_package(ZLIB QUIET)
if(NOT ZLIB_FOUND)
  kg_missing("zlib" "zlib1g-dev")
endif()

find_package(CLI11 CONFIG QUIET)
if(NOT CLI11_FOUND)
  kg_missing("CLI11" "libcli11-dev")
endif()

find_package(nlohmann_json CONFIG QUIET)
if(NOT nlohmann_json_FOUND)
  kg_missing("nlohmann-json" "nlohmann-json3-dev")
endif()

# kg serve: cpp-httplib. Debian ships it as a compiled library whose pkg-config file carries
# the defines it was built with (TLS, zlib, brotli), so it is taken from pkg-config.
if(PkgConfig_FOUND)
  pkg_check_modules(HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
endif()
if(NOT HTTPLIB_FOUND)
  kg_missing("cpp-httplib" "libcpp-httplib-dev")
endif()

if(KG_BUILD_TESTS)
  find_package(GTest QUIET)
  if(NOT GTest_FOUND)
    kg_missing("GoogleTest" "libgtest-dev")
  endif()
endif()

if(KG_BUILD_BENCH)
  find_package(benchmark QUIET)
  if(NOT benchmark_FOUND)
    kg_missing("Google Benchmark" "libbenchmark-dev")
  endif()
  find_package(SQLite3 QUIET)
  if(NOT SQLite3_FOUND)
    kg_missing("SQLite" "libsqlite3-dev")
  endif()
endif()
