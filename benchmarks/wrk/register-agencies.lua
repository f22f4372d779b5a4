-- wrk: registers a new agency per request, under a code no other request uses
-- (thread number, then a counter), through the gateway, with the secretariat's token in HUB_TOKEN.
-- thread_id is a global: setup() sets it in each thread's own Lua state, which a local would shadow
local counter = 0
thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local code = string.format("W%d-%d%s", thread_id, counter, os.getenv("RUN") or "")
  local body = string.format(
    '{"code":"%s","name":"Load agency %s","countries":["FR"],"kind":"NATIONAL_AGENCY","membership":"NON_MEMBER"}',
    code, code)
  return wrk.format("POST", "/api/v1/agencies",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("HUB_TOKEN") or "") }, body)
end

-- answers by status, per thread; done() adds them up
statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, string.format("%d: %d", status, count))
  end
  table.sort(parts)
  io.write("answers by status: " .. table.concat(parts, ", ") .. "\n")
  io.write(string.format("requests %d, errors (socket) %d, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
