// roost entities: one text per line on stdin, its entities on stdout (one
// line per input line), for checking the extractor by hand or in scripts.
//   plain:  entities separated by tabs, with their sigils (#tag @user $CASH url)
//   --json: one JSON object per line:
//           {"entities":[{"type":"hashtag","text":"tag","indices":[0,4]},
//                        {"type":"url","text":"...","indices":[s,e],"domain":"example.com"}],
//            "reply_to":"user"|null,"weighted_length":N,"valid":true}
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "common/json_writer.h"
#include "enrich/entities/entity_extractor.h"

namespace roost::cli {
namespace {

const char* Sigil(enrich::Entity::Type type) {
  switch (type) {
    case enrich::Entity::kHashtag:
      return "#";
    case enrich::Entity::kMention:
    case enrich::Entity::kList:
      return "@";
    case enrich::Entity::kCashtag:
      return "$";
    case enrich::Entity::kUrl:
      return "";
  }
  return "";
}

int RunEntities(bool json) {
  enrich::EntityExtractor extractor;
  std::vector<enrich::Entity> entities;
  std::string line, out;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    extractor.Extract(line, &entities);
    out.clear();
    if (json) {
      out.append("{\"entities\":[");
      for (size_t i = 0; i < entities.size(); ++i) {
        const auto& e = entities[i];
        if (i) out.push_back(',');
        out.append("{\"type\":\"").append(enrich::EntityTypeName(e.type)).append("\",\"text\":");
        AppendJsonString(&out, e.text);
        out.append(",\"indices\":[")
            .append(std::to_string(e.start))
            .append(",")
            .append(std::to_string(e.end))
            .append("]");
        if (e.type == enrich::Entity::kUrl) {
          out.append(",\"domain\":");
          AppendJsonString(&out, enrich::NormalizeDomain(e.text));
        }
        out.push_back('}');
      }
      out.append("],\"reply_to\":");
      std::string reply = extractor.ReplyScreenName(line);
      if (reply.empty()) {
        out.append("null");
      } else {
        AppendJsonString(&out, reply);
      }
      enrich::TweetLength length = extractor.ParseTweet(line);
      out.append(",\"weighted_length\":").append(std::to_string(length.weighted_length));
      out.append(",\"valid\":").append(length.valid ? "true" : "false").append("}");
    } else {
      for (size_t i = 0; i < entities.size(); ++i) {
        if (i) out.push_back('\t');
        out.append(Sigil(entities[i].type)).append(entities[i].text);
      }
    }
    out.push_back('\n');
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (std::cin.bad()) {
    std::fprintf(stderr, "roost entities: error reading stdin\n");
    return kExitFailure;
  }
  if (std::fflush(stdout) != 0) return kExitFailure;
  return kExitOk;
}

}  // namespace

void AddEntitiesCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "entities", "extract hashtags, mentions, URLs and cashtags from one text per line on stdin");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json,
                "one JSON object per line: entities with type, text, indices (code points), "
                "URL domains, reply_to, weighted length");
  cmd->callback([exit_code, json] { *exit_code = RunEntities(*json); });
}

}  // namespace roost::cli
