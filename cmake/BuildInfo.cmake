# `roost --version`: version, git commit, compiler and build flags, in one
# small generated file. The commit is read at every build of roost, but the
# file is rewritten only when its text changes, so a new commit recompiles
# this one file and relinks roost, nothing else.
set(_build_info_cc ${PROJECT_BINARY_DIR}/generated/build_info.cc)
if(ROOST_PGO STREQUAL "use")
  set(_pgo "yes (GCC profile-guided optimisation)")
elseif(ROOST_PGO STREQUAL "generate")
  set(_pgo "no: instrumented build, it writes a profile")
else()
  set(_pgo "no")
endif()
set(_flags "${CMAKE_BUILD_TYPE}")
if(ROOST_NATIVE)
  string(APPEND _flags ", -march=native")
endif()
if(ROOST_SANITIZE)
  string(APPEND _flags ", ASan+UBSan")
endif()
add_custom_target(roost_build_info_file
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${_build_info_cc}
          -DTEMPLATE=${CMAKE_CURRENT_LIST_DIR}/build_info.cc.in -DVERSION=${PROJECT_VERSION}
          -DPGO=${_pgo} -DFLAGS=${_flags} -P ${CMAKE_CURRENT_LIST_DIR}/WriteBuildInfo.cmake
  BYPRODUCTS ${_build_info_cc}
  COMMENT "Reading the git commit for roost --version"
  VERBATIM)
add_library(roost_build_info STATIC ${_build_info_cc})
target_include_directories(roost_build_info PRIVATE ${PROJECT_SOURCE_DIR}/src)
add_dependencies(roost_build_info roost_build_info_file)
target_link_libraries(roost PRIVATE roost_build_info)
