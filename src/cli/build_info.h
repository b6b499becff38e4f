// What `roost --version` prints. Defined in a file generated at build time
// (cmake/BuildInfo.cmake), so a new commit recompiles only that file.
#ifndef ROOST_CLI_BUILD_INFO_H_
#define ROOST_CLI_BUILD_INFO_H_

namespace roost::cli {

// Several lines: "roost VERSION", the git commit, the compiler and its
// version, whether the build is profile-guided, the build type and flags.
const char* VersionText();

}  // namespace roost::cli

#endif  // ROOST_CLI_BUILD_INFO_H_
