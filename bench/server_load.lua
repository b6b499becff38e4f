-- wrk script of bench/server_load: requests of one class (ROOST_CLASS: count,
-- series, top, explain, sample or mixed), each picked at random from a set
-- of questions a dashboard asks, with the API key of ROOST_KEY. done()
-- prints one line: class, requests, rate, latency percentiles, errors.
local class = os.getenv("ROOST_CLASS") or "mixed"
local key = os.getenv("ROOST_KEY") or ""

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local filters = {
  "", "Zelkor", "lang:fr has:links", "#music OR #nowplaying", "lang:en",
  'interaction.content contains_any "breach,recall" and language.tag == "en"',
}
local ranges = {
  "", "&from=2012-03-02&to=2012-03-03", "&from=2012-03-05&to=2012-03-12", "&from=2012-03-10T06:00&to=2012-03-10T18:00",
}

local paths = {}
local function add(c, p) if class == c or class == "mixed" then table.insert(paths, p) end end
for _, f in ipairs(filters) do
  for _, r in ipairs(ranges) do
    local q = "?filter=" .. enc(f) .. r
    add("count", "/api/count" .. q)
    add("series", "/api/series" .. q .. "&interval=day")
    add("series", "/api/series" .. q .. "&interval=hour&metrics=tweets,authors")
    add("top", "/api/top" .. q .. "&target=hashtags&limit=10")
    add("top", "/api/top" .. q .. "&target=lang&then=sentiment_class&limit=5")
    add("sample", "/api/sample" .. q .. "&limit=10")
    if f ~= "" then add("explain", "/api/explain" .. q) end
  end
end

local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  wrk.headers["Authorization"] = "Bearer " .. key
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "%-8s requests=%d rate=%.1f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms non2xx=%d socket_errors=%d paths=%d\n",
    class, summary.requests, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout, #paths))
end
