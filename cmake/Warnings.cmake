# Warnings for Roost's own code. Third-party headers are SYSTEM includes
# (imported targets, and cmake/Dependencies.cmake), so their warnings stay out
# of the build log.
add_compile_options(-Wall -Wextra)
# GCC 12 at -O3 reports -Wrestrict inside libstdc++'s std::string (inlined
# _M_replace; GCC bug 105329, fixed in 13): a false positive located in a
# system header that system-header suppression does not catch.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  add_compile_options(-Wno-restrict)
endif()
# GCC 12 with AVX-512 (-march=native) reports -Wmaybe-uninitialized inside
# its own avx512fintrin.h when Eigen reduces a vector (_mm512_undefined_pd;
# GCC bug 105593, fixed in 12.3). Only the forecast module includes Eigen, so
# only its targets lose that warning (and the segment writer, below); run once
# every target exists.
function(_roost_quiet_eigen_intrinsics)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 12.3)
    foreach(_t roost_forecast forecast_tests)
      if(TARGET ${_t})
        # -Wuninitialized too: with a profile, GCC inlines further and says "is used".
        target_compile_options(${_t} PRIVATE -Wno-maybe-uninitialized -Wno-uninitialized)
      endif()
    endforeach()
    # XXH3 of the system's xxhash.h, inlined into the segment writer, reaches
    # the same intrinsics.
    if(TARGET roost_storage)
      set_source_files_properties(${CMAKE_SOURCE_DIR}/src/storage/segment_writer.cc TARGET_DIRECTORY roost_storage
                                  PROPERTIES COMPILE_OPTIONS "-Wno-maybe-uninitialized;-Wno-uninitialized")
    endif()
  endif()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _roost_quiet_eigen_intrinsics)
