# ctest script (cmake -P): installs the kg build into a temporary prefix, then
# configures, builds and runs examples/who_met against the installed package
# only — find_package(kg) + kg::kg, and again through pkg-config.
# Inputs: KG_BUILD_DIR, KG_SOURCE_DIR, WORK_DIR, CXX.
cmake_minimum_required(VERSION 3.20)

function(run)
  cmake_parse_arguments(R "" "OUTPUT" "COMMAND" ${ARGN})
  execute_process(COMMAND ${R_COMMAND} RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${R_COMMAND}")
    message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}\n${err}")
  endif()
  if(R_OUTPUT)
    set(${R_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

function(expect_contains text what)
  string(FIND "${text}" "${what}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected '${what}' in:\n${text}")
  endif()
endfunction()

set(prefix ${WORK_DIR}/prefix)
set(store ${WORK_DIR}/store)
set(example ${KG_SOURCE_DIR}/examples/who_met)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

run(COMMAND ${CMAKE_COMMAND} --install ${KG_BUILD_DIR} --prefix ${prefix})
foreach(f include/kg/kg.h include/kg/storage/status.h include/kg/storage/term.h
          lib/libkg.a share/kg/en_ud.kgm lib/cmake/kg/kgConfig.cmake
          lib/cmake/kg/kgConfigVersion.cmake lib/pkgconfig/kg.pc bin/kg)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${prefix}/${f}")
  endif()
endforeach()

# find_package(kg): configure and build the example against the prefix.
run(COMMAND ${CMAKE_COMMAND} -S ${example} -B ${WORK_DIR}/build
            -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX}
            -DCMAKE_PREFIX_PATH=${prefix})
run(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
set(who ${CMAKE_COMMAND} -E env --unset=KG_MODEL ${WORK_DIR}/build/who_met)

run(COMMAND ${who} ${store} ingest ${example}/leaders.txt OUTPUT out)
expect_contains("${out}" "3 sentences")
# The parser model used was the installed one, found without any setting.
run(COMMAND ${who} ${store} model OUTPUT model)
expect_contains("${model}" "${prefix}/share/kg/en_ud.kgm")
run(COMMAND ${who} ${store} neighbours "Angela Merkel" OUTPUT out)
expect_contains("${out}" "Angela Merkel -[meet]-> Emmanuel Macron")
run(COMMAND ${who} ${store} query
            "SELECT ?who WHERE { ?who <http://kg.local/rel/meet> <http://kg.local/entity/Olaf_Scholz> }"
            OUTPUT out)
expect_contains("${out}" "?who\nhttp://kg.local/entity/Emmanuel_Macron\n")
run(COMMAND ${who} ${store} why "Angela Merkel" met "Emmanuel Macron" OUTPUT out)
expect_contains("${out}" "sentence 0: Angela Merkel met Emmanuel Macron in Paris")

# pkg-config: the same program compiled by hand from kg.pc's flags.
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
  run(COMMAND ${PKG_CONFIG} --cflags --libs kg OUTPUT flags)
  string(STRIP "${flags}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(COMMAND ${CXX} -O1 ${example}/main.cc -o ${WORK_DIR}/who_met_pc ${flags})
  run(COMMAND ${WORK_DIR}/who_met_pc ${store} query
              "ASK { <http://kg.local/entity/Angela_Merkel> <http://kg.local/rel/meet> ?x }"
              OUTPUT out)
  expect_contains("${out}" "?ask\ntrue\n")
else()
  message(STATUS "pkg-config not installed; kg.pc not exercised")
endif()
message(STATUS "installed package and example OK")
