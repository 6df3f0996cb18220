# kgbuild_add_test(NAME [SOURCES ...]): one Catch2 executable per component, named after it
# (tests/unit/test_NAME.cpp), registered with CTest under the "unit" label.
function(kgbuild_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LABELS" ${ARGN})
  if(NOT ARG_SOURCES)
    set(ARG_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_${name}.cpp)
  endif()
  add_executable(test_${name} ${ARG_SOURCES})
  target_link_libraries(test_${name} PRIVATE kgbuild-catch-main kgbuild-core)
  target_compile_options(test_${name} PRIVATE ${KGBUILD_WARNINGS})
  target_compile_definitions(test_${name} PRIVATE KGBUILD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  add_test(NAME unit.${name} COMMAND test_${name})
  set_tests_properties(unit.${name} PROPERTIES LABELS "unit;${ARG_LABELS}"
                       ENVIRONMENT "KGBUILD_DATA_DIR=${CMAKE_SOURCE_DIR}/extractor")
endfunction()
