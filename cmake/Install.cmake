# Installing and packaging roost (docs/INSTALL.md). Included once every
# target exists.
#   PREFIX/bin/roost
#   PREFIX/share/roost/{lexicons,models,dashboard}   found from the binary's
#                                                    own path (src/common/asset_path.h)
# The layout is fixed (bin/ beside share/roost/) because the binary finds its
# data relative to itself. Roost's own rules use COMPONENT roost; another part
# (a language binding) installs under a component of its own name.
include(cmake/RoostData.cmake)
include(cmake/BuildInfo.cmake)

install(TARGETS roost RUNTIME DESTINATION bin COMPONENT roost)
install(DIRECTORY ${ROOST_DATA_BUILD_DIR}/ DESTINATION share/roost COMPONENT roost)

include(cmake/Package.cmake)
