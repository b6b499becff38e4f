// A brands answer as JSON: the one rendering that `roost brands --json`
// and the API's /api/brands print, so their shapes cannot drift apart.
#ifndef ROOST_ANSWER_BRANDS_JSON_H_
#define ROOST_ANSWER_BRANDS_JSON_H_

#include <optional>
#include <string>

#include "roost/roost.h"

namespace roost::answer {

std::string BrandsJson(const BrandsAnswer& a, std::optional<double> elapsed_ms = std::nullopt);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_BRANDS_JSON_H_
