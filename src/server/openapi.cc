// The OpenAPI 3 description served at /api/openapi.json. Kept beside the
// handlers in api.cc; the server test checks that every path it lists
// answers.
#include "server/api.h"

namespace roost::server {
namespace {

constexpr const char* kOpenApi = R"json({
  "openapi": "3.0.3",
  "info": {"title": "Roost", "version": "0.1.0",
           "description": "Gated answers over a tweet archive. Send the API key as 'Authorization: Bearer KEY'. Analyst keys get the archive's privacy gate; admin keys exact answers."},
  "components": {
    "securitySchemes": {"key": {"type": "http", "scheme": "bearer"}},
    "parameters": {
      "filter": {"name": "filter", "in": "query", "schema": {"type": "string"}, "description": "CSDL filter or PowerTrack-style rule; empty: every tweet"},
      "from": {"name": "from", "in": "query", "schema": {"type": "string"}, "description": "inclusive start: ISO 8601, YYYY-MM or epoch seconds"},
      "to": {"name": "to", "in": "query", "schema": {"type": "string"}, "description": "exclusive end"},
      "tz": {"name": "tz", "in": "query", "schema": {"type": "string", "default": "UTC"}},
      "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}},
      "metrics": {"name": "metrics", "in": "query", "schema": {"type": "string"}, "description": "tweets,authors,kinds,engagement,sentiment or all"}
    },
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}}
    }
  },
  "security": [{"key": []}],
  "paths": {
    "/api/info": {"get": {"summary": "the caller's role, gate and the archive's tweets", "responses": {"200": {"description": "ok"}, "401": {"description": "no or wrong key"}}}},
    "/api/count": {"get": {"summary": "tweets matching a filter", "parameters": [{"$ref": "#/components/parameters/filter"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/tz"}], "responses": {"200": {"description": "{\"count\", \"tweets\", \"redacted\"?}"}, "400": {"description": "bad filter or range", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
    "/api/sample": {"get": {"summary": "a few matching tweets (ids, handles and text as the role allows)", "parameters": [{"$ref": "#/components/parameters/filter"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/tz"}, {"$ref": "#/components/parameters/limit"}], "responses": {"200": {"description": "{\"tweets\": [...]}"}}}},
    "/api/explain": {"get": {"summary": "the plan of a filter and the rows each step kept", "parameters": [{"$ref": "#/components/parameters/filter"}], "responses": {"200": {"description": "{\"plan\": ...}"}}}},
    "/api/series": {"get": {"summary": "metrics per time bucket", "parameters": [{"$ref": "#/components/parameters/filter"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/tz"}, {"name": "interval", "in": "query", "schema": {"type": "string", "enum": ["minute", "hour", "day", "week", "month"]}}, {"$ref": "#/components/parameters/metrics"}], "responses": {"200": {"description": "{\"buckets\": [{\"start\", \"tweets\", ...}]}"}}}},
    "/api/top": {"get": {"summary": "most frequent values, nested", "parameters": [{"$ref": "#/components/parameters/filter"}, {"name": "target", "in": "query", "schema": {"type": "string"}}, {"name": "then", "in": "query", "schema": {"type": "string"}}, {"$ref": "#/components/parameters/limit"}, {"name": "rank_by", "in": "query", "schema": {"type": "string"}}, {"$ref": "#/components/parameters/metrics"}], "responses": {"200": {"description": "{\"items\": [{\"value\", \"tweets\", \"unique_authors\"}]}"}}}},
    "/api/trends": {"get": {"summary": "what was trending at a moment (at) or over a range (from, to), each trend with its values, hourly curve and top tweets", "parameters": [{"$ref": "#/components/parameters/filter"}, {"name": "at", "in": "query", "schema": {"type": "string"}, "description": "start of one window (not with from/to)"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/tz"}, {"name": "interval", "in": "query", "schema": {"type": "string", "enum": ["hour", "day"], "default": "day"}}, {"name": "lang", "in": "query", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 64, "default": 10}}, {"name": "tweets", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100, "default": 3}}, {"name": "min_support", "in": "query", "schema": {"type": "integer", "minimum": 0}}, {"name": "min_sources", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 5}}, {"name": "min_burst_z", "in": "query", "schema": {"type": "number", "minimum": 0, "default": 8}}], "responses": {"200": {"description": "{\"interval\", \"tz\", \"at\"?, \"filter\", \"privacy\", \"trends\": [{\"label\", \"score\", \"tweets\", \"start\", \"peak\", \"end\", \"terms\", \"curve_start\", \"curve\", \"top_tweets\"}]}"}, "400": {"description": "bad filter, time or parameter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
    "/api/spikes": {"get": {"summary": "volume spikes against a seasonal baseline, each explained by its over-represented values", "parameters": [{"$ref": "#/components/parameters/filter"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/tz"}, {"name": "interval", "in": "query", "schema": {"type": "string", "enum": ["minute", "hour", "day"], "default": "hour"}}, {"name": "threshold", "in": "query", "schema": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.65}}, {"name": "min_spike_z", "in": "query", "schema": {"type": "number", "minimum": 0, "default": 6}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 5}}, {"name": "tweets", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100, "default": 3}}], "responses": {"200": {"description": "{\"interval\", \"tz\", \"filter\", \"privacy\", \"spikes\": [{\"start\", \"peak\", \"end\", \"peak_tweets\", \"expected_tweets\", \"magnitude\", \"excess_tweets\", \"score\", \"baseline\", \"explanation\", \"top_tweets\", \"news\"}]}"}}}},
    "/api/forecast": {"get": {"summary": "the filter's tweets per bucket forecast with 80% and 95% intervals, the model chosen and scored by a rolling-origin backtest against seasonal naive; the history it was fitted on included", "parameters": [{"$ref": "#/components/parameters/filter"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/tz"}, {"name": "interval", "in": "query", "schema": {"type": "string", "enum": ["hour", "day"], "default": "hour"}}, {"name": "horizon", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000, "default": 24}}, {"name": "backtest_every", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100000, "default": 0}}, {"name": "backtest_after", "in": "query", "schema": {"type": "number", "minimum": 0}}, {"name": "combine", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 20, "default": 3}}], "responses": {"200": {"description": "{\"model\", \"combined\", \"interval\", \"horizon\", \"history\": {\"start\", \"steps\", \"redacted\", \"buckets\": [{\"timestamp\", \"value\" | \"redacted\"}]}, \"forecast\": [{\"timestamp\", \"value\", \"lo80\", \"hi80\", \"lo95\", \"hi95\"}], \"backtest\", \"tz\", \"privacy\", \"warnings\"}, as roost forecast --json prints it"}}}},
    "/api/openapi.json": {"get": {"summary": "this document", "security": [], "responses": {"200": {"description": "ok"}}}}
  }
}
)json";

}  // namespace

const std::string& Api::OpenApiJson() {
  static const std::string doc = kOpenApi;
  return doc;
}

}  // namespace roost::server
