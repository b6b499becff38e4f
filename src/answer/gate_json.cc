#include "answer/gate_json.h"

namespace roost::answer {

void WriteGate(JsonWriter* w, const GateSettings& g) {
  w->Key("privacy").BeginObject().Key("enabled").Bool(g.enabled);
  if (g.enabled) {
    w->Key("min_answer_authors").Uint(g.min_answer_authors).Key("min_group_authors").Uint(g.min_group_authors);
    w->Key("count_quantum").Uint(g.count_quantum).Key("origin").String(g.origin);
  }
  w->EndObject();
}

}  // namespace roost::answer
