-- wrk script for bench/answers.py: each wrk thread is one learner with one connection,
-- answering random questions of its own exam as fast as it can. The plan (sessions,
-- attempts, choices) is written by answers.py; the last answer each learner saved is
-- reported back so that answers.py can check the database for lost answers.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  local plan = dofile(os.getenv("ANSWERS_PLAN"))
  learner = plan[index]
  attempt_id = learner.attempt
  csrf = plan.csrf
  math.randomseed(index * 7919)
  last = {}
  failures = 0
  pending = nil
end

function request()
  local item = learner.items[math.random(#learner.items)]
  local choice = item.choices[math.random(#item.choices)]
  pending = {item.position, choice}
  return wrk.format("POST", "/exams/" .. learner.attempt .. "/q/" .. item.position .. "/answer/", {
    ["Cookie"] = "sessionid=" .. learner.session .. "; csrftoken=" .. csrf,
    ["X-CSRFToken"] = csrf,
    ["HX-Request"] = "true",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "choice=" .. choice)
end

function response(status, headers, body)
  if status == 200 and pending then
    last[tostring(pending[1])] = pending[2]
  else
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("ANSWERS_RESULT"), "w")
  out:write(string.format('{"requests": %d, "duration_us": %d, "socket_errors": %d, ',
    summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  out:write(string.format('"status_errors": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ',
    summary.errors.status, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
  out:write(string.format('"p999_us": %d, "max_us": %d, ', latency:percentile(99.9), latency.max))
  out:write('"learners": [')
  for i, thread in ipairs(threads) do
    local last = thread:get("last")
    local parts = {}
    for position, choice in pairs(last) do
      table.insert(parts, string.format('"%s": %d', position, choice))
    end
    -- The request in flight when time ran out may have been saved without its answer
    -- being read: report it so that it is not mistaken for a lost answer.
    local pending = thread:get("pending") or {0, 0}
    out:write(string.format('%s{"attempt": %d, "failures": %d, "in_flight": [%d, %d], "last": {%s}}',
      i > 1 and ", " or "", thread:get("attempt_id"), thread:get("failures"),
      pending[1], pending[2], table.concat(parts, ", ")))
  end
  out:write("]}\n")
  out:close()
end
