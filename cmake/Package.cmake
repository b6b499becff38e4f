# The Debian package of roost, built by CPack (scripts/package):
# build/roost_VERSION_ARCH.deb holding /usr/bin/roost and /usr/share/roost.
# Depends is computed by dpkg-shlibdeps from the shared libraries roost links
# (libre2-9, libhyperscan5, libsodium23, ...); tests/cli/install.sh checks it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME roost)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "engine for historical tweet archives")
set(CPACK_PACKAGE_DESCRIPTION
  "Roost turns exports of public tweets into a compact, compliant, indexed archive and answers what was said, by whom, when and how people felt: counts, series, trends, spikes, forecasts, reports and a JSON API with a web dashboard.")
set(CPACK_PACKAGE_CONTACT "Roost maintainers <roost@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the build's debug info stays in the build tree
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # roost_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)  # quick to build on two cores
include(CPack)
