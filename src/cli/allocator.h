// TuneAllocator: process-wide allocator settings, applied once at start-up.
#ifndef ROOST_CLI_ALLOCATOR_H_
#define ROOST_CLI_ALLOCATOR_H_

namespace roost::cli {

void TuneAllocator();

}  // namespace roost::cli

#endif  // ROOST_CLI_ALLOCATOR_H_
