-- One endpoint per wrk run, from the environment: BENCH_METHOD, BENCH_PATH and BENCH_BODY (where
-- "{k}" becomes a random integer in [BENCH_LO, BENCH_HI] per request) and BENCH_TOKEN.
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY") or ""
local lo = tonumber(os.getenv("BENCH_LO") or "1")
local hi = tonumber(os.getenv("BENCH_HI") or "1")
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
if body ~= "" then headers["Content-Type"] = "application/json" end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

request = function()
  local k = tostring(math.random(lo, hi))
  local b = nil
  if body ~= "" then b = body:gsub("{k}", k) end
  return wrk.format(method, (path:gsub("{k}", k)), headers, b)
end

