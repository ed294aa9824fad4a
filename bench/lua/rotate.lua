-- Sends each request with the next credential of a list, so that the load comes from
-- several signed-in users. BENCH_HEADERS holds header lines separated by "|", e.g.
-- "Cookie: PORTAL_SESSION=…|Cookie: PORTAL_SESSION=…" or "Authorization: Bearer cpt_…".
local credentials = {}
local next_one = 1

function init(args)
  local list = os.getenv("BENCH_HEADERS") or ""
  for item in string.gmatch(list, "[^|]+") do
    local name, value = string.match(item, "^([^:]+):%s*(.*)$")
    table.insert(credentials, { [name] = value, ["Accept-Encoding"] = os.getenv("BENCH_ACCEPT_ENCODING") or "" })
  end
  -- Threads start at different users.
  next_one = (math.random(1, math.max(#credentials, 1)))
end

-- BENCH_THINK_MS makes each connection a person who waits between requests: a random pause of
-- half to one and a half times that many milliseconds before each one. Latency is timed from
-- the request's sending, so the pause is not counted in it.
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")
if think > 0 then
  function delay()
    return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
  end
end

function request()
  if #credentials == 0 then
    return wrk.format("GET", nil, { ["Accept-Encoding"] = os.getenv("BENCH_ACCEPT_ENCODING") or "" })
  end
  local headers = credentials[next_one]
  next_one = next_one % #credentials + 1
  return wrk.format("GET", nil, headers)
end
