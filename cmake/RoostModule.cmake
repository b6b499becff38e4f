# roost_module(NAME DEPS ...): a static library roost_NAME from the .cc files
# in the calling folder, and a test binary NAME_tests from the *_test.cc files
# beside them (LevelDB habit: the test lives next to the code it tests).
# New files are picked up on the next build (CONFIGURE_DEPENDS).
function(roost_module NAME)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB _all CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  file(GLOB _tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  set(_srcs ${_all})
  if(_tests)
    list(REMOVE_ITEM _srcs ${_tests})
  endif()
  if(_srcs)
    add_library(roost_${NAME} STATIC ${_srcs})
    set(_scope PUBLIC)
  else()
    # A module with headers only (or not written yet) is still linkable.
    add_library(roost_${NAME} INTERFACE)
    set(_scope INTERFACE)
  endif()
  target_include_directories(roost_${NAME} ${_scope} ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(roost_${NAME} ${_scope} ${ARG_DEPS})
  if(_tests)
    add_executable(${NAME}_tests ${_tests})
    target_link_libraries(${NAME}_tests PRIVATE roost_${NAME} roost_testing ${ARG_TEST_DEPS} GTest::gtest GTest::gtest_main)
    # Tests find the checkout (golden files, ../shared/data, node_modules)
    # through tests/testing/test_util.h; only one variable is set here
    # because gtest_discover_tests splits ENVIRONMENT lists.
    gtest_discover_tests(${NAME}_tests DISCOVERY_TIMEOUT 60
      PROPERTIES ENVIRONMENT "ROOST_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  endif()
endfunction()
