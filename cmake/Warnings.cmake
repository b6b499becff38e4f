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
