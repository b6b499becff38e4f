# cmake -P script run at build time by BuildInfo.cmake: writes OUTPUT from
# TEMPLATE with the checkout's commit. configure_file leaves OUTPUT untouched
# when its text is unchanged, so nothing recompiles then.
# GIT_OPTIONAL_LOCKS=0: never take the index lock of a checkout others commit in.
set(ENV{GIT_OPTIONAL_LOCKS} 0)
set(GIT_COMMIT "unknown (not built from a git checkout)")
find_program(GIT git)
if(GIT)
  execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} rev-parse HEAD
    OUTPUT_VARIABLE _commit RESULT_VARIABLE _rc OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(_rc EQUAL 0)
    set(GIT_COMMIT ${_commit})
    execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} status --porcelain --untracked-files=no
      OUTPUT_VARIABLE _changes RESULT_VARIABLE _rc ERROR_QUIET)
    if(_rc EQUAL 0 AND NOT _changes STREQUAL "")
      string(APPEND GIT_COMMIT " (with uncommitted changes)")
    endif()
  endif()
endif()
configure_file(${TEMPLATE} ${OUTPUT} @ONLY)
