-- Request script for wrk: optional pacing, request mixes, token rotation; prints one JSON line at the end.
-- Environment: WRK_DELAY_MS (pause before each request of a connection), WRK_PATHS (file: one address per
-- line, chosen at random; a line may add request headers after tabs: "path<TAB>Cookie: a=b<TAB>Accept-Language:
-- fr"), WRK_SEQUENTIAL=1 (take the lines in order, each once: thread i of WRK_THREADS takes lines
-- WRK_OFFSET + i, + i + WRK_THREADS, ...; wrk threads have separate Lua states), WRK_METHOD, WRK_BODY (with
-- {n} replaced by a counter), WRK_TOKENS (file: one API token per line, chosen at random), WRK_COOKIE (a
-- Cookie header sent with every request: a signed-in session). The JSON line counts 5xx answers of writes apart.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
local cookie = os.getenv("WRK_COOKIE")
local sequential = os.getenv("WRK_SEQUENTIAL") == "1"
local offset = tonumber(os.getenv("WRK_OFFSET") or "0")
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local paths, tokens = {}, {}
counter = 0  -- global: done() reads it from each thread (thread:get sees globals only)
server_errors = 0  -- 5xx answers; counted for writes only (a response() hook makes wrk parse every answer)
local created = {}

local function lines(name)
  local out = {}
  if name and name ~= "" then
    for line in io.lines(name) do if line ~= "" then table.insert(out, line) end end
  end
  return out
end

local function parse(line)
  local fields = {}
  for field in string.gmatch(line, "[^\t]+") do table.insert(fields, field) end
  local headers = {}
  for i = 2, #fields do
    local name, value = string.match(fields[i], "^([^:]+):%s*(.*)$")
    if name then headers[name] = value end
  end
  return fields[1], headers
end

function setup(thread)
  -- Runs in the main Lua state, before the thread's init(): number the threads (done() reads their counters).
  thread:set("thread_index", #created)
  table.insert(created, thread)
end

function init(args)
  paths = lines(os.getenv("WRK_PATHS"))
  tokens = lines(os.getenv("WRK_TOKENS"))
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function delay()
  return delay_ms
end

local function next_line()
  if sequential then
    -- Each line once, in order; past the end the list starts again (the harness reports that as wrapped).
    -- The threads interleave; one may run ahead of the other: done() reports the first line no thread took.
    local index = offset + (thread_index or 0) + (counter - 1) * threads
    return paths[index % #paths + 1]
  end
  return paths[math.random(#paths)]
end

function request()
  counter = counter + 1
  local path, headers = wrk.path, {}
  if #paths > 0 then path, headers = parse(next_line()) end
  if cookie and cookie ~= "" and not headers["Cookie"] then headers["Cookie"] = cookie end
  if #tokens > 0 then headers["Authorization"] = "Token " .. tokens[math.random(#tokens)] end
  local payload = nil
  if body then
    headers["Content-Type"] = "application/json"
    payload = body:gsub("{n}", tostring(counter)):gsub("{r}", tostring(math.random(1000000)))
  end
  return wrk.format(method, path, headers, payload)
end

if method ~= "GET" then
  function response(status, headers, body)
    if status >= 500 then server_errors = server_errors + 1 end
  end
end

function done(summary, latency, requests)
  local next_offset, five_hundreds = offset, 0
  for _, thread in ipairs(created) do
    five_hundreds = five_hundreds + (thread:get("server_errors") or 0)
    local top = offset + thread:get("thread_index") + (thread:get("counter") or 0) * threads
    if top > next_offset then next_offset = top end
  end
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "non2xx": %d, "socket_errors": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %d, "next_offset": %d, "server_errors": %d}\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, next_offset, five_hundreds))
end
