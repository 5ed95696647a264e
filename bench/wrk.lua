-- Request script for wrk: optional pacing, request mixes, token rotation; prints one JSON line at the end.
-- Environment: WRK_DELAY_MS (pause before each request of a connection), WRK_PATHS (file: one path per
-- line, chosen at random), WRK_METHOD, WRK_BODY (with {n} replaced by a counter), WRK_TOKENS (file: one
-- API token per line, chosen at random).
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
local paths, tokens = {}, {}
local counter = 0

local function lines(name)
  local out = {}
  if name and name ~= "" then
    for line in io.lines(name) do if line ~= "" then table.insert(out, line) end end
  end
  return out
end

function init(args)
  paths = lines(os.getenv("WRK_PATHS"))
  tokens = lines(os.getenv("WRK_TOKENS"))
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function delay()
  return delay_ms
end

function request()
  counter = counter + 1
  local path = wrk.path
  if #paths > 0 then path = paths[math.random(#paths)] end
  local headers = {}
  if #tokens > 0 then headers["Authorization"] = "Token " .. tokens[math.random(#tokens)] end
  local payload = nil
  if body then
    headers["Content-Type"] = "application/json"
    payload = body:gsub("{n}", tostring(counter)):gsub("{r}", tostring(math.random(1000000)))
  end
  return wrk.format(method, path, headers, payload)
end

function done(summary, latency, requests)
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "non2xx": %d, "socket_errors": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %d}\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
