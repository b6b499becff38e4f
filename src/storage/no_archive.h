// The error for a directory that holds no archive, written for the person
// who named it: a mistyped path, or the folder one level above the archive
// (people point --archive at the folder they put it in), is told apart.
#ifndef ROOST_STORAGE_NO_ARCHIVE_H_
#define ROOST_STORAGE_NO_ARCHIVE_H_

#include <string>

#include "roost/status.h"

namespace roost::storage {

// Always kNotFound. The message starts "no archive at DIR" unless a folder
// directly inside DIR is an archive: then "DIR holds no archive; DIR/sub is
// one: use --archive DIR/sub".
Status NoArchiveAt(const std::string& dir);

}  // namespace roost::storage

#endif  // ROOST_STORAGE_NO_ARCHIVE_H_
