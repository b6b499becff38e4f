// The "privacy" object every JSON answer carries: the gate it passed.
#ifndef ROOST_ANSWER_GATE_JSON_H_
#define ROOST_ANSWER_GATE_JSON_H_

#include "common/json_writer.h"
#include "roost/roost.h"

namespace roost::answer {

void WriteGate(JsonWriter* w, const GateSettings& g);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_GATE_JSON_H_
